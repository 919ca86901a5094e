import { catalogue } from '$lib/server/metrics.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
  metrics: catalogue().map(({ id, specRef, label, section, availability, figure }) => ({
    id,
    specRef,
    label,
    section,
    availability,
    figure,
  })),
});
