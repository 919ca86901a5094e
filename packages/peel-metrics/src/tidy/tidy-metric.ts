/**
 * Bulk tidy downloads: one metric for every territorial force and England and Wales at every period the release
 * has, in long format (one row per force and period), with a metadata sidecar in the Our World in Data style
 * (`<file>.metadata.json`: title, unit, definition, sources and licence, period coverage, exclusions, caveats,
 * method variant, release version).
 *
 * Method: every value is the metric engine's (engine.ts), so the numbers are those of the report models, the API's
 * tables and the site. Nothing is restated: label, unit, decimals, exclusions and caveats are the registry's.
 * Rounding: the CSV `value` is rounded half away from zero to the metric's published precision plus one digit (a
 * reader can re-round to print, and no false precision is published); the JSON rows keep the unrounded value too.
 * Numerator and denominator are the compute layer's (each value's `provenance.counts`, the same counts the API
 * serves): for rates per head the count and the population with its mid-year, for proportions the two counts, for
 * a percentage change the change in the count and the earlier count; empty (with the reason) for other values.
 */
import {
  ENGLAND_AND_WALES,
  formatMissing,
  formatPeriod,
  getSource,
  isMissing,
  type Missing,
  type NumberOrMissing,
  type Provenance,
  type Source,
  type SourceId,
} from 'peel-data';
import { resolveRelease, type MetricsRelease, type ReleaseOptions } from '../data/release.ts';
import { roundHalfAwayFromZero } from '../format/round.ts';
import {
  computeMetric,
  metricPeriodsOf,
  metricRefOf,
  type ComputedMetric,
  type MetricPeriod,
} from '../metrics/engine.ts';
import { CITY_OF_LONDON_RANKED, rulesOf } from '../exclusions.ts';
import { METRIC, type MetricId, type MetricKey } from '../registry/ids.ts';
import { METRIC_REGISTRY, presentationOf, type RegistryOptions } from '../registry/registry.ts';
import { periodKey } from './period-key.ts';
import { writeCsv, type TidyCell } from './csv.ts';

/** One observation: a force (or England and Wales) at a period. */
export interface TidyRow {
  /** ONS code: E23…/W15… for a police force area, K04000001 for England and Wales. */
  force_code: string;
  force: string;
  /** The period's key (an ISO end date, `2017/18`, `2015`), as the API's `period` parameter takes it. */
  period_key: string;
  period_label: string;
  /** Rounded to the metric's published precision plus one digit; a marker with its reason when there is none. */
  value: number | Missing;
  /** The value as computed, unrounded. */
  unrounded: number | Missing;
  numerator: number | Missing;
  denominator: number | Missing;
  /** The mid-year of the population estimate where the denominator is a population. */
  population_year: number | Missing;
  unit: string;
  /** Caveats to show with the value (City of London's resident-only population, a flagged force), ' | '-joined. */
  caveats: string;
}

/** The sidecar of a tidy download (`<file>.metadata.json`), after Our World in Data's metadata files. */
export interface TidyMetadata {
  title: string;
  metricId: string;
  specRef: string;
  unit: string;
  /** Decimal places the report prints; the CSV carries one more. */
  publishedDecimals: number;
  csvDecimals: number;
  definition: {
    text: string;
    numerator: string;
    denominator: string;
    comparator: string;
    availability: string;
  };
  sources: { id: string; title: string; publisher: string; licence: string; attribution: string; url: string }[];
  licence: string;
  periodCoverage: { first: string; last: string; count: number; periods: string[] };
  exclusions: string[];
  caveats: string[];
  methodVariant: { name: string; description: string };
  release: { version: string };
  columns: Record<(typeof TIDY_COLUMNS)[number], string>;
}

/** A tidy download: the rows and the sidecar. */
export interface TidyMetric {
  metricId: string;
  rows: TidyRow[];
  metadata: TidyMetadata;
}

/** Options of tidyMetric. */
export interface TidyOptions extends ReleaseOptions, RegistryOptions {
  /** A named variant of the metric's method; the default method when omitted. */
  variant?: string;
}

/**
 * The columns of a tidy CSV, in order.
 * @example TIDY_COLUMNS[0] // 'force_code'
 */
export const TIDY_COLUMNS = [
  'force_code',
  'force',
  'period_key',
  'period_label',
  'value',
  'status',
  'status_reason',
  'numerator',
  'denominator',
  'population_year',
  'unit',
  'caveats',
] as const;

const COLUMN_TEXT: TidyMetadata['columns'] = {
  force_code: 'ONS code of the police force area (E23…, W15…), or K04000001 for England and Wales',
  force: 'Force name (England and Wales for the comparator row)',
  period_key: 'Period key: an ISO end date for a 12-month window, 2017/18 for a financial year, the year otherwise',
  period_label: 'The period in words',
  value: 'The value, rounded to the published precision plus one digit; empty when there is none (see status)',
  status: 'Empty when value holds a number, else the UK statistics marker: [x] not available, [z] not applicable',
  status_reason: 'Why the value is missing',
  numerator:
    'The count divided: offences or incidents for a rate, the outcome count for a proportion, the change in the ' +
    'count for a percentage change (empty where the value is no ratio of counts)',
  denominator:
    'What the numerator is divided by: the population for a rate per head, offences recorded for a proportion, ' +
    'the earlier count for a percentage change (empty where the value is no ratio of counts)',
  population_year: 'The mid-year of the ONS population estimate, where the denominator is a population',
  unit: 'The unit of value',
  caveats: "Caveats to show with the value (e.g. City of London's resident-only population), separated by ' | '",
};

const OGL = 'Open Government Licence v3.0';

const noInput = (why: string): Missing => ({ missing: 'z', reason: why });

/** Numerator, denominator and population year of a value: its provenance's counts, as the compute layer made them. */
function inputsOf(
  provenance: Provenance,
  value: NumberOrMissing,
): Pick<TidyRow, 'numerator' | 'denominator' | 'population_year'> {
  const counts = provenance.counts;
  if (!counts) {
    const why = isMissing(value)
      ? 'no value'
      : 'the value is no ratio of counts (a printed value, a count, a change of rates)';
    return { numerator: noInput(why), denominator: noInput(why), population_year: noInput(why) };
  }
  return {
    numerator: counts.numerator,
    denominator: counts.denominator,
    population_year: counts.populationYear ?? noInput('the denominator is a count, not a population'),
  };
}

function rounded(value: NumberOrMissing, decimals: number): number | Missing {
  if (isMissing(value)) return value;
  const result = roundHalfAwayFromZero(value, decimals);
  return Object.is(result, -0) ? 0 : result;
}

function sourcesOf(release: MetricsRelease, ids: Iterable<SourceId>): TidyMetadata['sources'] {
  const seen = new Set<SourceId>(ids);
  return [...seen].flatMap((id) => {
    const source: Source | undefined = release.sources?.find((candidate) => candidate.id === id) ?? getSource(id);
    return source
      ? [
          {
            id: source.id,
            title: source.title,
            publisher: source.publisher,
            licence: source.licence,
            attribution: source.attribution,
            url: source.upstream,
          },
        ]
      : [];
  });
}

/**
 * One metric for every territorial force and England and Wales at every period of the release, in long format,
 * with its metadata sidecar.
 * @example
 * const tidy = tidyMetric('crime_rate_total_excl_fraud');
 * tidy.rows.find((row) => row.force === 'Durham Constabulary' && row.period_key === '2016-06-30')
 * // { force_code: 'E23000008', force: 'Durham Constabulary', period_key: '2016-06-30', value: 62.33, … }
 * tidy.metadata.periodCoverage.first // '2003-03-31'
 */
export function tidyMetric(metricId: MetricKey, options: TidyOptions = {}): TidyMetric {
  const release = resolveRelease(options.release);
  const registry = options.registry ?? METRIC_REGISTRY;
  // A row key (`outcome_proportion:<row id>`) is its base metric's method for one row; the engine checks the row.
  const baseId = metricId.split(':')[0] as MetricId;
  const metric = registry.byId.get(baseId);
  if (!metric)
    throw new RangeError(
      `tidyMetric: unknown metric ${JSON.stringify(metricId)}; expected a registry id such as ` +
        `'${registry.metrics[0]?.id ?? METRIC.crime_rate_total_excl_fraud}' (metricDefinitions() lists them)`,
    );
  const { label: title } = metricRefOf(release, metricId, { registry, rowLabel: true }) as { label: string };
  const variant = options.variant === undefined ? {} : { variant: options.variant };
  const periods = metricPeriodsOf(release, metricId, { registry, ...variant });
  const { unit, precision } = presentationOf(metric);
  const decimals = precision + 1;
  const rows: TidyRow[] = [];
  const sourceIds: SourceId[] = [];
  const computedAt = (period: MetricPeriod): ComputedMetric =>
    computeMetric(release, metricId, { registry, period, ...variant });
  const computedList = periods.map(computedAt);
  for (const computed of computedList) {
    // A printed value stands for another period than asked (or none): the row says which.
    const period = computed.period;
    const key = isMissing(period) ? `[${period.missing}]` : periodKey(period);
    const label = isMissing(period) ? `${formatMissing(period)} ${period.reason}` : formatPeriod(period);
    const observation = (
      code: string,
      name: string,
      value: NumberOrMissing,
      provenance: Provenance,
      caveats: readonly string[],
    ): TidyRow => {
      sourceIds.push(provenance.source, ...(provenance.alsoFrom ?? []));
      const inputs = inputsOf(provenance, value);
      return {
        force_code: code,
        force: name,
        period_key: key,
        period_label: label,
        value: rounded(value, decimals),
        unrounded: value,
        ...inputs,
        unit,
        caveats: caveats.join(' | '),
      };
    };
    for (const force of computed.forces) {
      const row = computed.rows.get(force.slug);
      const value = row?.value ?? { missing: 'x' as const, reason: `no value for ${force.name}` };
      const code = typeof force.code === 'string' ? force.code : force.slug;
      rows.push(
        observation(code, force.name, value, row?.provenance ?? computed.englandWales.provenance, row?.caveats ?? []),
      );
    }
    const ew = computed.englandWales;
    const ewCode = typeof ENGLAND_AND_WALES.code === 'string' ? ENGLAND_AND_WALES.code : 'K04000001';
    rows.push(observation(ewCode, 'England and Wales', ew.value, ew.provenance, ew.caveats));
  }
  const keys = [...new Set(rows.map((row) => row.period_key))];
  const { definition } = metric;
  const text = (value: string | Missing) => (isMissing(value) ? `${formatMissing(value)} ${value.reason}` : value);
  const variantProvenance = computedList[0]?.englandWales.provenance.variants;
  // A registry that ranks City of London (rankingCityOfLondon) says so beside the method variant.
  const cityRanked = rulesOf(baseId, registry.exclusions).some((rule) => rule.reason === CITY_OF_LONDON_RANKED);
  const methodName = [options.variant, cityRanked ? 'rankCityOfLondon' : undefined].filter(Boolean).join(',');
  // The method choices the values were computed with, as " (englandWales: home-office, …)", or nothing.
  const chosen = Object.entries(variantProvenance ?? {}).map(([name, value]) => `${name}: ${value}`);
  const choices = chosen.length ? ` (${chosen.join(', ')})` : '';
  const metadata: TidyMetadata = {
    title,
    metricId,
    specRef: definition.specRef,
    unit,
    publishedDecimals: precision,
    csvDecimals: decimals,
    definition: {
      text: `${definition.numerator}${isMissing(definition.denominator) ? '' : ` ÷ ${definition.denominator}`}`,
      numerator: definition.numerator,
      denominator: text(definition.denominator),
      comparator: text(definition.comparator),
      availability: `${definition.availability}: ${definition.availabilityNote}`,
    },
    sources: sourcesOf(release, sourceIds),
    licence: OGL,
    periodCoverage: { first: keys[0] ?? '', last: keys.at(-1) ?? '', count: keys.length, periods: keys },
    exclusions: [...definition.exclusions],
    caveats: [...definition.caveats],
    methodVariant: {
      name: methodName || 'default',
      description:
        methodName !== ''
          ? `the ${options.variant ?? 'default'} method${options.variant?.includes(',') ? 's' : ''}${choices}` +
            (cityRanked ? ', with City of London ranked and banded at the caller’s request' : '')
          : `the method of the PEEL 2016 report${choices}`,
    },
    release: { version: release.version ?? 'unversioned' },
    columns: COLUMN_TEXT,
  };
  return { metricId, rows, metadata };
}

const cellOf = (value: number | Missing): TidyCell => (isMissing(value) ? undefined : value);

/**
 * A tidy download as CSV: the columns of TIDY_COLUMNS, `value` numeric or empty with the marker in `status`, so
 * `pandas.read_csv(url, na_values=[''])` reads `value` as floats.
 * @example tidyCsv(tidyMetric('asb_rate')).split('\r\n')[0]
 * // 'force_code,force,period_key,period_label,value,status,status_reason,numerator,denominator,population_year,
 * //  unit,caveats' (one line)
 */
export function tidyCsv(tidy: TidyMetric): string {
  return writeCsv(
    TIDY_COLUMNS,
    tidy.rows.map((row) => [
      row.force_code,
      row.force,
      row.period_key,
      row.period_label,
      cellOf(row.value),
      isMissing(row.value) ? formatMissing(row.value) : undefined,
      isMissing(row.value) ? row.value.reason : undefined,
      cellOf(row.numerator),
      cellOf(row.denominator),
      cellOf(row.population_year),
      row.unit,
      row.caveats || undefined,
    ]),
  );
}

/**
 * The sidecar as the `.metadata.json` file holds it (two-space indented, a final line break).
 * @example JSON.parse(tidyMetadataJson(tidyMetric('asb_rate'))).unit // 'incidents per 1,000 population'
 */
export function tidyMetadataJson(tidy: TidyMetric): string {
  return `${JSON.stringify(tidy.metadata, null, 2)}\n`;
}
