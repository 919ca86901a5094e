import { JUDGMENT_YEARS } from 'peel-data';
import { SORT_KEYS } from '$lib/server/national.ts';
import { loadNational } from '$lib/server/national-page.ts';
import type { EntryGenerator, PageServerLoad } from './$types';

// Every year × order is prerendered, so the table sorts by plain links (no JavaScript, works static).
export const entries: EntryGenerator = () =>
  JUDGMENT_YEARS.flatMap((year) =>
    SORT_KEYS.filter((sort) => sort !== 'name').map((sort) => ({ year: String(year), sort })),
  );

export const load: PageServerLoad = ({ params }) => loadNational(params.year, params.sort);
