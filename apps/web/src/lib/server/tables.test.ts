import { durhamPublished, isMissing, judgments, territorialForces } from 'peel-data';
import { buildForceReport } from 'peel-metrics';
import { describe, expect, it } from 'vitest';
import { toCsv } from '$lib/csv.ts';
import { getTable, listTables } from './tables.ts';

describe('downloadable tables', () => {
  const tables = listTables();

  it('lists every figure of every force report, the forces and the judgments', () => {
    const expected = territorialForces.reduce((sum, force) => sum + buildForceReport(force.slug).figures.length, 0);
    expect(tables.filter((table) => table.group === 'report')).toHaveLength(expected);
    expect(tables.map((table) => table.id)).toEqual(expect.arrayContaining(['forces', 'judgments']));
    expect(new Set(tables.map((table) => table.id)).size).toBe(tables.length);
  });

  it('builds every listed table, with as many cells per row as columns', () => {
    for (const listing of tables) {
      const table = getTable(listing.id);
      expect(table, listing.id).toBeDefined();
      for (const row of table!.rows)
        expect(Object.keys(row), listing.id).toEqual(table!.columns.map((column) => column.key));
    }
  });

  it('keeps every judgment, with a grade no source states as a Missing marker', () => {
    const table = getTable('judgments')!;
    expect(table.rows).toHaveLength(judgments.length);
    const missingRows = table.rows.filter((row) => isMissing(row['grade']));
    expect(missingRows).toHaveLength(judgments.filter((judgment) => isMissing(judgment.grade)).length);
    // In CSV the marker is written, never a blank or 0.
    const csv = toCsv(table.columns, missingRows.slice(0, 1));
    expect(csv.split('\r\n')[1]).toMatch(/,\[x\],/);
  });

  it(
    'keeps a printed band and the [x] recomputed band with its reason in a report figure download (Durham, Figure ' +
      '7)',
    () => {
      const table = getTable('report-durham-figure-7')!;
      const band = table.columns.find((column) => column.label === 'Band')!;
      const printed = table.rows
        .map((row) => row[band.key])
        .filter((cell): cell is string => typeof cell === 'string' && cell.includes('(as printed'));
      expect(printed.length).toBe(durhamPublished.domesticAbuseOutcomes.filter((row) => row.band).length);
      for (const cell of printed) expect(cell).toMatch(/; recomputed: \[x\] \(.+\)$/);
    },
  );

  it('answers an unknown table id with undefined', () => {
    expect(getTable('report-atlantis-figure-1')).toBeUndefined();
    expect(getTable('metric-no_such_metric')).toBeUndefined();
    expect(getTable('nothing')).toBeUndefined();
  });
});
