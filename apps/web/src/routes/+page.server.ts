import { loadNational } from '$lib/server/national-page.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => loadNational('2016', 'name');
