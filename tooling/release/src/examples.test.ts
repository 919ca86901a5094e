// The examples/ folder, run against the packed tarballs installed in a temporary folder:
// the same Durham summary must come out of Node, headless chromium and workerd.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { Miniflare } from 'miniflare';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { REPO_ROOT } from './pack.ts';

const run = promisify(execFile);
const { appDir } = inject('release');
const RAW = path.join(REPO_ROOT, 'packages/peel-data/data/raw');

/** A force's 2016 grade for one question, read straight from the raw HMIC grades table (not through peel-data). */
function rawGrade2016(forceInGradesFile: string, question: string): string {
  const lines = readFileSync(path.join(RAW, 'peel-effectiveness-grades-2015-2017/grades.csv'), 'utf8').split(/\r?\n/);
  const [header, ...rows] = lines;
  expect(header?.split(',').slice(0, 4)).toEqual(['year', 'force', 'question', 'grade']);
  const grades = new Set(
    rows
      .map((row) => row.split(',').slice(0, 4))
      .filter(([year, force, q]) => year === '2016' && force === forceInGradesFile && q === question)
      .map((row) => row[3]),
  );
  expect([...grades], `one ${question} 2016 grade for ${forceInGradesFile} in grades.csv`).toHaveLength(1);
  return [...grades][0]!;
}

/** The force name data.police.uk prints in its "Reported by" column, from the raw street-level sample. */
function rawPoliceUkName(): string {
  const [header, first] = readFileSync(
    path.join(RAW, 'policeuk-street-sample/2016-06-durham-street.first20rows.csv'),
    'utf8',
  ).split(/\r?\n/);
  const column = header!.split(',').indexOf('Reported by');
  expect(column).toBeGreaterThanOrEqual(0);
  return first!.split(',')[column]!;
}

let nodeLines: string[] = [];

describe('npm install of the two tarballs', () => {
  test("shares one zod, the user's (a peer dependency), and one peel-data", () => {
    for (const nested of [
      'peel-data/node_modules/zod',
      'peel-metrics/node_modules/zod',
      'peel-metrics/node_modules/peel-data',
    ]) {
      expect(existsSync(path.join(appDir, 'node_modules', nested)), nested).toBe(false);
    }
    expect(existsSync(path.join(appDir, 'node_modules/zod/package.json'))).toBe(true);
  });
});

describe('examples/node.mjs', () => {
  test(
    "prints Durham's 2016 summary: the name and overall grade the raw sources give, then recomputed " + 'figures',
    async () => {
      const { stdout, stderr } = await run(process.execPath, ['node.mjs', 'durham'], { cwd: appDir, timeout: 60_000 });
      expect(stderr).toBe('');
      nodeLines = stdout.trimEnd().split('\n');
      expect(nodeLines[0]).toMatch(new RegExp(`^PEEL: Police effectiveness 2016 – ${rawPoliceUkName()}$`));
      expect(nodeLines[1]).toBe(`Overall grade (2016): ${rawGrade2016('Durham', 'overall')}`);
      // Core questions 1-4 in the grades file's words (question 5, specialist capabilities, was ungraded in 2016).
      const questions = ['preventing', 'investigating', 'vulnerability', 'serious_organised'];
      expect(nodeLines.slice(2, 6)).toEqual(
        questions.map((question, index) => `Question ${index + 1}: ${rawGrade2016('Durham', question)}`),
      );
      // At least two recomputed figures, each with its England and Wales comparator.
      expect(
        nodeLines.filter((line) => /: [+-]?[\d,.]+%?; England and Wales: [+-]?[\d,.]+%?$/.test(line)).length,
      ).toBeGreaterThanOrEqual(2);
      expect(nodeLines.join('\n')).not.toMatch(/NaN|undefined|null/);
    },
  );

  test('an unknown force is a clear error, not an empty summary', async () => {
    const failure = await run(process.execPath, ['node.mjs', 'gotham'], { cwd: appDir }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure).toMatchObject({ code: 1, stderr: expect.stringContaining('no force "gotham"') });
  });
});

describe('examples/browser.mjs in headless chromium', () => {
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  let browser: Browser | undefined;
  let server: Server | undefined;
  let origin = '';

  beforeAll(async () => {
    if (!existsSync(chromiumPath))
      throw new Error(
        `no chromium at ${chromiumPath}: run "bash scripts/setup.sh --browser" (Debian's chromium), or set ` +
          `CHROMIUM_PATH`,
      );
    await build({
      entryPoints: [path.join(appDir, 'browser.mjs')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      outfile: path.join(appDir, 'browser.js'),
      logLevel: 'silent',
    });
    // Module scripts need http(s): serve the folder on a free local port.
    server = createServer(async (request, response) => {
      const file = path.join(appDir, new URL(request.url ?? '/', 'http://x').pathname);
      if (!file.startsWith(appDir) || !existsSync(file)) return void response.writeHead(404).end();
      response
        .writeHead(200, { 'content-type': file.endsWith('.html') ? 'text/html' : 'text/javascript' })
        .end(await readFile(file));
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // playwright gives each launch a fresh temporary profile (it refuses an explicit --user-data-dir here).
    browser = await chromium.launch({
      executablePath: chromiumPath,
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
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  });

  test('the bundle has no Node built-ins', async () => {
    const bundle = await readFile(path.join(appDir, 'browser.js'), 'utf8');
    expect(bundle).not.toMatch(/from\s*["']node:|require\(["'](fs|path|node:)/);
  });

  test('shows the same summary as Node', async () => {
    const page = await browser!.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${origin}/browser.html?force=durham`);
    await page.waitForSelector('#summary:not([data-status="loading"])', { timeout: 30_000 });
    const text = await page.locator('#summary').textContent();
    expect(errors).toEqual([]);
    expect(await page.locator('#summary').getAttribute('data-status')).toBe('done');
    expect(text?.split('\n')).toEqual(nodeLines);
  });
});

describe('examples/worker.mjs in workerd', () => {
  let miniflare: Miniflare | undefined;

  beforeAll(async () => {
    const outfile = path.join(appDir, 'worker.js');
    await build({
      entryPoints: [path.join(appDir, 'worker.mjs')],
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      conditions: ['workerd', 'worker', 'browser'],
      mainFields: ['module', 'main'],
      outfile,
      logLevel: 'silent',
    });
    // One bundled module, passed as text: workerd refuses module paths outside its working directory.
    miniflare = new Miniflare({
      modules: true,
      script: await readFile(outfile, 'utf8'),
      compatibilityDate: '2026-04-01',
      cf: false,
    });
    await miniflare.ready;
  });
  afterAll(() => miniflare?.dispose());

  test('answers with the same summary as Node', async () => {
    const response = await miniflare!.dispatchFetch('http://localhost/?force=durham');
    expect(response.status).toBe(200);
    expect((await response.text()).trimEnd().split('\n')).toEqual(nodeLines);
  });

  test('answers 404 with the reason for an unknown force', async () => {
    const response = await miniflare!.dispatchFetch('http://localhost/?force=gotham');
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('no force "gotham"');
  });
});
