import type { PeelRelease } from 'peel-data';
import type { MetricRegistry } from 'peel-metrics';
import type { RenderMemo } from '../http/memo.ts';

/** What every data route needs: the release it serves, the metric registry and the memo of rendered responses. */
export type RouteDeps = { release: PeelRelease; memo: RenderMemo; registry: MetricRegistry };
