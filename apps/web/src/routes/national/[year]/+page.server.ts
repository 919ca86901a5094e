import { JUDGMENT_YEARS } from 'peel-data';
import { loadNational } from '$lib/server/national-page.ts';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => JUDGMENT_YEARS.map((year) => ({ year: String(year) }));

export const load: PageServerLoad = ({ params }) => loadNational(params.year, 'name');
