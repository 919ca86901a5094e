import { error } from '@sveltejs/kit';
import { formatDate, getForce, territorialForces } from 'peel-data';
import { latestPeriodEnd, periodLinks, reportPeriodEnds, reportView } from '$lib/server/reports.ts';
import type { EntryGenerator, PageServerLoad } from './$types';

// The report regenerated for the 12 months to a quarter end, at /forces/<slug>/<yyyy-mm-dd>. The latest period the
// data cover is prerendered for every force; the Node server renders any other quarter end on demand (a static
// build has the prerendered ones only, so there every route stays prerendered).
export const prerender = process.env.PEEL_ADAPTER === 'static' ? true : 'auto';

export const entries: EntryGenerator = () =>
  territorialForces.map((force) => ({ slug: force.slug, period: latestPeriodEnd() }));

export const load: PageServerLoad = ({ params }) => {
  const force = getForce(params.slug);
  if (!force || force.kind !== 'territorial')
    error(404, `No police force "${params.slug}". The 43 forces are listed at /forces.`);
  const periods = reportPeriodEnds();
  if (!periods.includes(params.period))
    error(
      404,
      `No report for "${params.period}": a report covers the 12 months to a quarter end the data cover, from ` +
        `${formatDate(periods[0] ?? '')} to ${formatDate(latestPeriodEnd())}, written as /forces/${force.slug}/` +
        `${latestPeriodEnd()}.`,
    );
  return {
    report: reportView(force.slug, params.period),
    periods: periodLinks(force.slug, { periodEnd: params.period }),
  };
};
