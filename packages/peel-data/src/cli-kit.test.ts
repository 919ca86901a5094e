import { describe, expect, it } from 'vitest';
import { isMainModule, readCommandLine } from './cli-kit.ts';

const USAGE = 'Usage: tool --out <dir> <file>';

function io() {
  const lines = { out: [] as string[], err: [] as string[] };
  return { lines, io: { out: (line: string) => lines.out.push(line), err: (line: string) => lines.err.push(line) } };
}

describe('readCommandLine', () => {
  it('gives the values and positionals', () => {
    const { io: sink, lines } = io();
    const line = readCommandLine(['file.csv', '--out', 'dir'], {
      options: { out: { type: 'string' } },
      usage: USAGE,
      io: sink,
    });
    expect(line).toEqual({ values: { out: 'dir' }, positionals: ['file.csv'] });
    expect(lines).toEqual({ out: [], err: [] });
  });

  it('answers an unknown option with exit code 2, the reason and the usage on stderr', () => {
    const { io: sink, lines } = io();
    expect(readCommandLine(['--nope'], { options: {}, usage: USAGE, io: sink })).toEqual({ exitCode: 2 });
    expect(lines.err).toHaveLength(1);
    expect(lines.err[0]).toMatch(/--nope/);
    expect(lines.err[0]?.endsWith(`\n\n${USAGE}`)).toBe(true);
  });

  it.each([['--help'], ['-h']])('answers %s with exit code 0 and the usage on stdout', (flag) => {
    const { io: sink, lines } = io();
    expect(readCommandLine([flag], { options: {}, usage: USAGE, io: sink })).toEqual({ exitCode: 0 });
    expect(lines).toEqual({ out: [USAGE], err: [] });
  });
});

describe('isMainModule', () => {
  it('is false for a module the test runner imported', () => {
    expect(isMainModule(import.meta.url)).toBe(false);
  });
});
