import { describe, expect, it } from 'vitest';
import { isMissing } from '../types/missing.ts';
import { ImportError } from './errors.ts';
import { importRecordedCrime, RECLASSIFICATION_MISSING as Z } from './recorded-crime.ts';

const HEADER = '12 months ending,PFA,Region,Offence,Rolling year total number of offences';
const csv = (...rows: string[]) => [`${[HEADER, ...rows].join('\n')}\n`];

async function issueOf(rows: string[]) {
  try {
    await importRecordedCrime(csv(...rows), { file: 'rc.csv' });
  } catch (error) {
    if (error instanceof ImportError) return error.issue;
    throw error;
  }
  throw new Error('expected an ImportError');
}

describe('importRecordedCrime', () => {
  it(
    'builds series by force slug and fraud body, periods in ISO order, gaps as Missing x, negatives ' + 'noted',
    async () => {
      const { dataset } = await importRecordedCrime(
        csv(
          '30/06/2016,Durham,North East,Robbery,120',
          '31-03-2016,Durham,North East,Robbery,-2',
          '30-06-2016,Durham,North East,Sexual offences,900',
          '30-06-2016,Action Fraud,Action Fraud,Action Fraud,5000',
        ),
        { file: 'rc.csv' },
      );
      expect(dataset.periods).toEqual(['2016-03-31', '2016-06-30']);
      expect(dataset.series.durham?.robbery).toEqual([-2, 120]);
      expect(isMissing(dataset.series.durham?.['sexual-offences']?.[0])).toBe(true);
      expect(dataset.series['action-fraud']?.['action-fraud']).toEqual([
        expect.objectContaining({ missing: 'x' }),
        5000,
      ]);
      expect(dataset.notes).toEqual([
        expect.objectContaining({
          kind: 'negative-count',
          series: 'durham',
          offenceGroup: 'robbery',
          periodEnd: '2016-03-31',
        }),
      ]);
    },
  );

  it('reads the known upstream typo 30-12-2017 as 31 December 2017 and reports it', async () => {
    const { dataset, report } = await importRecordedCrime(csv('30-12-2017,Durham,North East,Robbery,1'), {
      file: 'rc.csv',
    });
    expect(dataset.periods).toEqual(['2017-12-31']);
    expect(report.correctedDates).toEqual([{ published: '30-12-2017', readAs: '2017-12-31', rows: 1 }]);
  });

  it.each([
    {
      name: 'a date that is not dd-mm-yyyy',
      row: '2016-06-30,Durham,North East,Robbery,1',
      column: '12 months ending',
      expected: /dd-mm-yyyy/,
    },
    {
      name: 'a date that is not a quarter end',
      row: '15-06-2016,Durham,North East,Robbery,1',
      column: '12 months ending',
      expected: /last day of a quarter/,
    },
    {
      name: 'an unknown force',
      row: '30-06-2016,Durham Constabulary HQ,North East,Robbery,1',
      column: 'PFA',
      expected: /police force name/,
    },
    {
      name: 'Northern Ireland (out of scope here)',
      row: '30-06-2016,Police Service of Northern Ireland,NI,Robbery,1',
      column: 'PFA',
      expected: /England and Wales/,
    },
    {
      name: 'an unknown offence label',
      row: '30-06-2016,Durham,North East,Burglary,1',
      column: 'Offence',
      expected: /offence group label/,
    },
    {
      name: 'a count that is not a whole number',
      row: '30-06-2016,Durham,North East,Robbery,1.5',
      column: 'Rolling year total number of offences',
      expected: /whole number/,
    },
  ])('rejects $name, naming row 2 and the column', async ({ row, column, expected }) => {
    const issue = await issueOf([row]);
    expect(issue).toMatchObject({ file: 'rc.csv', row: 2, column });
    expect(issue.expected).toMatch(expected);
  });

  it('rejects a repeated period, force and offence, naming the first row', async () => {
    const issue = await issueOf(['30-06-2016,Durham,North East,Robbery,1', '30-06-2016,Durham,North East,Robbery,2']);
    expect(issue).toMatchObject({ row: 3, received: expect.stringContaining('first in row 2') });
  });

  it('refuses to merge the typo with real 31-12-2017 rows', async () => {
    const issue = await issueOf([
      '30-12-2017,Durham,North East,Robbery,1',
      '31-12-2017,Durham,North East,Sexual offences,1',
    ]);
    expect(issue).toMatchObject({
      row: 3,
      column: '12 months ending',
      received: expect.stringContaining('merge two periods'),
    });
  });
});

// Six periods: one before fraud was centralised, one before the burglary split (31-03-2017), the three
// transition periods, and the first 12 months wholly after it (31-03-2018).
const PERIODS = ['31-12-2013', '31-03-2017', '30-06-2017', '30-09-2017', '31-12-2017', '31-03-2018'];
const series = (pfa: string, offence: string, counts: (number | undefined)[]) =>
  counts.flatMap((count, index) =>
    count === undefined ? [] : [`${PERIODS[index]},${pfa},Region,${offence},${count}`],
  );
const RECLASSIFIED_FILE = [
  ...series('Durham', 'Fraud offences', [10]),
  ...series('Durham', 'Residential burglary', [undefined, 0, 50, 60, 70, 80]),
  ...series('Durham', 'Domestic burglary', [100, 100, 90, 80, 70, 0]),
  ...series('Kent', 'Domestic burglary', [100, 100, 90, 80, 70, 3]),
  ...series('Durham', 'Robbery', [5, undefined, -1]),
];
const X = expect.objectContaining({ missing: 'x', reason: expect.stringContaining('the imported file') });

describe('importRecordedCrime: the 2017 burglary split and centralised fraud', () => {
  it.each([
    {
      name: 'new burglary before June 2017 (no row, or 0) is z "not started"',
      slug: 'durham',
      group: 'residential-burglary',
      expected: [Z.splitNotStarted, Z.splitNotStarted, 50, 60, 70, 80],
    },
    {
      name: 'a retired burglary group at 0 from the first full year after the split is z "replaced"',
      slug: 'durham',
      group: 'domestic-burglary',
      expected: [100, 100, 90, 80, 70, Z.splitReplaced],
    },
    {
      name: 'offences still recorded under a retired group are kept',
      slug: 'kent',
      group: 'domestic-burglary',
      expected: [100, 100, 90, 80, 70, 3],
    },
    {
      name: 'force fraud after the last force fraud count is z "centralised"',
      slug: 'durham',
      group: 'fraud-offences',
      expected: [
        10,
        Z.fraudCentralised,
        Z.fraudCentralised,
        Z.fraudCentralised,
        Z.fraudCentralised,
        Z.fraudCentralised,
      ],
    },
    { name: 'any other gap is x; negatives stay', slug: 'durham', group: 'robbery', expected: [5, X, -1, X, X, X] },
  ])('$name', async ({ slug, group, expected }) => {
    const { dataset } = await importRecordedCrime(csv(...RECLASSIFIED_FILE), { file: 'rc.csv' });
    expect(dataset.series[slug]?.[group as 'robbery']).toEqual(expected);
  });

  it(
    'notes each old and new burglary group in the three transition periods, after the negative-count ' + 'notes',
    async () => {
      const { notes } = (await importRecordedCrime(csv(...RECLASSIFIED_FILE), { file: 'rc.csv' })).dataset;
      expect(notes[0]).toMatchObject({
        kind: 'negative-count',
        series: 'durham',
        offenceGroup: 'robbery',
        periodEnd: '2017-06-30',
      });
      const partial = notes.slice(1);
      expect(partial.every((note) => note.kind === 'partial-year' && note.series === undefined)).toBe(true);
      expect(partial.map((note) => `${note.periodEnd} ${note.offenceGroup}`)).toEqual(
        ['2017-06-30', '2017-09-30', '2017-12-31'].flatMap((period) =>
          ['domestic-burglary', 'non-domestic-burglary', 'residential-burglary', 'non-residential-burglary'].map(
            (group) => `${period} ${group}`,
          ),
        ),
      );
    },
  );

  it(
    'applies the rules to a file that ends before the split (no transition notes, old groups as ' + 'published)',
    async () => {
      const { dataset } = await importRecordedCrime(
        csv(...series('Durham', 'Domestic burglary', [100, 90]), ...series('Durham', 'Residential burglary', [0, 0])),
        { file: 'rc.csv' },
      );
      expect(dataset.series.durham?.['domestic-burglary']).toEqual([100, 90]);
      expect(dataset.series.durham?.['residential-burglary']).toEqual([Z.splitNotStarted, Z.splitNotStarted]);
      expect(dataset.notes).toEqual([]);
    },
  );

  it('rejects a new burglary count before the group began, naming the row', async () => {
    const issue = await issueOf([
      ...RECLASSIFIED_FILE,
      '31-03-2017,British Transport Police,BTP,Residential burglary,5',
    ]);
    expect(issue).toMatchObject({
      file: 'rc.csv',
      row: RECLASSIFIED_FILE.length + 2,
      column: 'Rolling year total number of offences',
      received: '5',
    });
    expect(issue.expected).toContain('Residential burglary was recorded from April 2017');
  });
});
