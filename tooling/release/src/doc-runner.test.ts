import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { extractCodeBlocks, normaliseOutput, runExample, runnableExamples, withArrowChecks } from './doc-runner.ts';

const fence = '```';

describe('extractCodeBlocks', () => {
  const rows = [
    { name: 'no fences', markdown: '# Title\n\ntext', expected: [] },
    {
      name: 'one js block with its line',
      markdown: `# T\n\n${fence}js\nconsole.log(1)\n${fence}\n`,
      expected: [{ lang: 'js', meta: '', code: 'console.log(1)', line: 3 }],
    },
    {
      name: 'info string meta and upper-case language',
      markdown: `${fence}TS no-run\nconst a = 1\n${fence}`,
      expected: [{ lang: 'ts', meta: 'no-run', code: 'const a = 1', line: 1 }],
    },
    {
      name: 'a longer fence may contain a shorter one',
      markdown: `${fence}\`md\n${fence}js\nx\n${fence}\n${fence}\``,
      expected: [{ lang: 'md', meta: '', code: `${fence}js\nx\n${fence}`, line: 1 }],
    },
    {
      name: 'tilde fences and CRLF line ends',
      markdown: '~~~sh\r\nnpm i peel-data\r\n~~~\r\n',
      expected: [{ lang: 'sh', meta: '', code: 'npm i peel-data', line: 1 }],
    },
  ];
  test.each(rows)('$name', ({ markdown, expected }) => {
    expect(extractCodeBlocks(markdown)).toEqual(expected);
  });

  test('an unclosed fence is an error naming its line', () => {
    expect(() => extractCodeBlocks(`a\n\n${fence}js\nconsole.log(1)\n`)).toThrow(/line 3/);
  });
});

describe('runnableExamples', () => {
  test('pairs a runnable block with the text block right after it, and skips shell and no-run blocks', () => {
    const markdown = [
      `${fence}sh`,
      'npm i peel-data',
      fence,
      `${fence}ts`,
      'console.log(1)',
      fence,
      'Prints:',
      `${fence}text`,
      '1',
      fence,
      `${fence}js no-run`,
      'fetch("x")',
      fence,
      `${fence}js`,
      'console.log(2)',
      fence,
      `${fence}json`,
      '{}',
      fence,
    ].join('\n');
    const examples = runnableExamples(extractCodeBlocks(markdown));
    expect(examples.map((e) => [e.block.code, e.expectedOutput])).toEqual([
      ['console.log(1)', '1'],
      ['console.log(2)', undefined],
    ]);
  });
});

describe('normaliseOutput', () => {
  test.each([
    { input: 'a  \nb\n\n', expected: 'a\nb' },
    { input: 'a\r\nb', expected: 'a\nb' },
    { input: '  indented', expected: '  indented' },
  ])('$input', ({ input, expected }) => expect(normaliseOutput(input)).toBe(expected));
});

describe('runExample', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'peel-doc-runner-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  test('strips TypeScript types and captures what the module prints', async () => {
    const [example] = runnableExamples(
      extractCodeBlocks(`${fence}ts\nconst n: number = 6 * 7;\nconsole.log(n)\n${fence}`),
    );
    const result = await runExample(example!, { cwd: dir, name: 'ts-example' });
    expect(result).toMatchObject({ exitCode: 0, stdout: '42\n' });
  });

  test('reports a throwing example as a failure with its error', async () => {
    const [example] = runnableExamples(extractCodeBlocks(`${fence}js\nthrow new Error('docs drifted')\n${fence}`));
    const result = await runExample(example!, { cwd: dir, name: 'throwing-example' });
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toContain('docs drifted');
  });
});

describe('"// →" lines', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'peel-doc-arrows-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));
  const runBlock = async (code: string, name: string) => {
    const [example] = runnableExamples(extractCodeBlocks(`${fence}ts\n${code}\n${fence}`));
    return runExample(example!, { cwd: dir, name });
  };

  test('pass when every expression equals the value shown', async () => {
    const result = await runBlock(
      'const xs: number[] = [1, 2];\nxs.length; // → 2\n({ a: [1] }); // → { a: [1] }',
      'arrows-ok',
    );
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
  });

  test('fail naming the README line, the value given and the value shown', async () => {
    const result = await runBlock('const n = 6 * 7;\nn; // → 42\nn + 1; // → 42', 'arrows-wrong');
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('README line 4: n + 1 gives 43, the README says 42');
  });

  test('leave declarations alone', () => {
    expect(withArrowChecks("const a = 1; // → 1\nimport { x } from 'y'; // → x", 1)).toBe(
      "const a = 1; // → 1\nimport { x } from 'y'; // → x",
    );
  });
});
