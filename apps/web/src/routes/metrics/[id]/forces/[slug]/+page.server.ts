import { error } from '@sveltejs/kit';
import { getForce, territorialForces } from 'peel-data';
import { metricSeries } from 'peel-metrics';
import { seriesView } from '$lib/server/metric-view.ts';
import { catalogue, definitionOf, hasSeries } from '$lib/server/metrics.ts';
import type { EntryGenerator, PageServerLoad } from './$types';

// A page per force for each metric that has more than one period.
export const entries: EntryGenerator = () =>
  catalogue()
    .filter(hasSeries)
    .flatMap((definition) => territorialForces.map((force) => ({ id: definition.id, slug: force.slug })));

export const load: PageServerLoad = ({ params }) => {
  const definition = definitionOf(params.id);
  const force = getForce(params.slug);
  if (!definition || !hasSeries(definition))
    error(404, `No series for metric "${params.id}". The metrics are listed at /metrics.`);
  if (!force || force.kind !== 'territorial')
    error(404, `No police force "${params.slug}". The 43 forces are listed at /forces.`);
  return {
    metric: { id: definition.id, label: definition.label },
    force: { slug: force.slug, name: force.name },
    view: seriesView(metricSeries(definition.id, force.slug)),
  };
};
