import { describe, expect, it } from 'vitest';
import { missing } from '../types/missing.ts';
import { datasetModuleSource } from './serialise.ts';

describe('datasetModuleSource', () => {
  it('writes each distinct Missing marker once and evaluates back to the same value', () => {
    const gap = missing('x', 'not supplied');
    const value = { values: [1, gap, 2, gap, missing('z', 'not applicable')], label: 'a "quoted" label' };
    const source = datasetModuleSource('demo', 'Demo', value);
    expect(source.match(/^const MISSING_\d+ = /gm)).toHaveLength(2);
    const body = source.replace(/ as const;/g, ';').replace('export const demo: Demo =', 'return');
    expect(new Function(body)()).toEqual(value);
  });
});
