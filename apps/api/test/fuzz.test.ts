/**
 * Fuzzing the whole app in-process: 10,000 random requests built from real route segments, junk, encodings,
 * query strings and headers. Invariants: never a 5xx, every 4xx is a complete problem+json, every response has
 * an ETag and a request id.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';

const errors: unknown[] = [];
const app = createApp({ onUnexpectedError: (error) => errors.push(error) });

const segment = fc.oneof(
  fc.constantFrom(
    'v1',
    'forces',
    'reports',
    'peel-2016-effectiveness',
    'metrics',
    'series',
    'compare',
    'durham',
    'E23000008',
    'btp',
    'england-and-wales',
    'crime_rate_total_excl_fraud',
    'asb_rate',
    'healthz',
    'docs',
    'openapi.json',
    'durham.csv',
    'forces.csv',
    '..',
    '.',
    '',
    '%',
    '%2F',
    '%00',
    '%ZZ',
    '%E2%82',
    '🚓',
    'x'.repeat(300),
  ),
  fc.string({ maxLength: 12 }).map(encodeURIComponent),
  fc.stringMatching(/^[A-Za-z0-9._~-]{1,20}$/),
);
const path = fc.array(segment, { minLength: 0, maxLength: 6 }).map((parts) => `/${parts.join('/')}`);
const queryKey = fc.oneof(
  fc.constantFrom('period', 'metric', 'forces', 'edition', 'perod', 'format', ''),
  fc.string({ maxLength: 8 }).map(encodeURIComponent),
);
const queryValue = fc.oneof(
  fc.constantFrom(
    '2016-06-30',
    '2016',
    'durham,kent',
    'durham,,',
    'crime_rate_total_excl_fraud',
    '12m-2016-06-30',
    '%',
    '%ZZ',
    'a'.repeat(500),
  ),
  fc.string({ maxLength: 20 }).map(encodeURIComponent),
);
const query = fc
  .array(fc.tuple(queryKey, queryValue), { maxLength: 4 })
  .map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}` : ''));
const headerValue = fc.oneof(
  fc.constantFrom('text/csv', 'application/json', '*/*', 'text/csv;q=abc', '', 'W/"x"', '*', '"abc"'),
  fc.stringMatching(/^[\x20-\x7e]{0,40}$/),
);
const headers = fc.record(
  { accept: headerValue, 'if-none-match': headerValue, origin: headerValue, 'x-request-id': headerValue },
  { requiredKeys: [] },
);
const method = fc.constantFrom('GET', 'GET', 'GET', 'HEAD', 'OPTIONS', 'POST', 'DELETE', 'PATCH');

describe('fuzz', () => {
  it('10,000 random requests: no 5xx, every 4xx is problem+json', async () => {
    await fc.assert(
      fc.asyncProperty(path, query, headers, method, async (p, q, h, m) => {
        const res = await app.request(`http://localhost${p}${q}`, { method: m, headers: h });
        expect(res.status, `${m} ${p}${q}`).toBeLessThan(500);
        expect(res.headers.get('etag') ?? (res.status === 204 ? 'preflight' : null), `${m} ${p}${q}`).toBeTruthy();
        expect(res.headers.get('x-request-id')).toBeTruthy();
        if (res.status >= 400 && m !== 'HEAD') {
          expect(res.headers.get('content-type'), `${m} ${p}${q}`).toMatch(/^application\/problem\+json/);
          const problem = (await res.json()) as Record<string, unknown>;
          expect(problem).toMatchObject({
            type: expect.any(String),
            title: expect.any(String),
            status: res.status,
            detail: expect.any(String),
          });
        } else {
          await res.arrayBuffer();
        }
      }),
      { numRuns: 10_000 },
    );
    expect(errors).toEqual([]);
  }, 60_000);
});
