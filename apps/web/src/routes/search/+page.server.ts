import { territorialForces } from 'peel-data';
import type { PageServerLoad } from './$types';

// The search page ships with JavaScript: it reads ?q= in the browser and filters this list. Without
// JavaScript (or on a static host) the full list is shown, so every force can still be found.
export const csr = true;

export const load: PageServerLoad = () => ({
  forces: territorialForces
    .map(({ slug, name, shortName, code }) => ({ slug, name, shortName, code }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB')),
});
