import { territorialForces } from 'peel-data';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
  forces: territorialForces.map(({ slug, name, shortName, code, region, country }) => ({
    slug,
    name,
    shortName,
    code,
    region,
    country,
  })),
});
