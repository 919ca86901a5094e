/**
 * Issue 14: fuzzing PEEL_DATA_DIR release folders. A folder written by `peel-data import` from the real
 * recorded-crime file is damaged at random (truncated, edited, extra, missing and path-escaping files, valid
 * subsets); the start-up path (loadRelease + overlayRelease, as node.ts does) either refuses with an error
 * naming a file, or the app serves only correct figures: no 5xx, and every figure equals the intact folder's or
 * is a missing marker with its reason.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { bundledRelease, isMissing, type NumberOrMissing } from 'peel-data';
import { importIntoRelease, loadRelease } from 'peel-data/node';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { overlayRelease } from '../src/lib/release.ts';

const RAW = fileURLToPath(
  new URL('../../../packages/peel-data/data/raw/ons-rec-crime-pfa/rec-crime-pfa.csv', import.meta.url),
);
const work = mkdtempSync(join(tmpdir(), 'peel-release-fuzz-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const intact = join(work, 'intact');
const written = await importIntoRelease('recorded-crime', RAW, intact);
if (!written.ok) throw new Error(written.message);

const METRICS = ['crime_rate_total_excl_fraud', 'crime_rate_sexual_offences', 'crime_change_vs_2011'];
const OTHER_PATHS = [
  '/v1/reports/peel-2016-effectiveness/durham',
  '/v1/reports/peel-2016-effectiveness/metropolitan',
  '/v1/metrics/crime_rate_total_excl_fraud/series/durham',
  '/v1/forces',
];
type Table = {
  rows: { force: { slug: string }; value: NumberOrMissing }[];
  englandWales: { value: NumberOrMissing; excluded: { force: string }[] };
};

/** What a folder serves: the metric tables, and the status of every other answer (with errors caught). */
async function serve(dir: string): Promise<{ tables: Map<string, Table>; statuses: number[]; errors: unknown[] }> {
  const errors: unknown[] = [];
  const release = overlayRelease(bundledRelease, await loadRelease(dir), dir);
  const app = createApp({ release, onUnexpectedError: (error) => errors.push(error) });
  const tables = new Map<string, Table>();
  const statuses: number[] = [];
  for (const metric of METRICS) {
    const res = await app.request(`/v1/metrics/${metric}`);
    statuses.push(res.status);
    if (res.status === 200) tables.set(metric, (await res.json()) as Table);
  }
  for (const path of OTHER_PATHS) {
    for (const accept of ['application/json', 'text/csv']) {
      const res = await app.request(path, { headers: { Accept: accept } });
      statuses.push(res.status);
      await res.arrayBuffer();
    }
  }
  return { tables, statuses, errors };
}
const baseline = await serve(intact);

const manifestOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
const datasetFile = (dir: string) => join(dir, manifestOf(dir).datasets.recordedCrime.file);
function rehash(dir: string): void {
  const manifest = manifestOf(dir);
  const bytes = readFileSync(datasetFile(dir));
  manifest.datasets.recordedCrime.sha256 = createHash('sha256').update(bytes).digest('hex');
  manifest.datasets.recordedCrime.bytes = bytes.length;
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
}
/** The recorded-crime file as JSON, loosely typed: the fuzz writes what the schema would refuse. */
type DatasetJson = { series: Record<string, Record<string, unknown[]>>; [key: string]: unknown };
function editJson(dir: string, change: (json: DatasetJson) => void, options: { rehash: boolean }): void {
  const json = JSON.parse(readFileSync(datasetFile(dir), 'utf8'));
  change(json);
  writeFileSync(datasetFile(dir), JSON.stringify(json));
  if (options.rehash) rehash(dir);
}

type Damage = { label: string; apply: (dir: string) => void; outcome: 'refused' | 'served' };
// Territorial forces: every one holds every offence group (BTP and the fraud bodies are not in the figures).
const slugs = Object.keys(bundledRelease.recordedCrime.series).filter(
  (slug) => slug !== 'btp' && bundledRelease.recordedCrime.series[slug]!['robbery'],
);
const groups = Object.keys(bundledRelease.recordedCrime.series['durham']!);
const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.double({ min: 0, max: 0.999, noNaN: true }).map((share) => ({
    label: `dataset truncated to ${Math.round(share * 100)}%`,
    apply: (dir: string) => truncateSync(datasetFile(dir), Math.floor(readFileSync(datasetFile(dir)).length * share)),
    outcome: 'refused' as const,
  })),
  fc.nat(200).map((length) => ({
    label: `manifest truncated to ${length} bytes`,
    apply: (dir: string) => truncateSync(join(dir, 'manifest.json'), length),
    outcome: 'refused' as const,
  })),
  fc
    .record({
      slug: fc.constantFrom(...slugs),
      group: fc.constantFrom(...groups),
      at: fc.nat(60),
      by: fc.integer({ min: 1, max: 9 }),
    })
    .map(({ slug, group, at, by }) => ({
      label: `a count of ${slug} ${group} edited by hand`,
      apply: (dir: string) =>
        editJson(
          dir,
          (json) => {
            const counts = json.series[slug]![group]!;
            const index = at % counts.length;
            counts[index] = typeof counts[index] === 'number' ? (counts[index] as number) + by : by;
          },
          { rehash: false },
        ),
      outcome: 'refused' as const,
    })),
  fc
    .constantFrom<[string, unknown]>(['fraction', 12.5], ['huge', 1e308], ['negative without note', -3])
    .chain(([kind, value]) =>
      fc.constantFrom(...slugs).map((slug) => ({
        label: `a ${kind} count for ${slug}, hash recomputed`,
        apply: (dir: string) =>
          editJson(dir, (json) => void (json.series[slug]!['robbery']![50] = value), { rehash: true }),
        outcome: 'refused' as const,
      })),
    ),
  fc
    .constantFrom({ key: 'source', value: 'ho-outcomes-2017-18' }, { key: 'series', value: { atlantis: {} } })
    .map(({ key, value }) => ({
      label: `${key} swapped, hash recomputed`,
      apply: (dir: string) =>
        editJson(
          dir,
          (json) => {
            if (key === 'series') json.series = { ...json.series, ...(value as DatasetJson['series']) };
            else json[key] = value;
          },
          {
            rehash: true,
          },
        ),
      outcome: 'refused' as const,
    })),
  fc.constantFrom('../../../../etc/passwd', '/etc/passwd', 'recorded-crime.json/../../x').map((path) => ({
    label: `manifest file ${path}`,
    apply: (dir: string) => {
      const manifest = manifestOf(dir);
      manifest.datasets.recordedCrime.file = path;
      writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    },
    outcome: 'refused' as const,
  })),
  fc.constant({
    label: 'dataset file a symlink to a file outside the folder',
    apply: (dir: string) => {
      const path = datasetFile(dir);
      const outside = join(work, `outside-${Math.random().toString(36).slice(2)}.json`);
      cpSync(path, outside);
      rmSync(path);
      symlinkSync(outside, path);
    },
    outcome: 'refused' as const,
  }),
  fc.constantFrom('dataset', 'manifest').map((which) => ({
    label: `${which} file missing`,
    apply: (dir: string) => rmSync(which === 'dataset' ? datasetFile(dir) : join(dir, 'manifest.json')),
    outcome: 'refused' as const,
  })),
  fc
    .record({ name: fc.constantFrom('notes.txt', 'outcomes.json', '.hidden', 'backup.json'), text: fc.string() })
    .map(({ name, text }) => ({
      label: `extra file ${name}`,
      apply: (dir: string) => writeFileSync(join(dir, name), text),
      outcome: 'served' as const,
    })),
  fc
    .record({ slugs: fc.subarray(slugs, { minLength: 1, maxLength: 5 }), group: fc.option(fc.constantFrom(...groups)) })
    .map(({ slugs: removed, group }) => ({
      label: `valid subset: ${group ?? 'every group'} of ${removed.join(', ')} removed, hash recomputed`,
      apply: (dir: string) =>
        editJson(
          dir,
          (json) => {
            for (const slug of removed) {
              if (group) delete json.series[slug]![group];
              else delete json.series[slug];
            }
          },
          { rehash: true },
        ),
      outcome: 'served' as const,
    })),
);

let runs = 0;
/** Applies one damage to a copy of the intact folder and checks the outcome. */
async function check({ label, apply, outcome }: Damage): Promise<void> {
  const dir = join(work, `case-${(runs += 1)}`);
  cpSync(intact, dir, { recursive: true });
  apply(dir);
  const served = await serve(dir).catch((error: Error) => error);
  if (served instanceof Error) {
    expect(outcome, `${label}: ${served.message}`).toBe('refused');
    // Named reason: the file (inside the folder) and what was expected; never the passwd file's text.
    expect(served.message, label).toContain(dir);
    expect(served.message, label).toMatch(/expected /);
    expect(served.message, label).not.toMatch(/root:/);
    return;
  }
  expect(outcome, label).toBe('served');
  expect(served.errors, label).toEqual([]);
  expect(
    served.statuses.filter((status) => status >= 500),
    label,
  ).toEqual([]);
  expect(served.tables.size, label).toBe(METRICS.length);
  for (const [metric, table] of served.tables) {
    const full = baseline.tables.get(metric)!;
    for (const row of table.rows) {
      const expected = full.rows.find((candidate) => candidate.force.slug === row.force.slug)!.value;
      if (isMissing(row.value)) expect(row.value.reason.length, `${label}: ${metric}`).toBeGreaterThan(10);
      else expect(close(row.value, expected as number), `${label}: ${metric} ${row.force.slug}`).toBe(true);
    }
    const sameForces = table.englandWales.excluded.length === full.englandWales.excluded.length;
    const ew = table.englandWales.value;
    if (sameForces && !isMissing(ew))
      expect(close(ew, full.englandWales.value as number), `${label}: ${metric} E&W`).toBe(true);
  }
  rmSync(dir, { recursive: true, force: true });
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

describe('PEEL_DATA_DIR folders damaged at random', () => {
  it('the intact folder serves every figure', () => {
    expect(baseline.statuses.every((status) => status === 200)).toBe(true);
    expect(baseline.errors).toEqual([]);
  });

  it('either refuse to start naming a file, or serve only correct figures (no 5xx, no wrong number)', async () => {
    await fc.assert(fc.asyncProperty(damage, check), { numRuns: 60 });
  }, 120_000);

  it.each([
    { label: 'only Durham (finding 2)', keep: (slug: string) => slug === 'durham', group: undefined },
    { label: "Durham's sexual offences removed (finding 1)", keep: () => true, group: 'sexual-offences' },
  ])('serves a valid subset of the real data: $label', async ({ label, keep, group }) => {
    const seen: string[] = [];
    await check({
      label,
      outcome: 'served',
      apply: (dir) =>
        editJson(
          dir,
          (json) => {
            for (const slug of Object.keys(json.series)) if (!keep(slug)) delete json.series[slug];
            if (group) delete json.series['durham']![group];
            seen.push(...Object.keys(json.series));
          },
          { rehash: true },
        ),
    });
    expect(seen).toContain('durham');
  });
});
