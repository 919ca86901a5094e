import { error, json } from '@sveltejs/kit';
import { getTable, listTables } from '$lib/server/tables.ts';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;
export const entries: EntryGenerator = () => listTables().map(({ id }) => ({ table: id }));

// Missing values stay as { missing, reason } objects in JSON.
export const GET: RequestHandler = ({ params }) => {
  const table = getTable(params.table);
  if (!table) error(404, `No table "${params.table}". The downloads are listed at /data.`);
  return json({
    id: table.id,
    title: table.title,
    description: table.description,
    columns: table.columns,
    rows: table.rows,
    model: table.model,
  });
};
