/**
 * Starts the built site (`node build/index.js` on 127.0.0.1 and a free port) and Debian's chromium through
 * playwright-core, for the browser, accessibility and crawl tests. Nothing here downloads a browser.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const WEB_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SCREENSHOT_DIR = join(WEB_ROOT, 'test-results', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface RunningSite {
  origin: string;
  stop(): Promise<void>;
}

/** Starts build/index.js; fails with a clear message when the site has not been built. */
export async function startSite(): Promise<RunningSite> {
  const entry = join(WEB_ROOT, 'build', 'index.js');
  if (!existsSync(entry)) {
    throw new Error(
      `${entry} does not exist: build the site first (pnpm --filter @peel/web build, or turbo run test which builds ` +
        `it)`,
    );
  }
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [entry], {
    cwd: WEB_ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += String(chunk)));
  child.stderr?.on('data', (chunk) => (output += String(chunk)));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`node build/index.js exited with ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(`${origin}/robots.txt`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`the site did not answer on ${origin} within 15 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    origin,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export interface RunningBrowser {
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Launches Debian's chromium headless (flags from TOOLCHAIN.md). playwright-core gives every launch a fresh
 * temporary profile itself (it refuses a --user-data-dir argument), so no state leaks between runs.
 */
export async function launchChromium(): Promise<RunningBrowser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} not found: install Debian's chromium (bash scripts/setup.sh --browser) or set CHROMIUM_PATH`,
    );
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    close: () => browser.close(),
  };
}

const AXE_SOURCE = readFileSync(fileURLToPath(import.meta.resolve('axe-core/axe.min.js')), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * Runs axe-core (WCAG 2.0–2.2 A/AA and best practice) in the page. The source goes in through
 * page.evaluate, which the page's CSP does not block (an injected <script> would be, rightly).
 */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  // Lay out report figures (content-visibility: auto) first: axe measures every element's box once, and a
  // figure skipped at its 2400 px placeholder lets a taller figure's table overlap the next figure's bars,
  // which axe reports as text on a bar colour though no reader ever sees it so.
  await page.evaluate(() => {
    for (const element of document.querySelectorAll<HTMLElement>('*')) {
      if (getComputedStyle(element).contentVisibility === 'auto') element.style.contentVisibility = 'visible';
    }
  });
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.slice(0, 5).map((node) => ({ target: node.target, failureSummary: node.failureSummary })),
    }));
  });
}

/**
 * Saves a full-page screenshot under test-results/screenshots (kept as a test artefact). JPEG: a report
 * page is ~45,000 px tall, and PNG made each one 7 MB and slow to write.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.jpg`);
  // Report figures use content-visibility: auto (laid out only near the viewport); render them all for the
  // full-page picture. page.evaluate runs even with the page's JavaScript disabled.
  await page.evaluate(() => {
    for (const element of document.querySelectorAll<HTMLElement>('*')) {
      if (getComputedStyle(element).contentVisibility === 'auto') element.style.contentVisibility = 'visible';
    }
  });
  await page.screenshot({ path, fullPage: true, type: 'jpeg', quality: 60 });
  return path;
}
