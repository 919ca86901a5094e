import { error } from '@sveltejs/kit';
import { toCsv } from '$lib/csv.ts';
import { getTable, listTables } from '$lib/server/tables.ts';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;
export const entries: EntryGenerator = () => listTables().map(({ id }) => ({ table: id }));

export const GET: RequestHandler = ({ params }) => {
  const table = getTable(params.table);
  if (!table) error(404, `No table "${params.table}". The downloads are listed at /data.`);
  return new Response(toCsv(table.columns, table.rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
