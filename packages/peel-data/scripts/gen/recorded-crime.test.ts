import { describe, expect, it } from 'vitest';
import { readUtf8ByteChunks } from '../../src/import/file-source.ts';
import { importRecordedCrime } from '../../src/import/recorded-crime.ts';
import { rawPath } from '../lib/raw.ts';
import { recordedCrime } from '../../src/datasets/recorded-crime.ts';
import { asBundled, buildRecordedCrime, deltas, RECORDED_CRIME_MISSING as M } from './recorded-crime.ts';

const HEADER = '12 months ending,PFA,Region,Offence,Rolling year total number of offences';
const imported = async (rows: string[]) =>
  (await importRecordedCrime([`${[HEADER, ...rows].join('\n')}\n`], { file: 'rc.csv' })).dataset;

describe('asBundled', () => {
  it('words every x as "the source" and leaves counts, z markers and notes alone', async () => {
    const dataset = await imported([
      '31-03-2016,Durham,North East,Robbery,-2',
      '30-06-2016,Durham,North East,Sexual offences,900',
      '30-06-2016,Durham,North East,Residential burglary,0',
    ]);
    const bundled = asBundled(dataset);
    expect(bundled.series.durham?.robbery).toEqual([-2, M.notInSource]);
    expect(bundled.series.durham?.['sexual-offences']).toEqual([M.notInSource, 900]);
    expect(bundled.series.durham?.['residential-burglary']).toEqual([M.splitNotStarted, M.splitNotStarted]);
    expect(bundled.notes).toEqual(dataset.notes);
  });
});

describe('buildRecordedCrime on the raw file', () => {
  it(
    'changes only the wording of what the importer left Missing x, never a count or a z marker',
    { timeout: 30_000 },
    async () => {
      const file = 'data/raw/ons-rec-crime-pfa/rec-crime-pfa.csv';
      const [built, { dataset: plain }] = await Promise.all([
        buildRecordedCrime(),
        importRecordedCrime(readUtf8ByteChunks(rawPath('ons-rec-crime-pfa', 'rec-crime-pfa.csv')), {
          file,
          utf8Bytes: true,
        }),
      ]);
      expect(built.periods).toEqual(plain.periods);
      expect(Object.keys(built.series)).toEqual(Object.keys(plain.series));
      let reworded = 0;
      for (const [slug, groups] of Object.entries(plain.series)) {
        expect(Object.keys(built.series[slug]!)).toEqual(Object.keys(groups));
        for (const [group, values] of Object.entries(groups)) {
          values!.forEach((value, index) => {
            const after = built.series[slug]![group as 'robbery']![index];
            if (typeof value !== 'number' && value.missing === 'x') {
              expect(after).toEqual(M.notInSource);
              reworded += 1;
            } else expect(after, `${slug} ${group} ${plain.periods[index]}`).toEqual(value);
          });
        }
      }
      expect(reworded).toBeGreaterThan(0);
      expect(built.notes).toEqual(plain.notes);
    },
  );

  // No published 0 stands for a group not yet (or no longer) used.
  it('imports the raw file with the bundled z markers', async () => {
    const file = 'data/raw/ons-rec-crime-pfa/rec-crime-pfa.csv';
    const { dataset } = await importRecordedCrime(
      readUtf8ByteChunks(rawPath('ons-rec-crime-pfa', 'rec-crime-pfa.csv')),
      { file, utf8Bytes: true },
    );
    const at = (period: string) => dataset.periods.indexOf(period);
    expect(dataset.series.durham?.['residential-burglary']?.[at('2016-06-30')]).toEqual(M.splitNotStarted);
    expect(dataset.series.durham?.['fraud-offences']?.[at('2016-06-30')]).toEqual(M.fraudCentralised);
    expect(dataset.series.durham?.['domestic-burglary']?.[at('2018-12-31')]).toEqual(M.splitReplaced);
    expect(dataset.notes.filter((note) => note.kind === 'partial-year')).toHaveLength(12);
  });
});

describe('the generated module stores differences', () => {
  it('deltas keeps Missing cells and differences each count from the previous count', () => {
    expect(deltas([195, 211, M.splitReplaced, 195])).toEqual([195, 16, M.splitReplaced, -16]);
    expect(deltas([M.notInSource, 900, 880])).toEqual([M.notInSource, 900, -20]);
  });

  it('decodes, at import, to exactly the dataset built from the raw file', { timeout: 30_000 }, async () => {
    expect(recordedCrime).toEqual(await buildRecordedCrime());
  });
});
