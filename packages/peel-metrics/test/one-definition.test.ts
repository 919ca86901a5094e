/**
 * One definition per metric: every metric id and label is spelled in exactly one non-test source file of the
 * repository (the registry), and the compute layer never imports the report layer.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { METRIC_IDS, PART_IDS } from '../src/registry/ids.ts';
import { METRIC_REGISTRY } from '../src/registry/registry.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SOURCE_DIRS = ['packages/peel-data/src', 'packages/peel-metrics/src', 'apps/api/src', 'apps/web/src'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' ? [] : sourceFiles(path);
    return /\.(ts|svelte)$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

/**
 * Every string literal (quoted, a template with no substitution, or a concatenation of those) in a file; for .svelte,
 * its script blocks.
 */
function stringLiterals(path: string): string[] {
  let text = readFileSync(path, 'utf8');
  if (path.endsWith('.svelte'))
    text = [...text.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]).join('\n');
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const found: string[] = [];
  // A long string written as 'a ' + 'b' counts as the one string it makes.
  const textOf = (node: ts.Node): string | undefined => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
    if (ts.isParenthesizedExpression(node)) return textOf(node.expression);
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const left = textOf(node.left);
      const right = left === undefined ? undefined : textOf(node.right);
      return right === undefined ? undefined : `${left}${right}`;
    }
    return undefined;
  };
  const visit = (node: ts.Node): void => {
    const text = textOf(node);
    if (text !== undefined) found.push(text);
    else node.forEachChild(visit);
  };
  visit(file);
  return found;
}

const files = SOURCE_DIRS.flatMap((dir) => sourceFiles(join(ROOT, dir)));
const literalsByFile = new Map(files.map((path) => [relative(ROOT, path), new Set(stringLiterals(path))]));
const filesWith = (text: string): string[] =>
  [...literalsByFile].filter(([, literals]) => literals.has(text)).map(([path]) => path);

describe('one definition per metric', () => {
  it('scans the sources it should (a guard against scanning nothing)', () => {
    expect(literalsByFile.size).toBeGreaterThan(100);
    expect(filesWith('peel-2016-effectiveness').length).toBeGreaterThan(0);
  });

  it.each([...METRIC_IDS, ...PART_IDS])('the id %s is spelled in one source file', (id) => {
    expect(filesWith(id)).toHaveLength(1);
  });

  const labels = [
    ...METRIC_REGISTRY.metrics.map((metric) => metric.definition.label),
    ...[...METRIC_REGISTRY.parts.values()].flatMap(({ part }) => (part.label ? [part.label] : [])),
  ];
  it.each(labels)('the label "%s" is written in one source file', (label) => {
    expect(filesWith(label)).toEqual(['packages/peel-metrics/src/registry/metrics.ts']);
  });
});

describe('import direction', () => {
  const importsOf = (path: string): string[] =>
    [...readFileSync(path, 'utf8').matchAll(/^import[^;]*?from '([^']+)'/gms)].map((match) => match[1] as string);
  const layer = (dir: string) => files.filter((path) => path.includes(`/packages/peel-metrics/src/${dir}/`));

  it.each(['metrics', 'registry', 'model', 'data', 'format'])('%s/ never imports report/', (dir) => {
    const offenders = layer(dir).flatMap((path) =>
      importsOf(path)
        .filter((specifier) => /(^|\/)report\//.test(specifier) || specifier.startsWith('./report'))
        .map((specifier) => `${relative(ROOT, path)} → ${specifier}`),
    );
    expect(layer(dir).length).toBeGreaterThan(0);
    expect(offenders).toEqual([]);
  });
});
