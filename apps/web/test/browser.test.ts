/**
 * The built site in Debian's chromium (playwright-core): the pages a visitor uses, with axe-core on each
 * page type (zero violations), the report page with JavaScript disabled, search, and a CSV download.
 * Screenshots are kept in test-results/screenshots.
 */
import { formatPeriod, isMissing, territorialForces } from 'peel-data';
import { buildForceReport, METRICS, metricForAllForces, reportPeriods } from 'peel-metrics';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, runAxe, screenshot, startSite, type RunningBrowser, type RunningSite } from './harness.ts';

let site: RunningSite;
let chromium: RunningBrowser;
let withJs: BrowserContext;
let withoutJs: BrowserContext;

beforeAll(async () => {
  [site, chromium] = await Promise.all([startSite(), launchChromium()]);
  withJs = await chromium.browser.newContext({ viewport: { width: 1100, height: 900 }, acceptDownloads: true });
  withoutJs = await chromium.browser.newContext({ viewport: { width: 1100, height: 900 }, javaScriptEnabled: false });
});
afterAll(async () => {
  await chromium?.close();
  await site?.stop();
});

/** Opens a page and records CSP violations and console errors while it loads. */
async function open(context: BrowserContext, path: string): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  const response = await page.goto(site.origin + path, { waitUntil: 'load' });
  expect(response?.status(), path).toBe(200);
  return { page, problems };
}

/** Axe reports nothing; the page is kept as a screenshot named `name` unless `keep` is false. */
async function expectAccessible(page: Page, name: string, keep = true): Promise<void> {
  const violations = await runAxe(page);
  if (keep) await screenshot(page, name);
  expect(
    violations.map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} at ` +
        `${violation.nodes.map((node) => node.target.join(' ')).join('; ')}`,
    ),
  ).toEqual([]);
}

describe('home: the national picture', () => {
  it('shows the grades map and table, passes axe, and loads without CSP errors', async () => {
    const { page, problems } = await open(withJs, '/');
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('#grades-map a').count()).toBe(43);
    expect(await page.locator('#grades-table tbody tr').count()).toBe(43);
    await expectAccessible(page, 'home');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('sorts the table by a column without JavaScript, through links', async () => {
    const { page } = await open(withoutJs, '/');
    const header = page.locator('#grades-table thead a', { hasText: '2016' }).first();
    await header.click();
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname).toMatch(/^\/national\/\d{4}\/[a-z0-9-]+$/);
    const sorted = await page.locator('#grades-table thead th[aria-sort]').textContent();
    expect(sorted).toContain('2016');
    await page.close();
  });

  it('switches the map to another year', async () => {
    const { page } = await open(withoutJs, '/');
    await page.getByRole('link', { name: '2015', exact: true }).first().click();
    await page.waitForLoadState('load');
    expect(await page.locator('h2', { hasText: '2015' }).count()).toBeGreaterThan(0);
    await screenshot(page, 'national-2015');
    await page.close();
  });
});

const REPORT_FORCES = ['durham', 'dyfed-powys', 'metropolitan', 'city-of-london', 'dorset'];

describe.each(REPORT_FORCES)('report page for %s', (slug) => {
  it('shows the judgments and every figure of the report model, passes axe, ships no JavaScript', async () => {
    const report = buildForceReport(slug);
    const { page, problems } = await open(withJs, `/forces/${slug}`);
    expect(await page.locator('h1').textContent()).toContain(report.force.name);
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('figure.report-figure').count()).toBe(report.figures.length);
    await expectAccessible(page, `report-${slug}`);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows every figure, chart and table with JavaScript disabled', async () => {
    const report = buildForceReport(slug);
    const { page } = await open(withoutJs, `/forces/${slug}`);
    const figures = page.locator('figure.report-figure');
    expect(await figures.count()).toBe(report.figures.length);
    for (let index = 0; index < report.figures.length; index += 1) {
      const figure = figures.nth(index);
      expect(await figure.locator('table').count(), `figure ${index + 1} table`).toBeGreaterThan(0);
      expect(await figure.isVisible()).toBe(true);
    }
    await screenshot(page, `report-${slug}-no-js`);
    await page.close();
  });
});

// Every force's report for the latest period the data cover is prerendered: each one is checked with axe.
const LATEST = reportPeriods().at(-1)!;

describe('latest-period report pages', () => {
  it.each(territorialForces.map((force) => force.slug))(
    '%s: every figure of the regenerated model, axe clean, no JavaScript',
    async (slug) => {
      const report = buildForceReport(slug, { periodEnd: LATEST });
      const { page, problems } = await open(withJs, `/forces/${slug}/${LATEST}`);
      expect(await page.locator('h1').textContent()).toContain(report.force.name);
      expect(await page.locator('script').count()).toBe(0);
      expect(await page.locator('figure.report-figure').count()).toBe(report.figures.length);
      expect(await page.locator('.notice').textContent()).toContain('HMIC did not publish this report');
      // A full-page screenshot of a ~45,000 px report takes seconds: one force's is kept.
      await expectAccessible(page, `report-${slug}-latest`, slug === 'durham');
      expect(problems).toEqual([]);
      await page.close();
    },
  );

  it.each(['durham', 'city-of-london'])('%s over time: charts and tables, axe clean, no JavaScript', async (slug) => {
    const { page, problems } = await open(withJs, `/forces/${slug}/over-time`);
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('svg[role="img"]:visible').count()).toBe(3);
    expect(await page.locator('section table').count()).toBe(3);
    await expectAccessible(page, `over-time-${slug}`);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('metric pages', () => {
  it('the metric index and a metric page pass axe', async () => {
    const { page } = await open(withJs, '/metrics');
    await expectAccessible(page, 'metrics-index');
    const first = page.locator('main a[href^="/metrics/"]').first();
    const href = await first.getAttribute('href');
    await page.close();
    const metric = await open(withJs, href!);
    expect(await metric.page.locator('h1').count()).toBe(1);
    expect(await metric.page.locator('svg[role="img"]').count()).toBeGreaterThan(0);
    await expectAccessible(metric.page, 'metric');
    expect(metric.problems).toEqual([]);
    await metric.page.close();
  });

  it('names the period of its data on a metric page whose data are not the report period, and passes axe', async () => {
    const data = metricForAllForces('outcome_proportion').period;
    const report = METRICS.outcome_proportion.definition.period;
    if (isMissing(data) || isMissing(report))
      throw new Error('outcome_proportion should have a data period and a report period');
    const { page, problems } = await open(withJs, '/metrics/outcome_proportion');
    expect(await page.locator('h1').innerText()).toContain(formatPeriod(data));
    expect(await page.locator('h2#ranking').innerText()).toContain(formatPeriod(data));
    expect(await page.locator('main').innerText()).toContain(`The 2016 report used: ${formatPeriod(report)}.`);
    await expectAccessible(page, 'metric-outcomes');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('compares chosen forces on a metric page', async () => {
    const { page, problems } = await open(withJs, '/metrics/crime_rate_total_excl_fraud');
    await page.getByRole('checkbox', { name: 'Durham' }).check();
    await page.getByRole('checkbox', { name: 'Dyfed-Powys' }).check();
    await page.locator('#compare-chart-title').waitFor({ state: 'attached' });
    // One bar per chosen force, with the choice kept in the address.
    expect(await page.locator('.chart svg[aria-labelledby^="compare-chart"] rect.bar').count()).toBe(2);
    expect(new URL(page.url()).searchParams.get('compare')).toBe('durham,dyfed-powys');
    await screenshot(page, 'metric-compare');
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('methodology and search', () => {
  it('the methodology page passes axe', async () => {
    const { page } = await open(withJs, '/methodology');
    await expectAccessible(page, 'methodology');
    await page.close();
  });

  it('finds a force by name and by ONS code, and goes to its report', async () => {
    const { page, problems } = await open(withJs, '/');
    await page.getByLabel('Force name, area or ONS code').fill('dyfed');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/\/search\?q=dyfed/);
    await page.getByRole('link', { name: 'Dyfed-Powys Police' }).waitFor();
    await expectAccessible(page, 'search');
    await page.getByLabel('Force name, area or ONS code').fill('E23000008');
    await page.getByRole('link', { name: 'Durham Constabulary' }).waitFor();
    expect(await page.locator('ul.results li').count()).toBe(1);
    await page.getByRole('link', { name: 'Durham Constabulary' }).click();
    await page.waitForURL(/\/forces\/durham$/);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('downloads', () => {
  it('downloads a table as CSV from the methodology and data page', async () => {
    const { page } = await open(withJs, '/methodology');
    const link = page.locator('a[href$=".csv"]').first();
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(path, 'utf8');
    const [header, ...rows] = text.trim().split(/\r?\n/);
    expect(header!.split(',').length).toBeGreaterThan(1);
    expect(rows.length).toBeGreaterThan(0);
    await page.close();
  });
});
