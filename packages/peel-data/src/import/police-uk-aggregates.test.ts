import { describe, expect, it } from 'vitest';
import { asbIncidents, policeUkCrimes } from '../datasets/police-uk.ts';
import { ImportError } from './errors.ts';
import { importPoliceUkAggregates } from './police-uk-aggregates.ts';

// CR-only line endings, as the BBC files have.
const file = (...rows: string[]) => [
  `${['Year,f0_,crime_type,reported_by,last_outcome_category', ...rows].join('\r')}\r`,
];

async function issueOf(rows: string[]) {
  try {
    await importPoliceUkAggregates(file(...rows), { file: 'bbc.csv' });
  } catch (error) {
    if (error instanceof ImportError) return error.issue;
    throw error;
  }
  throw new Error('expected an ImportError');
}

describe('importPoliceUkAggregates', () => {
  it('separates ASB from crimes, and a force without rows for a year is Missing, not 0', async () => {
    const { dataset } = await importPoliceUkAggregates(
      file(
        '2015,30,Anti-social behaviour,Durham Constabulary,',
        '2015,4,Burglary,Durham Constabulary,Under investigation',
        '2016,2,Burglary,Cleveland Police,Under investigation',
      ),
      { file: 'bbc.csv' },
    );
    expect(asbIncidents(dataset, { force: 'durham', year: 2015 })).toBe(30);
    expect(asbIncidents(dataset, { force: 'cleveland', year: 2016 })).toBe(0);
    expect(asbIncidents(dataset, { force: 'durham', year: 2016 })).toMatchObject({ missing: 'x' });
    expect(policeUkCrimes(dataset, { force: 'durham', year: 2015, lastOutcome: 'Under investigation' })).toBe(4);
  });

  it.each([
    { name: 'a year that is not four digits', rows: ['15,1,Burglary,Durham Constabulary,'], row: 2, column: 'Year' },
    {
      name: 'a count that is not a whole number',
      rows: ['2015,n/a,Burglary,Durham Constabulary,'],
      row: 2,
      column: 'f0_',
    },
    {
      name: 'a repeated key',
      rows: ['2015,1,Burglary,Durham Constabulary,', '2015,2,Burglary,Durham Constabulary,'],
      row: 3,
      column: 'last_outcome_category',
    },
    { name: 'a short row', rows: ['2015,1,Burglary'], row: 2, column: 'reported_by' },
  ])('rejects $name', async ({ rows, row, column }) => {
    expect(await issueOf(rows)).toMatchObject({ file: 'bbc.csv', row, column });
  });
});
