/**
 * Crawls the built site from / over every internal link (and every page's downloads), as a visitor would:
 * every link resolves (no 404), every HTML page has exactly one <h1> and a non-empty <title>, and every
 * response carries the security headers.
 */
import { territorialForces } from 'peel-data';
import { reportPeriods } from 'peel-metrics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../server/security-headers.js';
import { startSite, type RunningSite } from './harness.ts';

let site: RunningSite;
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.stop();
});

interface Visited {
  path: string;
  status: number;
  contentType: string;
  from: string;
  h1Count?: number;
  title?: string;
  headers: Headers;
}

function internalLinks(html: string, base: URL): string[] {
  const links: string[] = [];
  for (const match of html.matchAll(/\shref="([^"]*)"/g)) {
    const href = match[1]!.replace(/&amp;/g, '&');
    const url = new URL(href, base);
    if (url.origin !== base.origin) continue;
    links.push(url.pathname + url.search);
  }
  return links;
}

async function crawl(origin: string, start = '/', limit = 2000): Promise<Visited[]> {
  const queue: { path: string; from: string }[] = [{ path: start, from: '(start)' }];
  const seen = new Set<string>([start]);
  const visited: Visited[] = [];
  while (queue.length > 0) {
    const batch = queue.splice(0, 8);
    const results = await Promise.all(
      batch.map(async ({ path, from }) => {
        const response = await fetch(origin + path, { redirect: 'manual' });
        const contentType = response.headers.get('content-type') ?? '';
        const entry: Visited = { path, status: response.status, contentType, from, headers: response.headers };
        if (contentType.includes('text/html') && response.status === 200) {
          const html = await response.text();
          entry.h1Count = html.match(/<h1[\s>]/g)?.length ?? 0;
          entry.title = html.match(/<title>([^<]*)<\/title>/)?.[1]?.trim() ?? '';
          for (const link of internalLinks(html, new URL(path, origin))) {
            if (!seen.has(link) && seen.size < limit) {
              seen.add(link);
              queue.push({ path: link, from: path });
            }
          }
        } else {
          await response.arrayBuffer();
        }
        return entry;
      }),
    );
    visited.push(...results);
  }
  return visited;
}

describe('crawl of the built site', () => {
  let pages: Visited[] = [];
  beforeAll(async () => {
    pages = await crawl(site.origin);
  }, 120_000);

  it('reaches the report of every one of the 43 forces', () => {
    const reports = pages.filter((page) => /^\/forces\/[a-z-]+$/.test(page.path));
    expect(reports.length).toBe(43);
  });

  it('reaches the latest-period report and the comparison over time of every one of the 43 forces', () => {
    const latest = reportPeriods().at(-1);
    const reached = new Set(pages.filter((page) => page.status === 200).map((page) => page.path));
    for (const { slug } of territorialForces) {
      expect(reached.has(`/forces/${slug}/${latest}`), `${slug} latest period`).toBe(true);
      expect(reached.has(`/forces/${slug}/over-time`), `${slug} over time`).toBe(true);
    }
  });

  it('finds no broken internal link', () => {
    const broken = pages
      .filter((page) => page.status !== 200)
      .map((page) => `${page.status} ${page.path} (linked from ${page.from})`);
    expect(broken).toEqual([]);
  });

  it('gives every HTML page exactly one h1 and a title', () => {
    const html = pages.filter((page) => page.contentType.includes('text/html'));
    expect(html.length).toBeGreaterThan(50);
    const bad = html
      .filter((page) => page.h1Count !== 1 || !page.title)
      .map((page) => `${page.path}: ${page.h1Count} h1, title "${page.title}"`);
    expect(bad).toEqual([]);
  });

  it('serves CSV and JSON downloads with the right content type', () => {
    const csv = pages.filter((page) => page.path.endsWith('.csv'));
    const json = pages.filter((page) => page.path.endsWith('.json'));
    expect(csv.length).toBeGreaterThan(0);
    expect(json.length).toBeGreaterThan(0);
    expect(csv.every((page) => page.contentType.startsWith('text/csv'))).toBe(true);
    expect(json.every((page) => page.contentType.startsWith('application/json'))).toBe(true);
  });

  it.each(['/forces/atlantis', '/metrics/no_such_metric', '/no/such/page'])(
    'answers %s with a 404 page that says so, with one h1',
    async (path) => {
      const response = await fetch(site.origin + path);
      expect(response.status).toBe(404);
      const html = await response.text();
      expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
      expect(html).toContain('Page not found');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    },
  );

  it('sends the security headers with every response', () => {
    for (const page of pages) {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
        expect(page.headers.get(name), `${name} on ${page.path}`).toBe(value);
      }
    }
  });
});
