import { describe, expect, it } from 'vitest';
import { readUtf8ByteChunks } from '../../src/import/file-source.ts';
import { importRecordedCrime } from '../../src/import/recorded-crime.ts';
import { rawPath } from '../lib/raw.ts';
import { addBundledKnowledge, buildRecordedCrime, RECORDED_CRIME_MISSING as M } from './recorded-crime.ts';

const HEADER = '12 months ending,PFA,Region,Offence,Rolling year total number of offences';
const imported = async (rows: string[]) => (await importRecordedCrime([`${[HEADER, ...rows].join('\n')}\n`], { file: 'rc.csv' })).dataset;

// Six periods: one before fraud was centralised, then one before the burglary split (31-03-2017), the three
// transition periods, and the first 12 months wholly after it (31-03-2018).
const PERIODS = ['31-12-2013', '31-03-2017', '30-06-2017', '30-09-2017', '31-12-2017', '31-03-2018'];
const series = (pfa: string, offence: string, counts: (number | undefined)[]) =>
  counts.flatMap((count, index) => (count === undefined ? [] : [`${PERIODS[index]},${pfa},Region,${offence},${count}`]));
const SMALL_FILE = [
  ...series('Durham', 'Fraud offences', [10]),
  ...series('Durham', 'Residential burglary', [undefined, 0, 50, 60, 70, 80]),
  ...series('Durham', 'Domestic burglary', [100, 100, 90, 80, 70, 0]),
  ...series('Kent', 'Domestic burglary', [100, 100, 90, 80, 70, 3]),
  ...series('Durham', 'Robbery', [5, undefined, -1]),
];

describe('addBundledKnowledge', () => {
  it.each([
    { name: 'new burglary before its first count (no row, or 0) is z "not started"', slug: 'durham', group: 'residential-burglary', expected: [M.splitNotStarted, M.splitNotStarted, 50, 60, 70, 80] },
    { name: 'a retired burglary group at 0 from the first full year after the split is z "replaced"', slug: 'durham', group: 'domestic-burglary', expected: [100, 100, 90, 80, 70, M.splitReplaced] },
    { name: 'offences still recorded under a retired group are kept', slug: 'kent', group: 'domestic-burglary', expected: [100, 100, 90, 80, 70, 3] },
    { name: 'force fraud after its last count is z "centralised"', slug: 'durham', group: 'fraud-offences', expected: [10, M.fraudCentralised, M.fraudCentralised, M.fraudCentralised, M.fraudCentralised, M.fraudCentralised] },
    { name: 'any other gap is x in the bundled wording; negatives stay', slug: 'durham', group: 'robbery', expected: [5, M.notInSource, -1, M.notInSource, M.notInSource, M.notInSource] },
  ])('$name', async ({ slug, group, expected }) => {
    const dataset = addBundledKnowledge(await imported(SMALL_FILE), { file: 'rc.csv' });
    expect(dataset.series[slug]?.[group as 'robbery']).toEqual(expected);
  });

  it("keeps the importer's notes first, then notes each old and new burglary group in the three transition periods", async () => {
    const { notes } = addBundledKnowledge(await imported(SMALL_FILE), { file: 'rc.csv' });
    expect(notes[0]).toMatchObject({ kind: 'negative-count', series: 'durham', offenceGroup: 'robbery', periodEnd: '2017-06-30' });
    const partial = notes.slice(1);
    expect(partial.every((note) => note.kind === 'partial-year' && note.series === undefined)).toBe(true);
    expect(partial.map((note) => `${note.periodEnd} ${note.offenceGroup}`)).toEqual(
      ['2017-06-30', '2017-09-30', '2017-12-31'].flatMap((period) => ['domestic-burglary', 'non-domestic-burglary', 'residential-burglary', 'non-residential-burglary'].map((group) => `${period} ${group}`)),
    );
  });

  it.each([
    { name: 'a new burglary count before any force has one (BTP does not start the split)', rows: [...SMALL_FILE, '31-03-2017,British Transport Police,BTP,Residential burglary,5'], message: 'rc.csv: btp has 5 residential-burglary in the 12 months ending 2017-03-31, before the group began' },
    { name: 'a file without any new burglary count', rows: series('Durham', 'Domestic burglary', [100, 100]), message: 'rc.csv: no period has Residential or Non-residential burglary counts' },
  ])('rejects $name, naming the file', async ({ rows, message }) => {
    const dataset = await imported(rows);
    expect(() => addBundledKnowledge(dataset, { file: 'rc.csv' })).toThrow(message);
  });
});

describe('buildRecordedCrime on the raw file', () => {
  it('changes only what the importer left Missing, or a zero, and never a published non-zero count', async () => {
    const file = 'data/raw/ons-rec-crime-pfa/rec-crime-pfa.csv';
    const [built, { dataset: plain }] = await Promise.all([buildRecordedCrime(), importRecordedCrime(readUtf8ByteChunks(rawPath('ons-rec-crime-pfa', 'rec-crime-pfa.csv')), { file, utf8Bytes: true })]);
    expect(built.periods).toEqual(plain.periods);
    expect(Object.keys(built.series)).toEqual(Object.keys(plain.series));
    let changed = 0;
    for (const [slug, groups] of Object.entries(plain.series)) {
      expect(Object.keys(built.series[slug]!)).toEqual(Object.keys(groups));
      for (const [group, values] of Object.entries(groups)) {
        values!.forEach((value, index) => {
          const after = built.series[slug]![group as 'robbery']![index];
          if (typeof value === 'number' && value !== 0) expect(after, `${slug} ${group} ${plain.periods[index]}`).toBe(value);
          else if (after !== value) changed += 1;
        });
      }
    }
    expect(changed).toBeGreaterThan(0);
    expect(built.notes.slice(0, plain.notes.length)).toEqual(plain.notes);
  });
});
