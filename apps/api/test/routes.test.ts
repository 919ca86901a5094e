import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { routeCases, runRouteCase } from './route-cases.ts';

const app = createApp();

describe('route cases in-process (the same table runs inside workerd in worker.test.ts)', () => {
  it.each(routeCases)('$name: $path', async (routeCase) => {
    const fetcher = async (path: string, init: RequestInit) => app.request(path, init);
    expect(await runRouteCase(fetcher, routeCase)).toEqual([]);
  });
});
