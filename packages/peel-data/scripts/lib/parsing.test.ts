import { describe, expect, it } from 'vitest';
import { cleanCode } from '../gen/population.ts';

describe('cleanCode (LAD codes)', () => {
  it.each([
    { raw: 'E06000061\u00a0', expected: 'E06000061' },
    { raw: ' E06000047 ', expected: 'E06000047' },
    { raw: 'W06000001', expected: 'W06000001' },
  ])('$raw → $expected', ({ raw, expected }) => {
    expect(cleanCode(raw)).toBe(expected);
  });
});
