// Every printed value of Durham's report that the open data rebuild appears in the reconciliation table with a
// recomputed value and a cause; the causes are those the lead's check of the raw files found (issue 10).
import { durhamPublished, isMissing, population, populationOf, type PublishedValue } from 'peel-data';
import { describe, expect, it } from 'vitest';
import { RECONCILIATION_CAUSES } from './model/reconciliation.ts';
import { ReconciliationRowSchema } from './schema/reconciliation.ts';
import { reconcilePrinted } from './reconciliation.ts';
import { METRIC_REGISTRY } from './registry/registry.ts';

const rows = reconcilePrinted('durham');
const rowOf = (figureId: string, area: 'force' | 'england-and-wales') => {
  const row = rows.find((candidate) => candidate.figureId === figureId && candidate.area === area);
  if (!row) throw new Error(`no reconciliation row for ${figureId} (${area})`);
  return row;
};
const RECOMPUTING_KINDS = new Set(['crime-rate', 'crime-change', 'forces-with-increase', 'disclosure-rate']);
const kindOf = (id: string) =>
  METRIC_REGISTRY.byId.get(id)?.compute.kind ?? METRIC_REGISTRY.parts.get(id)?.part.compute.kind;
const printedNumber = (value: PublishedValue) => typeof value.value === 'number' && typeof value.printed === 'string';

describe('reconcilePrinted(durham)', () => {
  it('every row is valid and has a cause from the closed list and evidence', () => {
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(ReconciliationRowSchema.safeParse(row).success).toBe(true);
      expect(RECONCILIATION_CAUSES).toContain(row.cause);
      expect(row.evidence.length).toBeGreaterThan(20);
    }
  });

  // The figures the open data rebuild: those a registry entry recomputes from the recorded-crime file, or from the
  // printed count and the population (Right to Ask / Right to Know rates), for the period printed.
  const rebuilt = durhamPublished.figures.filter((figure) => RECOMPUTING_KINDS.has(kindOf(figure.id) ?? ''));
  it.each(rebuilt.map((figure) => [figure.id, figure] as const))('%s: each printed value has a row', (id, figure) => {
    if (printedNumber(figure.durham)) expect(isMissing(rowOf(id, 'force').recomputed)).toBe(false);
    // England and Wales is rebuilt for the recorded-crime figures; the disclosure rates' is the printed one.
    if (printedNumber(figure.englandWales) && kindOf(id) !== 'disclosure-rate')
      expect(isMissing(rowOf(id, 'england-and-wales').recomputed)).toBe(false);
  });
  it('covers the recorded-crime rates, changes, the count of forces and the disclosure rates', () => {
    expect(new Set(rebuilt.map((figure) => kindOf(figure.id)))).toEqual(RECOMPUTING_KINDS);
  });

  it('difference = recomputed − printed', () => {
    for (const row of rows)
      if (!isMissing(row.recomputed)) expect(row.difference).toBeCloseTo(row.recomputed - row.printed.value, 12);
  });

  it('finding 2: England and Wales change since 2011 agrees with print, and lists the other variants', () => {
    const row = rowOf('crime_change_vs_2011', 'england-and-wales');
    expect(row.cause).toBe('rounding');
    expect(row.method).toMatchObject({ englandWales: 'annex-a-43-forces', fraudBase: 'forces-own-fraud-in-base' });
    expect(row.otherVariants.map((other) => other.variant).sort()).toEqual([
      'englandWales:home-office-incl-btp',
      'fraudBase:excluded',
    ]);
  });
  it("Durham's change since 2011 and on the year: the count the printed rate implies reproduces print", () => {
    for (const id of ['crime_change_vs_2011', 'crime_change_yoy']) {
      const row = rowOf(id, 'force');
      expect(row.cause).toBe('data-vintage');
      expect(row.evidence).toContain('implies');
    }
  });
  it('finding 1: England and Wales rates say which comparator and give the 43-force value', () => {
    const row = rowOf('crime_rate_total_excl_fraud', 'england-and-wales');
    expect(row.method).toMatchObject({ englandWales: 'home-office-incl-btp' });
    const annexA = row.otherVariants.find((other) => other.variant === 'englandWales:annex-a-43-forces');
    expect(annexA && !isMissing(annexA.value) && !isMissing(row.recomputed) && annexA.value < row.recomputed).toBe(
      true,
    );
    expect(['rounding', 'data-vintage']).toContain(row.cause);
  });
  it('Right to Know: the printed rate implies a population a little below the revised estimate', () => {
    const row = rowOf('right_to_know_rate', 'force');
    const count = durhamPublished.figures.find((figure) => figure.id === 'right_to_know_count')?.durham.value;
    expect(row.cause === 'rounding' || row.cause === 'data-vintage').toBe(true);
    expect(row.recomputed).toBeCloseTo(
      ((count as number) / (populationOf(population, 'durham', 2015) as number)) * 100_000,
      10,
    );
  });
  it('no row says "unexplained" without saying what was tried', () => {
    for (const row of rows.filter((candidate) => candidate.cause === 'unexplained'))
      expect(row.evidence).toMatch(/Recomputed|implies/);
  });
  it('other forces have no printed report to reconcile', () => {
    expect(reconcilePrinted('kent')).toEqual([]);
  });
  it('an unknown force is a clear error', () => {
    expect(() => reconcilePrinted('atlantis')).toThrow(/unknown territorial force "atlantis"/);
  });
});
