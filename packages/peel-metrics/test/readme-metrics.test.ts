/**
 * The README's table of metric ids, labels and units is the registry's: regenerate it from the message below after
 * changing a metric.
 */
import { readFileSync } from 'node:fs';
import { territorialForces } from 'peel-data';
import { expect, it } from 'vitest';
import { METRIC_REGISTRY, presentationOf } from '../src/registry/registry.ts';

/** The table as the README holds it between its two markers. */
function metricTable(): string {
  const rows = METRIC_REGISTRY.metrics.map((metric) => {
    const { label, unit } = presentationOf(metric);
    return `| \`${metric.id}\` | ${label.replaceAll('|', '\\|')} | ${unit.replaceAll('|', '\\|')} |`;
  });
  return ['| id | label | unit |', '|---|---|---|', ...rows].join('\n');
}

/** Rows with their cells trimmed, so Prettier's column alignment does not matter. */
const normalised = (table: string) =>
  table
    .trim()
    .split('\n')
    .map((line) =>
      line
        .split('|')
        .map((cell) => (/^\s*:?-+:?\s*$/.test(cell) ? '---' : cell.trim()))
        .join('|'),
    )
    .join('\n');

it('the README lists every metric id with its label and unit, as the registry defines them', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const start = '<!-- metric-table:start (generated from the registry; test/readme-metrics.test.ts) -->\n';
  const end = '\n<!-- metric-table:end -->';
  const table = readme.slice(readme.indexOf(start) + start.length, readme.indexOf(end));
  expect(readme.indexOf(start)).toBeGreaterThan(0);
  expect(normalised(table), `replace the README table with:\n${metricTable()}`).toBe(normalised(metricTable()));
});

/** The force table as the README should hold it: every identifier findForce accepts, from peel-data's forces. */
function forceTable(): string {
  const rows = territorialForces.map(
    (force) => `| \`${force.slug}\` | \`${String(force.code)}\` | ${force.name} | ${force.shortName} |`,
  );
  return ['| slug | ONS code | name | short name |', '|---|---|---|---|', ...rows].join('\n');
}

it('the README lists the 43 forces with every identifier they are found by, as peel-data defines them', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const start =
    "<!-- force-table:start (generated from peel-data's territorialForces; test/readme-metrics.test.ts) -->\n";
  const end = '\n<!-- force-table:end -->';
  expect(readme.indexOf(start)).toBeGreaterThan(0);
  const table = readme.slice(readme.indexOf(start) + start.length, readme.indexOf(end));
  expect(normalised(table), `replace the README table with:\n${forceTable()}`).toBe(normalised(forceTable()));
});
