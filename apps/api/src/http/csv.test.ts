import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderCsv } from './csv.ts';

/** A minimal RFC 4180 reader, written independently of the renderer, to round-trip through. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += ch;
  }
  return records;
}

describe('renderCsv', () => {
  it('writes a missing marker and puts its reason in the companion column', () => {
    const csv = renderCsv(
      [
        { force: 'durham', value: { missing: 'x' as const, reason: 'Durham could not supply arrest data' } },
        { force: 'kent', value: 12.5 },
      ],
      [
        { header: 'force', value: (r) => r.force },
        { header: 'value', value: (r) => r.value, mayBeMissing: true },
      ],
    );
    expect(csv).toBe(
      'force,value,value_missing_reason\r\ndurham,[x],Durham could not supply arrest data\r\nkent,12.5,\r\n',
    );
  });

  it('quotes commas, quotes and line breaks', () => {
    const csv = renderCsv([{ name: 'Avon and Somerset, "A&S"\nline' }], [{ header: 'name', value: (r) => r.name }]);
    expect(csv).toBe('name\r\n"Avon and Somerset, ""A&S""\nline"\r\n');
  });

  it.each([
    { label: 'NaN', cell: Number.NaN, message: /row 0 column 'v' is NaN/ },
    { label: 'null', cell: null, message: /row 0 column 'v' is null/ },
    { label: 'undefined', cell: undefined, message: /row 0 column 'v' is undefined/ },
  ])('refuses $label with the row and column named', ({ cell, message }) => {
    expect(() => renderCsv([{}], [{ header: 'v', value: () => cell as never }])).toThrow(message);
  });

  it('refuses a missing marker in a column not declared mayBeMissing', () => {
    expect(() => renderCsv([{}], [{ header: 'v', value: () => ({ missing: 'z', reason: 'n/a' }) }])).toThrow(
      /column 'v'.*mayBeMissing/,
    );
  });

  it('round-trips any strings through an RFC 4180 reader', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.string()), { maxLength: 8 }), (pairs) => {
        const csv = renderCsv(pairs, [
          { header: 'a', value: (r) => r[0] },
          { header: 'b', value: (r) => r[1] },
        ]);
        expect(parseCsv(csv)).toEqual([['a', 'b'], ...pairs.map(([a, b]) => [a, b])]);
      }),
    );
  });
});
