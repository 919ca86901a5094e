import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { recordedCrime, recordedCrimeCount } from '../datasets/recorded-crime.ts';
import { hoOutcomes201718 } from '../generated/outcomes.ts';
import { policeUkAggregates20122016 } from '../generated/police-uk.ts';
import { isMissing } from '../types/missing.ts';
import { importFile, importIntoRelease, loadRelease, writeRelease } from '../node.ts';

const work = mkdtempSync(join(tmpdir(), 'peel-release-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const raw = (path: string) => fileURLToPath(new URL(`../../data/raw/${path}`, import.meta.url));

describe('release folders', () => {
  it('round-trips the bundled outcomes dataset through writeRelease and loadRelease unchanged', async () => {
    const dir = join(work, 'roundtrip');
    await writeRelease(dir, { outcomes: hoOutcomes201718 });
    expect((await loadRelease(dir)).outcomes).toEqual(hoOutcomes201718);
  });

  it('rejects a tampered dataset file, naming the file and the JSON path', async () => {
    const dir = join(work, 'tampered');
    await writeRelease(dir, { outcomes: hoOutcomes201718 });
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    const path = join(dir, manifest.datasets.outcomes.file);
    const json = JSON.parse(readFileSync(path, 'utf8'));
    json.counts['offences-recorded-in-quarter'].byOffenceGroup[5] = 'lots';
    writeFileSync(path, JSON.stringify(json));
    await expect(loadRelease(dir)).rejects.toThrow(
      /outcomes\.[0-9a-f]{16}\.json: column "counts\.offences-recorded-in-quarter\.byOffenceGroup\.5"/,
    );
  });

  it('merges street files: a second month is added, the first kept', async () => {
    const dir = join(work, 'street');
    const sample = raw('policeuk-street-sample/2016-06-durham-street.first20rows.csv');
    const july = join(work, '2016-07-durham-street.csv');
    writeFileSync(july, readFileSync(sample, 'utf8').replaceAll('2016-06', '2016-07'));
    expect((await importIntoRelease('police-uk-street', sample, dir)).ok).toBe(true);
    expect((await importIntoRelease('police-uk-street', july, dir)).ok).toBe(true);
    const street = (await loadRelease(dir)).policeUkStreet!;
    expect(street.coverage).toEqual([
      { force: 'durham', month: '2016-06' },
      { force: 'durham', month: '2016-07' },
    ]);
    // Re-importing June replaces June rather than doubling it.
    expect((await importIntoRelease('police-uk-street', sample, dir)).ok).toBe(true);
    const again = (await loadRelease(dir)).policeUkStreet!;
    expect(again.cells.reduce((sum, cell) => sum + cell[4], 0)).toBe(40);
  });
});

describe('ho-outcomes import', () => {
  it("imports the raw outcomes file to exactly the bundled dataset (apart from the generator's notes)", async () => {
    const result = await importFile('ho-outcomes', raw('ho-outcomes-2017-18-cjcharts/detection-rates-data.csv.gz'));
    if (!result.ok) throw new Error(result.message);
    expect({ ...result.value.dataset, notes: [] }).toEqual({ ...hoOutcomes201718, notes: [] });
  }, 30_000); // the whole raw file: seconds on a loaded two-core machine
});

describe('police-uk-aggregates import', () => {
  it('imports the raw CR-only BBC file to exactly the bundled dataset (apart from the notes)', async () => {
    const result = await importFile(
      'police-uk-aggregates',
      raw('bbc-unsolved-crime-policeuk/crime outcomes by category force year 2012-16.csv'),
    );
    if (!result.ok) throw new Error(result.message);
    expect({ ...result.value.dataset, notes: [] }).toEqual({ ...policeUkAggregates20122016, notes: [] });
  });
});

describe('recorded-crime import', () => {
  it('imports the raw recorded-crime file to the same counts as the bundled recordedCrime dataset', async () => {
    const result = await importFile('recorded-crime', raw('ons-rec-crime-pfa/rec-crime-pfa.csv'));
    if (!result.ok) throw new Error(result.message);
    const imported = result.value.dataset as typeof recordedCrime;
    expect(imported.periods).toEqual(recordedCrime.periods);
    expect(Object.keys(imported.series)).toEqual(Object.keys(recordedCrime.series));
    const differences: string[] = [];
    for (const [series, groups] of Object.entries(recordedCrime.series)) {
      for (const group of Object.keys(groups)) {
        for (const period of recordedCrime.periods) {
          const bundled = recordedCrimeCount(recordedCrime, series, group, period);
          const ours = recordedCrimeCount(imported, series, group, period);
          // The bundled dataset turns some published zeros and gaps into 'z' markers (burglary reclassification,
          // centralised fraud); where it has a number, the import must have the same number.
          if (!isMissing(bundled) && bundled !== ours)
            differences.push(`${series} ${group} ${period}: ${String(ours)} vs ${bundled}`);
        }
      }
    }
    expect(differences).toEqual([]);
    expect(result.value.report).toMatchObject({
      correctedDates: [{ published: '30-12-2017', readAs: '2017-12-31', rows: 927 }],
    });
  }, 30_000); // the whole raw file: seconds on a loaded two-core machine
});
