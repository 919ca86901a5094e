// Sums every workspace's vitest JSON report (test-results/vitest.json) into one plain closing line.
import { readFileSync, existsSync, readdirSync } from 'node:fs';

const workspaces = ['packages', 'apps', 'tooling']
  .filter((dir) => existsSync(dir))
  .flatMap((dir) => readdirSync(dir).map((name) => `${dir}/${name}`))
  .filter((dir) => existsSync(`${dir}/package.json`));
// A workspace with a test script but no report ran no tests we can count: say so, and count it as a failure.
const unreported = workspaces.filter(
  (dir) =>
    JSON.parse(readFileSync(`${dir}/package.json`, 'utf8')).scripts?.test !== undefined &&
    !existsSync(`${dir}/test-results/vitest.json`),
);
const reports = workspaces.map((dir) => `${dir}/test-results/vitest.json`).filter((file) => existsSync(file));
let passed = 0;
let failed = unreported.length;
for (const dir of unreported) console.log(`${dir}: has a test script but wrote no test-results/vitest.json`);
let skipped = 0;
for (const file of reports) {
  const r = JSON.parse(readFileSync(file, 'utf8'));
  // A suite that fails to load has no tests of its own: count it as a failure so it cannot hide.
  const suiteFailures = (r.testResults ?? []).filter(
    (s) => s.status === 'failed' && (s.assertionResults ?? []).length === 0,
  ).length;
  passed += r.numPassedTests ?? 0;
  failed += (r.numFailedTests ?? 0) + suiteFailures;
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  console.log(`${file}: ${r.numPassedTests ?? 0} passed, ${(r.numFailedTests ?? 0) + suiteFailures} failed`);
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
