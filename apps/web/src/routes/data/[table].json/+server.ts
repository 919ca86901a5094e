import { error, json } from '@sveltejs/kit';
import { getTable, listTableIds } from '$lib/server/tables.ts';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;
export const entries: EntryGenerator = () => listTableIds().map((table) => ({ table }));

// Missing values stay as { missing, reason } objects in JSON.
export const GET: RequestHandler = ({ params }) => {
  const table = getTable(params.table);
  if (!table) error(404, `No table "${params.table}". The downloads are listed at /data.`);
  return json(table);
};
