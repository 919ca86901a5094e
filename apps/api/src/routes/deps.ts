import type { PeelRelease } from 'peel-data';
import type { RenderMemo } from '../http/memo.ts';

/** What every data route needs: the release it serves and the memo of rendered responses. */
export type RouteDeps = { release: PeelRelease; memo: RenderMemo };
