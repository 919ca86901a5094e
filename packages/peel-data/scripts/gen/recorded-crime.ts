/**
 * Generates src/generated/recorded-crime.ts from data/raw/ons-rec-crime-pfa/rec-crime-pfa.csv.
 *
 * Decisions (also in the README and data/PROVENANCE.md):
 * - `30-12-2017` is a typo upstream for 31-12-2017 (no 31-12-2017 rows exist); it is read as 2017-12-31.
 * - Negative counts are upstream adjustments: kept as published and flagged in `notes`.
 * - Residential / Non-residential burglary began in April 2017 (the first period with any count is the
 *   12 months ending June 2017). Before that every force shows 0 or has no row: "not collected", so
 *   Missing `z`. Domestic / Non-domestic burglary were retired: from the first 12 months wholly after the
 *   split (ending March 2018) their zeros are Missing `z`; the few offences Humberside still recorded
 *   under them are kept as published. The three periods in between hold part of a year in each group
 *   (flagged `partial-year`); only the sum of old and new groups covers the full year.
 * - `Fraud offences` on force series stop after 2013 (fraud moved to Action Fraud): later periods are
 *   Missing `z`. Action Fraud, CIFAS and UK Finance are their own series from their first period.
 */
import { missing, type Missing } from '../../src/schema/missing.ts';
import {
  FRAUD_BODIES,
  OFFENCE_GROUPS,
  RecordedCrimeDatasetSchema,
  type OffenceGroupId,
  type RecordedCrimeDataset,
  type RecordedCrimeNote,
} from '../../src/schema/recorded-crime.ts';
import { forces, resolveForceName, territorialForces } from '../../src/datasets/forces.ts';
import { readRawCsv } from '../lib/raw.ts';
import { writeGeneratedModule } from '../lib/generated.ts';

const FILE = 'data/raw/ons-rec-crime-pfa/rec-crime-pfa.csv';
const MISDATED = { published: '30-12-2017', corrected: '2017-12-31' } as const;

/** The reasons used in the dataset, one object each (the generated module defines each once). */
export const RECORDED_CRIME_MISSING = {
  splitNotStarted: missing(
    'z',
    'not applicable: Residential and Non-residential burglary were recorded from April 2017; before that these offences are in Domestic burglary and Non-domestic burglary (the source shows 0)',
  ),
  splitReplaced: missing(
    'z',
    'not applicable: Domestic and Non-domestic burglary were replaced by Residential and Non-residential burglary from April 2017 (the source shows 0)',
  ),
  fraudCentralised: missing('z', 'not applicable: from 2014 fraud is recorded centrally (Action Fraud), not by police forces'),
  notInSource: missing('x', 'not available: the source has no count for this series, offence group and period'),
} as const satisfies Record<string, Missing>;

const OLD_BURGLARY: readonly OffenceGroupId[] = ['domestic-burglary', 'non-domestic-burglary'];
const NEW_BURGLARY: readonly OffenceGroupId[] = ['residential-burglary', 'non-residential-burglary'];

/**
 * `dd-mm-yyyy` → ISO, with the one known upstream typo corrected.
 * @example isoPeriodEnd('30-06-2016', 'x.csv, line 2') // '2016-06-30'
 */
export function isoPeriodEnd(value: string, where: string): string {
  if (value === MISDATED.published) return MISDATED.corrected;
  const match = /^(\d{2})-(\d{2})-(\d{4})$/.exec(value);
  if (!match) throw new Error(`${where}, column "12 months ending": ${JSON.stringify(value)} is not a dd-mm-yyyy date`);
  const iso = `${match[3]}-${match[2]}-${match[1]}`;
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso) throw new Error(`${where}, column "12 months ending": ${JSON.stringify(value)} is not a real date`);
  return iso;
}

/** Builds the recorded-crime dataset from the raw file (throws naming the line and column on bad input). */
export function buildRecordedCrime(): RecordedCrimeDataset {
  const groupByLabel = new Map<string, OffenceGroupId>(OFFENCE_GROUPS.map((group) => [group.label, group.id]));
  const fraudBodyByLabel = new Map<string, string>(FRAUD_BODIES.map((body) => [body.label, body.id]));
  const counts = new Map<string, number>(); // `${series}|${group}|${period}` → count
  const periods = new Set<string>();
  const seriesGroups = new Map<string, Set<OffenceGroupId>>();
  const notes: RecordedCrimeNote[] = [];
  const rows = readRawCsv('ons-rec-crime-pfa', 'rec-crime-pfa.csv', ['12 months ending', 'PFA', 'Offence', 'Rolling year total number of offences']);
  if (rows.some((row) => row.values['12 months ending'] === '31-12-2017')) {
    throw new Error(`${FILE}: has rows for 31-12-2017 as well as ${MISDATED.published}; the typo correction would merge two periods`);
  }
  for (const row of rows) {
    const where = `${FILE}, line ${row.line}`;
    const period = isoPeriodEnd(row.values['12 months ending']!, where);
    const pfa = row.values.PFA!;
    const series = fraudBodyByLabel.get(pfa) ?? resolveForceName(pfa, 'ons-rec-crime-pfa').slug;
    const group = groupByLabel.get(row.values.Offence!);
    if (!group) throw new Error(`${where}, column Offence: ${JSON.stringify(row.values.Offence)} is not in OFFENCE_GROUPS (src/schema/recorded-crime.ts)`);
    const text = row.values['Rolling year total number of offences']!;
    if (!/^-?\d+$/.test(text)) throw new Error(`${where}, column "Rolling year total number of offences": ${JSON.stringify(text)} is not a whole number`);
    const key = `${series}|${group}|${period}`;
    if (counts.has(key)) throw new Error(`${where}: a second count for ${series}, ${group}, 12 months ending ${period}`);
    const count = Number(text);
    counts.set(key, count);
    periods.add(period);
    if (!seriesGroups.has(series)) seriesGroups.set(series, new Set());
    seriesGroups.get(series)!.add(group);
    if (count < 0) {
      notes.push({
        kind: 'negative-count',
        series,
        offenceGroup: group,
        periodEnd: period,
        text: `Published as ${count}: a negative rolling-year count is an upstream adjustment (offences cancelled or transferred), kept as published.`,
      });
    }
  }
  const sortedPeriods = [...periods].sort();

  // The new burglary groups start in the first period where any force has a count (12 months ending
  // June 2017: April to June 2017 only). The first 12 months wholly after the split end three quarters later.
  const splitStart = sortedPeriods.findIndex((period) => NEW_BURGLARY.some((group) => territorialForces.some((force) => (counts.get(`${force.slug}|${group}|${period}`) ?? 0) !== 0)));
  if (splitStart < 0) throw new Error(`${FILE}: no period has Residential or Non-residential burglary counts`);
  const fullYearAfterSplit = splitStart + 3;
  const lastForceFraudPeriod = sortedPeriods.filter((period) => territorialForces.some((force) => counts.has(`${force.slug}|fraud-offences|${period}`))).at(-1);

  const series: RecordedCrimeDataset['series'] = {};
  const seriesOrder = [...forces.map((force) => force.slug), ...FRAUD_BODIES.map((body) => body.id)].filter((slug) => seriesGroups.has(slug));
  for (const slug of seriesOrder) {
    const groups = OFFENCE_GROUPS.filter((group) => seriesGroups.get(slug)!.has(group.id));
    const bySeries: Partial<Record<OffenceGroupId, (number | Missing)[]>> = {};
    for (const { id: group } of groups) {
      bySeries[group] = sortedPeriods.map((period, index) => {
        const count = counts.get(`${slug}|${group}|${period}`);
        if (NEW_BURGLARY.includes(group) && index < splitStart) {
          if (count !== undefined && count !== 0) throw new Error(`${FILE}: ${slug} has ${count} ${group} in the 12 months ending ${period}, before the group began`);
          return RECORDED_CRIME_MISSING.splitNotStarted;
        }
        // Zeros in a retired group mean "no longer used"; a few offences still recorded under it (Humberside, 2018) are kept.
        if (OLD_BURGLARY.includes(group) && index >= fullYearAfterSplit && count === 0) return RECORDED_CRIME_MISSING.splitReplaced;
        if (count !== undefined) return count;
        if (group === 'fraud-offences' && lastForceFraudPeriod && period > lastForceFraudPeriod) return RECORDED_CRIME_MISSING.fraudCentralised;
        return RECORDED_CRIME_MISSING.notInSource;
      });
    }
    series[slug] = bySeries;
  }

  // Transition periods: the old and the new burglary groups each cover part of the year.
  for (const period of sortedPeriods.slice(splitStart, fullYearAfterSplit)) {
    for (const group of [...OLD_BURGLARY, ...NEW_BURGLARY]) {
      notes.push({
        kind: 'partial-year',
        offenceGroup: group,
        periodEnd: period,
        text: 'Burglary was reclassified in April 2017: in this 12-month period Domestic/Non-domestic burglary cover the months before April 2017 and Residential/Non-residential burglary the months after; only their sum covers the full year.',
      });
    }
  }

  return RecordedCrimeDatasetSchema.parse({ source: 'ons-rec-crime-pfa', periods: sortedPeriods, series, notes });
}

export async function generate(): Promise<void> {
  const dataset = buildRecordedCrime();
  const constantByReason = new Map(Object.entries(RECORDED_CRIME_MISSING).map(([name, value]) => [value.reason, name]));
  const cell = (value: number | Missing) => (typeof value === 'number' ? String(value) : `M.${constantByReason.get(value.reason)}`);
  const seriesSource = Object.entries(dataset.series)
    .map(([slug, groups]) => {
      const lines = Object.entries(groups).map(([group, values]) => `    ${JSON.stringify(group)}: [${values!.map(cell).join(',')}],`);
      return `  ${JSON.stringify(slug)}: {\n${lines.join('\n')}\n  },`;
    })
    .join('\n');
  writeGeneratedModule(
    'recorded-crime',
    `import type { Missing } from '../schema/missing.ts';\nimport type { RecordedCrimeDataset } from '../schema/recorded-crime.ts';\n\n` +
      `const M = ${JSON.stringify(RECORDED_CRIME_MISSING, null, 2)} as const satisfies Record<string, Missing>;\n\n` +
      `export const recordedCrimeData: RecordedCrimeDataset = {\n  source: ${JSON.stringify(dataset.source)},\n  periods: ${JSON.stringify(dataset.periods)},\n  series: {\n${seriesSource}\n  },\n` +
      `  notes: [\n${dataset.notes.map((note) => `    ${JSON.stringify(note)},`).join('\n')}\n  ],\n};\n`,
  );
}
