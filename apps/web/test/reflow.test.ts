/**
 * The site on a phone (WCAG 2.2 SC 1.4.10 Reflow): at 320 and 390 CSS px every page type lays out without
 * page-level sideways scrolling; every table wider than the screen sits in its own focusable, labelled
 * scrolling region; chart text is at least 12 px; axe still reports nothing. Runs the built site in Debian's
 * chromium with and without JavaScript (nothing here may need it).
 */
import { GRADES } from 'peel-data';
import { reportPeriods } from 'peel-metrics';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nationalHref } from '../src/lib/national.ts';
import { launchChromium, runAxe, startSite, type RunningBrowser, type RunningSite } from './harness.ts';

/** The narrowest width SC 1.4.10 names, and a common phone. */
const WIDTHS = [320, 390] as const;

/** One page of every type; `status` is what the server must answer. */
const PAGES: { type: string; path: string; status: number }[] = [
  { type: 'home', path: '/', status: 200 },
  { type: 'national by year', path: nationalHref(2015, 'name'), status: 200 },
  { type: 'national by year and sort', path: nationalHref(2017, 'grade-2017-desc'), status: 200 },
  { type: 'all forces', path: '/forces', status: 200 },
  { type: 'force report', path: '/forces/durham', status: 200 },
  // The longest force name (Metropolitan Police Service).
  { type: 'force report', path: '/forces/metropolitan', status: 200 },
  { type: 'force report, latest period', path: `/forces/metropolitan/${reportPeriods().at(-1)}`, status: 200 },
  { type: 'force report, a period on demand', path: `/forces/durham/${reportPeriods().at(-5)}`, status: 200 },
  { type: 'force over time', path: '/forces/durham/over-time', status: 200 },
  { type: 'metric index', path: '/metrics', status: 200 },
  { type: 'metric', path: '/metrics/crime_rate_total_excl_fraud', status: 200 },
  { type: 'metric series', path: '/metrics/crime_rate_total_excl_fraud/forces/durham', status: 200 },
  { type: 'methodology', path: '/methodology', status: 200 },
  { type: 'data', path: '/data', status: 200 },
  { type: 'search', path: '/search', status: 200 },
  { type: 'search with a query', path: '/search?q=dyfed', status: 200 },
  { type: 'error (not found)', path: '/forces/no-such-force', status: 404 },
];

interface Layout {
  scrollWidth: number;
  /** Elements that stick out past the right edge of the page (to say what overflows when the test fails). */
  overflowing: string[];
  tables: {
    caption: string;
    width: number;
    inRegion: boolean;
    regionName: string;
    focusable: boolean;
    scrolls: boolean;
  }[];
  /** Chart texts drawn smaller than 12 px, with their size. */
  smallText: string[];
  chartTexts: number;
}

/** Measures the page as laid out (figures with content-visibility: auto are rendered first). */
async function measure(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    for (const element of document.querySelectorAll<HTMLElement>('*')) {
      if (getComputedStyle(element).contentVisibility === 'auto') element.style.contentVisibility = 'visible';
    }
    const viewport = document.documentElement.clientWidth;
    const describe = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${[...element.classList]
        .map((name) => `.${name}`)
        .join('')}`;
    const clipped = (element: Element) => {
      for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(parent).overflowX)) return true;
      }
      return false;
    };
    const overflowing = [...document.body.querySelectorAll('*')]
      .filter((element) => element.getBoundingClientRect().right > viewport + 0.5 && !clipped(element))
      .slice(0, 10)
      .map((element) => `${describe(element)} (right edge ${Math.round(element.getBoundingClientRect().right)} px)`);
    const tables = [...document.querySelectorAll('table')].map((table) => {
      const region = table.closest<HTMLElement>('[role="region"]');
      const ids = region?.getAttribute('aria-labelledby')?.split(/\s+/) ?? [];
      const regionName = ids
        .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
        .join(' ')
        .trim();
      return {
        caption: table.caption?.textContent?.trim() ?? '(no caption)',
        width: table.getBoundingClientRect().width,
        inRegion: region !== null && region.contains(table),
        regionName,
        focusable: region?.tabIndex === 0,
        scrolls: region ? ['auto', 'scroll'].includes(getComputedStyle(region).overflowX) : false,
      };
    });
    const smallText: string[] = [];
    let chartTexts = 0;
    for (const text of document.querySelectorAll<SVGTextElement>('svg text')) {
      const svg = text.ownerSVGElement;
      const box = svg?.getBoundingClientRect();
      if (!svg || !box || box.width === 0) continue; // the drawing CSS hides at this width
      const viewBox = svg.viewBox.baseVal;
      const scale = viewBox && viewBox.width > 0 ? box.width / viewBox.width : 1;
      const size = parseFloat(getComputedStyle(text).fontSize) * scale;
      chartTexts += 1;
      if (size < 12) smallText.push(`"${text.textContent?.trim()}" at ${size.toFixed(1)} px`);
    }
    return {
      scrollWidth: document.documentElement.scrollWidth,
      overflowing,
      tables,
      smallText: smallText.slice(0, 10),
      chartTexts,
    };
  });
}

let site: RunningSite;
let chromium: RunningBrowser;
beforeAll(async () => {
  [site, chromium] = await Promise.all([startSite(), launchChromium()]);
});
afterAll(async () => {
  await chromium?.close();
  await site?.stop();
});

async function openAt(browser: Browser, width: number, javaScriptEnabled: boolean): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width, height: 800 }, javaScriptEnabled });
}

async function visit(context: BrowserContext, path: string, status: number): Promise<Page> {
  const page = await context.newPage();
  const response = await page.goto(site.origin + path, { waitUntil: 'load' });
  expect(response?.status(), path).toBe(status);
  return page;
}

describe.each(WIDTHS)('at %i px wide', (width) => {
  let withJs: BrowserContext;
  let withoutJs: BrowserContext;
  beforeAll(async () => {
    withJs = await openAt(chromium.browser, width, true);
    withoutJs = await openAt(chromium.browser, width, false);
  });
  afterAll(async () => {
    await withJs?.close();
    await withoutJs?.close();
  });

  describe.each(PAGES)('$type ($path)', ({ path, status }) => {
    it('reflows; wide tables scroll in a labelled, focusable region; chart text >= 12 px; axe passes', async () => {
      const page = await visit(withJs, path, status);
      const layout = await measure(page);
      expect(layout.overflowing, `what sticks out of ${path}`).toEqual([]);
      expect(layout.scrollWidth, `${path}: document scrollWidth`).toBeLessThanOrEqual(width);
      for (const table of layout.tables) {
        if (table.width <= width) continue;
        expect(table.inRegion, `"${table.caption}" (${Math.round(table.width)} px) is in a region`).toBe(true);
        expect(table.scrolls, `"${table.caption}": its region scrolls sideways`).toBe(true);
        expect(table.focusable, `"${table.caption}": its region is focusable (tabindex 0)`).toBe(true);
        expect(table.regionName, `"${table.caption}": the region is named by the caption`).toBe(table.caption);
      }
      expect(layout.smallText, `${path}: chart text under 12 px`).toEqual([]);
      const violations = await runAxe(page);
      expect(
        violations.map(
          (violation) =>
            `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes
              .map((node) => node.target.join(' '))
              .join('; ')}`,
        ),
      ).toEqual([]);
      await page.close();
      // A report page has ~4,000 elements; axe on it takes 10-20 s, more on a loaded 2-core machine.
    }, 120_000);

    it('reflows without JavaScript too', async () => {
      const page = await visit(withoutJs, path, status);
      const layout = await measure(page);
      expect(layout.overflowing, `what sticks out of ${path}`).toEqual([]);
      expect(layout.scrollWidth, `${path}: document scrollWidth`).toBeLessThanOrEqual(width);
      expect(layout.smallText, `${path}: chart text under 12 px`).toEqual([]);
      await page.close();
    });
  });

  it('the Durham report has tables wider than the screen, so the region checks above are not vacuous', async () => {
    const page = await visit(withJs, '/forces/durham', 200);
    const layout = await measure(page);
    expect(layout.tables.filter((table) => table.width > width).length).toBeGreaterThan(5);
    expect(layout.chartTexts).toBeGreaterThan(100);
    await page.close();
  });

  it("a wide table's region scrolls by keyboard, shows its focus and keeps the row headers in view", async () => {
    const page = await visit(withJs, '/forces/durham', 200);
    const region = page.locator('#figure-3 [role="region"]').first();
    await region.scrollIntoViewIfNeeded();
    // Reach it as a keyboard user would, with Tab, so that :focus-visible applies.
    await region.evaluate((element) => element.setAttribute('data-reflow-target', ''));
    for (let presses = 0; presses < 300; presses += 1) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.hasAttribute('data-reflow-target'))) break;
    }
    const focus = await region.evaluate((element) => {
      const style = getComputedStyle(element);
      return {
        focused: document.activeElement === element,
        outline: `${style.outlineStyle} ${style.outlineWidth}`,
        scrollable: element.scrollWidth > element.clientWidth,
      };
    });
    expect(focus.focused).toBe(true);
    expect(focus.outline).toBe('solid 3px');
    expect(focus.scrollable).toBe(true);
    const rowHeader = region.locator('tbody th[scope="row"]').first();
    const before = await rowHeader.boundingBox();
    for (let step = 0; step < 6; step += 1) await page.keyboard.press('ArrowRight');
    await expect.poll(() => region.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
    const after = await rowHeader.boundingBox();
    // The force names stay put while the other columns move under them.
    expect(after?.x).toBeCloseTo(before?.x ?? Number.NaN, 0);
    await page.close();
  });

  it('draws the ranked 43-force chart with names above the bars (the phone drawing), not smaller text', async () => {
    const page = await visit(withoutJs, '/forces/durham', 200);
    const figure = page.locator('#figure-3');
    await figure.scrollIntoViewIfNeeded();
    const drawings = await figure.locator('.chart > svg').evaluateAll((svgs) =>
      svgs.map((svg) => ({
        narrow: svg.classList.contains('chart__narrow'),
        shown: svg.getBoundingClientRect().width > 0,
      })),
    );
    expect(drawings).toEqual([
      { narrow: false, shown: false },
      { narrow: true, shown: true },
    ]);
    // Each force's name sits above its bar in the drawing shown (names and bars are drawn in the same order).
    const rows = await figure.locator('svg.chart__narrow').evaluate((svg) => {
      const names = [...svg.querySelectorAll('text.name')];
      return [...svg.querySelectorAll('rect.bar')].map((bar, index) => ({
        index,
        nameBottom: names[index]?.getBoundingClientRect().bottom ?? Infinity,
        barTop: bar.getBoundingClientRect().top,
      }));
    });
    for (const row of rows) expect(row.nameBottom, `bar ${row.index}`).toBeLessThanOrEqual(row.barTop + 1);
    // Both drawings have a bar for every force with a value in the figure's table (the rest are marked there;
    // England and Wales is the dashed line, not a bar).
    expect(rows.length).toBe(await figure.locator('svg.chart__wide rect.bar').count());
    const valued = await figure
      .locator('table')
      .first()
      .locator('tbody tr')
      .evaluateAll(
        (trs) =>
          trs.filter(
            (tr) =>
              tr.querySelector('th')?.textContent?.trim() !== 'England and Wales' &&
              !tr.querySelector('td:first-of-type .missing'),
          ).length,
      );
    expect(rows.length).toBe(valued);
    expect(rows.length).toBeGreaterThan(40);
    await page.close();
  });

  it('the map keeps its grade key readable and the grades table follows it', async () => {
    const page = await visit(withoutJs, '/', 200);
    const map = page.locator('#grades-map');
    const key = page.locator('.grades-map .legend li');
    // One swatch per grade, and one for "no grade found".
    expect(await key.count()).toBe(GRADES.length + 1);
    const sizes = await key.evaluateAll((items) => items.map((item) => parseFloat(getComputedStyle(item).fontSize)));
    for (const size of sizes) expect(size).toBeGreaterThanOrEqual(12);
    const mapBox = await map.boundingBox();
    expect(mapBox!.width).toBeLessThanOrEqual(width);
    expect(mapBox!.width).toBeGreaterThan(width * 0.8);
    const tableTop = (await page.locator('#grades-table').boundingBox())!.y;
    expect(tableTop).toBeGreaterThan(mapBox!.y + mapBox!.height);
    await page.close();
  });
});
