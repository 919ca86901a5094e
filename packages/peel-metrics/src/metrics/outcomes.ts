/**
 * Crime outcomes: the outcome framework table (Figure 4), evidential difficulties by force (Figure 5).
 *
 * Method: for each force, count the offences RECORDED in the period by the outcome they have been assigned
 * (Home Office measure "offences recorded in quarter", all offence groups, fraud not included, all
 * quarters of the dataset). Each row's proportion = its count ÷ all offences recorded × 100, so the rows
 * with "not yet assigned" sum to 100. Group rows are sums of their members' unrounded counts (never sums of
 * printed proportions); "total assigned an outcome" is every type except 0, so it includes types the
 * report does not show as rows (10). England and Wales is pooled (Σ counts ÷ Σ offences) over the
 * territorial forces, leaving out the forces the exclusion rules given exclude. Each row is banded across forces
 * (see banding.ts). The open data are for financial year 2017/18, not the report's 12 months to 30 June 2016:
 * every value says so in its provenance, and the 2016 report's Dorset exclusion (which came from its returns for
 * that window) does not apply to them (exclusions.ts, `scope`).
 */
import {
  isMissing,
  missing,
  OUTCOME_PRESENTATION_GROUPS,
  outcomeCount,
  type NumberOrMissing,
  type OutcomesDataset,
} from 'peel-data';
import { poolEnglandWales, type EnglandWalesAggregate } from '../aggregate.ts';
import { bandForces, type Banding } from '../banding.ts';
import { EXCLUSION_REGISTRY_2016, rulesOf, type ExclusionRule } from '../exclusions.ts';
import { METRIC } from '../registry/ids.ts';
import { METRICS } from '../registry/metrics.ts';

/** One row of the outcomes table. */
export interface OutcomeRowDefinition {
  id: string;
  label: string;
  rowType: 'outcome' | 'group' | 'total';
  outcomeTypes: readonly number[];
  /** For a member row: the id of its group. */
  group?: string;
}

/** The outcomes table for every force, England and Wales, and a banding per row. */
export interface OutcomesTable {
  dataset: OutcomesDataset;
  rows: readonly OutcomeRowDefinition[];
  /** Offences recorded in the period, per force (the denominator). */
  totals: ReadonlyMap<string, NumberOrMissing>;
  /** Per row id, per force: unrounded percent of offences recorded. */
  percents: ReadonlyMap<string, ReadonlyMap<string, NumberOrMissing>>;
  counts: ReadonlyMap<string, ReadonlyMap<string, NumberOrMissing>>;
  englandWales: ReadonlyMap<string, EnglandWalesAggregate>;
  bandings: ReadonlyMap<string, Banding>;
}

/**
 * Figure 4's rows in the report's order, built from peel-data's presentation groups and the dataset's
 * own outcome names (member rows under each group; totals at the end).
 * @example
 * outcomeRows(outcomes).map((row) => row.id).slice(0, 3)
 * // ['charged-summonsed', 'taken-into-consideration', 'out-of-court-formal']
 */
export function outcomeRows(dataset: OutcomesDataset): OutcomeRowDefinition[] {
  const nameOf = (type: number): string =>
    dataset.outcomeTypes.find((info) => info.type === type)?.description ?? `Outcome ${type}`;
  const rows: OutcomeRowDefinition[] = [];
  for (const group of OUTCOME_PRESENTATION_GROUPS) {
    if (group.kind === 'row') {
      rows.push({ id: group.id, label: group.label, rowType: 'outcome', outcomeTypes: group.outcomeTypes });
      continue;
    }
    rows.push({ id: group.id, label: group.label, rowType: 'group', outcomeTypes: group.outcomeTypes });
    for (const type of group.outcomeTypes)
      rows.push({
        id: `outcome-${type}`,
        label: nameOf(type),
        rowType: 'outcome',
        outcomeTypes: [type],
        group: group.id,
      });
  }
  const assigned = dataset.outcomeTypes.map((info) => info.type).filter((type) => type !== 0);
  rows.push({
    id: 'total-assigned',
    // The total row is the metric outcomes_assigned_total, so it carries that metric's label.
    label: METRICS.outcomes_assigned_total.definition.label,
    rowType: 'total',
    outcomeTypes: assigned,
  });
  rows.push({ id: 'not-yet-assigned', label: 'Not yet assigned an outcome', rowType: 'total', outcomeTypes: [0] });
  return rows;
}

const cache = new WeakMap<OutcomesDataset, Map<string, OutcomesTable>>();

/** Options of outcomesTable. */
export interface OutcomesTableOptions {
  /**
   * The exclusion rules that hold for the dataset's period (those of outcome_proportion); the built-in rules that
   * hold for it by default (none of the 2016 report's outcomes rules: they came from its returns to 30 June 2016).
   */
  exclusions?: readonly ExclusionRule[];
}

/**
 * Computes (once per dataset) the outcomes table for all territorial forces.
 * @example
 * outcomesTable(outcomes, territorialForces.map((f) => f.slug)).englandWales.get('charged-summonsed')?.value
 * // ≈ 10 (percent, 2017/18)
 */
export function outcomesTable(
  dataset: OutcomesDataset,
  forces: readonly string[],
  options: OutcomesTableOptions = {},
): OutcomesTable {
  const exclusions =
    options.exclusions ?? rulesOf(METRIC.outcome_proportion, EXCLUSION_REGISTRY_2016, { period: dataset.period });
  const key = `${forces.join(',')}|${exclusions.map((r) => `${r.force}:${r.treatment}`).join(',')}`;
  let tables = cache.get(dataset);
  if (!tables) cache.set(dataset, (tables = new Map()));
  const cached = tables.get(key);
  if (cached) return cached;
  const rows = outcomeRows(dataset);
  const measure = 'offences-recorded-in-quarter' as const;
  const inData = forces.filter((force) => dataset.forces.includes(force));
  const notInData = missing('x', `the outcomes dataset (${dataset.file}) has no rows for this force`);
  // Read each force's count per outcome type once; rows, groups and totals are sums of these.
  const types = dataset.outcomeTypes.map((info) => info.type);
  const byType = new Map<string, Map<number, NumberOrMissing>>();
  for (const force of forces) {
    byType.set(
      force,
      new Map(
        types.map((type) => [
          type,
          inData.includes(force) ? outcomeCount(dataset, { force, measure, outcomeType: type }) : notInData,
        ]),
      ),
    );
  }
  const sumTypes = (force: string, wanted: readonly number[]): NumberOrMissing => {
    const counts = byType.get(force) as Map<number, NumberOrMissing>;
    let total = 0;
    for (const type of wanted) {
      const count = counts.get(type) ?? missing('x', `outcome type ${type} is not in ${dataset.file}`);
      if (isMissing(count)) return count;
      total += count;
    }
    return total;
  };
  const totals = new Map<string, NumberOrMissing>(forces.map((force) => [force, sumTypes(force, types)]));
  const counts = new Map<string, Map<string, NumberOrMissing>>();
  const percents = new Map<string, Map<string, NumberOrMissing>>();
  const englandWales = new Map<string, EnglandWalesAggregate>();
  const bandings = new Map<string, Banding>();
  for (const row of rows) {
    const rowCounts = new Map<string, NumberOrMissing>();
    const rowPercents = new Map<string, NumberOrMissing>();
    for (const force of forces) {
      const total = totals.get(force) as NumberOrMissing;
      const count = sumTypes(force, row.outcomeTypes);
      rowCounts.set(force, count);
      rowPercents.set(
        force,
        isMissing(count)
          ? count
          : isMissing(total)
            ? total
            : total > 0
              ? (count / total) * 100
              : missing('z', 'no offences were recorded, so no proportion can be computed'),
      );
    }
    counts.set(row.id, rowCounts);
    percents.set(row.id, rowPercents);
    englandWales.set(
      row.id,
      poolEnglandWales(
        forces.map((force) => ({
          force,
          numerator: rowCounts.get(force) as NumberOrMissing,
          denominator: totals.get(force) as NumberOrMissing,
        })),
        { scale: 100, exclusions },
      ),
    );
    bandings.set(
      row.id,
      bandForces(
        forces.map((force) => ({ force, value: rowPercents.get(force) as NumberOrMissing })),
        { exclusions },
      ),
    );
  }
  const table: OutcomesTable = { dataset, rows, totals, percents, counts, englandWales, bandings };
  tables.set(key, table);
  return table;
}
