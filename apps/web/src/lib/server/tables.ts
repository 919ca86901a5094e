/**
 * Every table the site shows, as a download (CSV and JSON at /data/{id}.csv and /data/{id}.json).
 * Tables are assembled from peel-data and peel-metrics values as they are: nothing is computed here.
 */
import { territorialForces } from 'peel-data';
import type { Cell, Column } from '$lib/csv.ts';

export interface DownloadTable {
  id: string;
  title: string;
  description: string;
  columns: Column[];
  rows: Record<string, Cell>[];
  /** Source ids (peel-data) the values come from. */
  sources: string[];
}

type TableBuilder = () => DownloadTable;

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
    rows: territorialForces.map(({ slug, name, shortName, code, region, country }) => ({ slug, name, shortName, code, region, country })),
    sources: ['policeuk-forces', 'ons-lad-csp-pfa-lookup-2017'],
  };
}

const builders = new Map<string, TableBuilder>([['forces', forcesTable]]);

/**
 * Ids of every downloadable table, for prerender entries and the downloads list.
 * @example listTableIds().includes('forces') // true
 */
export function listTableIds(): string[] {
  return [...builders.keys()];
}

/**
 * One table by id, or undefined.
 * @example getTable('forces')?.rows.length // 43
 */
export function getTable(id: string): DownloadTable | undefined {
  return builders.get(id)?.();
}
