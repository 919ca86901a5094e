/**
 * A force's periods on the built site (issue 15): the period switcher on every force's pages, the latest-period
 * report prerendered for every force, other quarter ends rendered on demand, and the over-time tables, whose every
 * cell must be peel-metrics' headlinesOverTime value as formatValue prints it.
 */
import { formatDate, isMissing, territorialForces, type NumberOrMissing } from 'peel-data';
import { BAND_LABEL, formatValue, headlinesOverTime, reportPeriods } from 'peel-metrics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, type RunningSite } from './harness.ts';

let site: RunningSite;
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.stop();
});

const periods = reportPeriods();
const latest = periods.at(-1)!;

async function html(path: string, status = 200): Promise<string> {
  const response = await fetch(site.origin + path);
  expect(response.status, path).toBe(status);
  return response.text();
}

const decode = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
/** The text of an HTML fragment, tags and hydration comments removed, white space folded ("[x] (missing: …)"). */
const textOf = (fragment: string) =>
  decode(fragment.replace(/<!--[^>]*-->/g, '').replace(/<[^>]+>/g, ''))
    .replace(/\s+/g, ' ')
    .replace(/\]\(missing: /g, '] (missing: ')
    .trim();

/** The switcher's links: href, words, and whether it is marked as the current page. */
function switcher(page: string): { href: string; label: string; current: boolean }[] {
  const nav = /<nav class="periods[^"]*" aria-label="Report period">([\s\S]*?)<\/nav>/.exec(page)?.[1];
  if (!nav) throw new Error('no period switcher (nav aria-label="Report period") on the page');
  return [...nav.matchAll(/<a href="([^"]+)"([^>]*)>([\s\S]*?)<\/a>/g)].map((match) => ({
    href: match[1]!,
    label: textOf(match[3]!),
    current: /aria-current="page"/.test(match[2]!),
  }));
}

/** The body rows of each table of a page: the row header and the cells, as text. */
function tables(page: string): { caption: string; rows: string[][] }[] {
  return [...page.matchAll(/<table[^>]*>([\s\S]*?)<\/table>/g)].map((table) => ({
    caption: textOf(/<caption[^>]*>([\s\S]*?)<\/caption>/.exec(table[1]!)?.[1] ?? ''),
    rows: [
      ...(/<tbody[^>]*>([\s\S]*?)<\/tbody>/.exec(table[1]!)?.[1] ?? '').matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g),
    ].map((row) => [...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => textOf(cell[1]!))),
  }));
}

describe('the period switcher', () => {
  it.each(territorialForces.map((force) => force.slug))(
    '%s: the 2016 edition, the latest period and the over-time page link to each other, each marking itself',
    async (slug) => {
      const pages = [`/forces/${slug}`, `/forces/${slug}/${latest}`, `/forces/${slug}/over-time`];
      for (const [index, path] of pages.entries()) {
        const links = switcher(await html(path));
        expect(links.map((link) => link.href)).toEqual(pages);
        expect(links.map((link) => link.current)).toEqual(pages.map((_, other) => other === index));
      }
    },
  );

  it('adds a period rendered on demand to its own switcher, and to no other page', async () => {
    const earlier = periods.at(-3)!;
    const page = await html(`/forces/durham/${earlier}`);
    const links = switcher(page);
    expect(links.map((link) => link.href)).toEqual([
      '/forces/durham',
      `/forces/durham/${latest}`,
      `/forces/durham/${earlier}`,
      '/forces/durham/over-time',
    ]);
    expect(links.find((link) => link.current)?.label).toBe(`12 months to ${formatDate(earlier)}`);
    expect(switcher(await html('/forces/durham')).map((link) => link.href)).not.toContain(`/forces/durham/${earlier}`);
  });
});

describe('a regenerated report', () => {
  it('says plainly that HMIC did not publish it, and shows no judgment and no printed value', async () => {
    const page = await html(`/forces/durham/${latest}`);
    expect(textOf(/<div class="notice[^"]*">([\s\S]*?)<\/div>/.exec(page)?.[1] ?? '')).toMatch(
      /^HMIC did not publish this report\./,
    );
    expect(page).toContain(`12 months to ${formatDate(latest)}`);
    expect(page).not.toMatch(/class="tag tag--(outstanding|good|requires-improvement|inadequate)/);
    expect(page).not.toContain('(as printed');
    expect(page).not.toContain('Published and recomputed values differ');
    expect(page).not.toContain('id="reconciliation"');
    // The 2016 edition keeps its grades and printed values.
    const edition = await html('/forces/durham');
    expect(edition).toMatch(/class="tag tag--(outstanding|good|requires-improvement|inadequate)/);
    expect(edition).toContain('id="reconciliation"');
  });

  it.each([
    ['a date that is not a quarter end', '/forces/durham/2018-06-29'],
    ['a quarter end the data do not cover', '/forces/durham/2030-03-31'],
    ['a force that does not exist', `/forces/atlantis/${latest}`],
  ])('answers %s with a 404 that names what exists', async (_, path) => {
    const page = await html(path, 404);
    expect(textOf(page)).toMatch(
      path.includes('atlantis') ? /The 43 forces are listed at \/forces/ : /from 31 March 2003 to .*\/forces\/durham\//,
    );
  });
});

describe('the comparison over time', () => {
  it.each(['durham', 'city-of-london', 'dyfed-powys'])(
    '%s: every row of every table is headlinesOverTime as formatValue prints it',
    async (slug) => {
      const overTime = headlinesOverTime(slug);
      const shown = tables(await html(`/forces/${slug}/over-time`));
      expect(shown).toHaveLength(overTime.metrics.length);
      const printed = (value: NumberOrMissing, options: { precision: number; unit: string }) =>
        isMissing(value) ? `[${value.missing}] (missing: ${value.reason})` : formatValue(value, options);
      overTime.metrics.forEach((metric, index) => {
        const table = shown[index]!;
        expect(table.caption).toContain(metric.label);
        const options = { precision: metric.precision, unit: metric.unit };
        expect(table.rows).toEqual(
          overTime.points.map((point) => {
            const band = point.band;
            return [
              formatDate(point.periodEnd),
              printed(point.values[metric.id].force, options),
              printed(point.values[metric.id].englandWales, options),
              ...(metric.id === overTime.bandedMetric
                ? [
                    isMissing(band)
                      ? `[${band.missing}] (missing: ${band.reason})`
                      : `${BAND_LABEL[band.band]} (rank ${band.rank} of ${band.n})`,
                  ]
                : []),
            ];
          }),
        );
      });
    },
  );

  it('draws each headline figure as an SVG image with a title and a description, wide and narrow', async () => {
    const page = await html('/forces/durham/over-time');
    const svgs = [
      ...page.matchAll(/<svg class="chart__(wide|narrow)[^"]*"[^>]*role="img"[^>]*>\s*<title[^>]*>([^<]+)/g),
    ];
    expect(svgs).toHaveLength(6);
    expect(page.match(/<desc id="[^"]+-desc">Line chart of \d+ quarter ends/g)).toHaveLength(6);
  });
});
