import { describe, expect, it } from 'vitest';
import { streetCount } from '../datasets/police-uk.ts';
import { ImportError } from './errors.ts';
import { importPoliceUkStreet, mergeStreetCounts } from './police-uk-street.ts';

const HEADER =
  'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome ' +
  'category,Context';
const record = (id: string, month: string, force: string, type: string, outcome: string) =>
  `${id},${month},${force},${force},-1.5,54.7,"On or near Elvet, Durham",E01,Durham 001A,${type},${outcome},`;
const file = (...rows: string[]) => [`${[HEADER, ...rows].join('\r\n')}\r\n`];
const order = (a: string, b: string) => a.localeCompare(b);

describe('importPoliceUkStreet', () => {
  it('counts records by force, month, crime type and last outcome; ASB has no outcome', async () => {
    const { dataset } = await importPoliceUkStreet(
      file(
        record('', '2016-07', 'Durham Constabulary', 'Anti-social behaviour', ''),
        record('', '2016-07', 'Durham Constabulary', 'Anti-social behaviour', ''),
        record('a1', '2016-07', 'Durham Constabulary', 'Burglary', 'Under investigation'),
      ),
      { file: 's.csv' },
    );
    expect(
      streetCount(dataset, {
        force: 'durham',
        month: '2016-07',
        crimeType: 'Anti-social behaviour',
        lastOutcome: '(blank)',
      }),
    ).toBe(2);
    expect(streetCount(dataset, { force: 'durham', month: '2016-07', crimeType: 'Bicycle theft' })).toBe(0);
    expect(streetCount(dataset, { force: 'cleveland', month: '2016-07' })).toMatchObject({ missing: 'x' });
  });

  it.each([
    {
      name: 'a month that is not YYYY-MM',
      rows: [record('', 'July 2016', 'Durham Constabulary', 'Burglary', '')],
      column: 'Month',
    },
    { name: 'an empty crime type', rows: [record('', '2016-07', 'Durham Constabulary', '', '')], column: 'Crime type' },
    {
      name: 'an unknown force',
      rows: [record('', '2016-07', 'Durham Police Force', 'Burglary', '')],
      column: 'Reported by',
    },
  ])('rejects $name at row 2', async ({ rows, column }) => {
    const issue = await importPoliceUkStreet(file(...rows), { file: 's.csv' }).then(
      () => undefined,
      (error: unknown) => (error instanceof ImportError ? error.issue : undefined),
    );
    expect(issue).toMatchObject({ file: 's.csv', row: 2, column });
  });
});

describe('mergeStreetCounts', () => {
  it('adds new force × month pairs and replaces repeated ones, keeping the rest', async () => {
    const june = (
      await importPoliceUkStreet(
        file(record('a', '2016-06', 'Durham Constabulary', 'Burglary', 'Under investigation')),
        { file: 'june.csv' },
      )
    ).dataset;
    const july = (
      await importPoliceUkStreet(file(record('b', '2016-07', 'Durham Constabulary', 'Drugs', 'Offender fined')), {
        file: 'july.csv',
      })
    ).dataset;
    const julyAgain = (
      await importPoliceUkStreet(
        file(
          record('c', '2016-07', 'Durham Constabulary', 'Drugs', 'Offender fined'),
          record('d', '2016-07', 'Durham Constabulary', 'Drugs', 'Offender fined'),
        ),
        { file: 'july.csv' },
      )
    ).dataset;
    const merged = mergeStreetCounts(mergeStreetCounts(june, july, order), julyAgain, order);
    expect(merged.coverage).toEqual([
      { force: 'durham', month: '2016-06' },
      { force: 'durham', month: '2016-07' },
    ]);
    expect(merged.files).toEqual(['june.csv', 'july.csv']);
    expect(streetCount(merged, { force: 'durham', month: '2016-06' })).toBe(1);
    expect(streetCount(merged, { force: 'durham', month: '2016-07', crimeType: 'Drugs' })).toBe(2);
  });
});
