/**
 * Home Office crime outcomes (financial year 2017/18): counts by force × offence group × outcome type ×
 * quarter, for both Home Office measures, plus a few offence codes the metrics need on their own.
 *
 * The two measures are not interchangeable (spec §c.5):
 * - `offences-recorded-in-quarter`: offences recorded in the quarter, by the outcome they had when the data
 *   were extracted (each crime tracked to its outcome; type 0 = not yet assigned). Summed over outcome types it
 *   is the number of offences recorded (PEEL Figure 4 style proportions use this).
 * - `outcomes-recorded-in-quarter`: outcomes assigned in the quarter, whatever the offence's recording date
 *   (PEEL Figure 7 style rates use this). Type 0 has no value here (Home Office `NA`): "not yet assigned" is a
 *   state, not an outcome that can be recorded in a quarter.
 *
 * Encoding: one dense array per measure and level, indexed force → offence group (or code) → outcome type →
 * quarter, in the order of the dataset's own axis arrays. Use the accessors rather than the arrays.
 *
 * This module holds the framework and the accessors only (the schema is in schema/outcomes.ts); the bundled data is
 * `hoOutcomes201718` in src/generated/outcomes.ts, so code that only validates or reads an imported release
 * does not load it.
 */
import { OUTCOME_FRAMEWORK_FILE, outcomeTypeNames201718 } from '../generated/outcomes-framework.ts';
import { type Missing, type NumberOrMissing, isMissing, missing } from '../types/missing.ts';
import {
  OUTCOME_MEASURES,
  type OutcomeMeasure,
  type OutcomesDataset,
  type OutcomeTypeInfo,
} from '../types/outcomes.ts';
import type { OffenceGroupId } from '../types/recorded-crime.ts';

export { OUTCOME_MEASURES } from '../types/outcomes.ts';
export type {
  OutcomeMeasure,
  OutcomeOffenceCode,
  OutcomeOffenceGroup,
  OutcomeTypeInfo,
  OutcomesDataset,
  OutcomesImportReport,
} from '../types/outcomes.ts';

/**
 * Offence codes kept separately in the bundled dataset, and why.
 * @example OUTCOME_OFFENCE_CODES_KEPT[0].code // '8N'
 */
export const OUTCOME_OFFENCE_CODES_KEPT = [
  {
    code: '8N',
    why: 'Assault with injury: spec CR-04 (crime_rate_assault_with_injury) is a sub-offence of violence with injury',
  },
  {
    code: '8S',
    why:
      'Assault with injury on a constable: counted with assault with injury in some ONS tables, kept so the ' +
      'metric can choose',
  },
  {
    code: '8P',
    why:
      'Racially or religiously aggravated assault with injury: the third assault-with-injury code, kept for the ' +
      'same reason',
  },
] as const;

/**
 * How each Home Office offence group (`offence_group` of the outcomes file) is made of recorded-crime offence
 * groups (`OFFENCE_GROUPS` ids of src/schema/recorded-crime.ts; both burglary classifications are listed because
 * the 2017 reclassification falls inside the year). Names, not values: outcomes.test.ts checks that the 2017/18
 * outcome totals per group equal the recorded-crime totals for the year to 31 March 2018 over exactly these groups.
 * Seven groups have the same name in both; "Violence against the person" and "Theft offences" are split finer there.
 * @example OUTCOME_OFFENCE_GROUP_TO_RECORDED_CRIME['robbery'] // ['robbery']
 */
export const OUTCOME_OFFENCE_GROUP_TO_RECORDED_CRIME: Readonly<Record<string, readonly OffenceGroupId[]>> = {
  'violence-against-the-person': [
    'homicide',
    'death-or-serious-injury-caused-by-illegal-driving',
    'violence-with-injury',
    'violence-without-injury',
    'stalking-and-harassment',
  ],
  'sexual-offences': ['sexual-offences'],
  robbery: ['robbery'],
  'theft-offences': [
    'domestic-burglary',
    'non-domestic-burglary',
    'residential-burglary',
    'non-residential-burglary',
    'vehicle-offences',
    'theft-from-the-person',
    'bicycle-theft',
    'shoplifting',
    'all-other-theft-offences',
  ],
  'criminal-damage-and-arson': ['criminal-damage-and-arson'],
  'drug-offences': ['drug-offences'],
  'possession-of-weapons-offences': ['possession-of-weapons-offences'],
  'public-order-offences': ['public-order-offences'],
  'miscellaneous-crimes-against-society': ['miscellaneous-crimes-against-society'],
};

/** How sure we are of a mapping in the outcome framework. */
export type MappingBasis = 'stated' | 'inferred';

/** A row or group of PEEL 2016 Figure 4 ("Proportion of outcomes assigned to offences recorded … by outcome type"). */
export interface OutcomePresentationGroup {
  id: string;
  /** The row label as printed in the report. */
  label: string;
  /** `group` rows are sub-totals with member rows; `row` stands alone. */
  kind: 'row' | 'group';
  outcomeTypes: readonly number[];
  basis: MappingBasis;
  source: string;
}

/**
 * The report's presentation of the outcome framework (spec §b.4, Figure 4), as data. Outcome numbers are
 * printed in the report except for the "Prosecution prevented or not in the public interest" members, whose
 * numbering is INFERRED from the Home Office framework (the report lists only their names).
 * @example OUTCOME_PRESENTATION_GROUPS.find((group) => group.id === 'out-of-court-formal')?.outcomeTypes // [2, 3, 6]
 */
export const OUTCOME_PRESENTATION_GROUPS: readonly OutcomePresentationGroup[] = [
  {
    id: 'charged-summonsed',
    label: 'Charged/Summonsed',
    kind: 'row',
    outcomeTypes: [1],
    basis: 'stated',
    source: 'spec §b.4 Figure 4, row 1 (number printed)',
  },
  {
    id: 'taken-into-consideration',
    label: 'Taken into consideration',
    kind: 'row',
    outcomeTypes: [4],
    basis: 'stated',
    source: 'spec §b.4 Figure 4, row 4 (number printed)',
  },
  {
    id: 'out-of-court-formal',
    label: 'Out-of-court (formal)',
    kind: 'group',
    outcomeTypes: [2, 3, 6],
    basis: 'stated',
    source: 'spec §b.4 Figure 4, members 2, 3, 6 printed under the group',
  },
  {
    id: 'out-of-court-informal',
    label: 'Out-of-court (informal)',
    kind: 'group',
    outcomeTypes: [7, 8],
    basis: 'stated',
    source: 'spec §b.4 Figure 4, members 7, 8 printed under the group',
  },
  {
    id: 'prosecution-prevented-or-not-in-public-interest',
    label: 'Prosecution prevented or not in the public interest',
    kind: 'group',
    outcomeTypes: [5, 9, 11, 12, 13, 17],
    basis: 'inferred',
    source:
      'spec §b.4 "*" note lists the member names only; numbers 5, 9, 11, 12, 13, 17 INFERRED from the Home Office ' +
      'framework (and agree with outcome_group in the 2017/18 file)',
  },
  {
    id: 'evidential-difficulties-victim-supports',
    label: 'Evidential difficulties (victim supports police action)',
    kind: 'group',
    outcomeTypes: [15],
    basis: 'stated',
    source: 'spec §b.4 Figure 4, member 15 printed under the group (the group value itself is not printed)',
  },
  {
    id: 'evidential-difficulties-victim-does-not-support',
    label: 'Evidential difficulties (victim does not support police action)',
    kind: 'group',
    outcomeTypes: [16, 14],
    basis: 'stated',
    source: 'spec §b.4 Figure 4, members 16 and 14 printed under the group; also Figure 5 (OUT-04)',
  },
  {
    id: 'investigation-complete-no-suspect',
    label: 'Investigation complete – no suspect identified',
    kind: 'row',
    outcomeTypes: [18],
    basis: 'stated',
    source: 'spec §b.4 Figure 4, row 18',
  },
  {
    id: 'action-by-another-body',
    label: 'Action undertaken by another body / agency',
    kind: 'row',
    outcomeTypes: [20],
    basis: 'stated',
    source: 'spec §b.4 Figure 4, row 20',
  },
  {
    id: 'further-investigation-not-in-public-interest',
    label: 'Further investigation to support formal action not in the public interest',
    kind: 'row',
    outcomeTypes: [21],
    basis: 'stated',
    source: 'spec §b.4 Figure 4, row 21',
  },
];

/**
 * Outcome types the report never shows: 10 (formal action not in the public interest – police decision) and
 * 19 (National Fraud Intelligence Bureau filed; fraud is outside the crime measure). Numbering INFERRED (spec §b.4).
 * @example OUTCOME_TYPES_NOT_IN_REPORT // [10, 19]
 */
export const OUTCOME_TYPES_NOT_IN_REPORT = [10, 19] as const;

/** An outcome type of the framework with its Home Office names and its place in the report. */
export interface OutcomeTypeDefinition {
  type: number;
  /** Home Office name, as in the `outcome_description` column of the 2017/18 file. */
  name: string;
  /** Home Office group, as in `outcome_group`. */
  homeOfficeGroup: string;
  /** Id of the PEEL Figure 4 row or group, `not-yet-assigned` for 0, or null when the report omits the type. */
  presentationGroup: string | null;
  /** False for 19, which the file does not contain (fraud is excluded). */
  inOutcomesFile: boolean;
  source: string;
}

const NOT_IN_FILE_19 = {
  type: 19,
  name: 'National Fraud Intelligence Bureau filed',
  homeOfficeGroup: 'National Fraud Intelligence Bureau filed',
  presentationGroup: null,
  inOutcomesFile: false,
  source: 'spec §b.4 (INFERRED numbering); absent from the 2017/18 file because fraud is not included',
} satisfies OutcomeTypeDefinition;

/**
 * The outcome framework, types 0–21: names and Home Office groups as read from a dataset's file
 * (`outcome_description`, `outcome_group`), 19 from the spec when the file lacks it, and each type's row in the PEEL
 * report.
 * @example outcomeTypes(hoOutcomes201718).find((t) => t.type === 1)?.name // 'Charged/Summonsed'
 */
export function outcomeTypes(dataset: {
  outcomeTypes: readonly OutcomeTypeInfo[];
  file: string;
}): readonly OutcomeTypeDefinition[] {
  return [
    ...dataset.outcomeTypes.map((info) => ({
      type: info.type,
      name: info.description,
      homeOfficeGroup: info.homeOfficeGroup,
      presentationGroup:
        info.type === 0
          ? 'not-yet-assigned'
          : (OUTCOME_PRESENTATION_GROUPS.find((group) => group.outcomeTypes.includes(info.type))?.id ?? null),
      inOutcomesFile: true,
      source: `${dataset.file}: outcome_description and outcome_group columns`,
    })),
    ...(dataset.outcomeTypes.some((info) => info.type === 19) ? [] : [NOT_IN_FILE_19]),
  ].sort((a, b) => a.type - b.type);
}

/**
 * The outcome framework as data: types 0–21 with their Home Office names and groups exactly as the bundled
 * 2017/18 file writes them (generated from its `outcome_description` / `outcome_group` columns), type 19 from
 * the spec (absent from the file: fraud), and the PEEL 2016 Figure 4 row or group of each type.
 * @example OUTCOME_TYPES.find((t) => t.type === 15)?.presentationGroup // 'evidential-difficulties-victim-supports'
 */
export const OUTCOME_TYPES: readonly OutcomeTypeDefinition[] = outcomeTypes({
  outcomeTypes: outcomeTypeNames201718,
  file: OUTCOME_FRAMEWORK_FILE,
});

/** Which counts to add up. Omitted dimensions are summed over. */
export interface OutcomeQuery {
  /** Force slug, e.g. `durham` (`btp` for British Transport Police). */
  force: string;
  measure: OutcomeMeasure;
  /** One outcome type, several (e.g. a presentation group's members), or all when omitted. */
  outcomeType?: number | readonly number[];
  /** Quarter 1–4 of the financial year (1 = April to June); the whole year when omitted. */
  quarter?: number;
  /** Offence group id (e.g. `violence-against-the-person`); all groups when omitted. */
  offenceGroup?: string;
  /** A kept offence code (e.g. `8N`) instead of a group. */
  offenceCode?: string;
}

/**
 * Adds up outcome counts. Returns a Missing marker when any cell it needs is missing (for example type 0
 * under `outcomes-recorded-in-quarter`), never a partial sum. Throws on an unknown force, group, code,
 * type or quarter, because that is a programming error, not a data gap.
 * @example
 * outcomeCount(hoOutcomes201718, { force: 'durham', measure: 'offences-recorded-in-quarter' })
 * // 61150 (offences recorded in 2017/18)
 * @example
 * outcomeCount(hoOutcomes201718, { force: 'durham', measure: 'offences-recorded-in-quarter', outcomeType: 1,
 * offenceCode: '8N' })
 * // charged/summonsed assaults with injury
 */
export function outcomeCount(dataset: OutcomesDataset, query: OutcomeQuery): NumberOrMissing {
  const forceIndex = dataset.forces.indexOf(query.force);
  if (forceIndex < 0) throw misuse('force', query.force, dataset.forces, "'durham'");
  if (!OUTCOME_MEASURES.includes(query.measure))
    throw misuse('measure', query.measure, OUTCOME_MEASURES, "'offences-recorded-in-quarter'");
  if (query.offenceGroup !== undefined && query.offenceCode !== undefined) {
    throw new TypeError('outcomeCount: pass offenceGroup or offenceCode, not both, e.g. { offenceCode: "8N" }');
  }
  const types = dataset.outcomeTypes.map((info) => info.type);
  const wantedTypes =
    query.outcomeType === undefined
      ? types
      : typeof query.outcomeType === 'number'
        ? [query.outcomeType]
        : query.outcomeType;
  const typeIndexes = wantedTypes.map((type) => {
    const index = types.indexOf(type);
    if (index < 0) throw misuse('outcomeType', String(type), types.map(String), '1');
    return index;
  });
  const quarterIndexes =
    query.quarter === undefined
      ? dataset.quarters.map((_, index) => index)
      : [dataset.quarters.indexOf(query.quarter)].map((index) => {
          if (index < 0) throw misuse('quarter', String(query.quarter), dataset.quarters.map(String), '1');
          return index;
        });
  let cells: readonly NumberOrMissing[];
  let rowIndexes: number[];
  let rows: number;
  if (query.offenceCode !== undefined) {
    const codes = dataset.offenceCodes.map((code) => code.code);
    const index = codes.indexOf(query.offenceCode);
    if (index < 0) throw misuse('offenceCode', query.offenceCode, codes, "'8N'");
    cells = dataset.counts[query.measure].byOffenceCode;
    rowIndexes = [index];
    rows = codes.length;
  } else {
    const groups = dataset.offenceGroups.map((group) => group.id);
    cells = dataset.counts[query.measure].byOffenceGroup;
    rows = groups.length;
    if (query.offenceGroup === undefined) rowIndexes = groups.map((_, index) => index);
    else {
      const index = groups.indexOf(query.offenceGroup);
      if (index < 0) throw misuse('offenceGroup', query.offenceGroup, groups, "'violence-against-the-person'");
      rowIndexes = [index];
    }
  }
  const typeCount = types.length;
  const quarterCount = dataset.quarters.length;
  let total = 0;
  for (const row of rowIndexes) {
    for (const type of typeIndexes) {
      for (const quarter of quarterIndexes) {
        const value = cells[((forceIndex * rows + row) * typeCount + type) * quarterCount + quarter]!;
        if (isMissing(value)) return value;
        total += value;
      }
    }
  }
  return total;
}

/**
 * The outcome types of a PEEL Figure 4 row or group, for {@link outcomeCount}.
 * @example outcomeTypesOfGroup('evidential-difficulties-victim-does-not-support') // [16, 14]
 */
export function outcomeTypesOfGroup(groupId: string): readonly number[] {
  const group = OUTCOME_PRESENTATION_GROUPS.find((candidate) => candidate.id === groupId);
  if (!group)
    throw misuse(
      'groupId',
      groupId,
      OUTCOME_PRESENTATION_GROUPS.map((g) => g.id),
      "'out-of-court-formal'",
    );
  return group.outcomeTypes;
}

/**
 * Adds counts, returning the first Missing marker met (a sum with a gap is not a number).
 * @example sumCounts([1, 2, 3]) // 6
 * @example sumCounts([1, missing('x', 'not supplied')]) // { missing: 'x', reason: 'not supplied' }
 */
export function sumCounts(values: Iterable<NumberOrMissing>): NumberOrMissing {
  let total = 0;
  for (const value of values) {
    if (isMissing(value)) return value;
    total += value;
  }
  return total;
}

/**
 * The marker stored for outcome type 0 under `outcomes-recorded-in-quarter` (the Home Office publishes `NA`).
 * @example NOT_YET_ASSIGNED_HAS_NO_OUTCOME_DATE.missing // 'z'
 */
export const NOT_YET_ASSIGNED_HAS_NO_OUTCOME_DATE: Missing = missing(
  'z',
  'Outcome type 0 ("not yet assigned an outcome") is a state, not an outcome recorded in a quarter; the Home Office ' +
    'publishes NA for it under this measure',
);

function misuse(parameter: string, received: string, valid: readonly string[], example: string): TypeError {
  return new TypeError(
    `outcomeCount: unknown ${parameter} ${JSON.stringify(received)}; expected one of ` +
      `${valid.slice(0, 12).join(', ')}${valid.length > 12 ? ', …' : ''} (e.g. ${parameter}: ${example})`,
  );
}
