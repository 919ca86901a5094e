import { buildForceReport } from '../report/build-force-report.ts';
import { describe, expect, it } from 'vitest';
import { valueKindOf } from './value-kind.ts';

describe('valueKindOf on Durham’s report', () => {
  const report = buildForceReport('durham');
  const figure2 = report.figures.find((figure) => figure.number === 2);
  const rows = figure2?.kind === 'table' ? figure2.rows : [];
  const kindOf = (id: string) => {
    const row = rows.find((candidate) => candidate.metricId === id);
    if (!row) throw new Error(`no Figure 2 row ${id}`);
    return valueKindOf(row.force.provenance);
  };
  it('labels the Figure 2 rows copied from print as printed', () => {
    expect(kindOf('crime_rate_assault_with_injury')).toBe('printed');
    expect(kindOf('crime_rate_burglary_dwelling')).toBe('printed');
  });
  it('labels the rates rebuilt from the recorded-crime file as recomputed', () => {
    expect(kindOf('crime_rate_total_excl_fraud')).toBe('recomputed');
  });
  it('labels Right to Ask and Right to Know rates as recomputed from a printed count', () => {
    for (const figure of report.domesticViolenceDisclosure.filter((item) => item.metricId.endsWith('_rate')))
      expect(valueKindOf(figure.force.provenance), figure.metricId).toBe('recomputed-from-printed-count');
  });
});
