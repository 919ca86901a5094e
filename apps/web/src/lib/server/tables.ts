/**
 * Every table the site shows, as a download (CSV and JSON at /data/{id}.csv and /data/{id}.json):
 * the forces, all judgments, each metric for all forces, and each figure of each force's report.
 * Tables are assembled from peel-data and peel-metrics values as they are: nothing is computed here.
 */
import { formatMissing, judgments, territorialForces } from 'peel-data';
import type { Cell, Column } from '$lib/csv.ts';
import { rankingView, tableLabel } from './metric-view.ts';
import type { CellView } from './report-view.ts';
import { catalogue, definitionOf, tableOf } from './metrics.ts';
import { reportModel, reportView } from './reports.ts';

export interface DownloadTable {
  id: string;
  title: string;
  description: string;
  columns: Column[];
  rows: Record<string, Cell>[];
  /** For JSON: the model object the table was printed from, with provenance (unrounded values). */
  model?: unknown;
}

export interface TableListing {
  id: string;
  title: string;
  group: 'national' | 'metric' | 'report';
  force?: string;
}

function forcesTable(): DownloadTable {
  return {
    id: 'forces',
    title: 'The 43 police forces of England and Wales',
    description: 'Slug, name, area name, ONS code, region and country of each territorial force, in ONS code order.',
    columns: [
      { key: 'slug', label: 'slug' },
      { key: 'name', label: 'name' },
      { key: 'shortName', label: 'area' },
      { key: 'code', label: 'ons_code' },
      { key: 'region', label: 'region' },
      { key: 'country', label: 'country' },
    ],
    rows: territorialForces.map(({ slug, name, shortName, code, region, country }) => ({
      slug,
      name,
      shortName,
      code,
      region,
      country,
    })),
  };
}

function judgmentsTable(): DownloadTable {
  return {
    id: 'judgments',
    title: 'PEEL effectiveness judgments, 2015 to 2017',
    description:
      'Every year, force and question, with the grade and the source that states it; a grade no source states is [x].',
    columns: [
      { key: 'year', label: 'year' },
      { key: 'force', label: 'force' },
      { key: 'question', label: 'question' },
      { key: 'grade', label: 'grade' },
      { key: 'publisher', label: 'source_publisher' },
      { key: 'url', label: 'source_url' },
      { key: 'quote', label: 'source_quote' },
    ],
    rows: judgments.map((judgment) => ({
      year: judgment.year,
      force: judgment.force,
      question: judgment.question,
      grade: judgment.grade,
      publisher: judgment.source?.publisher,
      url: judgment.source?.url,
      quote: judgment.source?.quote,
    })),
  };
}

/**
 * A page cell as a download cell: a missing marker stays a marker (its reason goes to the CSV notes); a marker
 * after words (a printed band, then an `[x]` recomputed one) becomes one text with the reason, so no words are lost.
 */
function downloadCell(cell: CellView): Cell {
  if (cell.prefix === undefined) return cell.missing ?? cell.text;
  return `${cell.prefix}${cell.missing ? `${formatMissing(cell.missing)} (${cell.missing.reason})` : cell.text}`;
}

function figureTable(slug: string, number: number): DownloadTable | undefined {
  if (!territorialForces.some((force) => force.slug === slug)) return undefined;
  const view = reportView(slug);
  const figure = view.figures.find((candidate) => candidate.number === number);
  if (!figure) return undefined;
  const keys = figure.table.head.map((_, index) => `c${index}`);
  return {
    id: figure.downloadId,
    title: `${view.name}: ${figure.caption}, ${figure.periodLabel}`,
    description:
      `The table of ${figure.caption.toLowerCase()} in ${view.name}'s PEEL 2016 effectiveness report, as ` +
      `printed (values rounded as the report prints them).`,
    columns: figure.table.head.map((label, index) => ({ key: keys[index]!, label })),
    rows: figure.table.rows.map((row) =>
      Object.fromEntries([row.header, ...row.cells].map((cell, index) => [keys[index]!, downloadCell(cell)])),
    ),
    model: reportModel(slug).figures.find((candidate) => candidate.number === number),
  };
}

function metricTable(id: string): DownloadTable | undefined {
  const definition = definitionOf(id);
  const table = definition ? tableOf(definition) : undefined;
  if (!definition || !table) return undefined;
  const view = rankingView(table);
  const keys = view.table.head.map((_, index) => `c${index}`);
  return {
    id: `metric-${id}`,
    title: `${tableLabel(table)}: all forces, ${view.periodLabel}`,
    description:
      `${tableLabel(table)} for every territorial force with rank, band and England and Wales, as printed ` +
      `(rounded).`,
    columns: view.table.head.map((label, index) => ({ key: keys[index]!, label })),
    rows: view.table.rows.map((row) =>
      Object.fromEntries([row.header, ...row.cells].map((cell, index) => [keys[index]!, cell.missing ?? cell.text])),
    ),
    model: table,
  };
}

const national: Record<string, () => DownloadTable> = { forces: forcesTable, judgments: judgmentsTable };

/**
 * Every downloadable table, for prerender entries and the downloads list.
 * @example listTables().some((table) => table.id === 'forces') // true
 */
export function listTables(): TableListing[] {
  return [
    { id: 'forces', title: 'The 43 police forces of England and Wales', group: 'national' },
    { id: 'judgments', title: 'PEEL effectiveness judgments, 2015 to 2017', group: 'national' },
    ...catalogue()
      .filter((definition) => tableOf(definition) !== undefined)
      .map((definition) => ({ id: `metric-${definition.id}`, title: definition.label, group: 'metric' as const })),
    ...territorialForces.flatMap((force) =>
      reportView(force.slug).figures.map((figure) => ({
        id: figure.downloadId,
        title: `${figure.caption}, ${figure.periodLabel}`,
        group: 'report' as const,
        force: force.slug,
      })),
    ),
  ];
}

/**
 * One table by id, or undefined.
 * @example getTable('forces')?.rows.length // 43
 */
export function getTable(id: string): DownloadTable | undefined {
  const nationalTable = national[id];
  if (nationalTable) return nationalTable();
  if (id.startsWith('metric-')) return metricTable(id.slice('metric-'.length));
  const figure = /^report-([a-z-]+)-figure-(\d+)$/.exec(id);
  if (figure) return figureTable(figure[1]!, Number(figure[2]));
  return undefined;
}
