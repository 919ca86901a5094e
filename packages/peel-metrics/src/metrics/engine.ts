/**
 * The metric engine: any catalogue metric for every territorial force, with England and Wales and a banding.
 *
 * Method: each metric id maps to one way of computing it (see METRIC_SPECS):
 *   - recorded-crime rates (CR-01 to CR-03, CR-06): count ÷ mid-year population × 1,000 for every quarter end;
 *   - recorded-crime changes (CR-07 to CR-09): percentage change on COUNTS between two 12-month windows
 *     (the report's "police-recorded crime … has increased by" describes volumes); CR-10 counts the forces
 *     whose count rose;
 *   - assault with injury (CR-04): Home Office offence code 8N from the 2017/18 outcomes file, per 1,000
 *     (mid-2017 population); for the report's period the open data cannot rebuild it;
 *   - anti-social behaviour (ASB-01, ASB-02): data.police.uk incidents by CALENDAR year per 1,000 population,
 *     and the change in that rate between calendar years (the report used 12 months to 31 March);
 *   - outcomes (OUT-01 to OUT-04): proportions of offences recorded in 2017/18 by outcome (outcomes.ts);
 *   - Right to Ask / Right to Know (DA-06, DA-07): the published count ÷ mid-2015 population × 100,000;
 *   - everything else: the value printed in the report (Durham's only), Missing for other forces.
 * England and Wales is pooled over the included forces (exclusions.ts), or the published value where the
 * report printed one and the open data cannot rebuild it. Banding (banding.ts) applies to computed metrics.
 */
import { exclusionNote } from '../exclusion-note.ts';
import {
  ChangePeriodSchema,
  isMissing,
  formatPeriod,
  missing,
  outcomeCount,
  PeriodSchema,
  type OutcomeQuery,
  type OutcomesDataset,
  type PoliceUkAggregatesDataset,
  type ChangePeriod,
  type Force,
  type Missing,
  type NumberOrMissing,
  type Period,
  type Provenance,
  type SourceId,
} from 'peel-data';
import { poolEnglandWales } from '../aggregate.ts';
import { bandForces, type Banding } from '../banding.ts';
import { percentChange } from '../change.ts';
import { exclusionsFor, ruleFor } from '../exclusions.ts';
import { computeRate, populationYearForPeriodEnd } from '../rate.ts';
import { publishedFigure, publishedNumber, territorialForcesOf, type MetricsRelease } from '../data/release.ts';
import type { EnglandWalesValue } from '../report/types.ts';
import { outcomeRows, outcomesTable } from './outcomes.ts';
import {
  crimeCount,
  CRIME_SELECTION_LABEL,
  populationOfYear,
  shiftYears,
  type CrimeSelection,
} from './recorded-crime.ts';

/** A period a metric can be asked for. */
export type MetricPeriod = Period | ChangePeriod;

/** One force's value with its provenance. */
export interface ForceValue {
  value: NumberOrMissing;
  provenance: Provenance;
  caveats: string[];
}

/** A metric computed for every territorial force. */
export interface ComputedMetric {
  metricId: string;
  label: string;
  unit: string;
  precision: number;
  period: MetricPeriod | Missing;
  forces: readonly Force[];
  rows: Map<string, ForceValue>;
  englandWales: EnglandWalesValue;
  banding: Banding | Missing;
}

/** How one metric is computed. */
interface MetricSpec {
  id: string;
  label: string;
  unit: string;
  precision: number;
  /** The period the 2016 report shows. */
  reportPeriod: MetricPeriod;
  periods(release: MetricsRelease): MetricPeriod[];
  /** May return `period` when the values are for another period than asked (e.g. printed values used in place of missing data). */
  compute(
    release: MetricsRelease,
    period: MetricPeriod,
  ): Omit<ComputedMetric, 'metricId' | 'label' | 'unit' | 'precision' | 'period' | 'forces'> & {
    period?: MetricPeriod | Missing;
  };
}

const REPORT_END = '2016-06-30';
const rolling = (end: string): Period => ({ type: 'rolling-12m', end });
const REPORT_WINDOW = rolling(REPORT_END);
const PUBLISHED_SOURCE: SourceId = 'peel-2016-durham-report';

const CRIME_DATA_NOTE =
  'Counts are a later vintage of the Home Office data than the October 2016 release HMIC used, and population estimates are the revised ONS series, so recomputed 2016 rates can differ from the printed ones in the first decimal place.';
const CITY_OF_LONDON = 'city-of-london';

function caveatsFor(metricId: string, force: string): string[] {
  const rule = ruleFor(metricId, force);
  const cityRule =
    force === CITY_OF_LONDON
      ? exclusionsFor(metricId).find((r) => r.force === CITY_OF_LONDON && r.treatment === 'flagged')
      : undefined;
  return [
    ...new Set([
      ...(rule && rule.treatment !== 'excluded' ? [rule.reason] : []),
      ...(cityRule ? [cityRule.reason] : []),
    ]),
  ];
}

function toEnglandWales(aggregate: ReturnType<typeof poolEnglandWales>, provenance: Provenance): EnglandWalesValue {
  return {
    value: aggregate.value,
    provenance,
    caveats: [],
    method: aggregate.method,
    included: aggregate.included,
    excluded: aggregate.excluded,
  };
}

function bandIfComputed(metricId: string, forces: readonly Force[], rows: Map<string, ForceValue>): Banding {
  return bandForces(
    forces.map((force) => ({ force: force.slug, value: rows.get(force.slug)?.value ?? missing('x', 'no value') })),
    { exclusions: exclusionsFor(metricId) },
  );
}

function exclusionTexts(metricId: string): string[] {
  return [
    'British Transport Police is not part of England and Wales',
    ...exclusionsFor(metricId)
      .filter((r) => r.treatment === 'excluded')
      .map(exclusionNote),
  ];
}

// ——— recorded crime ———

function crimeRateSpec(id: string, label: string, selection: CrimeSelection): MetricSpec {
  return {
    id,
    label,
    unit: 'crimes per 1,000 population',
    precision: 1,
    reportPeriod: REPORT_WINDOW,
    periods: (release) =>
      release.recordedCrime.periods
        .filter(
          (end) =>
            !isMissing(populationOfYear(release.population, 'england-and-wales', populationYearForPeriodEnd(end))),
        )
        .map(rolling),
    compute(release, period) {
      const end = rollingEnd(period, id);
      const forces = territorialForcesOf(release);
      const year = populationYearForPeriodEnd(end);
      const provenance: Provenance = {
        source: release.recordedCrime.source,
        alsoFrom: [release.population.source],
        period: rolling(end),
        denominator: `ONS mid-${year} population estimate`,
        formula: `recorded ${selectionWords(selection)} in the 12 months ÷ mid-${year} population × 1,000`,
        note: CRIME_DATA_NOTE,
      };
      const rows = new Map<string, ForceValue>();
      const pool = [];
      for (const force of forces) {
        const count = crimeCount(release.recordedCrime, force.slug, end, selection);
        const population = populationOfYear(release.population, force.slug, year);
        rows.set(force.slug, {
          value: computeRate(count, population, { unit: 'per-1000-population' }),
          provenance,
          caveats: caveatsFor(id, force.slug),
        });
        pool.push({ force: force.slug, numerator: count, denominator: population });
      }
      const englandWales = toEnglandWales(poolEnglandWales(pool, { scale: 1000, exclusions: exclusionsFor(id) }), {
        ...provenance,
        formula: `Σ ${selectionWords(selection)} ÷ Σ population × 1,000 over the 43 territorial forces`,
        exclusions: exclusionTexts(id),
      });
      return { rows, englandWales, banding: bandIfComputed(id, forces, rows) };
    },
  };
}

function selectionWords(selection: CrimeSelection): string {
  return selection === 'total-excl-fraud' || selection === 'victim-based'
    ? CRIME_SELECTION_LABEL[selection]
    : `${selection.replaceAll('-', ' ')}`;
}

function crimeChangeSpec(id: string, label: string, selection: CrimeSelection, yearsBack: number): MetricSpec {
  const changeOf = (end: string): ChangePeriod => ({
    type: 'change',
    from: rolling(shiftYears(end, -yearsBack)),
    to: rolling(end),
  });
  return {
    id,
    label,
    unit: 'percent change',
    precision: 0,
    reportPeriod: changeOf(REPORT_END),
    periods: (release) =>
      release.recordedCrime.periods
        .filter((end) => release.recordedCrime.periods.includes(shiftYears(end, -yearsBack)))
        .map(changeOf),
    compute(release, period) {
      const end = rollingEnd(period, id);
      const from = shiftYears(end, -yearsBack);
      const forces = territorialForcesOf(release);
      const provenance: Provenance = {
        source: release.recordedCrime.source,
        period: rolling(end),
        formula: `(count in the 12 months to ${end} − count in the 12 months to ${from}) ÷ count in the 12 months to ${from} × 100, on counts of ${selectionWords(selection)}`,
        note: `${CRIME_DATA_NOTE} The report does not say whether it compared counts or rates; its wording describes volumes, so counts are used.`,
      };
      const rows = new Map<string, ForceValue>();
      let earlierTotal = 0;
      let laterTotal = 0;
      const included: string[] = [];
      const excluded: { force: string; reason: string }[] = [];
      for (const force of forces) {
        const earlier = crimeCount(release.recordedCrime, force.slug, from, selection);
        const later = crimeCount(release.recordedCrime, force.slug, end, selection);
        rows.set(force.slug, { value: percentChange(earlier, later), provenance, caveats: caveatsFor(id, force.slug) });
        if (isMissing(earlier) || isMissing(later))
          excluded.push({
            force: force.slug,
            reason: `no data: ${(isMissing(earlier) ? earlier : (later as Missing)).reason}`,
          });
        else {
          earlierTotal += earlier;
          laterTotal += later;
          included.push(force.slug);
        }
      }
      const englandWales: EnglandWalesValue = {
        value: included.length === 0 ? missing('x', 'no force had data') : percentChange(earlierTotal, laterTotal),
        provenance: {
          ...provenance,
          formula: `change in Σ counts over the included territorial forces`,
          exclusions: exclusionTexts(id),
        },
        caveats: [],
        method: 'pooled',
        included,
        excluded,
      };
      return { rows, englandWales, banding: bandIfComputed(id, forces, rows) };
    },
  };
}

const forcesWithIncreaseSpec: MetricSpec = {
  ...crimeChangeSpec(
    'forces_with_annual_crime_increase',
    'Forces with an annual increase in police-recorded crime (excluding fraud)',
    'total-excl-fraud',
    1,
  ),
  unit: 'number of forces (rows: each force’s annual change in percent)',
  compute(release, period) {
    const base = crimeChangeSpec('crime_change_yoy', '', 'total-excl-fraud', 1).compute(release, period);
    const rising = [...base.rows].filter(([, row]) => !isMissing(row.value) && row.value > 0).map(([slug]) => slug);
    const withData = [...base.rows].filter(([, row]) => !isMissing(row.value)).length;
    return {
      ...base,
      englandWales: {
        ...base.englandWales,
        value: withData === 0 ? missing('x', 'no force had data') : rising.length,
        method: 'count-of-forces',
        provenance: {
          ...base.englandWales.provenance,
          formula:
            'number of territorial forces whose 12-month count (excluding fraud) is greater than the 12 months before',
        },
        included: rising,
      },
    };
  },
};

// ——— assault with injury (2017/18 outcomes file, code 8N) ———

const assaultWithInjurySpec: MetricSpec = {
  id: 'crime_rate_assault_with_injury',
  label: 'Assault with injury',
  unit: 'crimes per 1,000 population',
  precision: 1,
  reportPeriod: REPORT_WINDOW,
  periods: (release) => [REPORT_WINDOW, ...(release.outcomes ? [release.outcomes.period as Period] : [])],
  compute(release, period) {
    const forces = territorialForcesOf(release);
    if (period.type !== 'financial-year' || !release.outcomes) {
      return publishedOnly(
        'crime_rate_assault_with_injury',
        release,
        forces,
        'Assault with injury is a Home Office offence code (8N) inside "violence with injury"; the open recorded-crime data are by offence group only, so the 2016 figure cannot be rebuilt; it can be computed for financial year 2017/18 (period "2017/18")',
      );
    }
    const dataset = release.outcomes;
    const year = period.startYear;
    const provenance: Provenance = {
      source: dataset.source,
      alsoFrom: [release.population.source],
      period,
      denominator: `ONS mid-${year} population estimate`,
      formula: `offences of Home Office code 8N (assault with injury) recorded in the financial year (summed over outcome types) ÷ mid-${year} population × 1,000`,
      note: 'A later year than the 2016 report (12 months to 30 June 2016); codes 8S and 8P (on a constable; racially or religiously aggravated) are not included.',
    };
    const rows = new Map<string, ForceValue>();
    const pool = [];
    for (const force of forces) {
      const count = dataset.forces.includes(force.slug)
        ? (peelOutcomeCount(dataset, {
            force: force.slug,
            measure: 'offences-recorded-in-quarter',
            offenceCode: '8N',
          }) as NumberOrMissing)
        : missing('x', 'not in the outcomes dataset');
      const population = populationOfYear(release.population, force.slug, year);
      rows.set(force.slug, {
        value: computeRate(count, population, { unit: 'per-1000-population' }),
        provenance,
        caveats: caveatsFor('crime_rate_assault_with_injury', force.slug),
      });
      pool.push({ force: force.slug, numerator: count, denominator: population });
    }
    const englandWales = toEnglandWales(poolEnglandWales(pool, { scale: 1000 }), {
      ...provenance,
      exclusions: exclusionTexts('crime_rate_assault_with_injury'),
    });
    return { rows, englandWales, banding: bandIfComputed('crime_rate_assault_with_injury', forces, rows) };
  },
};

function peelOutcomeCount(dataset: OutcomesDataset, query: OutcomeQuery): NumberOrMissing {
  return outcomeCount(dataset, query);
}

/** ASB incidents of a force in a calendar year, or Missing when the force or year is not covered. */
function asbIncidentsOf(dataset: PoliceUkAggregatesDataset, force: string, year: number): NumberOrMissing {
  const f = dataset.forces.indexOf(force);
  const y = dataset.years.indexOf(year);
  if (f < 0) return missing('x', `the data.police.uk aggregates have no rows for ${force}`);
  if (y < 0)
    return missing('x', `the data.police.uk aggregates cover ${dataset.years[0]}–${dataset.years.at(-1)}, not ${year}`);
  return dataset.asbIncidents[f * dataset.years.length + y] ?? missing('x', 'no count');
}

// ——— anti-social behaviour (data.police.uk calendar years) ———

/** ASB incident count of a force in a calendar year from the police.uk aggregates, or Missing. */
function asbCount(release: MetricsRelease, force: string, year: number): NumberOrMissing {
  if (!release.policeUk) return missing('x', 'this release has no data.police.uk aggregates');
  return asbIncidentsOf(release.policeUk, force, year);
}

function asbYears(release: MetricsRelease): number[] {
  const years: unknown = release.policeUk?.years;
  return Array.isArray(years) ? (years as number[]) : [];
}

const ASB_NOTE =
  'data.police.uk incidents by calendar year; the 2016 report used 12 months to 31 March from the ONS/Home Office incident tables, which are not in the open data used here.';

const asbRateSpec: MetricSpec = {
  id: 'asb_rate',
  label: 'Anti-social behaviour incidents recorded',
  unit: 'incidents per 1,000 population',
  precision: 0,
  reportPeriod: { type: 'calendar-year', year: 2015 },
  periods: (release) => asbYears(release).map((year) => ({ type: 'calendar-year', year })),
  compute(release, period) {
    const year = period.type === 'calendar-year' ? period.year : 2015;
    const forces = territorialForcesOf(release);
    const provenance: Provenance = {
      source: release.policeUk?.source ?? 'policeuk-aggregates-2012-2016',
      alsoFrom: [release.population.source],
      period: { type: 'calendar-year', year },
      denominator: `ONS mid-${year} population estimate`,
      formula: `anti-social behaviour incidents in calendar year ${year} ÷ mid-${year} population × 1,000`,
      note: ASB_NOTE,
    };
    const rows = new Map<string, ForceValue>();
    const pool = [];
    for (const force of forces) {
      const count = asbCount(release, force.slug, year);
      const population = populationOfYear(release.population, force.slug, year);
      rows.set(force.slug, {
        value: computeRate(count, population, { unit: 'per-1000-population' }),
        provenance,
        caveats: caveatsFor('asb_rate', force.slug),
      });
      pool.push({ force: force.slug, numerator: count, denominator: population });
    }
    const englandWales = toEnglandWales(poolEnglandWales(pool, { scale: 1000 }), {
      ...provenance,
      exclusions: exclusionTexts('asb_rate'),
    });
    return { rows, englandWales, banding: bandIfComputed('asb_rate', forces, rows) };
  },
};

const asbChangeSpec: MetricSpec = {
  id: 'asb_rate_change_yoy',
  label: 'Change in the rate of anti-social behaviour incidents (per 1,000 population)',
  unit: 'percent change',
  precision: 0,
  reportPeriod: {
    type: 'change',
    from: { type: 'calendar-year', year: 2014 },
    to: { type: 'calendar-year', year: 2015 },
  },
  periods: (release) =>
    asbYears(release)
      .filter((year) => asbYears(release).includes(year - 1))
      .map((year) => ({
        type: 'change',
        from: { type: 'calendar-year', year: year - 1 },
        to: { type: 'calendar-year', year },
      })),
  compute(release, period) {
    const to =
      period.type === 'change' && period.to.type === 'calendar-year'
        ? period.to.year
        : period.type === 'calendar-year'
          ? period.year
          : 2015;
    const earlier = asbRateSpec.compute(release, { type: 'calendar-year', year: to - 1 });
    const later = asbRateSpec.compute(release, { type: 'calendar-year', year: to });
    const forces = territorialForcesOf(release);
    const provenance: Provenance = {
      source: release.policeUk?.source ?? 'policeuk-aggregates-2012-2016',
      alsoFrom: [release.population.source],
      period: { type: 'calendar-year', year: to },
      formula: `(rate in ${to} − rate in ${to - 1}) ÷ rate in ${to - 1} × 100, rates per 1,000 mid-year population`,
      note: `${ASB_NOTE} Calendar ${to} against ${to - 1} is the nearest open-data window to the report's 12 months to 31 March 2016 against 2015.`,
    };
    const rows = new Map<string, ForceValue>();
    for (const force of forces) {
      rows.set(force.slug, {
        value: percentChange(
          earlier.rows.get(force.slug)?.value ?? missing('x', 'no value'),
          later.rows.get(force.slug)?.value ?? missing('x', 'no value'),
        ),
        provenance,
        caveats: caveatsFor('asb_rate_change_yoy', force.slug),
      });
    }
    const englandWales: EnglandWalesValue = {
      ...later.englandWales,
      value: percentChange(earlier.englandWales.value, later.englandWales.value),
      provenance: {
        ...provenance,
        formula: 'change in the pooled England and Wales rate',
        exclusions: exclusionTexts('asb_rate_change_yoy'),
      },
    };
    return { rows, englandWales, banding: bandIfComputed('asb_rate_change_yoy', forces, rows) };
  },
};

// ——— outcomes (2017/18) ———

const OUTCOME_METRIC_ROWS: Record<string, string> = {
  outcomes_assigned_total: 'total-assigned',
  outcomes_not_yet_assigned: 'not-yet-assigned',
  evidential_difficulties_victim_not_support_pct: 'evidential-difficulties-victim-does-not-support',
};

function outcomeSpec(id: string, rowId: string): MetricSpec {
  return {
    id,
    label: id,
    unit: 'percent of offences recorded in the period',
    precision: 1,
    reportPeriod: { type: 'financial-year', startYear: 2017 },
    periods: (release) => (release.outcomes ? [release.outcomes.period as Period] : []),
    compute(release) {
      const forces = territorialForcesOf(release);
      if (!release.outcomes) return publishedOnly(id, release, forces, 'this release has no Home Office outcomes data');
      const table = outcomesTable(
        release.outcomes,
        forces.map((force) => force.slug),
      );
      const row = table.rows.find((candidate) => candidate.id === rowId);
      if (!row)
        throw new RangeError(
          `${id}: unknown outcomes row ${JSON.stringify(rowId)}; valid rows: ${table.rows.map((r) => r.id).join(', ')}`,
        );
      const provenance = outcomeProvenance(release.outcomes, row.label, row.outcomeTypes);
      const rows = new Map<string, ForceValue>(
        forces.map((force) => [
          force.slug,
          {
            value: table.percents.get(rowId)?.get(force.slug) ?? missing('x', 'no value'),
            provenance,
            caveats: caveatsFor('outcome_proportion', force.slug),
          },
        ]),
      );
      const aggregate = table.englandWales.get(rowId);
      const englandWales = aggregate
        ? toEnglandWales(aggregate, { ...provenance, exclusions: exclusionTexts('outcome_proportion') })
        : toEnglandWales(poolEnglandWales([], { scale: 100 }), provenance);
      return { rows, englandWales, banding: table.bandings.get(rowId) ?? missing('x', 'no banding') };
    },
  };
}

/**
 * Provenance of an outcomes proportion.
 * @example outcomeProvenance(hoOutcomes201718, 'Charged/Summonsed', [1]).formula // 'offences recorded in the period with outcome type 1 (Charged/Summonsed) ÷ all offences recorded × 100'
 */
export function outcomeProvenance(dataset: OutcomesDataset, label: string, types: readonly number[]): Provenance {
  return {
    source: dataset.source,
    period: dataset.period,
    denominator: 'offences recorded in the period (all outcome types, "not yet assigned" included)',
    formula: `offences recorded in the period with outcome type${types.length > 1 ? 's' : ''} ${types.join(', ')} (${label}) ÷ all offences recorded × 100`,
    note: `Home Office outcomes for offences recorded in ${formatPeriod(dataset.period)} (the nearest open data: the 2016 report used 12 months to 30 June 2016, October 2016 release). Outcomes keep being assigned after extraction.`,
  };
}

// ——— published-only metrics and Right to Ask / Know ———

function publishedOnly(
  metricId: string,
  release: MetricsRelease,
  forces: readonly Force[],
  whyNotComputed?: string,
): ReturnType<MetricSpec['compute']> {
  const entry = publishedFigure(release, metricId) ?? publishedFigure(release, `${metricId}_count`);
  const typed = entry?.period.typed;
  const printedPeriod: MetricPeriod | Missing = typed ?? missing('x', 'the report prints no period for this value');
  const provenance: Provenance = {
    source: PUBLISHED_SOURCE,
    ...(typed && !isMissing(typed) && typed.type !== 'change' ? { period: typed } : {}),
    note: `Value as printed in HMIC, PEEL: Police effectiveness 2016 – Durham Constabulary (2 March 2017)${entry ? `; period as printed: ${entry.period.text}` : ''}.`,
  };
  const rows = new Map<string, ForceValue>();
  for (const force of forces) {
    const value =
      force.slug === release.durhamPublished?.force && entry
        ? publishedNumber(entry.durham, `a value for ${force.name}`)
        : missing(
            'x',
            whyNotComputed ??
              `only Durham Constabulary's 2016 report has been transcribed; the value in ${force.name}'s report is not in the open data`,
          );
    rows.set(force.slug, { value, provenance, caveats: caveatsFor(metricId, force.slug) });
  }
  const englandWales: EnglandWalesValue = {
    value: entry
      ? publishedNumber(entry.englandWales, 'an England and Wales value for this measure')
      : missing('x', 'the report does not print an England and Wales value for this measure'),
    provenance: { ...provenance, exclusions: exclusionTexts(metricId) },
    caveats: [],
    method: 'published',
    included: [],
    excluded: [],
  };
  return {
    rows,
    englandWales,
    banding: missing('x', 'only one force has a value, so forces cannot be ranked'),
    period: printedPeriod,
  };
}

function publishedSpec(id: string, label?: string, release?: MetricsRelease): MetricSpec {
  // The one period a printed value has: the printed period where the report states one (e.g. a snapshot), else the main window.
  const typed = release
    ? (publishedFigure(release, id) ?? publishedFigure(release, `${id}_count`))?.period.typed
    : undefined;
  const period: MetricPeriod = typed && !isMissing(typed) ? typed : REPORT_WINDOW;
  return {
    id,
    label: label ?? id,
    unit: '',
    precision: 1,
    reportPeriod: period,
    periods: () => [period],
    compute: (release) => publishedOnly(id, release, territorialForcesOf(release)),
  };
}

function disclosureRateSpec(id: string, countId: string, label: string): MetricSpec {
  return {
    id,
    label,
    unit: 'uses per 100,000 population',
    precision: 1,
    reportPeriod: REPORT_WINDOW,
    periods: () => [REPORT_WINDOW],
    compute(release) {
      const forces = territorialForcesOf(release);
      const base = publishedOnly(countId, release, forces);
      const rateEntry = publishedFigure(release, id);
      const provenance: Provenance = {
        source: PUBLISHED_SOURCE,
        alsoFrom: [release.population.source],
        period: REPORT_WINDOW,
        denominator: 'ONS mid-2015 population estimate',
        formula: 'published count in the 12 months to 30 June 2016 ÷ mid-2015 population × 100,000',
      };
      const rows = new Map<string, ForceValue>();
      for (const force of forces) {
        const count = base.rows.get(force.slug)?.value ?? missing('x', 'no count');
        rows.set(force.slug, {
          value: computeRate(count, populationOfYear(release.population, force.slug, 2015), {
            unit: 'per-100000-population',
          }),
          provenance,
          caveats: caveatsFor(id, force.slug),
        });
      }
      const englandWales: EnglandWalesValue = {
        ...base.englandWales,
        value: rateEntry
          ? publishedNumber(rateEntry.englandWales, 'an England and Wales rate')
          : missing('x', 'the report does not print an England and Wales rate'),
      };
      return { rows, englandWales, banding: missing('x', 'only one force has a count, so forces cannot be ranked') };
    },
  };
}

const COMPUTED_SPECS: readonly MetricSpec[] = [
  crimeRateSpec('crime_rate_total_excl_fraud', 'Police-recorded crime (excluding fraud)', 'total-excl-fraud'),
  crimeRateSpec('crime_rate_victim_based', 'Victim-based crime', 'victim-based'),
  crimeRateSpec('crime_rate_sexual_offences', 'Sexual offences', 'sexual-offences'),
  {
    ...crimeRateSpec(
      'crime_rate_trend_5yr',
      'Police-recorded crime (excluding fraud), five-year series',
      'total-excl-fraud',
    ),
  },
  assaultWithInjurySpec,
  {
    ...publishedSpec('crime_rate_burglary_dwelling', 'Burglary in a dwelling'),
    unit: 'crimes per 1,000 households',
    compute: (release) =>
      publishedOnly(
        'crime_rate_burglary_dwelling',
        release,
        territorialForcesOf(release),
        'burglary in a dwelling per 1,000 households cannot be rebuilt for 2016: the only household counts in the open data are a 2018 projection, and the report does not name its household source',
      ),
  },
  crimeChangeSpec(
    'crime_change_vs_2011',
    'Change in police-recorded crime (excluding fraud) since 2011',
    'total-excl-fraud',
    5,
  ),
  crimeChangeSpec('victim_based_crime_change_vs_2011', 'Change in victim-based crime since 2011', 'victim-based', 5),
  crimeChangeSpec(
    'crime_change_yoy',
    'Annual change in police-recorded crime (excluding fraud)',
    'total-excl-fraud',
    1,
  ),
  forcesWithIncreaseSpec,
  asbRateSpec,
  asbChangeSpec,
  ...Object.entries(OUTCOME_METRIC_ROWS).map(([id, rowId]) => outcomeSpec(id, rowId)),
  disclosureRateSpec(
    'right_to_ask_rate',
    'right_to_ask_count',
    "Domestic Violence Disclosure Scheme 'Right to Ask' uses",
  ),
  disclosureRateSpec(
    'right_to_know_rate',
    'right_to_know_count',
    "Domestic Violence Disclosure Scheme 'Right to Know' uses",
  ),
];

/** Ids of metrics computed from open data (the rest are published values). */
export const COMPUTED_METRIC_IDS: readonly string[] = COMPUTED_SPECS.map((spec) => spec.id);

/**
 * The spec of a metric id; `outcome_proportion:<row id>` selects one outcomes row (default Charged/Summonsed).
 * Unknown ids that the published report or catalogue holds become published-only metrics.
 */
function specFor(metricId: string, release: MetricsRelease): MetricSpec {
  const spec = COMPUTED_SPECS.find((candidate) => candidate.id === metricId);
  if (spec) return spec;
  if (metricId === 'outcome_proportion' || metricId.startsWith('outcome_proportion:')) {
    const rowId = metricId.split(':')[1] ?? 'charged-summonsed';
    const row = release.outcomes
      ? outcomeRows(release.outcomes).find((candidate) => candidate.id === rowId)
      : undefined;
    if (release.outcomes && !row) {
      throw new RangeError(
        `Unknown metric ${JSON.stringify(metricId)}: no outcomes row ${JSON.stringify(rowId)}; valid rows: ${outcomeRows(
          release.outcomes,
        )
          .map((candidate) => candidate.id)
          .join(', ')}; e.g. 'outcome_proportion:charged-summonsed'`,
      );
    }
    return { ...outcomeSpec(metricId, rowId), label: row?.label ?? rowId };
  }
  if (metricId === 'right_to_ask')
    return { ...disclosureRateSpec('right_to_ask_rate', 'right_to_ask_count', "'Right to Ask' uses"), id: metricId };
  if (metricId === 'right_to_know')
    return { ...disclosureRateSpec('right_to_know_rate', 'right_to_know_count', "'Right to Know' uses"), id: metricId };
  const known = new Set<string>([
    ...(release.durhamPublished?.figures.map((figure) => figure.id) ?? []),
    ...catalogueIds(release),
  ]);
  if (known.has(metricId)) return publishedSpec(metricId, undefined, release);
  throw new RangeError(
    `Unknown metric ${JSON.stringify(metricId)}; valid ids include ${[...COMPUTED_METRIC_IDS, 'outcome_proportion:<row id>', ...known].slice(0, 30).join(', ')}…; e.g. 'crime_rate_total_excl_fraud'`,
  );
}

/**
 * Metric ids of the release's catalogue.
 * @example catalogueIds(bundledRelease).includes('crime_rate_total_excl_fraud') // true
 */
export function catalogueIds(release: MetricsRelease): string[] {
  const catalogue = release.metricCatalogue;
  if (!catalogue) return [];
  if (Array.isArray(catalogue)) return catalogue.map((entry: { id: string }) => entry.id);
  return Object.keys(catalogue);
}

/**
 * The catalogue entry of a metric id (with the full id, e.g. 'outcome_proportion:charged-summonsed'), or `{ id }`.
 * @example catalogueEntry(bundledRelease, 'crime_rate_total_excl_fraud').specRef // 'CR-01'
 */
export function catalogueEntry(release: MetricsRelease, metricId: string): { id: string; [key: string]: unknown } {
  const catalogue = release.metricCatalogue;
  const baseId = metricId.split(':')[0] as string;
  let index = catalogueIndexes.get(release);
  if (!index) {
    const entries: { id: string }[] = Array.isArray(catalogue) ? catalogue : Object.values(catalogue ?? {});
    index = new Map(entries.map((entry) => [entry.id, entry]));
    catalogueIndexes.set(release, index);
  }
  const entry = index.get(baseId);
  if (!entry) return { id: metricId };
  return entry.id === metricId ? entry : { ...entry, id: metricId };
}

const catalogueIndexes = new WeakMap<MetricsRelease, Map<string, { id: string }>>();

/**
 * Parses a period option: a Period/ChangePeriod object, an ISO end date ('2016-06-30' = 12 months to then),
 * a financial year ('2017/18') or a calendar year ('2015').
 * @example parsePeriod('2016-06-30') // { type: 'rolling-12m', end: '2016-06-30' }
 */
export function parsePeriod(period: MetricPeriod | string): MetricPeriod {
  if (typeof period !== 'string') {
    const parsed = period.type === 'change' ? ChangePeriodSchema.safeParse(period) : PeriodSchema.safeParse(period);
    if (!parsed.success)
      throw new TypeError(
        `period: not a valid period object (${parsed.error.issues[0]?.message}); e.g. { type: 'rolling-12m', end: '2016-06-30' } or '2016-06-30'`,
      );
    return parsed.data;
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(period)) return rolling(period);
  const financial = /^(\d{4})\/(\d{2})$/.exec(period);
  if (financial) return { type: 'financial-year', startYear: Number(financial[1]) };
  if (/^\d{4}$/.test(period)) return { type: 'calendar-year', year: Number(period) };
  throw new TypeError(
    `period: expected an ISO end date ('2016-06-30'), a financial year ('2017/18') or a calendar year ('2015'), received ${JSON.stringify(period)}`,
  );
}

function rollingEnd(period: MetricPeriod, metricId: string): string {
  if (period.type === 'rolling-12m') return period.end;
  if (period.type === 'change' && period.to.type === 'rolling-12m') return period.to.end;
  throw new RangeError(
    `${metricId}: expected a 12-month period such as '2016-06-30', received a ${period.type} period`,
  );
}

const samePeriod = (a: MetricPeriod, b: MetricPeriod): boolean => JSON.stringify(a) === JSON.stringify(b);

interface ReleaseCache {
  specs: Map<string, { spec: MetricSpec; periods: MetricPeriod[] }>;
  /** Results by metric id and period key. */
  results: Map<string, ComputedMetric>;
  /** Results by metric id and the period option as the caller gave it (fast path for repeated calls). */
  requests: Map<string, ComputedMetric>;
}

const caches = new WeakMap<MetricsRelease, ReleaseCache>();

function cacheOf(release: MetricsRelease): ReleaseCache {
  let cache = caches.get(release);
  if (!cache) caches.set(release, (cache = { specs: new Map(), results: new Map(), requests: new Map() }));
  return cache;
}

function specEntry(release: MetricsRelease, metricId: string): { spec: MetricSpec; periods: MetricPeriod[] } {
  const cache = cacheOf(release);
  let entry = cache.specs.get(metricId);
  if (!entry) {
    const spec = specFor(metricId, release);
    entry = { spec, periods: spec.periods(release) };
    cache.specs.set(metricId, entry);
  }
  return entry;
}

/**
 * Computes a metric for every territorial force at a period (the report's period by default). Results are
 * cached per release, metric and period, so the report models and the API share one computation.
 * @example computeMetric(resolveRelease(), 'crime_rate_total_excl_fraud').englandWales.value // ≈ 67 (per 1,000)
 */
export function computeMetric(
  release: MetricsRelease,
  metricId: string,
  options: { period?: MetricPeriod | string } = {},
): ComputedMetric {
  const cache = cacheOf(release);
  const requestKey = `${metricId}|${typeof options.period === 'string' ? options.period : JSON.stringify(options.period ?? null)}`;
  const known = cache.requests.get(requestKey);
  if (known) return known;
  const { spec, periods: valid } = specEntry(release, metricId);
  const requested = options.period === undefined ? spec.reportPeriod : parsePeriod(options.period);
  // A change metric may be asked for by its later window ('2016-06-30').
  const period =
    valid.find(
      (candidate) =>
        samePeriod(candidate, requested) || (candidate.type === 'change' && samePeriod(candidate.to, requested)),
    ) ?? (options.period === undefined ? requested : undefined);
  if (!period) {
    throw new RangeError(
      `${metricId}: no data for period ${JSON.stringify(options.period)}; valid periods are listed by metricPeriods(${JSON.stringify(metricId)}), e.g. ${JSON.stringify(valid.at(-1) ?? spec.reportPeriod)}`,
    );
  }
  const key = `${metricId}|${JSON.stringify(period)}`;
  let result = cache.results.get(key);
  if (!result) {
    result = {
      metricId,
      label: spec.label,
      unit: spec.unit,
      precision: spec.precision,
      period,
      forces: territorialForcesOf(release),
      ...spec.compute(release, period),
    };
    if (result.period === undefined) result.period = period;
    cache.results.set(key, result);
  }
  cache.requests.set(requestKey, result);
  return result;
}

/**
 * The periods a metric can be computed for.
 * @example metricPeriodsOf(resolveRelease(), 'crime_rate_total_excl_fraud').length // 52 quarter and year ends
 */
export function metricPeriodsOf(release: MetricsRelease, metricId: string): MetricPeriod[] {
  return [...specEntry(release, metricId).periods];
}

/**
 * The period the 2016 report shows for a metric.
 * @example reportPeriodOf(bundledRelease, 'crime_rate_total_excl_fraud') // { type: 'rolling-12m', end: '2016-06-30' }
 */
export function reportPeriodOf(release: MetricsRelease, metricId: string): MetricPeriod {
  return specEntry(release, metricId).spec.reportPeriod;
}
