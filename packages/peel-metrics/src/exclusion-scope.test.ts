// Issue 10: the 2016 report's exclusions hold for the data their evidence covers (exclusions.ts, `scope`). Dorset's
// exclusion and the Derbyshire and Suffolk three-quarter flags come from the report's outcomes returns for the 12
// months to 30 June 2016; the open outcomes data are 2017/18, where the raw Home Office file (read here, not through
// peel-data) holds all four quarters of those forces' returns, so no rule applies there.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parseCsv } from 'peel-data/node';
import { describe, expect, it } from 'vitest';
import { resolveRelease } from './data/release.ts';
import { EXCLUSION_REGISTRY_2016, ruleHolds, rulesOf } from './exclusions.ts';
import { computeKey, computeMetric } from './metrics/engine.ts';
import { buildForceReport } from './report/build-force-report.ts';

const RAW = new URL(
  '../../peel-data/data/raw/ho-outcomes-2017-18-cjcharts/detection-rates-data.csv.gz',
  import.meta.url,
);
const [header, ...records] = parseCsv(gunzipSync(readFileSync(RAW)).toString('utf8'), 'detection-rates-data.csv');
const column = (name: string) => header!.indexOf(name);
/** Offences recorded per quarter of 2017/18 for a force, from the raw file. */
function quarters(force: string): Map<string, number> {
  const byQuarter = new Map<string, number>();
  for (const record of records)
    if (record[column('force_name')] === force) {
      const quarter = record[column('financial_quarter')] as string;
      byQuarter.set(quarter, (byQuarter.get(quarter) ?? 0) + Number(record[column('offences')]));
    }
  return byQuarter;
}
/** Offences recorded in 2017/18 and those charged/summonsed (outcome type 1), per force name, in one pass. */
const charged = new Map<string, { charged: number; all: number }>();
for (const record of records) {
  const name = record[column('force_name')] as string;
  const entry = charged.get(name) ?? { charged: 0, all: 0 };
  const offences = Number(record[column('offences')]);
  entry.all += offences;
  if (record[column('outcome_type')] === '1') entry.charged += offences;
  charged.set(name, entry);
}

const release = resolveRelease();
const FY_2017 = { type: 'financial-year', startYear: 2017 } as const;

describe('2016-only exclusions are scoped to the data their evidence covers', () => {
  it('finds four quarters of 2017/18 returns for Dorset, Derbyshire and Suffolk in the raw outcomes file', () => {
    for (const force of ['Dorset', 'Derbyshire', 'Suffolk']) {
      const byQuarter = quarters(force);
      expect([...byQuarter.keys()].sort(), force).toEqual(['1', '2', '3', '4']);
      for (const offences of byQuarter.values()) expect(offences, force).toBeGreaterThan(0);
    }
  });

  it('does not apply the 2016 outcomes rules to 2017/18: Dorset pooled and ranked, no three-quarter flag', () => {
    const share = computeKey(release, 'outcome_proportion:charged-summonsed');
    expect(share.period).toEqual(FY_2017);
    expect(share.englandWales.included).toContain('dorset');
    expect(share.englandWales.excluded).toEqual([]);
    // England and Wales = Σ charged ÷ Σ offences over the raw file's territorial forces (not BTP, not the 'NA' rows).
    const names = [...charged.keys()].filter((name) => name !== 'British Transport Police' && name !== 'NA');
    expect(names).toHaveLength(43);
    const totals = names.map((name) => charged.get(name) ?? { charged: 0, all: 0 });
    const pooled = (totals.reduce((s, t) => s + t.charged, 0) / totals.reduce((s, t) => s + t.all, 0)) * 100;
    expect(share.englandWales.value).toBeCloseTo(pooled, 9);
    if (share.banding && 'ranked' in share.banding) {
      expect(share.banding.n).toBe(43);
      expect(share.banding.ranked.map((row) => row.force)).toContain('dorset');
    } else throw new Error('expected a banding');
    for (const force of ['derbyshire', 'suffolk']) {
      const caveats = share.rows.get(force)?.caveats.join(' ') ?? '';
      expect(caveats, force).not.toMatch(/^in the 2016 report/);
      expect(caveats, force).toContain('is not applied to other periods; rule applied instead: none');
    }
  });

  it("keeps the rules for the report's own window and its printed values", () => {
    const window = { period: { type: 'rolling-12m', end: '2016-06-30' } as const };
    const dorset = rulesOf('outcome_proportion', EXCLUSION_REGISTRY_2016, window).map((rule) => rule.force);
    expect(dorset).toEqual(expect.arrayContaining(['dorset', 'derbyshire', 'suffolk']));
    expect(rulesOf('outcome_proportion', EXCLUSION_REGISTRY_2016, { period: FY_2017 })).toEqual([]);
    // Figure 7 is printed: the England and Wales value HMIC printed left out Dorset and Nottinghamshire.
    const da = computeMetric(release, 'da_outcome_rate');
    expect(da.englandWales.provenance.exclusions?.join(' ')).toMatch(/Dorset Police: Dorset Police was unable/);
  });

  it("words Dorset's outcomes exclusion as the report does (footnote 16)", () => {
    const rule = EXCLUSION_REGISTRY_2016.find((r) => r.force === 'dorset' && r.metrics.includes('outcome_proportion'));
    expect(rule?.reason).toBe(
      'Dorset Police is excluded from the table. Therefore figures for England and Wales will differ from those ' +
        'published by the Home Office.',
    );
  });

  it('flags Warwickshire on anti-social behaviour in calendar 2015 (the 2016 stand-in) but not 2016', () => {
    const flagged = (year: string) => computeMetric(release, 'asb_rate', { period: year }).rows.get('warwickshire');
    expect(flagged('2015')?.caveats.join(' ')).toMatch(/shared pro rata/);
    expect(flagged('2016')?.caveats.join(' ')).not.toMatch(/^incidents that could not be attributed/);
    expect(flagged('2016')?.caveats.join(' ')).toContain('rule applied instead: none');
  });

  it('gives every rule but the population rules a scope: the edition and periods its evidence covers', () => {
    for (const rule of EXCLUSION_REGISTRY_2016) {
      if (rule.treatment === 'unranked') expect(rule.scope, rule.reason).toBeUndefined();
      else {
        expect(rule.scope?.edition, `${rule.force}: ${rule.reason}`).toBe('peel-2016-effectiveness');
        expect(rule.scope?.otherwise).toMatch(/^none: /);
        expect(ruleHolds(rule, { period: { type: 'rolling-12m', end: '2018-06-30' } })).toBe(false);
        expect(ruleHolds(rule, { printed: true })).toBe(true);
      }
    }
  });
});

describe('a regenerated report applies only the rules whose evidence covers its period', () => {
  const regenerated = buildForceReport('durham', { periodEnd: '2018-06-30' });
  const edition = buildForceReport('durham');

  it("gives the domestic abuse arrest rate the data's reason, not the 2016 report's 'one of three forces'", () => {
    const item = (report: typeof edition) =>
      report.forceInNumbers.flatMap((panel) => panel.items).find((row) => row.metricId === 'da_arrest_rate');
    expect(JSON.stringify(item(edition)?.force.value)).toContain('one of three forces');
    expect(JSON.stringify(item(regenerated)?.force.value)).not.toContain('one of three forces');
  });

  it('does not say Dorset is excluded from the outcomes table, in sentences or notes', () => {
    const sentences = regenerated.sentences.filter((sentence) => sentence.kind === 'exclusion');
    expect(sentences.map((sentence) => sentence.text).join(' ')).not.toMatch(/Dorset/);
    const notes = regenerated.exclusionNotes.filter((note) => note.startsWith('Dorset'));
    expect(notes.every((note) => /not applied to other periods/.test(note))).toBe(true);
    const figure4 = regenerated.figures.find((figure) => figure.number === 4);
    expect(figure4?.notes.join(' ')).not.toMatch(/Dorset Police: Dorset Police is excluded/);
  });
});
