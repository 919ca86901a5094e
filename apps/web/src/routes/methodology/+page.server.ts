import { getForce, sources } from 'peel-data';
import { BANDING_RULE, BAND_LABEL, BANDS, EXCLUSION_REGISTRY_2016 } from 'peel-metrics';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
  exclusions: EXCLUSION_REGISTRY_2016.map((rule) => ({
    force: getForce(rule.force)?.name ?? rule.force,
    slug: rule.force,
    treatment: rule.treatment,
    reason: rule.reason,
    metrics: [...rule.metrics],
    combinedWith: rule.combinedWith ? (getForce(rule.combinedWith)?.name ?? rule.combinedWith) : undefined,
  })),
  bandingRule: BANDING_RULE,
  bands: BANDS.map((band) => ({ band, label: BAND_LABEL[band] })),
  sources: Object.values(sources).map(({ id, title, publisher, licence, attribution, upstream, vintage, caveats }) => ({
    id,
    title,
    publisher,
    licence,
    attribution,
    upstream,
    vintage,
    caveats,
  })),
});
