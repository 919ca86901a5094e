import { describe, expect, it } from 'vitest';
import { acceptQuality, preferredCoding, representationOf, routingPath } from './negotiate.ts';

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

describe('preferredCoding (RFC 9110 §12.5.3: the highest non-zero q-value; brotli on a tie)', () => {
  it.each([
    { header: undefined, offered: ['br', 'gzip'], expected: undefined },
    { header: 'gzip, deflate, br', offered: ['br', 'gzip'], expected: 'br' },
    { header: 'gzip, deflate, br', offered: ['gzip'], expected: 'gzip' },
    { header: 'gzip, deflate, br', offered: [], expected: undefined },
    { header: 'br;q=0.5, gzip', offered: ['br', 'gzip'], expected: 'gzip' },
    { header: 'BR;Q=0.9, gzip;q=0.8', offered: ['br', 'gzip'], expected: 'br' },
    { header: 'br;q=0, gzip;q=0.1', offered: ['br', 'gzip'], expected: 'gzip' },
    { header: 'br;q=0, gzip;q=0', offered: ['br', 'gzip'], expected: undefined },
    { header: '*', offered: ['br', 'gzip'], expected: 'br' },
    { header: '*;q=0.5, br;q=0.1', offered: ['br', 'gzip'], expected: 'gzip' },
    { header: 'identity', offered: ['br', 'gzip'], expected: undefined },
    { header: 'br;q=abc, gzip;q=0.2', offered: ['br', 'gzip'], expected: 'gzip' },
  ] as const)('$header among $offered -> $expected', ({ header, offered, expected }) => {
    expect(preferredCoding(header, offered)).toBe(expected);
  });
});
