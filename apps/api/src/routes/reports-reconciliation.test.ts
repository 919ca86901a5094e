// Issue 10: the report's JSON and CSV carry the reconciliation of every printed value the open data rebuild.
import { durhamPublished } from 'peel-data';
import { expandReport, reconcilePrinted } from 'peel-metrics';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';

const app = createApp();
const url = '/v1/reports/peel-2016-effectiveness/durham';

/** A minimal CSV reader for the cells this test reads (quoted cells with commas and doubled quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] as string;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

describe('the Durham report reconciles its printed figures', () => {
  it('JSON: the reconciliation rows are those peel-metrics computes', async () => {
    // The JSON is lean (issue 13): expanded, it is the model (the reconciliation is in both views).
    for (const view of ['values', 'full']) {
      const body = expandReport<{ reconciliation: unknown[] }>(await (await app.request(`${url}?view=${view}`)).json());
      expect(body.reconciliation).toEqual(JSON.parse(JSON.stringify(reconcilePrinted('durham'))));
    }
    const body = expandReport<{ reconciliation: unknown[] }>(await (await app.request(url)).json());
    expect(body.reconciliation).toEqual(JSON.parse(JSON.stringify(reconcilePrinted('durham'))));
    expect(body.reconciliation.length).toBeGreaterThan(0);
  });

  it('CSV: each printed value the open data rebuild has its printed value and cause on its metric row', async () => {
    const response = await app.request(url, { headers: { accept: 'text/csv' } });
    expect(response.headers.get('content-type')).toMatch(/text\/csv/);
    const [head = [], ...rows] = parseCsv(await response.text());
    const column = (name: string) => {
      const index = head.indexOf(name);
      if (index < 0) throw new Error(`no ${name} column in ${head.join(',')}`);
      return index;
    };
    const byValue = new Map(rows.map((row) => [row[column('row_id')] || row[column('metric_id')], row]));
    for (const row of reconcilePrinted('durham')) {
      const csv = byValue.get(row.figureId);
      const prefix = row.area === 'force' ? '' : 'england_wales_';
      expect(csv?.[column(`${prefix}cause`)], row.figureId).toBe(row.cause);
      expect(Number(csv?.[column(`${prefix}printed`)]), row.figureId).toBe(row.printed.value);
    }
    // What each value is: the disclosure rates are rebuilt from a printed count.
    const rightToAsk = byValue.get('right_to_ask_rate');
    expect(rightToAsk?.[column('value_kind')]).toBe('recomputed-from-printed-count');
    const crime = byValue.get('crime_rate_total_excl_fraud');
    expect(crime?.[column('value_kind')]).toBe('recomputed');
    expect(crime?.[column('method_variants')]).toContain('englandWales=home-office-incl-btp');
    expect(durhamPublished.figures.some((figure) => figure.id === 'crime_rate_total_excl_fraud')).toBe(true);
  });
});
