import { territorialForces } from 'peel-data';
import { metricDefinitions } from 'peel-metrics';
import { listTables } from '$lib/server/tables.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
  const tables = listTables();
  return {
    national: tables.filter((table) => table.group === 'national'),
    metrics: tables.filter((table) => table.group === 'metric'),
    tidy: metricDefinitions().map(({ id, label, unit }) => ({ id, label, unit })),
    forces: territorialForces.map((force) => ({
      slug: force.slug,
      name: force.name,
      tables: tables.filter((table) => table.force === force.slug),
    })),
  };
};
