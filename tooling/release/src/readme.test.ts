// Runs the code examples of each published README, as shipped in the tarball, against the installed tarballs.
import { readFileSync } from 'node:fs';
import { describe, expect, inject, test } from 'vitest';
import { extractCodeBlocks, normaliseOutput, runExample, runnableExamples } from './doc-runner.ts';
import { readTarballFile } from './pack.ts';

const { packed, appDir } = inject('release');

describe.each(packed.map((pkg) => [pkg.name, pkg] as const))('%s README', (name, pkg) => {
  const readme = readTarballFile(readFileSync(pkg.tarball), 'README.md') ?? '';
  const examples = runnableExamples(extractCodeBlocks(readme));

  test('has at least one runnable example', () => {
    expect(readme, `${name} ships no README.md`).not.toBe('');
    expect(examples.length).toBeGreaterThan(0);
  });

  test.each(examples.map((example, index) => [example.block.line, example, index] as const))(
    'example at line %i runs',
    async (_line, example, index) => {
      const result = await runExample(example, { cwd: appDir, name: `readme-${name}-${index + 1}` });
      expect(result.stderr, `README.md line ${example.block.line}`).not.toMatch(/Error/);
      expect(result.exitCode).toBe(0);
      if (example.expectedOutput !== undefined)
        expect(normaliseOutput(result.stdout)).toBe(normaliseOutput(example.expectedOutput));
    },
  );
});
