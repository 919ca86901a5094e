import { error } from '@sveltejs/kit';
import { getForce, territorialForces } from 'peel-data';
import { headlinesOverTime } from 'peel-metrics';
import { overTimeView } from '$lib/server/over-time-view.ts';
import { editionPeriod, latestPeriodEnd, periodLinks } from '$lib/server/reports.ts';
import type { EntryGenerator, PageServerLoad } from './$types';

// A force's headline figures for every quarter end the data cover, prerendered for every territorial force.
export const entries: EntryGenerator = () => territorialForces.map((force) => ({ slug: force.slug }));

export const load: PageServerLoad = ({ params }) => {
  const force = getForce(params.slug);
  if (!force || force.kind !== 'territorial')
    error(404, `No police force "${params.slug}". The 43 forces are listed at /forces.`);
  return {
    view: overTimeView(headlinesOverTime(force.slug)),
    periods: periodLinks(force.slug, 'over-time'),
    latest: latestPeriodEnd(),
    edition: editionPeriod(),
  };
};
