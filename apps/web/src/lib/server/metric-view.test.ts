import { formatPeriod, hoOutcomes201718, isMissing, type ChangePeriod, type Missing, type Period } from 'peel-data';
import { BAND_LABEL, formatValue, metricForAllForces, type MetricId } from 'peel-metrics';
import { describe, expect, it } from 'vitest';
import { metricPageView, rankingView } from './metric-view.ts';
import { catalogue, definitionOf, hasValues, periodsOf, tableOf } from './metrics.ts';

describe.each(
  catalogue()
    .filter(hasValues)
    .map((definition) => definition.id),
)('rankingView(%s)', (id) => {
  const table = metricForAllForces(id as MetricId);
  const view = rankingView(table, 'durham');

  it('charts every force with a value in rank order and lists the others with their marker', () => {
    const withValue = table.rows.filter((row) => !isMissing(row.value));
    expect(view.rows).toHaveLength(withValue.length);
    expect(view.notShown).toHaveLength(table.rows.length - withValue.length);
    const ranks = view.rows.map(
      (row) => table.rows.find((candidate) => candidate.force.slug === row.key)!.rank ?? Number.POSITIVE_INFINITY,
    );
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

describe('metric page period', () => {
  const pageOf = (id: string) => {
    const definition = definitionOf(id)!;
    return { definition, view: metricPageView(definition, tableOf(definition), periodsOf(definition)) };
  };
  const words = (period: Period | ChangePeriod | Missing) => (isMissing(period) ? undefined : formatPeriod(period));
  const factOf = (view: ReturnType<typeof metricPageView>, term: string) =>
    view.facts.find((fact) => fact.term === term)?.detail;

  it.each([
    // Outcomes: the open data are the Home Office's 2017/18 outcomes; the report used the 12 months to 30 June 2016.
    { id: 'outcome_proportion', dataPeriod: () => formatPeriod(hoOutcomes201718.period), differs: true },
    // ASB: data.police.uk calendar years; the report used years to 31 March.
    {
      id: 'asb_rate_change_yoy',
      dataPeriod: () => words(metricForAllForces('asb_rate_change_yoy').period),
      differs: true,
    },
    // Recorded crime: the open data cover the report's own period.
    {
      id: 'crime_rate_total_excl_fraud',
      dataPeriod: () => words(metricForAllForces('crime_rate_total_excl_fraud').period),
      differs: false,
    },
  ])('$id names the period of the data it ranks', ({ id, dataPeriod, differs }) => {
    const { definition, view } = pageOf(id);
    const expected = dataPeriod()!;
    const reportPeriod = words(definition.period)!;
    expect(view.periodLabel).toBe(expected);
    expect(view.ranking?.periodLabel).toBe(expected);
    expect(factOf(view, 'Period')).toBe(expected);
    expect(reportPeriod === expected).toBe(!differs);
    if (differs) {
      expect(view.reportPeriodNote).toBe(`The 2016 report used: ${reportPeriod}.`);
      expect(factOf(view, 'The 2016 report used')).toBe(reportPeriod);
      // The heading and the table caption never name the report's period as the data's.
      expect(view.label).not.toContain(reportPeriod);
      expect(view.ranking?.table.caption).not.toContain(reportPeriod);
    } else {
      expect(view.reportPeriodNote).toBeUndefined();
      expect(factOf(view, 'The 2016 report used')).toBeUndefined();
      expect(view.label).toBe(definition.label);
    }
  });

  it('names the data period in a label that named the report period (outcomes, ASB change)', () => {
    expect(pageOf('outcome_proportion').view.label).toContain(formatPeriod(hoOutcomes201718.period));
    expect(pageOf('asb_rate_change_yoy').view.label).toMatch(/calendar year \d{4} compared with calendar year \d{4}/);
  });

  it('shows the report period alone for a metric with no data (domestic abuse arrest rate)', () => {
    const { definition, view } = pageOf('da_arrest_rate');
    expect(hasValues(definition)).toBe(false);
    expect(view.periodLabel).toBe(words(definition.period));
    expect(view.reportPeriodNote).toBeUndefined();
  });

  it('says the period is not stated where the report gives none and there is no data', () => {
    const { definition, view } = pageOf('calls_for_assistance_per_1000');
    expect(isMissing(definition.period)).toBe(true);
    expect(view.periodLabel).toBe('not stated in the report');
  });
});
