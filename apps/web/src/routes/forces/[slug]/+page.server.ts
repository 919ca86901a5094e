import { error } from '@sveltejs/kit';
import { getForce, territorialForces } from 'peel-data';
import { periodLinks, reportView } from '$lib/server/reports.ts';
import type { EntryGenerator, PageServerLoad } from './$types';

// One report per territorial force (the 2016 edition), prerendered; no JavaScript (csr = false from the root layout).
export const entries: EntryGenerator = () => territorialForces.map((force) => ({ slug: force.slug }));

export const load: PageServerLoad = ({ params }) => {
  const force = getForce(params.slug);
  if (!force || force.kind !== 'territorial')
    error(404, `No police force "${params.slug}". The 43 forces are listed at /forces.`);
  return { report: reportView(force.slug), periods: periodLinks(force.slug, 'edition-2016') };
};
