/**
 * The typed client for the API, built on `hono/client`: paths, parameters and JSON responses are checked by
 * TypeScript against the server's own route definitions.
 */
import { hc } from 'hono/client';
import type { AppType } from './app.ts';

export type { AppType } from './app.ts';

/**
 * A typed client for a running API.
 * @example
 * const api = createClient('http://localhost:8787');
 * const res = await api.v1.forces[':force'].$get({ param: { force: 'durham' } });
 * const durham = await res.json(); // typed
 */
export function createClient(baseUrl: string, options?: Parameters<typeof hc>[1]) {
  return hc<AppType>(baseUrl, options);
}
