/**
 * Runs the code examples of a README so the docs cannot drift from the package.
 *
 * The rule, written down in CONTRIBUTING.md:
 * - every fenced block tagged `js`, `mjs`, `javascript`, `ts` or `typescript` is run as an ES module with Node
 *   (TypeScript is stripped by esbuild first, no type check), from a folder where the packed packages are installed;
 * - a block tagged `text` (or `output`) that comes right after a runnable block, before any other code block, is that
 *   block's expected standard output, compared line by line (trailing spaces ignored);
 * - inside a runnable block, a line `expression; // → expected` is checked: the expression must equal the expected
 *   JavaScript value (deep equality), as the packages' own README tests read the same lines;
 * - a block whose info string contains `no-run` is shown but not run (use sparingly: say why next to it).
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { transform } from 'esbuild';

const run = promisify(execFile);

/**
 * Info strings of fenced blocks that are run.
 * @example RUNNABLE_LANGUAGES.includes('ts') // true
 */
export const RUNNABLE_LANGUAGES = ['js', 'mjs', 'javascript', 'ts', 'typescript'] as const;
/**
 * Info strings of fenced blocks that hold the expected output of the block before them.
 * @example OUTPUT_LANGUAGES.includes('text') // true
 */
export const OUTPUT_LANGUAGES = ['text', 'output'] as const;

/**
 * One fenced code block of a markdown file.
 * @example { lang: 'ts', meta: '', code: "import { forces } from 'peel-data';", line: 12 }
 */
export interface CodeBlock {
  /** First word of the info string, lower-cased ('' when none). */
  lang: string;
  /** The rest of the info string (e.g. `no-run`). */
  meta: string;
  code: string;
  /** 1-based line of the opening fence, for error messages. */
  line: number;
}

/**
 * A runnable block and what it should print, if the README says.
 * @example { block: { lang: 'js', meta: '', code: 'console.log(1)', line: 3 }, expectedOutput: '1' }
 */
export interface RunnableExample {
  block: CodeBlock;
  expectedOutput: string | undefined;
}

/**
 * Lists the fenced code blocks (``` or ~~~, any length of three or more) of a markdown document.
 * @example
 * extractCodeBlocks('```js\nconsole.log(1)\n```')
 * // [{ lang: 'js', meta: '', code: 'console.log(1)', line: 1 }]
 */
export function extractCodeBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: CodeBlock[] = [];
  let open: { fence: string; lang: string; meta: string; line: number; body: string[] } | undefined;
  lines.forEach((text, index) => {
    if (!open) {
      const opening = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)\s*(.*)$/.exec(text);
      if (opening)
        open = {
          fence: opening[1]!,
          lang: (opening[2] ?? '').toLowerCase(),
          meta: (opening[3] ?? '').trim(),
          line: index + 1,
          body: [],
        };
      return;
    }
    // A closing fence uses the same character, at least as long as the opening one, and nothing after it.
    const closing = new RegExp(`^ {0,3}${open.fence[0] === '`' ? '`' : '~'}{${open.fence.length},}\\s*$`);
    if (closing.test(text)) {
      blocks.push({ lang: open.lang, meta: open.meta, code: open.body.join('\n'), line: open.line });
      open = undefined;
    } else {
      open.body.push(text);
    }
  });
  if (open) throw new Error(`unclosed code fence ${open.fence} opened on line ${open.line}`);
  return blocks;
}

/**
 * Picks the blocks to run and pairs each with the output block that follows it, if any.
 * @example
 * runnableExamples(extractCodeBlocks(readme))
 * // [{ block: { lang: 'ts', … }, expectedOutput: 'Durham Constabulary' }]
 */
export function runnableExamples(blocks: readonly CodeBlock[]): RunnableExample[] {
  const examples: RunnableExample[] = [];
  blocks.forEach((block, index) => {
    if (!(RUNNABLE_LANGUAGES as readonly string[]).includes(block.lang) || /\bno-run\b/.test(block.meta)) return;
    const next = blocks[index + 1];
    const expectedOutput = next && (OUTPUT_LANGUAGES as readonly string[]).includes(next.lang) ? next.code : undefined;
    examples.push({ block, expectedOutput });
  });
  return examples;
}

/**
 * Trailing spaces and trailing blank lines do not count when comparing printed output.
 * @example normaliseOutput('a  \nb\n\n') // 'a\nb'
 */
export function normaliseOutput(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/\s+$/, ''))
    .join('\n')
    .replace(/\n+$/, '');
}

/**
 * What running one example gave.
 * @example { stdout: '42\n', stderr: '', exitCode: 0 }
 */
export interface ExampleRun {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/**
 * Writes one example as an ES module in `cwd` (so bare imports resolve from its node_modules) and runs it with Node.
 * @example
 * await runExample(example, { cwd: '/tmp/app', name: 'peel-data-readme-1' })
 * // { stdout: '…', stderr: '', exitCode: 0 }
 */
export async function runExample(
  example: RunnableExample,
  options: { cwd: string; name: string; timeoutMs?: number },
): Promise<ExampleRun> {
  const isTypeScript = example.block.lang === 'ts' || example.block.lang === 'typescript';
  // Rewrite the "// →" lines before stripping types: esbuild does not keep comments where they were.
  const source = withArrowChecks(example.block.code, example.block.line);
  const code = isTypeScript
    ? (await transform(source, { loader: 'ts', format: 'esm', target: 'node20' })).code
    : source;
  const file = path.join(options.cwd, `${options.name}.mjs`);
  await writeFile(file, code);
  try {
    const { stdout, stderr } = await run(process.execPath, [file], {
      cwd: options.cwd,
      timeout: options.timeoutMs ?? 30_000,
    });
    return { stdout, stderr, exitCode: 0 };
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string; code?: number | string };
    return {
      stdout: failure.stdout ?? '',
      stderr: failure.stderr ?? String(error),
      exitCode: typeof failure.code === 'number' ? failure.code : 1,
    };
  }
}

/** `expression; // → expected`, as the packages' README tests read it; declarations and imports are left alone. */
const ARROW_LINE = /^(?!\s*(?:import|export|const|let|var|function|class|type|interface|return)\b)(.+); \/\/ → (.+)$/;

/**
 * Turns every `expression; // → expected` line into a check that prints the difference and fails the run.
 * @example
 * withArrowChecks("getForce('durham')?.slug;
 * // → 'durham'", 1) // "…__peelCheck(…, () => (getForce('durham')?.slug), () => ('durham'));"
 */
export function withArrowChecks(code: string, firstLine: number): string {
  let checks = 0;
  const lines = code.split('\n').map((line, index) => {
    const match = ARROW_LINE.exec(line);
    if (!match) return line;
    checks += 1;
    const where = `README line ${firstLine + 1 + index}`;
    return `__peelCheck(${JSON.stringify(`${where}: ${match[1]!.trim()}`)}, () => (${match[1]}), () => (${match[2]}));`;
  });
  if (checks === 0) return code;
  const helper = [
    "import { inspect as __peelInspect, isDeepStrictEqual as __peelEqual } from 'node:util';",
    'function __peelCheck(what, actual, expected) {',
    '  const got = actual(), want = expected();',
    '  if (!__peelEqual(got, want)) { console.error(`${what} gives ${__peelInspect(got)}, the README says ' +
      '${__peelInspect(want)}`); process.exitCode = 1; }',
    '}',
  ].join('\n');
  return `${helper}\n${lines.join('\n')}`;
}
