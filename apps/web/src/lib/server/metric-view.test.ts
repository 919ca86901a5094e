import { isMissing } from 'peel-data';
import { BAND_LABEL, formatValue, metricForAllForces } from 'peel-metrics';
import { describe, expect, it } from 'vitest';
import { rankingView } from './metric-view.ts';
import { catalogue, hasValues } from './metrics.ts';

describe.each(catalogue().filter(hasValues).map((definition) => definition.id))('rankingView(%s)', (id) => {
  const table = metricForAllForces(id);
  const view = rankingView(table, 'durham');

  it('charts every force with a value in rank order and lists the others with their marker', () => {
    const withValue = table.rows.filter((row) => !isMissing(row.value));
    expect(view.rows).toHaveLength(withValue.length);
    expect(view.notShown).toHaveLength(table.rows.length - withValue.length);
    const ranks = view.rows.map((row) => table.rows.find((candidate) => candidate.force.slug === row.key)!.rank ?? Number.POSITIVE_INFINITY);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('prints every row of the table plus England and Wales, with peel-metrics formatting and band words', () => {
    expect(view.table.rows).toHaveLength(table.rows.length + 1);
    for (const row of view.table.rows.slice(0, -1)) {
      const source = table.rows.find((candidate) => candidate.force.name === row.header.text)!;
      expect(row.cells[1]!.text).toBe(formatValue(source.value, { precision: table.precision, unit: table.unit }));
      if (source.band) expect(row.cells[2]!.text).toBe(BAND_LABEL[source.band]);
    }
    expect(view.table.rows.at(-1)!.header.text).toBe('England and Wales');
  });
});
