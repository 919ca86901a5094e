import { describe, expect, it } from 'vitest';
import { acceptQuality, representationOf, routingPath } from './negotiate.ts';

describe('routingPath', () => {
  it.each([
    { url: 'http://x/v1/forces.csv', expected: '/v1/forces' },
    { url: 'http://x/v1/forces/durham.csv?a=b', expected: '/v1/forces/durham' },
    { url: 'http://x/v1/forces', expected: '/v1/forces' },
    { url: 'http://x/healthz.csv', expected: '/healthz.csv' },
    { url: 'http://x', expected: '/' },
  ])('$url routes as $expected', ({ url, expected }) => {
    expect(routingPath(new Request(url))).toBe(expected);
  });
});

describe('acceptQuality', () => {
  it.each([
    { accept: undefined, type: 'text/csv', expected: 0 },
    { accept: 'text/csv', type: 'text/csv', expected: 1 },
    { accept: 'text/csv;q=0.5, application/json', type: 'text/csv', expected: 0.5 },
    { accept: 'text/*;q=0.3', type: 'text/csv', expected: 0.3 },
    { accept: '*/*;q=0.1, text/csv;q=0.8', type: 'text/csv', expected: 0.8 },
    { accept: 'text/csv;q=0', type: 'text/csv', expected: 0 },
    { accept: 'text/csv;q=zz', type: 'text/csv', expected: 0 },
  ])('$accept gives $type q=$expected', ({ accept, type, expected }) => {
    expect(acceptQuality(accept, type)).toBe(expected);
  });
});

describe('representationOf', () => {
  it.each([
    { url: 'http://x/v1/forces.csv', accept: undefined, expected: 'csv' },
    { url: 'http://x/v1/forces.csv', accept: 'application/json', expected: 'csv' },
    { url: 'http://x/v1/forces', accept: 'text/csv', expected: 'csv' },
    { url: 'http://x/v1/forces', accept: 'application/json, text/csv;q=0.9', expected: 'json' },
    { url: 'http://x/v1/forces', accept: 'text/csv, application/json;q=0.9', expected: 'csv' },
    { url: 'http://x/v1/forces', accept: '*/*', expected: 'json' },
    { url: 'http://x/v1/forces', accept: undefined, expected: 'json' },
  ])('$url with Accept $accept -> $expected', ({ url, accept, expected }) => {
    expect(representationOf(url, accept)).toBe(expected);
  });
});
