/**
 * Importer for the Home Office "crime outcomes open data" table (one row per financial quarter × force ×
 * offence code × outcome type), as published (`Financial Year, Financial Quarter, Force Name, …`) or as
 * cleaned by janitor::clean_names (`financial_year, …`, with the first measure renamed `offences`, the copy
 * bundled in data/raw). It aggregates to force × offence group × outcome type × quarter, keeps chosen
 * offence codes separately, and validates as it streams:
 * - every row has the header's width; quarters are 1–4 and outcome types 0–21; counts are whole numbers
 *   (negative adjustments allowed) or `NA`;
 * - one financial year per file and each offence code in one offence group (checked at each new quarter ×
 *   force × code block); each outcome type keeps one name and group (checked once per force and type);
 * - no (quarter, force, offence code, outcome type) twice, and every (quarter, force, offence code) has the
 *   same outcome types as the rest of the file (a short block means a cut or edited file);
 * - force names resolve through the alias table.
 * Deliberate skips, each counted in the report: a row that is `NA` in every column (the bundled file ends
 * with one), rows whose offence code is marked expired (as the bundled copy's author did; they are outside
 * the recorded-crime totals), Northern Ireland rows (none expected), and blank lines.
 */
import {
  NOT_YET_ASSIGNED_HAS_NO_OUTCOME_DATE,
  OUTCOME_MEASURES,
  OUTCOME_OFFENCE_CODES_KEPT,
  type OutcomeMeasure,
  type OutcomeOffenceCode,
  type OutcomeTypeInfo,
  type OutcomesDataset,
  type OutcomesImportReport,
} from '../datasets/outcomes.ts';
import { OutcomesDatasetSchema } from '../schema/outcomes.ts';
import { type NumberOrMissing, missing } from '../types/missing.ts';
import type { SourceId } from '../types/provenance.ts';
import { type CsvRecord, readCsv } from './csv.ts';
import { ImportError, showValue } from './errors.ts';
import { forceNameResolver } from './force-names.ts';
import { IMPORT_LIMITS, admit, baseName, checkLabel, detach } from './shared.ts';
import { type BoundHeader, type ColumnSpec, bindHeader, checkRowWidth, isBlankRecord } from './table.ts';

const COLUMNS = [
  { key: 'year', header: 'financial_year', meaning: 'the financial year, e.g. "2017/18"' },
  { key: 'quarter', header: 'financial_quarter', meaning: 'the quarter of the financial year, 1 to 4' },
  { key: 'force', header: 'force_name', meaning: 'the police force, e.g. "Durham"' },
  { key: 'offenceDescription', header: 'offence_description', meaning: 'the offence name' },
  { key: 'offenceGroup', header: 'offence_group', meaning: 'the Home Office offence group, e.g. "Robbery"' },
  { key: 'offenceSubgroup', header: 'offence_subgroup', meaning: 'the Home Office offence subgroup' },
  { key: 'offenceCode', header: 'offence_code', meaning: 'the Home Office offence code, e.g. "8N"' },
  { key: 'expired', header: 'offence_code_expired', meaning: 'a marker for expired offence codes', optional: true },
  { key: 'outcomeDescription', header: 'outcome_description', meaning: 'the outcome name' },
  { key: 'outcomeGroup', header: 'outcome_group', meaning: 'the Home Office outcome group' },
  { key: 'outcomeType', header: 'outcome_type', meaning: 'the outcome type number, 0 to 21' },
  {
    key: 'offencesRecorded',
    header: 'force_outcomes_for_offences_recorded_in_quarter',
    aliases: ['offences'],
    meaning: 'outcomes for offences recorded in the quarter (called "offences" in the cj-charts copy)',
  },
  {
    key: 'outcomesRecorded',
    header: 'force_outcomes_recorded_in_quarter',
    meaning: 'outcomes recorded in the quarter',
  },
] as const satisfies readonly ColumnSpec[];
type ColumnKey = (typeof COLUMNS)[number]['key'];

/** Options for {@link importHoOutcomes}. */
export interface HoOutcomesImportOptions {
  /** The chunks are UTF-8 bytes, one character per byte, as `readUtf8ByteChunks` yields (faster); default false. */
  utf8Bytes?: boolean;
  /** Name used in error messages and stored as the dataset's `file`. */
  file: string;
  /**
   * Whose force-name spellings to accept, and the dataset's source id. Default `ho-outcomes-2017-18` (Home Office
   * spellings).
   */
  source?: SourceId;
  /**
   * Offence codes to keep separately. Default: {@link OUTCOME_OFFENCE_CODES_KEPT}. Codes absent from the file are left
   * out.
   */
  offenceCodes?: readonly string[];
  /** Notes to store with the dataset (caveats found while checking it). */
  notes?: readonly string[];
}

/** An imported outcomes dataset and what was skipped on the way. */
export interface HoOutcomesImport {
  dataset: OutcomesDataset;
  report: OutcomesImportReport;
}

/** One quarter × force × offence code: which outcome types have had a row (bit per type). */
interface Block {
  mask: number;
  row: number;
  quarter: number;
  slug: string;
  code: string;
}

interface CodeInfo {
  /** The code as a string of its own (not a slice pinning a 1 MiB chunk of the file). */
  code: string;
  group: number;
  description: string;
  subgroup: string;
  row: number;
  kept: boolean;
}

const TYPE_SLOTS = 22;
const QUARTER_SLOTS = 4;
const CELLS_PER_ROW = TYPE_SLOTS * QUARTER_SLOTS;
const NA = 'NA';

/** Per force × (group or code): sums and NA tallies for each outcome type × quarter, both measures. */
class Accumulator {
  readonly sums = [new Float64Array(CELLS_PER_ROW), new Float64Array(CELLS_PER_ROW)] as const;
  readonly nas = [new Int32Array(CELLS_PER_ROW), new Int32Array(CELLS_PER_ROW)] as const;
  readonly rows = new Int32Array(CELLS_PER_ROW);
}

/**
 * Streams a Home Office outcomes CSV and returns the aggregated, validated dataset. Throws
 * {@link ImportError} (file, row, column, expected, received) on the first problem.
 * @example
 * const { dataset, report } = await importHoOutcomes(textChunks, { file: 'outcomes.csv' });
 * dataset.forces // ['metropolitan', …, 'btp']
 */
export async function importHoOutcomes(
  chunks: AsyncIterable<string> | Iterable<string>,
  options: HoOutcomesImportOptions,
): Promise<HoOutcomesImport> {
  const { file } = options;
  const source = options.source ?? 'ho-outcomes-2017-18';
  const keptCodes = options.offenceCodes ?? OUTCOME_OFFENCE_CODES_KEPT.map((entry) => entry.code);
  const resolveForce = forceNameResolver(source, file, 'force_name');

  let header: BoundHeader<ColumnKey> | undefined;
  let col = {} as Record<ColumnKey, number>;
  let width = 0;
  const report: OutcomesImportReport = {
    file,
    rowsRead: 0,
    rowsUsed: 0,
    skipped: [],
    blankLines: 0,
    negativeValues: 0,
  };

  let yearText: string | undefined;
  let yearRow = 0;
  const forceOrder = new Map<string, number>(); // slug -> order of first appearance
  const forceTableOrder = new Map<string, number>(); // slug -> forces-table order (ONS code order, BTP last)
  const groups: string[] = [];
  const codes = new Map<string, CodeInfo>();
  const typeInfo: (OutcomeTypeInfo & { row: number; checkedForForce: number })[] = [];
  const byGroup = new Map<string, Accumulator>(); // `${slug}|${group index}`
  const byCode = new Map<string, Accumulator>(); // `${slug}|${code}` for kept codes
  // Blocks (quarter × force × code) by force order and quarter, then code: no string key per block.
  const blocks: Map<string, Block>[] = [];
  let typesSeenMask = 0;
  const forceQuarters = new Set<string>(); // `${slug}|${quarter}`, filled once per force and quarter
  const expired = new Map<string, { row: number; rows: number }>();
  const outOfScope = new Map<string, { row: number; rows: number }>();

  // The previous row's identity: the file is sorted, so most rows repeat it.
  let lastForceName: string | undefined;
  let lastForceSlug = '';
  let lastForceOrdinal = -1;
  let lastCode: string | undefined;
  let lastQuarter = 0;
  let lastBlock: Block | undefined;
  let lastGroupAcc: Accumulator | undefined;
  let lastCodeAcc: Accumulator | undefined;

  const fail = (
    record: CsvRecord,
    key: ColumnKey,
    expected: string,
    received = showValue(record.field(col[key])),
  ): never => {
    throw new ImportError({ file, row: record.row, column: header!.names[col[key]]!, expected, received });
  };

  // Labels are kept once per offence code or outcome type, so they are checked once, when first seen.
  const where = (record: CsvRecord, key: ColumnKey) => ({ file, row: record.row, column: header!.names[col[key]]! });
  const label = (record: CsvRecord, key: ColumnKey): string =>
    checkLabel(detach(record.field(col[key])), where(record, key));

  const onRecord = (record: CsvRecord): void => {
    if (record.row === 1) {
      header = bindHeader(record, COLUMNS, file);
      col = header.index;
      width = header.names.length;
      return;
    }
    if (isBlankRecord(record)) {
      report.blankLines += 1;
      return;
    }
    report.rowsRead += 1;
    if (record.length !== width) checkRowWidth(record, header!.names, file);

    if (record.fieldEquals(col.year, NA) && record.fieldEquals(col.force, NA) && everyFieldIs(record, NA)) {
      report.skipped.push({ row: record.row, reason: 'every column is NA (an empty row in the published table)' });
      return;
    }
    if (col.expired >= 0 && !record.fieldEquals(col.expired, NA) && !record.fieldEquals(col.expired, '')) {
      // One report entry per expired code (first row and count), not one per row.
      const code = record.field(col.offenceCode);
      const tally = expired.get(code);
      if (tally) tally.rows += 1;
      else expired.set(detach(code), { row: record.row, rows: 1 });
      return;
    }

    // Per row, only what identifies the row is compared (force, code, quarter, type) plus the counts.
    // Descriptive columns are checked where they can change: the year and offence group once per block
    // (quarter × force × offence code), outcome names once per force and type. Comparing every long name
    // on every row tripled the import time.
    const quarter = record.wholeNumber(col.quarter);
    if (quarter < 1 || quarter > 4) fail(record, 'quarter', 'a quarter number from 1 to 4');

    if (lastForceName === undefined || !record.fieldEquals(col.force, lastForceName)) {
      const name = record.field(col.force);
      const resolved = resolveForce(name, record.row);
      if ('outOfScope' in resolved) {
        const tally = outOfScope.get(resolved.outOfScope);
        if (tally) tally.rows += 1;
        else outOfScope.set(resolved.outOfScope, { row: record.row, rows: 1 });
        return;
      }
      lastForceName = detach(name);
      lastForceSlug = resolved.force.slug;
      lastForceOrdinal = forceOrder.get(lastForceSlug) ?? forceOrder.size;
      forceOrder.set(lastForceSlug, lastForceOrdinal);
      forceTableOrder.set(lastForceSlug, resolved.order);
      lastCode = undefined;
    }

    if (lastCode === undefined || quarter !== lastQuarter || !record.fieldEquals(col.offenceCode, lastCode)) {
      if (yearText === undefined) {
        yearText = detach(record.field(col.year));
        yearRow = record.row;
        if (financialYearStart(yearText) === undefined) fail(record, 'year', 'a financial year written like "2017/18"');
      } else if (!record.fieldEquals(col.year, yearText)) {
        fail(
          record,
          'year',
          `the same financial year as row ${yearRow} (${showValue(yearText)}): import one year per file`,
        );
      }
      let code = record.field(col.offenceCode);
      if (code === '' || code === NA) fail(record, 'offenceCode', 'an offence code such as "8N"');
      let known = codes.get(code);
      if (!known) {
        admit(codes, code, IMPORT_LIMITS.offenceCodes, where(record, 'offenceCode'), 'offence codes');
        const groupName = label(record, 'offenceGroup');
        if (groupName === '' || groupName === NA) fail(record, 'offenceGroup', 'an offence group name');
        let group = groups.indexOf(groupName);
        if (group < 0) {
          if (groups.length >= IMPORT_LIMITS.labels)
            fail(record, 'offenceGroup', `at most ${IMPORT_LIMITS.labels} different offence groups in one file`);
          group = groups.push(groupName) - 1;
        }
        code = detach(code);
        known = {
          code,
          group,
          description: label(record, 'offenceDescription'),
          subgroup: label(record, 'offenceSubgroup'),
          row: record.row,
          kept: keptCodes.includes(code),
        };
        codes.set(code, known);
      } else if (!record.fieldEquals(col.offenceGroup, groups[known.group]!)) {
        fail(
          record,
          'offenceGroup',
          `offence group ${showValue(groups[known.group]!)}, as for offence code ${showValue(code)} in row ` +
            `${known.row}`,
        );
      }
      code = known.code;
      lastCode = code;
      lastQuarter = quarter;
      const slot = lastForceOrdinal * QUARTER_SLOTS + quarter - 1;
      let quarterBlocks = blocks[slot];
      if (!quarterBlocks) {
        quarterBlocks = blocks[slot] = new Map();
        forceQuarters.add(`${lastForceSlug}|${quarter}`);
      }
      lastBlock = quarterBlocks.get(code);
      if (!lastBlock) {
        lastBlock = { mask: 0, row: record.row, quarter, slug: lastForceSlug, code };
        quarterBlocks.set(code, lastBlock);
      }
      lastGroupAcc = accumulatorFor(byGroup, `${lastForceSlug}|${known.group}`);
      lastCodeAcc = known.kept ? accumulatorFor(byCode, `${lastForceSlug}|${code}`) : undefined;
    }

    const type = record.wholeNumber(col.outcomeType);
    if (type < 0 || type > 21) fail(record, 'outcomeType', 'an outcome type number from 0 to 21');
    const info = typeInfo[type];
    if (!info) {
      typeInfo[type] = {
        type,
        description: label(record, 'outcomeDescription'),
        homeOfficeGroup: label(record, 'outcomeGroup'),
        row: record.row,
        checkedForForce: lastForceOrdinal,
      };
    } else if (info.checkedForForce !== lastForceOrdinal) {
      if (!record.fieldEquals(col.outcomeDescription, info.description)) {
        fail(
          record,
          'outcomeDescription',
          `${showValue(info.description)}, the name outcome type ${type} has in row ${info.row}`,
        );
      }
      if (!record.fieldEquals(col.outcomeGroup, info.homeOfficeGroup)) {
        fail(
          record,
          'outcomeGroup',
          `${showValue(info.homeOfficeGroup)}, the group outcome type ${type} has in row ${info.row}`,
        );
      }
      info.checkedForForce = lastForceOrdinal;
    }
    const bit = 1 << type;
    const block = lastBlock!;
    if (block.mask & bit) {
      fail(
        record,
        'outcomeType',
        `one row per quarter, force, offence code and outcome type`,
        `a second row for quarter ${quarter}, ${showValue(lastForceName!)}, offence code ` +
          `${showValue(lastCode!)}, outcome type ${type} (first at row ${block.row} or later)`,
      );
    }
    block.mask |= bit;
    typesSeenMask |= bit;

    const offencesRecorded = readCountOrNa(record, 'offencesRecorded');
    const outcomesRecorded = readCountOrNa(record, 'outcomesRecorded');

    add(lastGroupAcc!, type, quarter, offencesRecorded, outcomesRecorded);
    if (lastCodeAcc) add(lastCodeAcc, type, quarter, offencesRecorded, outcomesRecorded);
    report.rowsUsed += 1;
  };

  // Counts are net: the Home Office publishes negative adjustments (e.g. type 0 after offences are
  // reclassified, outcomes withdrawn in a later quarter), so a leading minus is valid. NA is returned as NaN.
  const readCountOrNa = (record: CsvRecord, key: 'offencesRecorded' | 'outcomesRecorded'): number => {
    const value = record.integer(col[key]);
    if (value === value) {
      if (value < 0) report.negativeValues += 1;
      return value;
    }
    if (record.fieldEquals(col[key], NA)) return Number.NaN;
    return fail(
      record,
      key,
      'a count written as a whole number (digits, optionally a leading minus for a Home Office adjustment), or NA',
    );
  };

  const dataRows = await readCsv(chunks, file, onRecord, { utf8Bytes: options.utf8Bytes ?? false });
  if (dataRows === 0 || !header) {
    throw new ImportError({
      file,
      row: 1,
      expected: `a header row (${COLUMNS.filter((c) => !('optional' in c))
        .map((c) => c.header)
        .join(', ')}) and data rows`,
      received: 'an empty file',
    });
  }
  if (report.rowsUsed === 0) {
    throw new ImportError({
      file,
      row: dataRows + 1,
      expected: 'at least one data row after the header',
      received: `no usable rows (${report.rowsRead} read, ${report.skipped.length} skipped)`,
    });
  }

  for (const [code, tally] of expired) {
    report.skipped.push({
      row: tally.row,
      reason:
        `offence code ${showValue(code)} is marked expired (${tally.rows} ` +
        `row${tally.rows === 1 ? '' : 's'} from this one on)`,
    });
  }
  for (const [reason, tally] of outOfScope)
    report.skipped.push({
      row: tally.row,
      reason: `${reason} (${tally.rows} row${tally.rows === 1 ? '' : 's'} from this one on)`,
    });
  report.skipped.sort((a, b) => a.row - b.row);

  // Every (quarter, force, code) block must carry the same outcome types as the file as a whole.
  for (const block of blocks.flatMap((quarterBlocks) => (quarterBlocks ? [...quarterBlocks.values()] : []))) {
    if (block.mask !== typesSeenMask) {
      const { quarter, slug, code } = block;
      const absent = typeNumbers(typesSeenMask & ~block.mask);
      throw new ImportError({
        file,
        row: block.row,
        column: 'outcome_type',
        expected:
          `a row for every outcome type in the file (${typeNumbers(typesSeenMask).join(', ')}) for ` +
          `quarter ${quarter}, force ${slug}, offence code ${showValue(code)}`,
        received:
          `no row for outcome type${absent.length > 1 ? 's' : ''} ${absent.join(', ')} (is the file ` +
          `truncated or edited?)`,
      });
    }
  }
  // Kept codes the file does not have are left out of `offenceCodes` (a file for a few offences is valid).
  const keptPresent = keptCodes.filter((code) => codes.has(code));

  const forcesAxis = [...forceTableOrder.keys()].sort((a, b) => forceTableOrder.get(a)! - forceTableOrder.get(b)!);
  const typesAxis = typeNumbers(typesSeenMask);
  const quartersAxis = [1, 2, 3, 4].filter((quarter) =>
    forcesAxis.some((slug) => forceQuarters.has(`${slug}|${quarter}`)),
  );
  const groupOrder = groups.map((name, index) => ({ name, index })).sort((a, b) => a.name.localeCompare(b.name));

  const buildCells = (
    source: Map<string, Accumulator>,
    rowKeys: readonly string[],
    measure: number,
  ): NumberOrMissing[] => {
    const cells: NumberOrMissing[] = [];
    for (const slug of forcesAxis) {
      const hasQuarter = quartersAxis.map((quarter) => forceQuarters.has(`${slug}|${quarter}`));
      for (const rowKey of rowKeys) {
        const acc = source.get(`${slug}|${rowKey}`);
        for (const type of typesAxis) {
          for (let q = 0; q < quartersAxis.length; q++) {
            const quarter = quartersAxis[q]!;
            const slot = type * QUARTER_SLOTS + quarter - 1;
            if (!hasQuarter[q]) {
              cells.push(missing('x', `The file has no rows for this force in quarter ${quarter}`));
            } else if (!acc || acc.rows[slot] === 0) {
              // The file lists every code with zeros, so no row at all means it says nothing about this cell.
              cells.push(
                missing(
                  'x',
                  `The file has no rows for this offence group or code for this force in quarter ${quarter}`,
                ),
              );
            } else if (acc.nas[measure]![slot] === 0) {
              cells.push(acc.sums[measure]![slot]!);
            } else if (acc.nas[measure]![slot] === acc.rows[slot]) {
              cells.push(
                type === 0 && measure === 1
                  ? NOT_YET_ASSIGNED_HAS_NO_OUTCOME_DATE
                  : missing('x', 'The Home Office file has NA for this force, quarter and outcome type'),
              );
            } else {
              cells.push(
                missing(
                  'x',
                  `The Home Office file has NA for ${acc.nas[measure]![slot]} of the ${acc.rows[slot]} offence ` +
                    `codes in this cell, so no total can be given`,
                ),
              );
            }
          }
        }
      }
    }
    return cells;
  };

  const groupKeys = groupOrder.map((group) => String(group.index));
  const counts = {} as OutcomesDataset['counts'];
  OUTCOME_MEASURES.forEach((measure: OutcomeMeasure, index) => {
    counts[measure] = {
      byOffenceGroup: buildCells(byGroup, groupKeys, index),
      byOffenceCode: buildCells(byCode, keptPresent, index),
    };
  });

  const offenceCodes: OutcomeOffenceCode[] = keptPresent.map((code) => {
    const entry = codes.get(code)!;
    return {
      code,
      description: entry.description,
      offenceGroup: kebab(groups[entry.group]!),
      offenceSubgroup: entry.subgroup,
    };
  });

  const dataset: OutcomesDataset = {
    kind: 'ho-outcomes',
    source,
    file: baseName(file),
    period: { type: 'financial-year', startYear: financialYearStart(yearText!)! },
    quarters: quartersAxis,
    forces: forcesAxis,
    offenceGroups: groupOrder.map((group) => ({ id: kebab(group.name), name: group.name })),
    offenceCodes,
    outcomeTypes: typesAxis.map((type) => ({
      type,
      description: typeInfo[type]!.description,
      homeOfficeGroup: typeInfo[type]!.homeOfficeGroup,
    })),
    counts,
    notes: [...(options.notes ?? [])],
  };
  const checked = OutcomesDatasetSchema.safeParse(dataset);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new ImportError({
      file,
      expected: `a dataset matching the outcomes schema at ${issue.path.join('.')}`,
      received: issue.message,
    });
  }
  return { dataset, report };
}

function accumulatorFor(map: Map<string, Accumulator>, key: string): Accumulator {
  let acc = map.get(key);
  if (!acc) {
    acc = new Accumulator();
    map.set(key, acc);
  }
  return acc;
}

function add(
  acc: Accumulator,
  type: number,
  quarter: number,
  offencesRecorded: number,
  outcomesRecorded: number,
): void {
  const slot = type * QUARTER_SLOTS + quarter - 1;
  acc.rows[slot]! += 1;
  if (Number.isNaN(offencesRecorded)) acc.nas[0][slot]! += 1;
  else acc.sums[0][slot]! += offencesRecorded;
  if (Number.isNaN(outcomesRecorded)) acc.nas[1][slot]! += 1;
  else acc.sums[1][slot]! += outcomesRecorded;
}

function everyFieldIs(record: CsvRecord, value: string): boolean {
  for (let i = 0; i < record.length; i++) if (!record.fieldEquals(i, value)) return false;
  return true;
}

function typeNumbers(mask: number): number[] {
  const types: number[] = [];
  for (let type = 0; type < TYPE_SLOTS; type++) if (mask & (1 << type)) types.push(type);
  return types;
}

/** `2017/18` -> 2017; undefined unless the second part is the next year. */
function financialYearStart(text: string): number | undefined {
  const match = /^(\d{4})\/(\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  const start = Number(match[1]);
  return (start + 1) % 100 === Number(match[2]) ? start : undefined;
}

/**
 * Kebab-case id of a name.
 * @example kebab('Violence against the person') // 'violence-against-the-person'
 */
export function kebab(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
