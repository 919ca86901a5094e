import { describe, expect, it } from 'vitest';
import { outcomeCount } from '../datasets/outcomes.ts';
import { ImportError } from './errors.ts';
import { importHoOutcomes } from './ho-outcomes.ts';

// A small file in the published layout (headers as the Home Office writes them), two outcome types per block.
const HEADER =
  'Financial Year,Financial Quarter,Force Name,Offence Description,Offence Group,Offence Subgroup,Offence ' +
  'Code,Outcome Description,Outcome Group,Outcome Type,Force outcomes for offences recorded in quarter,Force ' +
  'outcomes recorded in quarter';
const row = (
  quarter: number,
  force: string,
  code: string,
  type: 0 | 1,
  offences: string,
  outcomes: string,
  year = '2018/19',
) =>
  [
    year,
    quarter,
    force,
    code === '3B' ? 'Robbery of business property' : 'Assault with injury',
    code === '3B' ? 'Robbery' : 'Violence against the person',
    code === '3B' ? 'Robbery' : 'Violence with injury',
    code,
    type === 0 ? 'Not yet assigned an outcome' : 'Charged/Summonsed',
    type === 0 ? 'Not yet assigned an outcome' : 'Charged/Summonsed',
    type,
    offences,
    outcomes,
  ].join(',');
const file = (...rows: string[]) => [`${[HEADER, ...rows].join('\n')}\n`];

async function issueOf(rows: string[]) {
  try {
    await importHoOutcomes(file(...rows), { file: 'o.csv' });
  } catch (error) {
    if (error instanceof ImportError) return error.issue;
    throw error;
  }
  throw new Error('expected an ImportError');
}

describe('importHoOutcomes', () => {
  it('reads the published header spelling, aggregates codes into groups and keeps 8N', async () => {
    const { dataset } = await importHoOutcomes(
      file(
        row(1, 'Durham', '8N', 0, '5', 'NA'),
        row(1, 'Durham', '8N', 1, '7', '9'),
        row(1, 'Durham', '3B', 0, '2', 'NA'),
        row(1, 'Durham', '3B', 1, '1', '4'),
      ),
      { file: 'o.csv' },
    );
    expect(dataset.period).toEqual({ type: 'financial-year', startYear: 2018 });
    expect(dataset.offenceGroups.map((group) => group.id)).toEqual(['robbery', 'violence-against-the-person']);
    const count = (query: Partial<Parameters<typeof outcomeCount>[1]>) =>
      outcomeCount(dataset, { force: 'durham', measure: 'offences-recorded-in-quarter', ...query });
    expect(count({})).toBe(15);
    expect(count({ offenceCode: '8N' })).toBe(12);
    expect(count({ outcomeType: 1, offenceGroup: 'robbery' })).toBe(1);
    expect(outcomeCount(dataset, { force: 'durham', measure: 'outcomes-recorded-in-quarter', outcomeType: 1 })).toBe(
      13,
    );
    expect(
      outcomeCount(dataset, { force: 'durham', measure: 'outcomes-recorded-in-quarter', outcomeType: 0 }),
    ).toMatchObject({ missing: 'z' });
  });

  it('gives a Missing marker, not a partial sum, when some offence codes of a cell are NA', async () => {
    const { dataset } = await importHoOutcomes(
      file(
        row(1, 'Durham', '8N', 0, '5', 'NA'),
        row(1, 'Durham', '8N', 1, 'NA', '9'),
        row(1, 'Durham', '8S', 0, '2', 'NA'),
        row(1, 'Durham', '8S', 1, '1', '4'),
      ),
      { file: 'o.csv' },
    );
    expect(
      outcomeCount(dataset, {
        force: 'durham',
        measure: 'offences-recorded-in-quarter',
        outcomeType: 1,
        offenceGroup: 'violence-against-the-person',
      }),
    ).toMatchObject({
      missing: 'x',
      reason: expect.stringContaining('NA for 1 of the 2 offence codes'),
    });
  });

  it('marks a quarter a force has no rows for as Missing', async () => {
    const { dataset } = await importHoOutcomes(
      file(
        row(1, 'Durham', '8N', 0, '5', 'NA'),
        row(1, 'Durham', '8N', 1, '7', '9'),
        row(2, 'Cleveland', '8N', 0, '1', 'NA'),
        row(2, 'Cleveland', '8N', 1, '1', '1'),
      ),
      { file: 'o.csv' },
    );
    expect(dataset.quarters).toEqual([1, 2]);
    expect(
      outcomeCount(dataset, { force: 'durham', measure: 'offences-recorded-in-quarter', quarter: 2 }),
    ).toMatchObject({ missing: 'x' });
  });

  it.each([
    {
      name: 'a second financial year',
      rows: [
        row(1, 'Durham', '8N', 0, '5', 'NA'),
        row(1, 'Durham', '8N', 1, '7', '9'),
        row(2, 'Durham', '8N', 0, '5', 'NA', '2019/20'),
        row(2, 'Durham', '8N', 1, '7', '9', '2019/20'),
      ],
      at: { row: 4, column: 'Financial Year' },
    },
    {
      name: 'a quarter of 5',
      rows: [row(5 as 1, 'Durham', '8N', 0, '5', 'NA')],
      at: { row: 2, column: 'Financial Quarter' },
    },
    {
      name: 'a block missing an outcome type (a cut file)',
      rows: [
        row(1, 'Durham', '8N', 0, '5', 'NA'),
        row(1, 'Durham', '8N', 1, '7', '9'),
        row(1, 'Durham', '3B', 0, '2', 'NA'),
      ],
      at: { row: 4, column: 'outcome_type' },
    },
    {
      name: 'an offence code under two groups',
      rows: [
        row(1, 'Durham', '8N', 0, '5', 'NA'),
        row(1, 'Durham', '8N', 1, '7', '9'),
        row(2, 'Durham', '8N', 0, '5', 'NA').replace('Violence against the person', 'Robbery'),
      ],
      at: { row: 4, column: 'Offence Group' },
    },
    {
      name: 'an outcome type renamed for another force',
      rows: [
        row(1, 'Durham', '8N', 0, '5', 'NA'),
        row(1, 'Durham', '8N', 1, '7', '9'),
        row(1, 'Cleveland', '8N', 0, '5', 'NA'),
        row(1, 'Cleveland', '8N', 1, '7', '9').replace('Charged/Summonsed,', 'Charged,'),
      ],
      at: { row: 5, column: 'Outcome Description' },
    },
    {
      name: 'the England and Wales total as a force',
      rows: [row(1, 'England and Wales', '8N', 0, '5', 'NA')],
      at: { row: 2, column: 'force_name' },
    },
  ])('rejects $name, naming the row and column', async ({ rows, at }) => {
    expect(await issueOf(rows)).toMatchObject({ file: 'o.csv', ...at });
  });
});
