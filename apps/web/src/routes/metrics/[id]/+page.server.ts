import { error } from '@sveltejs/kit';
import { territorialForces } from 'peel-data';
import { metricPageView } from '$lib/server/metric-view.ts';
import { catalogue, definitionOf, hasSeries, periodsOf, tableOf } from '$lib/server/metrics.ts';
import type { EntryGenerator, PageServerLoad } from './$types';

// The compare box filters the ranked rows in the browser; everything else works without JavaScript.
export const csr = true;

export const entries: EntryGenerator = () => catalogue().map((definition) => ({ id: definition.id }));

export const load: PageServerLoad = ({ params }) => {
  const definition = definitionOf(params.id);
  if (!definition) error(404, `No metric "${params.id}". The metrics are listed at /metrics.`);
  return {
    metric: metricPageView(definition, tableOf(definition), periodsOf(definition)),
    seriesForces: hasSeries(definition)
      ? territorialForces
          .map((force) => ({ slug: force.slug, name: force.name }))
          .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
      : [],
  };
};
