import { describe, expect, it } from 'vitest';
import { isMissing } from '../schema/missing.ts';
import { ImportError } from './errors.ts';
import { importRecordedCrime } from './recorded-crime.ts';

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
  it('builds series by force slug and fraud body, periods in ISO order, gaps as Missing x, negatives noted', async () => {
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
    expect(dataset.series['action-fraud']?.['action-fraud']).toEqual([expect.objectContaining({ missing: 'x' }), 5000]);
    expect(dataset.notes).toEqual([expect.objectContaining({ kind: 'negative-count', series: 'durham', offenceGroup: 'robbery', periodEnd: '2016-03-31' })]);
  });

  it('reads the known upstream typo 30-12-2017 as 31 December 2017 and reports it', async () => {
    const { dataset, report } = await importRecordedCrime(csv('30-12-2017,Durham,North East,Robbery,1'), { file: 'rc.csv' });
    expect(dataset.periods).toEqual(['2017-12-31']);
    expect(report.correctedDates).toEqual([{ published: '30-12-2017', readAs: '2017-12-31', rows: 1 }]);
  });

  it.each([
    { name: 'a date that is not dd-mm-yyyy', row: '2016-06-30,Durham,North East,Robbery,1', column: '12 months ending', expected: /dd-mm-yyyy/ },
    { name: 'a date that is not a quarter end', row: '15-06-2016,Durham,North East,Robbery,1', column: '12 months ending', expected: /last day of a quarter/ },
    { name: 'an unknown force', row: '30-06-2016,Durham Constabulary HQ,North East,Robbery,1', column: 'PFA', expected: /police force name/ },
    { name: 'Northern Ireland (out of scope here)', row: '30-06-2016,Police Service of Northern Ireland,NI,Robbery,1', column: 'PFA', expected: /England and Wales/ },
    { name: 'an unknown offence label', row: '30-06-2016,Durham,North East,Burglary,1', column: 'Offence', expected: /offence group label/ },
    { name: 'a count that is not a whole number', row: '30-06-2016,Durham,North East,Robbery,1.5', column: 'Rolling year total number of offences', expected: /whole number/ },
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
    const issue = await issueOf(['30-12-2017,Durham,North East,Robbery,1', '31-12-2017,Durham,North East,Sexual offences,1']);
    expect(issue).toMatchObject({ row: 3, column: '12 months ending', received: expect.stringContaining('merge two periods') });
  });
});
