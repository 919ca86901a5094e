import {
  bundledRelease,
  formatPeriod,
  durhamPublished,
  getPublishedFigure,
  hoOutcomes201718,
  isMissing,
  judgmentOf,
  judgments,
  OFFENCE_GROUPS,
  outcomeCount,
  population,
  populationOf,
  recordedCrime,
  recordedCrimeCount,
  SOURCE_IDS,
  territorialForces,
} from 'peel-data';
import { describe, expect, it } from 'vitest';
import { buildForceReport } from './build-force-report.ts';
import type { ForceReport, MetricFigure } from '../model/types.ts';
import { ForceReportSchema } from '../schema/report.ts';

const reports = new Map<string, ForceReport>(
  territorialForces.map((force) => [force.slug, buildForceReport(force.slug)]),
);
const durham = reports.get('durham') as ForceReport;

/** Every object in the model that has a value and a provenance (MeasuredValue and friends). */
function measuredValues(
  node: unknown,
  path = '$',
  found: { path: string; value: unknown; provenance: unknown }[] = [],
) {
  if (Array.isArray(node)) node.forEach((item, index) => measuredValues(item, `${path}[${index}]`, found));
  else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if ('value' in record && 'provenance' in record)
      found.push({ path, value: record['value'], provenance: record['provenance'] });
    for (const [key, child] of Object.entries(record)) measuredValues(child, `${path}.${key}`, found);
  }
  return found;
}

function numbersIn(node: unknown, path = '$', found: { path: string; value: number }[] = []) {
  if (typeof node === 'number') found.push({ path, value: node });
  else if (Array.isArray(node)) node.forEach((item, index) => numbersIn(item, `${path}[${index}]`, found));
  else if (node && typeof node === 'object')
    for (const [key, child] of Object.entries(node)) numbersIn(child, `${path}.${key}`, found);
  return found;
}

const allFigures = (report: ForceReport): MetricFigure[] => [
  ...report.forceInNumbers.flatMap((area) => area.items),
  ...report.figures.flatMap((figure) =>
    figure.kind === 'table' ? figure.rows : figure.kind === 'by-force' ? [figure.subject] : [],
  ),
  report.crimeChange.vs2011,
  report.crimeChange.victimBasedVs2011,
  report.crimeChange.yearOnYear,
  ...report.domesticViolenceDisclosure,
  ...report.otherMetrics,
];
const figureOf = (report: ForceReport, metricId: string) =>
  allFigures(report).find((figure) => figure.metricId === metricId);

describe('buildForceReport on the bundled release', () => {
  it('builds a schema-valid model for each of the 43 territorial forces', () => {
    expect(reports.size).toBe(43);
    for (const [slug, report] of reports) {
      const parsed = ForceReportSchema.safeParse(report);
      expect(parsed.success, `${slug}: ${parsed.success ? '' : JSON.stringify(parsed.error.issues[0])}`).toBe(true);
      expect(report.figures.map((figure) => figure.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(report.forceInNumbers.map((area) => area.id)).toHaveLength(6);
    }
  });

  it('has no NaN or infinite number anywhere', () => {
    for (const [slug, report] of reports) {
      const bad = numbersIn(report).filter((entry) => !Number.isFinite(entry.value));
      expect(bad, slug).toEqual([]);
    }
  });

  it('gives every value either a number with provenance from a known source, or a missing marker with a reason', () => {
    for (const [slug, report] of reports) {
      const values = measuredValues(report);
      expect(values.length).toBeGreaterThan(100);
      for (const { path, value, provenance } of values) {
        const ok = typeof value === 'number' ? Number.isFinite(value) : isMissing(value) && value.reason.length > 0;
        expect(ok, `${slug} ${path}`).toBe(true);
        expect(SOURCE_IDS, `${slug} ${path}.provenance.source`).toContain((provenance as { source: string }).source);
      }
    }
  });

  it("holds Durham's printed values under the spec's metric ids", () => {
    for (const id of [
      'crime_rate_assault_with_injury',
      'crime_rate_burglary_dwelling',
      'vulnerable_victim_crime_pct',
      'ocgs_per_million',
      'da_calls_per_1000',
      'da_share_of_recorded_crime',
      'da_recorded_change',
      'right_to_ask_count',
      'right_to_know_count',
      'staff_survey_responses',
    ]) {
      const printed = getPublishedFigure(durhamPublished, id);
      const figure = figureOf(durham, id);
      expect(figure, id).toBeDefined();
      expect(figure?.force.value, id).toEqual(printed?.durham.value);
      expect(figure?.force.provenance.source).toBe('peel-2016-durham-report');
    }
  });

  it(
    "recomputes Durham's crime rate from recorded crime and " + 'the mid-2015 population, the printed value beside it',
    () => {
      const groups = OFFENCE_GROUPS.filter((group) => group.category !== 'fraud');
      const counts = groups.map((group) => recordedCrimeCount(recordedCrime, 'durham', group.id, '2016-06-30'));
      const total = counts.reduce<number>((sum, count) => sum + (isMissing(count) ? 0 : count), 0);
      const figure = figureOf(durham, 'crime_rate_total_excl_fraud') as MetricFigure;
      expect(figure.force.value).toBeCloseTo((total / (populationOf(population, 'durham', 2015) as number)) * 1000, 9);
      expect(figure.force.provenance).toMatchObject({
        source: 'ons-rec-crime-pfa',
        denominator: 'ONS mid-2015 population estimate',
        period: { type: 'rolling-12m', end: '2016-06-30' },
      });
      // Issue 10: the printed values are held beside the recomputed ones, never instead of them.
      const printed = getPublishedFigure(durhamPublished, 'crime_rate_total_excl_fraud');
      expect(figure.published).toMatchObject({
        force: printed?.durham.value,
        englandWales: printed?.englandWales.value,
      });
    },
  );

  it(
    "pools England and Wales as the Home Office does (Σ counts of the 43 forces and BTP ÷ Σ forces' " + 'population)',
    () => {
      const figure = figureOf(durham, 'crime_rate_sexual_offences') as MetricFigure;
      let counts = recordedCrimeCount(recordedCrime, 'btp', 'sexual-offences', '2016-06-30') as number;
      let people = 0;
      for (const force of territorialForces) {
        counts += recordedCrimeCount(recordedCrime, force.slug, 'sexual-offences', '2016-06-30') as number;
        people += populationOf(population, force.slug, 2015) as number;
      }
      expect(figure.englandWales.value).toBeCloseTo((counts / people) * 1000, 9);
      expect(figure.englandWales.included).toHaveLength(44);
      expect(figure.englandWales.provenance.variants).toEqual({
        englandWales: 'home-office-incl-btp',
        denominator: 'mid-year-nearest',
      });
    },
  );

  it('computes Right to Ask and Right to Know rates from the printed counts and the mid-2015 population', () => {
    for (const [rateId, countId] of [
      ['right_to_ask_rate', 'right_to_ask_count'],
      ['right_to_know_rate', 'right_to_know_count'],
    ] as const) {
      const count = getPublishedFigure(durhamPublished, countId)?.durham.value as number;
      const figure = figureOf(durham, rateId) as MetricFigure;
      expect(figure.force.value).toBeCloseTo(
        (count / (populationOf(population, 'durham', 2015) as number)) * 100_000,
        9,
      );
      expect(figure.englandWales.value).toBe(getPublishedFigure(durhamPublished, rateId)?.englandWales.value);
      expect(figure.comparison).toBe('above');
    }
  });

  it('shows 2017/18 outcomes with Dorset ranked, and the printed 2016 table beside them without a difference', () => {
    const table = durham.figures.find((figure) => figure.number === 4);
    if (table?.kind !== 'table') throw new Error('figure 4 should be a table');
    const noSuspect = table.rows.find((row) => row.metricId === 'outcome_proportion:investigation-complete-no-suspect');
    const expected =
      ((outcomeCount(hoOutcomes201718, {
        force: 'durham',
        measure: 'offences-recorded-in-quarter',
        outcomeType: 18,
      }) as number) /
        (outcomeCount(hoOutcomes201718, { force: 'durham', measure: 'offences-recorded-in-quarter' }) as number)) *
      100;
    expect(noSuspect?.force.value).toBeCloseTo(expected, 9);
    // The 2016 report left Dorset out on its own returns (to 30 June 2016); the 2017/18 data rank all 43 forces.
    expect(noSuspect?.band).toMatchObject({ n: 43 });
    expect(noSuspect?.published?.force).toBe(durhamPublished.outcomes.find((row) => row.number === '18')?.durham.value);
    expect(noSuspect?.difference?.force).toMatchObject({ missing: 'z' });
    const dorset = reports.get('dorset')?.figures.find((figure) => figure.number === 4);
    if (dorset?.kind !== 'table') throw new Error('figure 4 should be a table');
    expect(dorset.rows[0]?.band).toMatchObject({ n: 43 });
    expect(dorset.rows[0]?.force.caveats.join(' ')).toContain("the 2016 report's rule (excluded");
  });

  it('adds every member row of a group to the group, from counts', () => {
    const table = durham.figures.find((figure) => figure.number === 4);
    if (table?.kind !== 'table') throw new Error('figure 4 should be a table');
    for (const group of table.rows.filter((row) => row.rowType === 'group')) {
      const members = table.rows.filter((row) => row.group === group.metricId.split(':')[1]);
      const sum = members.reduce((total, row) => total + (row.force.value as number), 0);
      expect(group.force.value as number, group.label).toBeCloseTo(sum, 9);
    }
  });

  it('leaves printed-only figures missing, with a reason, for forces other than Durham', () => {
    const kent = reports.get('kent') as ForceReport;
    for (const id of [
      'vulnerable_victim_crime_pct',
      'ocgs_per_million',
      'crime_rate_assault_with_injury',
      'right_to_ask_rate',
    ]) {
      expect(figureOf(kent, id)?.force.value, id).toMatchObject({ missing: 'x', reason: expect.any(String) });
    }
  });

  it('flags City of London rates with its population caveat', () => {
    const figure = figureOf(reports.get('city-of-london') as ForceReport, 'crime_rate_total_excl_fraud');
    expect(figure?.force.caveats.join(' ')).toMatch(/resident plus transient/);
  });

  it('takes judgments from the judgments dataset; question 5 is ungraded for every force', () => {
    expect(durham.judgments.overall.grade).toBe(judgmentOf(judgments, 'durham', 2016, 'overall')?.grade);
    expect(durham.judgments.questions[1]?.areasForImprovement).toHaveLength(1);
    for (const report of reports.values()) expect(report.judgments.questions[4]?.grade).toBe('ungraded');
  });

  it('writes sentences whose numbers are those of the model', () => {
    const rate = figureOf(durham, 'crime_rate_total_excl_fraud') as MetricFigure;
    const sentence = durham.sentences.find((candidate) => candidate.metricIds.includes('crime_rate_total_excl_fraud'));
    expect(sentence?.values[0]?.value).toBe(rate.force.value);
    expect(sentence?.text).toContain(sentence?.values[0]?.printed);
  });

  it.each([
    { input: 'E23000008', slug: 'durham' },
    { input: 'DURHAM', slug: 'durham' },
  ])('accepts $input', ({ input, slug }) => {
    expect(buildForceReport(input).force.slug).toBe(slug);
  });

  it.each(['btp', 'england-and-wales', 'atlantis'])('rejects %s with a message naming valid input', (input) => {
    expect(() => buildForceReport(input)).toThrow(/territorial forces, e.g. 'durham'/);
  });

  it('reads the release it is given, not the bundled data', () => {
    // A release whose population for Durham is doubled: Durham's crime rate must halve, England and Wales must move.
    const values = {
      ...population.values,
      durham: (population.values['durham'] as number[]).map((value) => value * 2),
    };
    const release = { ...bundledRelease, population: { ...population, values } };
    const imported = buildForceReport('durham', { release });
    const before = figureOf(durham, 'crime_rate_total_excl_fraud') as MetricFigure;
    const after = figureOf(imported, 'crime_rate_total_excl_fraud') as MetricFigure;
    expect(after.force.value).toBeCloseTo((before.force.value as number) / 2, 9);
    expect(after.englandWales.value).toBeLessThan(before.englandWales.value as number);
  });

  it('rejects an unknown edition', () => {
    expect(() => buildForceReport('durham', { edition: 'peel-2099' as never })).toThrow(
      /valid editions: peel-2016-effectiveness/,
    );
  });
});

/** Dates and years a title or label names: each must be part of the period its data cover. */
function periodWordsIn(text: string): string[] {
  const dates =
    text.match(
      /\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b/g,
    ) ?? [];
  const years = text.replace(/\b\d{1,2} [A-Z][a-z]+ \d{4}\b/g, '').match(/\b(19|20)\d{2}\b/g) ?? [];
  return [...dates, ...years];
}

describe('period labels', () => {
  it(
    'names, in every figure title and every value label, ' + 'only dates of the period its data cover (all 43 forces)',
    () => {
      for (const [slug, report] of reports) {
        const labelled: { where: string; text: string; period: ForceReport['figures'][number]['period'] }[] = [
          ...report.figures.map((figure) => ({
            where: `figure ${figure.number} title`,
            text: figure.title,
            period: figure.period,
          })),
          ...allFigures(report).map((figure) => ({
            where: `${figure.metricId} label`,
            text: figure.label,
            period: figure.period,
          })),
        ];
        for (const { where, text, period } of labelled) {
          const words = periodWordsIn(text);
          if (words.length === 0) continue;
          if (isMissing(period)) {
            // A value whose period is not stated may name a year it is compared with ("compared with 2015"), never a
            // date.
            expect(
              words.filter((word) => word.includes(' ')),
              `${slug} ${where}: "${text}" names a date but its data have no period`,
            ).toEqual([]);
            continue;
          }
          const covered = formatPeriod(period);
          for (const word of words) expect(covered, `${slug} ${where}: "${text}"`).toContain(word);
        }
      }
    },
  );

  it(
    'labels outcomes as 2017/18 and ASB as calendar years, ' +
      'where the report printed 30 June 2016 and 31 March 2016',
    () => {
      const panel = durham.forceInNumbers.flatMap((area) => area.items);
      expect(panel.find((item) => item.metricId === 'outcome_proportion:charged-summonsed')?.period).toEqual(
        hoOutcomes201718.period,
      );
      expect(panel.find((item) => item.metricId === 'asb_rate_change_yoy')?.label).toMatch(
        /calendar year 2015 compared with calendar year 2014/,
      );
      expect(durham.figures.find((figure) => figure.number === 5)?.title).toContain(
        formatPeriod(hoOutcomes201718.period),
      );
    },
  );
});

describe('printed bands', () => {
  it("holds Figure 4's printed bands as typed published bands beside the recomputed band (Durham only)", () => {
    const table = durham.figures.find((figure) => figure.number === 4);
    if (table?.kind !== 'table') throw new Error('figure 4 should be a table');
    const banded = durhamPublished.outcomes.filter((row) => row.band);
    expect(banded.length).toBeGreaterThan(0);
    const withBand = table.rows.filter((row) => row.publishedBand);
    // Every printed band the model can place on a row is there; the "victim supports" group prints a band but no value.
    expect(withBand.map((row) => row.publishedBand?.printed).sort()).toEqual(banded.map((row) => row.band).sort());
    for (const row of withBand) {
      expect(row.publishedBand?.band).toBe(row.publishedBand?.printed.replaceAll(' ', '-'));
      expect(row.publishedBand?.provenance.source).toBe('peel-2016-durham-report');
      expect(row.band && !isMissing(row.band) ? row.band.rule : '').toMatch(/\S/);
    }
    for (const [slug, report] of reports) {
      if (slug === 'durham') continue;
      const rows = report.figures.flatMap((figure) => (figure.kind === 'table' ? figure.rows : []));
      expect(
        rows.filter((row) => row.publishedBand),
        slug,
      ).toEqual([]);
    }
  });
});
