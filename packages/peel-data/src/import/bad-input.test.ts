import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { outcomeCount } from '../datasets/outcomes.ts';
import { streetCount } from '../datasets/police-uk.ts';
import { importFile, importHoOutcomes } from '../node.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../../test/fixtures/import/${name}`, import.meta.url));

describe('bad import input: the error names the file, row and column', () => {
  it.each([
    {
      kind: 'missing column',
      file: 'ho-outcomes-missing-column.csv',
      row: 1,
      column: 'outcome_type',
      says: /expected a column named "outcome_type"/,
    },
    {
      kind: 'renamed column',
      file: 'ho-outcomes-renamed-column.csv',
      row: 1,
      column: 'force_name',
      says: /columns not recognised: "force" \(renamed\?\)/,
    },
    {
      kind: 'non-numeric count',
      file: 'ho-outcomes-non-numeric-count.csv',
      row: 6,
      column: 'offences',
      says: /expected a count written as a whole number.*received "12a"/,
    },
    {
      kind: 'duplicate key',
      file: 'ho-outcomes-duplicate-key.csv',
      row: 44,
      column: 'outcome_type',
      says: /one row per quarter, force, offence code and outcome type/,
    },
    {
      kind: 'unknown force name',
      file: 'ho-outcomes-unknown-force.csv',
      row: 10,
      column: 'force_name',
      says: /"Durham Police", which is not a known force/,
    },
    {
      kind: 'truncated file (last row cut short)',
      file: 'ho-outcomes-truncated.csv',
      row: 43,
      column: 'offences',
      says: /expected 13 fields.*received 11 fields.*truncated/,
    },
    {
      kind: 'truncated file (unterminated quote)',
      file: 'ho-outcomes-unterminated-quote.csv',
      row: 43,
      column: 'offence_description',
      says: /closing quote.*truncated/,
    },
    { kind: 'empty file', file: 'empty.csv', row: 1, column: undefined, says: /received an empty file/ },
    {
      kind: 'duplicate police.uk Crime ID',
      file: 'street-duplicate-crime-id.csv',
      row: 22,
      column: 'Crime ID',
      says: /each Crime ID once.*already in row/,
    },
  ])('$kind', async ({ file, row, column, says }) => {
    const format = file.startsWith('street') ? 'police-uk-street' : 'ho-outcomes';
    const result = await importFile(format, fixture(file));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ file: fixture(file), row, ...(column ? { column } : {}) });
    expect(result.message).toContain(fixture(file));
    expect(result.message).toContain(`row ${row}`);
    if (column) expect(result.message).toContain(`column "${column}"`);
    expect(result.message).toMatch(says);
  });

  it('reports a file that is not UTF-8 (Windows-1252 en dashes), naming the byte range', async () => {
    const result = await importFile('ho-outcomes', fixture('ho-outcomes-windows-1252.csv'));
    expect(!result.ok && result.message).toMatch(
      /ho-outcomes-windows-1252\.csv: expected UTF-8 text, received bytes that are not UTF-8 between byte 0 and \d+/,
    );
  });

  it('reports a file that does not exist', async () => {
    const result = await importFile('ho-outcomes', fixture('no-such-file.csv'));
    expect(!result.ok && result.message).toMatch(/no-such-file\.csv: expected an existing file/);
  });
});

describe('awkward but valid input is accepted deliberately', () => {
  it.each([
    { kind: 'a UTF-8 byte-order mark (as the ONS lookup has)', file: 'ho-outcomes-bom.csv' },
    { kind: 'CR-only line endings (as the BBC police.uk files have)', file: 'ho-outcomes-cr-only.csv' },
  ])('$kind imports exactly like the plain file', async ({ file }) => {
    const plain = await importFile('ho-outcomes', fixture('ho-outcomes-valid.csv'));
    const awkward = await importFile('ho-outcomes', fixture(file));
    expect(plain.ok && awkward.ok).toBe(true);
    if (!plain.ok || !awkward.ok) return;
    expect({ ...awkward.value.dataset, file: 'x' }).toEqual({ ...plain.value.dataset, file: 'x' });
  });

  it('sums the valid fixture per outcome type as the rows say (Durham Q1, codes 8N and 95)', async () => {
    const result = await importFile('ho-outcomes', fixture('ho-outcomes-valid.csv'));
    if (!result.ok) throw new Error(result.message);
    const dataset = result.value.dataset as Parameters<typeof outcomeCount>[0];
    expect(dataset.forces).toEqual(['durham']);
    expect(dataset.offenceCodes.map((code) => code.code)).toEqual(['8N']);
    // Row for 8N, type 0 ("Not yet assigned") in the fixture: offences 13.
    expect(
      outcomeCount(dataset, {
        force: 'durham',
        measure: 'offences-recorded-in-quarter',
        outcomeType: 0,
        offenceCode: '8N',
      }),
    ).toBe(13);
  });

  it('skips rows whose offence code is marked expired, one report entry per code', async () => {
    // The cj-charts copy dropped expired codes; a Home Office original marks them in offence_code_expired.
    const text = readFileSync(fixture('ho-outcomes-valid.csv'), 'utf8').replace(/,8N,NA,/g, ',8N,x,');
    const { dataset, report } = await importHoOutcomes([text], { file: 'expired.csv' });
    expect(report.skipped).toEqual([
      { row: expect.any(Number), reason: 'offence code "8N" is marked expired (21 rows from this one on)' },
    ]);
    expect(report.rowsUsed).toBe(21);
    expect(dataset.offenceCodes).toEqual([]);
  });

  it('parses the 20-row police.uk street sample (quoted Location fields) into counts', async () => {
    const result = await importFile(
      'police-uk-street',
      fileURLToPath(
        new URL('../../data/raw/policeuk-street-sample/2016-06-durham-street.first20rows.csv', import.meta.url),
      ),
    );
    if (!result.ok) throw new Error(result.message);
    const dataset = result.value.dataset as Parameters<typeof streetCount>[0];
    expect(dataset.coverage).toEqual([{ force: 'durham', month: '2016-06' }]);
    expect(streetCount(dataset, { force: 'durham' })).toBe(20);
    expect(streetCount(dataset, { force: 'durham', month: '2016-06', crimeType: 'Anti-social behaviour' })).toBe(9);
    expect(streetCount(dataset, { force: 'durham', month: '2016-07' })).toMatchObject({ missing: 'x' });
  });

  it('skips Northern Ireland street rows and reports them', async () => {
    const result = await importFile('police-uk-street', fixture('street-with-northern-ireland.csv'));
    if (!result.ok) throw new Error(result.message);
    expect(result.value.report).toMatchObject({
      rowsUsed: 20,
      skipped: [{ rows: 1, firstRow: 22, reason: expect.stringContaining('Northern Ireland') }],
    });
  });
});
