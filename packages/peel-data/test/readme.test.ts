/**
 * Runs the example of README.md: every line `expression; // → expected` is evaluated against the package's
 * exports and compared with the output the README shows.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as peelData from '../src/index.ts';
import { PACKAGE_DIR } from '../scripts/lib/raw.ts';

const readme = readFileSync(join(PACKAGE_DIR, 'README.md'), 'utf8');
const example = /## Example\s+```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
const lines = [...example.matchAll(/^(.+); \/\/ → (.+)$/gm)].map((match) => ({
  expression: match[1]!,
  expected: match[2]!,
}));

describe('README example', () => {
  it('imports only names the package exports', () => {
    const imported =
      /import \{([^}]+)\} from 'peel-data'/
        .exec(example)?.[1]
        ?.split(',')
        .map((name) => name.trim()) ?? [];
    expect(imported.length).toBeGreaterThan(3);
    for (const name of imported) expect(name in peelData, name).toBe(true);
  });

  it.each(lines)('$expression → $expected', ({ expression, expected }) => {
    const names = Object.keys(peelData);
    const evaluate = new Function(...names, `return (${expression});`) as (...args: unknown[]) => unknown;
    const actual = evaluate(...names.map((name) => (peelData as Record<string, unknown>)[name]));
    expect(actual).toEqual(new Function(`return (${expected});`)());
  });

  it('has example lines', () => expect(lines.length).toBeGreaterThan(5));
});
