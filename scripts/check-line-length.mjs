#!/usr/bin/env node
// Fails when a tracked source line runs over 120 characters (Prettier wraps code but not strings, templates,
// regexes or comments). Generated data and test snapshots are exempt. Run by `pnpm lint`.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const LIMIT = 120;
const SOURCE = /\.(ts|js|mjs|cjs|svelte|sh)$/;
const EXEMPT = /(^|\/)(generated|__snapshots__|node_modules)\//;

const files = execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' })
  .split('\0')
  .filter((file) => SOURCE.test(file) && !EXEMPT.test(file));
const long = files.flatMap((file) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, index) =>
      [...line].length > LIMIT ? [`${file}:${index + 1}: ${[...line].length} characters`] : [],
    ),
);
if (long.length) {
  console.error(`Lines over ${LIMIT} characters (break the string, template or comment):\n${long.join('\n')}`);
  process.exit(1);
}
console.log(`line length: ${files.length} source files, no line over ${LIMIT} characters`);
