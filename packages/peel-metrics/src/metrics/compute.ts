/**
 * The compute kinds of the metric registry: one function per kind, each with its period rule.
 *
 * Method (per kind):
 *   - `crime-rate`: recorded-crime count ÷ mid-year population × 1,000 for the 12 months to each quarter end
 *     (CR-01 to CR-03, CR-06);
 *   - `crime-change`: percentage change on COUNTS between two 12-month windows `yearsBack` years apart (the report's
 *     "police-recorded crime … has increased by" describes volumes); `forces-with-increase` counts the forces whose
 *     count rose (CR-10);
 *   - `offence-code-rate`: one Home Office offence code (8N, assault with injury) from the 2017/18 outcomes file, per
 *     1,000 (mid-2017 population); for the report's period the open data cannot rebuild it;
 *   - `asb-rate`, `asb-change`: data.police.uk incidents by CALENDAR year per 1,000 population, and the change in that
 *     rate between calendar years (the report used 12 months to 31 March);
 *   - `outcome-share`: the share of offences recorded in 2017/18 with a row's outcome types (outcomes.ts);
 *   - `disclosure-rate`: Right to Ask / Right to Know, the published count ÷ mid-2015 population × 100,000;
 *   - `printed`: the value printed in the report (Durham's only), Missing for other forces;
 *   - `custom`: the function given with the registry entry.
 * England and Wales is pooled over the included forces (the registry's exclusion rules), or the published value
 * where the report printed one and the open data cannot rebuild it. Banding (banding.ts) applies to computed values.
 */
import {
  formatPeriod,
  isMissing,
  missing,
  outcomeCount,
  type ChangePeriod,
  type Force,
  type Missing,
  type NumberOrMissing,
  type OutcomesDataset,
  type Period,
  type PoliceUkAggregatesDataset,
  type Provenance,
  type RatioCounts,
  type SourceId,
} from 'peel-data';
import { poolEnglandWales, type PoolInput } from '../aggregate.ts';
import { bandForces, type Banding } from '../banding.ts';
import { percentChange } from '../change.ts';
import { publishedFigure, publishedNumber, territorialForcesOf, type MetricsRelease } from '../data/release.ts';
import { exclusionNote, setAsideNote } from '../exclusion-note.ts';
import { ruleOf, rulesOf } from '../exclusions.ts';
import type { EnglandWalesValue } from '../model/types.ts';
import {
  crimeCountWithFraudBase,
  METHOD_VARIANT_TEXT,
  PEEL_2016_VARIANTS,
  type MethodVariants,
} from '../method-variants.ts';
import { computeRate, populationYearForPeriodEnd } from '../rate.ts';
import type { ComputeContext, ComputeResult, ComputeRule, ForceValue, MetricPeriod } from '../registry/types.ts';
import { outcomesTable } from './outcomes.ts';
import {
  crimeCount,
  CRIME_SELECTION_LABEL,
  populationOfYear,
  shiftYears,
  type CrimeSelection,
} from './recorded-crime.ts';

/** A compute kind bound to its parameters: its period rule and its function. */
export interface Computer {
  reportPeriod(release: MetricsRelease): MetricPeriod;
  periods(release: MetricsRelease): MetricPeriod[];
  compute(release: MetricsRelease, period: MetricPeriod, context: ComputeContext): ComputeResult;
}

const REPORT_END = '2016-06-30';
const rolling = (end: string): Period => ({ type: 'rolling-12m', end });
const REPORT_WINDOW = rolling(REPORT_END);
const PUBLISHED_SOURCE: SourceId = 'peel-2016-durham-report';
const CITY_OF_LONDON = 'city-of-london';
const CRIME_DATA_NOTE =
  'Counts are a later vintage of the Home Office data than the October 2016 release HMIC used, and population ' +
  'estimates are the revised ONS series; where the report printed a value, the reconciliation gives the difference ' +
  'and its cause.';

function caveatsFor(context: ComputeContext, key: string, force: string): string[] {
  const rule = ruleOf(key, force, context.exclusions);
  const cityRule =
    force === CITY_OF_LONDON
      ? rulesOf(key, context.exclusions).find(
          (r) => r.force === CITY_OF_LONDON && (r.treatment === 'flagged' || r.treatment === 'unranked'),
        )
      : undefined;
  // A rule of the edition whose evidence does not cover this period: say so, and what applies instead.
  const setAside = (context.setAside ?? []).filter((r) => r.force === force && r.scope).map(setAsideNote);
  return [
    ...new Set([
      ...(rule && rule.treatment !== 'excluded' ? [rule.reason] : []),
      ...(cityRule ? [cityRule.reason] : []),
      ...setAside,
    ]),
  ];
}

/**
 * The counts behind a force's ratio (a rate per head, a share of a count), as its provenance carries them: one
 * definition of numerator and denominator for the SDK, the API and the tidy downloads.
 */
function ratioCounts(
  numerator: NumberOrMissing,
  denominator: NumberOrMissing,
  scale: number,
  populationYear?: number,
): RatioCounts {
  return {
    numerator,
    denominator,
    denominatorKind: populationYear === undefined ? 'count' : 'population',
    ...(populationYear === undefined ? {} : { populationYear }),
    scale,
  };
}

/** The summed counts of a pooled England and Wales value, or Missing where no force was pooled. */
function pooledCounts(
  aggregate: ReturnType<typeof poolEnglandWales>,
  scale: number,
  populationYear?: number,
): RatioCounts {
  const none = missing('x', 'no force was pooled');
  const pooled = aggregate.included.length > 0;
  return ratioCounts(
    pooled ? (aggregate.numerator ?? none) : none,
    pooled ? (aggregate.denominator ?? none) : none,
    scale,
    populationYear,
  );
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

function bandOf(
  context: ComputeContext,
  key: string,
  forces: readonly Force[],
  rows: Map<string, ForceValue>,
): Banding {
  return bandForces(
    forces.map((force) => ({ force: force.slug, value: rows.get(force.slug)?.value ?? missing('x', 'no value') })),
    { exclusions: rulesOf(key, context.exclusions) },
  );
}

function exclusionTexts(context: ComputeContext, key: string, withBtp = false): string[] {
  return [
    ...(withBtp ? [] : ['British Transport Police is not part of England and Wales']),
    ...rulesOf(key, context.exclusions)
      .filter((r) => r.treatment === 'excluded')
      .map(exclusionNote),
  ];
}

function rollingEnd(period: MetricPeriod, key: string): string {
  if (period.type === 'rolling-12m') return period.end;
  if (period.type === 'change' && period.to.type === 'rolling-12m') return period.to.end;
  throw new RangeError(`${key}: expected a 12-month period such as '2016-06-30', received a ${period.type} period`);
}

/**
 * Every force's count per 1,000 population of a year (rows), and the counts and populations to pool for England
 * and Wales.
 */
function perThousand(
  release: MetricsRelease,
  context: ComputeContext,
  year: number,
  provenance: Provenance,
  countOf: (force: string) => NumberOrMissing,
): { forces: readonly Force[]; rows: Map<string, ForceValue>; pool: PoolInput[] } {
  const forces = territorialForcesOf(release);
  const rows = new Map<string, ForceValue>();
  const pool: PoolInput[] = [];
  for (const force of forces) {
    const count = countOf(force.slug);
    const population = populationOfYear(release.population, force.slug, year);
    rows.set(force.slug, {
      value: computeRate(count, population, { unit: 'per-1000-population' }),
      provenance: { ...provenance, counts: ratioCounts(count, population, 1000, year) },
      caveats: caveatsFor(context, context.key, force.slug),
    });
    pool.push({ force: force.slug, numerator: count, denominator: population });
  }
  return { forces, rows, pool };
}

/**
 * A rate with no method variants, whole: every force's count per 1,000 population of `year`, England and Wales pooled
 * over the 43 forces, and the banding.
 */
function pooledPerThousand(
  release: MetricsRelease,
  context: ComputeContext,
  year: number,
  provenance: Provenance,
  countOf: (force: string) => NumberOrMissing,
): ComputeResult {
  const { key } = context;
  const { forces, rows, pool } = perThousand(release, context, year, provenance, countOf);
  const aggregate = poolEnglandWales(pool, { scale: 1000 });
  const englandWales = toEnglandWales(aggregate, {
    ...provenance,
    exclusions: exclusionTexts(context, key),
    counts: pooledCounts(aggregate, 1000, year),
  });
  return { rows, englandWales, banding: bandOf(context, key, forces, rows) };
}

// ——— recorded crime ———

function selectionWords(selection: CrimeSelection): string {
  return selection === 'total-excl-fraud' || selection === 'victim-based'
    ? CRIME_SELECTION_LABEL[selection]
    : `${selection.replaceAll('-', ' ')}`;
}

/** The method variants a value was made with, as provenance records them. */
function variantsOf(method: MethodVariants, keys: readonly (keyof MethodVariants)[]): Record<string, string> {
  return Object.fromEntries(keys.map((key) => [key, method[key]]));
}

/**
 * Adds British Transport Police's count to a pooled England and Wales rate (the Home Office's England and Wales:
 * BTP's offences over the 43 forces' population; BTP has no residents). Without a BTP count in the release the
 * 43-force value stays, and says so.
 */
function withBtp(
  release: MetricsRelease,
  aggregate: ReturnType<typeof poolEnglandWales>,
  end: string,
  selection: CrimeSelection,
  method: MethodVariants,
): { aggregate: ReturnType<typeof poolEnglandWales>; method: MethodVariants; caveat?: string } {
  if (method.englandWales !== 'home-office-incl-btp') return { aggregate, method };
  const btp = crimeCountWithFraudBase(release.recordedCrime, 'btp', end, selection, method);
  if (isMissing(btp) || aggregate.numerator === undefined || !aggregate.denominator || isMissing(aggregate.value))
    return {
      aggregate,
      method: { ...method, englandWales: 'annex-a-43-forces' },
      caveat: `England and Wales is the 43 forces: no British Transport Police count (${
        isMissing(btp) ? btp.reason : 'no pooled value'
      }).`,
    };
  const numerator = aggregate.numerator + btp;
  return {
    aggregate: {
      ...aggregate,
      numerator,
      value: (numerator / aggregate.denominator) * 1000,
      included: [...aggregate.included, 'btp'],
    },
    method,
  };
}

function crimeRate(selection: CrimeSelection, method: MethodVariants = PEEL_2016_VARIANTS.rate): Computer {
  return {
    reportPeriod: () => REPORT_WINDOW,
    periods: (release) =>
      release.recordedCrime.periods
        .filter(
          (end) =>
            !isMissing(populationOfYear(release.population, 'england-and-wales', populationYearForPeriodEnd(end))),
        )
        .map(rolling),
    compute(release, period, context) {
      const { key } = context;
      const end = rollingEnd(period, key);
      const year = method.denominator === 'mid-2015' ? 2015 : populationYearForPeriodEnd(end);
      const provenance: Provenance = {
        source: release.recordedCrime.source,
        alsoFrom: [release.population.source],
        period: rolling(end),
        denominator: `ONS mid-${year} population estimate`,
        formula: `recorded ${selectionWords(selection)} in the 12 months ÷ mid-${year} population × 1,000`,
        note: `${CRIME_DATA_NOTE} ${METHOD_VARIANT_TEXT[method.denominator].label}.`,
        variants: variantsOf(method, ['denominator']),
      };
      const { forces, rows, pool } = perThousand(release, context, year, provenance, (force) =>
        crimeCount(release.recordedCrime, force, end, selection),
      );
      const pooled = withBtp(
        release,
        poolEnglandWales(pool, { scale: 1000, exclusions: rulesOf(key, context.exclusions) }),
        end,
        selection,
        method,
      );
      const btp = pooled.method.englandWales === 'home-office-incl-btp';
      const englandWales = toEnglandWales(pooled.aggregate, {
        ...provenance,
        formula: btp
          ? `Σ ${selectionWords(selection)} over the 43 territorial forces and British Transport Police ÷ Σ ` +
            'population of the 43 forces × 1,000 (the Home Office’s England and Wales)'
          : `Σ ${selectionWords(selection)} ÷ Σ population × 1,000 over the 43 territorial forces`,
        exclusions: exclusionTexts(context, key, btp),
        note: `${provenance.note} ${METHOD_VARIANT_TEXT[pooled.method.englandWales].label}.`,
        variants: variantsOf(pooled.method, ['englandWales', 'denominator']),
        counts: pooledCounts(pooled.aggregate, 1000, year),
      });
      if (pooled.caveat) englandWales.caveats.push(pooled.caveat);
      return { rows, englandWales, banding: bandOf(context, key, forces, rows) };
    },
  };
}

/** A percentage change as a ratio of counts: (later − earlier) ÷ earlier × 100. */
function changeCounts(earlier: NumberOrMissing, later: NumberOrMissing): RatioCounts {
  const gap = isMissing(earlier) ? earlier : isMissing(later) ? later : undefined;
  return ratioCounts(gap ?? (later as number) - (earlier as number), earlier, 100);
}

function crimeChange(
  selection: CrimeSelection,
  yearsBack: number,
  method: MethodVariants = PEEL_2016_VARIANTS.change,
): Computer {
  const changeOf = (end: string): ChangePeriod => ({
    type: 'change',
    from: rolling(shiftYears(end, -yearsBack)),
    to: rolling(end),
  });
  return {
    reportPeriod: () => changeOf(REPORT_END),
    periods: (release) =>
      release.recordedCrime.periods
        .filter((end) => release.recordedCrime.periods.includes(shiftYears(end, -yearsBack)))
        .map(changeOf),
    compute(release, period, context) {
      const { key } = context;
      const end = rollingEnd(period, key);
      const from = shiftYears(end, -yearsBack);
      const forces = territorialForcesOf(release);
      const provenance: Provenance = {
        source: release.recordedCrime.source,
        period: rolling(end),
        formula:
          `(count in the 12 months to ${end} − count in the 12 months to ${from}) ÷ count in the 12 months to ` +
          `${from} × 100, on counts of ${selectionWords(selection)}`,
        note:
          `${CRIME_DATA_NOTE} The report does not say whether it compared counts or rates; its wording describes ` +
          `volumes, so counts are used. ${METHOD_VARIANT_TEXT[method.fraudBase].label}.`,
        variants: variantsOf(method, ['fraudBase']),
      };
      const rows = new Map<string, ForceValue>();
      let earlierTotal = 0;
      let laterTotal = 0;
      const included: string[] = [];
      const excluded: { force: string; reason: string }[] = [];
      for (const force of forces) {
        const earlier = crimeCountWithFraudBase(release.recordedCrime, force.slug, from, selection, method);
        const later = crimeCountWithFraudBase(release.recordedCrime, force.slug, end, selection, method);
        rows.set(force.slug, {
          value: percentChange(earlier, later),
          provenance: { ...provenance, counts: changeCounts(earlier, later) },
          caveats: caveatsFor(context, key, force.slug),
        });
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
      // The Home Office's England and Wales adds British Transport Police's counts (when the release has them).
      const btpEarlier = crimeCountWithFraudBase(release.recordedCrime, 'btp', from, selection, method);
      const btpLater = crimeCountWithFraudBase(release.recordedCrime, 'btp', end, selection, method);
      const btp = method.englandWales === 'home-office-incl-btp' && !isMissing(btpEarlier) && !isMissing(btpLater);
      if (btp) {
        earlierTotal += btpEarlier;
        laterTotal += btpLater;
        included.push('btp');
      }
      const shown: MethodVariants = btp ? method : { ...method, englandWales: 'annex-a-43-forces' };
      const englandWales: EnglandWalesValue = {
        value: included.length === 0 ? missing('x', 'no force had data') : percentChange(earlierTotal, laterTotal),
        provenance: {
          ...provenance,
          formula: btp
            ? 'change in Σ counts over the included territorial forces and British Transport Police'
            : `change in Σ counts over the included territorial forces`,
          exclusions: exclusionTexts(context, key, btp),
          note: `${provenance.note} ${METHOD_VARIANT_TEXT[shown.englandWales].label}.`,
          variants: variantsOf(shown, ['englandWales', 'fraudBase']),
          counts:
            included.length === 0
              ? ratioCounts(missing('x', 'no force had data'), missing('x', 'no force had data'), 100)
              : changeCounts(earlierTotal, laterTotal),
        },
        caveats:
          method.englandWales === 'home-office-incl-btp' && !btp
            ? ['England and Wales is the 43 forces: the release has no British Transport Police count.']
            : [],
        method: 'pooled',
        included,
        excluded,
      };
      return { rows, englandWales, banding: bandOf(context, key, forces, rows) };
    },
  };
}

function forcesWithIncrease(selection: CrimeSelection, yearsBack: number, method?: MethodVariants): Computer {
  const change = crimeChange(selection, yearsBack, method);
  return {
    ...change,
    compute(release, period, context) {
      const base = change.compute(release, period, context);
      // A count of forces is no ratio: its provenance carries no counts.
      const { counts: _counts, ...changeProvenance } = base.englandWales.provenance;
      const rising = [...base.rows].filter(([, row]) => !isMissing(row.value) && row.value > 0).map(([slug]) => slug);
      const withData = [...base.rows].filter(([, row]) => !isMissing(row.value)).length;
      return {
        ...base,
        englandWales: {
          ...base.englandWales,
          value: withData === 0 ? missing('x', 'no force had data') : rising.length,
          method: 'count-of-forces',
          provenance: {
            ...changeProvenance,
            formula:
              'number of territorial forces whose 12-month count ' +
              `(${selection === 'total-excl-fraud' ? 'excluding fraud' : selectionWords(selection)}) is greater than ` +
              'the 12 months before',
          },
          included: rising,
        },
      };
    },
  };
}

// ——— one offence code (2017/18 outcomes file) ———

function offenceCodeRate(rule: Extract<ComputeRule, { kind: 'offence-code-rate' }>): Computer {
  return {
    reportPeriod: () => REPORT_WINDOW,
    periods: (release) => [REPORT_WINDOW, ...(release.outcomes ? [release.outcomes.period as Period] : [])],
    compute(release, period, context) {
      const forces = territorialForcesOf(release);
      if (period.type !== 'financial-year' || !release.outcomes)
        return printedValues(release, forces, context, rule.whyNotComputed);
      const dataset = release.outcomes;
      const year = period.startYear;
      const provenance: Provenance = {
        source: dataset.source,
        alsoFrom: [release.population.source],
        period,
        denominator: `ONS mid-${year} population estimate`,
        formula:
          `offences of Home Office code ${rule.offenceCode} (${rule.offence}) recorded in the financial year ` +
          `(summed over outcome types) ÷ mid-${year} population × 1,000`,
        note: rule.note,
      };
      return pooledPerThousand(release, context, year, provenance, (force) =>
        dataset.forces.includes(force)
          ? outcomeCount(dataset, { force, measure: 'offences-recorded-in-quarter', offenceCode: rule.offenceCode })
          : missing('x', 'not in the outcomes dataset'),
      );
    },
  };
}

// ——— anti-social behaviour (data.police.uk calendar years) ———

/** ASB incidents of a force in a calendar year, or Missing when the force or year is not covered. */
function asbIncidentsOf(dataset: PoliceUkAggregatesDataset, force: string, year: number): NumberOrMissing {
  const f = dataset.forces.indexOf(force);
  const y = dataset.years.indexOf(year);
  if (f < 0) return missing('x', `the data.police.uk aggregates have no rows for ${force}`);
  const covered = `${dataset.years[0]}–${dataset.years.at(-1)}`;
  if (y < 0) return missing('x', `the data.police.uk aggregates cover ${covered}, not ${year}`);
  return dataset.asbIncidents[f * dataset.years.length + y] ?? missing('x', 'no count');
}

function asbCount(release: MetricsRelease, force: string, year: number): NumberOrMissing {
  if (!release.policeUk) return missing('x', 'this release has no data.police.uk aggregates');
  return asbIncidentsOf(release.policeUk, force, year);
}

function asbYears(release: MetricsRelease): number[] {
  const years: unknown = release.policeUk?.years;
  return Array.isArray(years) ? (years as number[]) : [];
}

const ASB_NOTE =
  'data.police.uk incidents by calendar year; the 2016 report used 12 months to 31 March from the ONS/Home Office ' +
  'incident tables, which are not in the open data used here.';

const asbRate: Computer = {
  reportPeriod: () => ({ type: 'calendar-year', year: 2015 }),
  periods: (release) => asbYears(release).map((year) => ({ type: 'calendar-year', year })),
  compute(release, period, context) {
    const year = period.type === 'calendar-year' ? period.year : 2015;
    const provenance: Provenance = {
      source: release.policeUk?.source ?? 'policeuk-aggregates-2012-2016',
      alsoFrom: [release.population.source],
      period: { type: 'calendar-year', year },
      denominator: `ONS mid-${year} population estimate`,
      formula: `anti-social behaviour incidents in calendar year ${year} ÷ mid-${year} population × 1,000`,
      note: ASB_NOTE,
    };
    return pooledPerThousand(release, context, year, provenance, (force) => asbCount(release, force, year));
  },
};

const asbChange: Computer = {
  reportPeriod: () => ({
    type: 'change',
    from: { type: 'calendar-year', year: 2014 },
    to: { type: 'calendar-year', year: 2015 },
  }),
  periods: (release) =>
    asbYears(release)
      .filter((year) => asbYears(release).includes(year - 1))
      .map((year) => ({
        type: 'change',
        from: { type: 'calendar-year', year: year - 1 },
        to: { type: 'calendar-year', year },
      })),
  compute(release, period, context) {
    const { key } = context;
    const to =
      period.type === 'change' && period.to.type === 'calendar-year'
        ? period.to.year
        : period.type === 'calendar-year'
          ? period.year
          : 2015;
    const earlier = asbRate.compute(release, { type: 'calendar-year', year: to - 1 }, context);
    const later = asbRate.compute(release, { type: 'calendar-year', year: to }, context);
    const forces = territorialForcesOf(release);
    const provenance: Provenance = {
      source: release.policeUk?.source ?? 'policeuk-aggregates-2012-2016',
      alsoFrom: [release.population.source],
      period: { type: 'calendar-year', year: to },
      formula: `(rate in ${to} − rate in ${to - 1}) ÷ rate in ${to - 1} × 100, rates per 1,000 mid-year population`,
      note:
        `${ASB_NOTE} Calendar ${to} against ${to - 1} is the nearest open-data window to the report's 12 months to ` +
        '31 March 2016 against 2015.',
    };
    const rows = new Map<string, ForceValue>();
    for (const force of forces) {
      rows.set(force.slug, {
        value: percentChange(
          earlier.rows.get(force.slug)?.value ?? missing('x', 'no value'),
          later.rows.get(force.slug)?.value ?? missing('x', 'no value'),
        ),
        provenance,
        caveats: caveatsFor(context, key, force.slug),
      });
    }
    // A change in rates is no ratio of two counts: its provenance carries no counts (the rates' do).
    const englandWales: EnglandWalesValue = {
      ...later.englandWales,
      value: percentChange(earlier.englandWales.value, later.englandWales.value),
      provenance: {
        ...provenance,
        formula: 'change in the pooled England and Wales rate',
        exclusions: exclusionTexts(context, key),
      },
    };
    return { rows, englandWales, banding: bandOf(context, key, forces, rows) };
  },
};

// ——— outcomes (2017/18) ———

function outcomeShare(rowId: string): Computer {
  return {
    reportPeriod: () => ({ type: 'financial-year', startYear: 2017 }),
    periods: (release) => (release.outcomes ? [release.outcomes.period as Period] : []),
    compute(release, _period, context) {
      const { key } = context;
      const forces = territorialForcesOf(release);
      if (!release.outcomes)
        return printedValues(release, forces, context, 'this release has no Home Office outcomes data');
      const table = outcomesTable(
        release.outcomes,
        forces.map((force) => force.slug),
        { exclusions: rulesOf(key, context.exclusions) },
      );
      const row = table.rows.find((candidate) => candidate.id === rowId);
      if (!row)
        throw new RangeError(
          `${key}: unknown outcomes row ${JSON.stringify(rowId)}; ` +
            `valid rows: ${table.rows.map((r) => r.id).join(', ')}`,
        );
      const provenance = outcomeProvenance(release.outcomes, row.label, row.outcomeTypes);
      const rows = new Map<string, ForceValue>(
        forces.map((force) => [
          force.slug,
          {
            value: table.percents.get(rowId)?.get(force.slug) ?? missing('x', 'no value'),
            provenance: {
              ...provenance,
              counts: ratioCounts(
                table.counts.get(rowId)?.get(force.slug) ?? missing('x', 'no count'),
                table.totals.get(force.slug) ?? missing('x', 'no count'),
                100,
              ),
            },
            caveats: caveatsFor(context, key, force.slug),
          },
        ]),
      );
      const aggregate = table.englandWales.get(rowId);
      const englandWales = aggregate
        ? toEnglandWales(aggregate, {
            ...provenance,
            exclusions: exclusionTexts(context, key),
            counts: pooledCounts(aggregate, 100),
          })
        : toEnglandWales(poolEnglandWales([], { scale: 100 }), provenance);
      return { rows, englandWales, banding: table.bandings.get(rowId) ?? missing('x', 'no banding') };
    },
  };
}

/**
 * Provenance of an outcomes proportion.
 * @example
 * outcomeProvenance(hoOutcomes201718, 'Charged/Summonsed', [1]).formula
 * // 'offences recorded in the period with outcome type 1 (Charged/Summonsed) ÷ all offences recorded × 100'
 */
export function outcomeProvenance(dataset: OutcomesDataset, label: string, types: readonly number[]): Provenance {
  return {
    source: dataset.source,
    period: dataset.period,
    denominator: 'offences recorded in the period (all outcome types, "not yet assigned" included)',
    formula:
      `offences recorded in the period with outcome type${types.length > 1 ? 's' : ''} ${types.join(', ')} ` +
      `(${label}) ÷ all offences recorded × 100`,
    note:
      `Home Office outcomes for offences recorded in ${formatPeriod(dataset.period)} (the nearest open data: the ` +
      '2016 report used 12 months to 30 June 2016, October 2016 release). Outcomes keep being assigned after ' +
      'extraction.',
  };
}

// ——— printed values and Right to Ask / Know ———

/** The printed figure of a key: under the key itself, or its `_count` (Right to Ask: the count is what is printed). */
function printedEntryOf(release: MetricsRelease, key: string) {
  return publishedFigure(release, key) ?? publishedFigure(release, `${key}_count`);
}

function printedValues(
  release: MetricsRelease,
  forces: readonly Force[],
  context: ComputeContext,
  whyNotComputed?: string,
): ComputeResult {
  const { key } = context;
  const entry = printedEntryOf(release, key);
  const typed = entry?.period.typed;
  const printedPeriod: MetricPeriod | Missing = typed ?? missing('x', 'the report prints no period for this value');
  const provenance: Provenance = {
    source: PUBLISHED_SOURCE,
    ...(typed && !isMissing(typed) && typed.type !== 'change' ? { period: typed } : {}),
    note:
      'Value as printed in HMIC, PEEL: Police effectiveness 2016 – Durham Constabulary (2 March 2017)' +
      `${entry ? `; period as printed: ${entry.period.text}` : ''}.`,
  };
  const rows = new Map<string, ForceValue>();
  for (const force of forces) {
    const transcribed = force.slug === release.durhamPublished?.force;
    // The transcribed force's own report printing nothing is not "not transcribed": say which it is.
    const value =
      transcribed && entry
        ? publishedNumber(entry.durham, `a value for ${force.name}`)
        : missing(
            'x',
            whyNotComputed ??
              (transcribed
                ? `${force.name}'s 2016 report prints no value for this measure`
                : // One reason for every other force, so a table of 43 values needs one footnote, not 42.
                  "only Durham Constabulary's 2016 report has been transcribed; other forces' printed values are " +
                  'not in the open data'),
          );
    rows.set(force.slug, { value, provenance, caveats: caveatsFor(context, key, force.slug) });
  }
  const englandWales: EnglandWalesValue = {
    value: entry
      ? publishedNumber(entry.englandWales, 'an England and Wales value for this measure')
      : missing('x', 'the report does not print an England and Wales value for this measure'),
    provenance: { ...provenance, exclusions: exclusionTexts(context, key) },
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

function printed(whyNotComputed: string | undefined, key: string): Computer {
  // The one period a printed value has: the printed period where the report states one (e.g. a snapshot), else the
  // main window.
  const periodOf = (release: MetricsRelease): MetricPeriod => {
    const typed = printedEntryOf(release, key)?.period.typed;
    return typed && !isMissing(typed) ? typed : REPORT_WINDOW;
  };
  return {
    reportPeriod: periodOf,
    periods: (release) => [periodOf(release)],
    compute: (release, _period, context) =>
      printedValues(release, territorialForcesOf(release), context, whyNotComputed),
  };
}

function disclosureRate(countId: string, rateId: string): Computer {
  return {
    reportPeriod: () => REPORT_WINDOW,
    periods: () => [REPORT_WINDOW],
    compute(release, _period, context) {
      const forces = territorialForcesOf(release);
      const base = printedValues(release, forces, { ...context, key: countId });
      const rateEntry = publishedFigure(release, rateId);
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
        const population = populationOfYear(release.population, force.slug, 2015);
        rows.set(force.slug, {
          value: computeRate(count, population, { unit: 'per-100000-population' }),
          provenance: { ...provenance, counts: ratioCounts(count, population, 100_000, 2015) },
          caveats: caveatsFor(context, rateId, force.slug),
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

/**
 * The computer of a compute rule; `key` is what was asked for (a printed value's period is looked up under it).
 * @example computerOf({ kind: 'asb-rate' }, 'asb_rate').reportPeriod(release) // { type: 'calendar-year', year: 2015 }
 */
export function computerOf(rule: ComputeRule, key: string): Computer {
  switch (rule.kind) {
    case 'crime-rate':
      return crimeRate(rule.selection, rule.method);
    case 'crime-change':
      return crimeChange(rule.selection, rule.yearsBack, rule.method);
    case 'forces-with-increase':
      return forcesWithIncrease(rule.selection, rule.yearsBack, rule.method);
    case 'offence-code-rate':
      return offenceCodeRate(rule);
    case 'asb-rate':
      return asbRate;
    case 'asb-change':
      return asbChange;
    case 'outcome-share':
      return outcomeShare(rule.row);
    case 'disclosure-rate':
      return disclosureRate(rule.count, rule.rate);
    case 'printed':
      return printed(rule.whyNotComputed, key);
    case 'custom':
      return { reportPeriod: () => rule.reportPeriod, periods: rule.periods, compute: rule.compute };
  }
}
