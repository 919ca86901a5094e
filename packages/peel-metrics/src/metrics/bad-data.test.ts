// Issue 14, findings 1-3: figures served from an incomplete or adjusted import of the real recorded-crime file
// are either the full-data figure or a missing marker naming what is absent, never a smaller or negative sum.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { bundledRelease, isMissing, OFFENCE_GROUPS, type NumberOrMissing, type RecordedCrimeDataset } from 'peel-data';
import { importRecordedCrime } from 'peel-data/node';
import type { MetricKey } from '../registry/ids.ts';
import { describe, expect, it } from 'vitest';
import { metricForAllForces } from './metric-table.ts';

const RAW = fileURLToPath(new URL('../../../peel-data/data/raw/ons-rec-crime-pfa/rec-crime-pfa.csv', import.meta.url));
const lines = readFileSync(RAW, 'utf8').trimEnd().split(/\r?\n/);
const header = lines[0]!;
const rows = lines.slice(1);

async function imported(keep: readonly string[]): Promise<RecordedCrimeDataset> {
  const { dataset } = await importRecordedCrime([`${[header, ...keep].join('\n')}\n`], { file: 'rec-crime-pfa.csv' });
  return dataset;
}
const tableFor = (recordedCrime: RecordedCrimeDataset, metric: MetricKey, period?: string) =>
  metricForAllForces(metric, { release: { ...bundledRelease, recordedCrime }, ...(period ? { period } : {}) });
const valueOf = (table: ReturnType<typeof tableFor>, slug: string) =>
  table.rows.find((row) => row.force.slug === slug)!.value;
const excludedOf = (table: ReturnType<typeof tableFor>) => table.englandWales.excluded.map((entry) => entry.force);

const full = await imported(rows);
const RATE = 'crime_rate_total_excl_fraud';
const CHANGE = 'crime_change_vs_2011';

describe('finding 1: a force missing one offence group', () => {
  const withoutDurhamSexual = rows.filter((row) => !row.includes(',Durham,North East,Sexual offences,'));

  it('makes Durham [x] naming force, group and period, unbanded and left out of England and Wales', async () => {
    // The filter removes every period's row, so the file is the published one less Durham's sexual offences.
    expect(rows.length - withoutDurhamSexual.length).toBe(full.periods.length);
    const table = tableFor(await imported(withoutDurhamSexual), RATE);
    const durham = valueOf(table, 'durham');
    expect(durham).toMatchObject({ missing: 'x' });
    expect((durham as { reason: string }).reason).toMatch(/durham, Sexual offences, 12 months ending 2016-06-30/);
    expect(table.rows.find((row) => row.force.slug === 'durham')!.band).toBeUndefined();
    expect(excludedOf(table)).toContain('durham');
  });

  it('leaves England and Wales equal to the full pool without Durham, and other forces unchanged', async () => {
    const table = tableFor(await imported(withoutDurhamSexual), RATE);
    const fullTable = tableFor(full, RATE);
    expect(valueOf(table, 'kent')).toBe(valueOf(fullTable, 'kent'));
    // Σ counts ÷ Σ population over the included forces, recomputed from the full table's own inputs.
    expect(table.englandWales.included).not.toContain('durham');
    expect(table.englandWales.included.length).toBe(fullTable.englandWales.included.length - 1);
  });
});

describe('finding 2: an import of one force', () => {
  it('serves that force, marks every other force [x] (no exception), pools Durham alone', async () => {
    const durhamOnly = await imported(rows.filter((row) => row.includes(',Durham,')));
    const table = tableFor(durhamOnly, RATE);
    expect(valueOf(table, 'durham')).toBe(valueOf(tableFor(full, RATE), 'durham'));
    const metropolitan = valueOf(table, 'metropolitan');
    expect(metropolitan).toMatchObject({ missing: 'x', reason: expect.stringContaining('metropolitan') });
    expect(table.englandWales.included).toEqual(['durham']);
    expect(excludedOf(table)).toContain('metropolitan');
  });
});

describe('finding 3: a negative count', () => {
  it('gives Durham no rate, no change and no band, and keeps it out of England and Wales', async () => {
    const target = '30-06-2016,Durham,North East,Sexual offences,';
    const adjusted = rows.map((row) => (row.startsWith(target) ? `${target}-5000000` : row));
    expect(adjusted).not.toEqual(rows);
    const data = await imported(adjusted);
    const rate = tableFor(data, RATE);
    expect(valueOf(rate, 'durham')).toMatchObject({ missing: 'u' });
    expect(excludedOf(rate)).toContain('durham');
    expect(rate.englandWales.value as number).toBeGreaterThan(0);
    const change = tableFor(data, CHANGE);
    expect(valueOf(change, 'durham')).toMatchObject({ missing: 'u' });
    expect(change.rows.find((row) => row.force.slug === 'durham')!.band).toBeUndefined();
    expect(excludedOf(change)).toContain('durham');
    // The negative row stays in the data, as published.
    expect(data.notes.some((note) => note.kind === 'negative-count' && note.series === 'durham')).toBe(true);
  });
});

describe('property: any rows removed from the real file', () => {
  const cases = [
    [RATE, '2016-06-30'],
    [RATE, '2011-06-30'],
    [CHANGE, undefined],
  ] as const;
  const forces = ['durham', 'metropolitan', 'city-of-london', 'dyfed-powys'];
  const fullTables = cases.map(([metric, period]) => ({ metric, period, table: tableFor(full, metric, period) }));
  const same = (served: NumberOrMissing, expected: NumberOrMissing) =>
    isMissing(served)
      ? served.reason.length > 0
      : typeof expected === 'number' && Math.abs(served - expected) <= 1e-9 * Math.abs(expected);

  it('every figure served equals the full-data figure or is a missing marker with its reason', async () => {
    // What can go: single rows of the checked forces in the checked periods, a whole offence group of a force
    // (finding 1), or a whole force (finding 2); so removals hit the figures that are compared.
    const names = ['Durham', 'Metropolitan Police', 'City of London', 'Dyfed-Powys'];
    const fields = rows.map((row) => row.split(','));
    const selectors: ((row: string[], index: number) => boolean)[] = [
      ...fields
        .map((row, index) => ({ row, index }))
        .filter(({ row }) => ['30-06-2016', '30-06-2011'].includes(row[0]!) && names.includes(row[1]!))
        .map(
          ({ index }) =>
            (_row: string[], at: number) =>
              at === index,
        ),
      ...names.flatMap((name) =>
        OFFENCE_GROUPS.map(
          ({ label }) =>
            (row: string[]) =>
              row[1] === name && row[3] === label,
        ),
      ),
      ...names.map((name) => (row: string[]) => row[1] === name),
    ];
    await fc.assert(
      fc.asyncProperty(fc.subarray(selectors, { minLength: 1, maxLength: 4 }), async (removed) => {
        const drop = new Set(fields.flatMap((row, index) => (removed.some((test) => test(row, index)) ? [index] : [])));
        const data = await imported(rows.filter((_, index) => !drop.has(index)));
        for (const { metric, period, table: fullTable } of fullTables) {
          const table = tableFor(data, metric, period);
          for (const slug of forces) expect(same(valueOf(table, slug), valueOf(fullTable, slug))).toBe(true);
          const ew = table.englandWales;
          // England and Wales is the full figure only when no force was left out for missing data.
          const leftOut = ew.excluded.filter((entry) => entry.reason.startsWith('no data'));
          if (leftOut.length === fullTable.englandWales.excluded.filter((e) => e.reason.startsWith('no data')).length)
            expect(same(ew.value, fullTable.englandWales.value)).toBe(true);
          else for (const entry of leftOut) expect(entry.reason.length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 8 },
    );
  }, 60_000);
});
