import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hoOutcomes201718, hoOutcomesImportReport201718 } from '../generated/outcomes.ts';
import { parseCsv } from '../import/csv.ts';
import { isMissing } from '../types/missing.ts';
import { OFFENCE_GROUPS } from '../types/recorded-crime.ts';
import { territorialForces } from './forces.ts';
import {
  OUTCOME_OFFENCE_GROUP_TO_RECORDED_CRIME,
  OUTCOME_PRESENTATION_GROUPS,
  OUTCOME_TYPES,
  OUTCOME_TYPES_NOT_IN_REPORT,
  outcomeCount,
  outcomeTypes,
  outcomeTypesOfGroup,
} from './outcomes.ts';
import { OutcomesDatasetSchema } from '../schema/outcomes.ts';

const outcomes = hoOutcomes201718;
const RECORDED = 'offences-recorded-in-quarter' as const;

/**
 * Recorded crime for the 12 months ending 31 March 2018 by recorded-crime force name and offence label, read from the
 * raw file.
 */
function recordedCrimeYearToMarch2018(): Map<string, Map<string, number>> {
  const path = fileURLToPath(new URL('../../data/raw/ons-rec-crime-pfa/rec-crime-pfa.csv', import.meta.url));
  const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'), 'rec-crime-pfa.csv');
  const at = (name: string) => header!.indexOf(name);
  const byForce = new Map<string, Map<string, number>>();
  for (const row of rows) {
    if (row[at('12 months ending')] !== '31-03-2018') continue;
    const force = row[at('PFA')]!;
    const offences = byForce.get(force) ?? new Map<string, number>();
    offences.set(row[at('Offence')]!, Number(row[at('Rolling year total number of offences')]));
    byForce.set(force, offences);
  }
  return byForce;
}

const recordedCrime = recordedCrimeYearToMarch2018();
const recordedCrimeName = (slug: string) =>
  slug === 'btp'
    ? 'British Transport Police'
    : territorialForces.find((force) => force.slug === slug)!.aliases['ons-rec-crime-pfa']!;

describe('bundled Home Office outcomes 2017/18', () => {
  it('matches its schema', () => {
    expect(OutcomesDatasetSchema.safeParse(outcomes).success).toBe(true);
  });

  it('covers the 43 territorial forces and BTP, 4 quarters, outcome types 0–18, 20, 21', () => {
    expect(new Set(outcomes.forces)).toEqual(new Set([...territorialForces.map((force) => force.slug), 'btp']));
    expect(outcomes.quarters).toEqual([1, 2, 3, 4]);
    expect(outcomes.outcomeTypes.map((info) => info.type)).toEqual([
      ...Array.from({ length: 19 }, (_, type) => type),
      20,
      21,
    ]);
    expect(outcomes.period).toEqual({ type: 'financial-year', startYear: 2017 });
  });

  it('skipped exactly one row, the all-NA row at the end of the file, and reports it', () => {
    expect(hoOutcomesImportReport201718.skipped).toEqual([{ row: 450_914, reason: expect.stringContaining('NA') }]);
    expect(hoOutcomesImportReport201718.rowsUsed).toBe(450_912);
  });

  it(
    'agrees with recorded crime (year to March 2018, excluding fraud) for every force but Humberside, which is off ' +
      'by 1',
    () => {
      const disagreements = outcomes.forces.flatMap((slug) => {
        const offences = recordedCrime.get(recordedCrimeName(slug))!;
        const expected = [...offences]
          .filter(([label]) => label !== 'Fraud offences')
          .reduce((sum, [, value]) => sum + value, 0);
        const actual = outcomeCount(outcomes, { force: slug, measure: RECORDED });
        return actual === expected ? [] : [{ slug, difference: (actual as number) - expected }];
      });
      expect(disagreements).toEqual([{ slug: 'humberside', difference: -1 }]);
    },
  );

  it(
    'maps each Home Office offence group onto recorded-crime labels with equal totals (Humberside theft off by ' + '1)',
    () => {
      expect(outcomes.offenceGroups.map((group) => group.id).sort()).toEqual(
        Object.keys(OUTCOME_OFFENCE_GROUP_TO_RECORDED_CRIME).sort(),
      );
      const disagreements: string[] = [];
      for (const slug of outcomes.forces) {
        const offences = recordedCrime.get(recordedCrimeName(slug))!;
        for (const [group, ids] of Object.entries(OUTCOME_OFFENCE_GROUP_TO_RECORDED_CRIME)) {
          const labels = ids.map((id) => OFFENCE_GROUPS.find((candidate) => candidate.id === id)!.label);
          const expected = labels.reduce((sum, label) => sum + (offences.get(label) ?? 0), 0);
          const actual = outcomeCount(outcomes, { force: slug, measure: RECORDED, offenceGroup: group });
          if (actual !== expected) disagreements.push(`${slug} ${group} ${String(actual)} vs ${expected}`);
        }
      }
      expect(disagreements).toEqual([expect.stringMatching(/^humberside theft-offences /)]);
    },
  );

  it('maps the seven one-to-one offence groups onto the recorded-crime group of the same name', () => {
    const oneToOne = outcomes.offenceGroups.filter(
      (group) => OUTCOME_OFFENCE_GROUP_TO_RECORDED_CRIME[group.id]!.length === 1,
    );
    expect(oneToOne).toHaveLength(7);
    for (const group of oneToOne) {
      expect(
        OFFENCE_GROUPS.find((candidate) => candidate.id === OUTCOME_OFFENCE_GROUP_TO_RECORDED_CRIME[group.id]![0])
          ?.label,
      ).toBe(group.name);
    }
  });

  it('has Durham recording 61,150 offences in 2017/18 (provenance)', () => {
    expect(outcomeCount(outcomes, { force: 'durham', measure: RECORDED })).toBe(61_150);
  });

  it('gives an England and Wales (43 forces) charged/summonsed share of 10.0% (provenance)', () => {
    let charged = 0;
    let total = 0;
    for (const force of territorialForces) {
      charged += outcomeCount(outcomes, { force: force.slug, measure: RECORDED, outcomeType: 1 }) as number;
      total += outcomeCount(outcomes, { force: force.slug, measure: RECORDED }) as number;
    }
    expect(((charged / total) * 100).toFixed(1)).toBe('10.0');
  });

  it('keeps assault with injury (8N) separately: Durham 5,430 offences (provenance)', () => {
    expect(outcomes.offenceCodes.find((code) => code.code === '8N')).toMatchObject({
      description: 'Assault with injury',
      offenceGroup: 'violence-against-the-person',
    });
    expect(outcomeCount(outcomes, { force: 'durham', measure: RECORDED, offenceCode: '8N' })).toBe(5_430);
  });

  it('returns a "not applicable" marker for type 0 under outcomes recorded in the quarter, never 0', () => {
    const value = outcomeCount(outcomes, { force: 'durham', measure: 'outcomes-recorded-in-quarter', outcomeType: 0 });
    expect(isMissing(value) && value.missing).toBe('z');
    expect(
      typeof outcomeCount(outcomes, { force: 'durham', measure: 'outcomes-recorded-in-quarter', outcomeType: 1 }),
    ).toBe('number');
  });

  it('adds up: quarters sum to the year and offence groups sum to the total, for any force and outcome type', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...outcomes.forces),
        fc.constantFrom(...outcomes.outcomeTypes.map((info) => info.type)),
        (force, outcomeType) => {
          const year = outcomeCount(outcomes, { force, measure: RECORDED, outcomeType });
          const byQuarter = outcomes.quarters.reduce(
            (sum, quarter) =>
              sum + (outcomeCount(outcomes, { force, measure: RECORDED, outcomeType, quarter }) as number),
            0,
          );
          const byGroup = outcomes.offenceGroups.reduce(
            (sum, group) =>
              sum +
              (outcomeCount(outcomes, { force, measure: RECORDED, outcomeType, offenceGroup: group.id }) as number),
            0,
          );
          expect(byQuarter).toBe(year);
          expect(byGroup).toBe(year);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('throws on an unknown force, naming valid ones', () => {
    expect(() => outcomeCount(outcomes, { force: 'durhm', measure: RECORDED })).toThrow(
      /unknown force "durhm".*e\.g\. force: 'durham'/,
    );
  });
});

describe('outcome framework', () => {
  it('names types 0–21 from the file (19 from the spec) and puts each in at most one report row', () => {
    const types = outcomeTypes(outcomes);
    expect(types.map((definition) => definition.type)).toEqual(Array.from({ length: 22 }, (_, type) => type));
    expect(types.find((definition) => definition.type === 1)?.name).toBe('Charged/Summonsed');
    expect(types.find((definition) => definition.type === 19)?.inOutcomesFile).toBe(false);
    expect(OUTCOME_TYPES).toEqual(types);
    const inGroups = OUTCOME_PRESENTATION_GROUPS.flatMap((group) => group.outcomeTypes);
    expect(new Set(inGroups).size).toBe(inGroups.length);
    expect([...inGroups, 0, ...OUTCOME_TYPES_NOT_IN_REPORT].sort((a, b) => a - b)).toEqual(
      types.map((definition) => definition.type),
    );
  });

  it('has the inferred "prosecution prevented" numbering agree with the Home Office outcome_group column', () => {
    const members = outcomes.outcomeTypes
      .filter((info) => info.homeOfficeGroup === 'Prosecution prevented or not in the public interest')
      .map((info) => info.type);
    // The Home Office group also holds 10 (police decision), which the report leaves out.
    expect(members.filter((type) => type !== 10)).toEqual(
      [...outcomeTypesOfGroup('prosecution-prevented-or-not-in-public-interest')].sort((a, b) => a - b),
    );
  });

  it('has each stated group match the Home Office groups of its members', () => {
    const groupOf = (type: number) => outcomes.outcomeTypes.find((info) => info.type === type)!.homeOfficeGroup;
    expect(outcomeTypesOfGroup('out-of-court-formal').map(groupOf)).toEqual([
      'Out-of-court (formal)',
      'Out-of-court (formal)',
      'Out-of-court (formal)',
    ]);
    expect(outcomeTypesOfGroup('out-of-court-informal').map(groupOf)).toEqual([
      'Out-of-court (informal)',
      'Out-of-court (informal)',
    ]);
    expect(new Set(outcomeTypesOfGroup('evidential-difficulties-victim-does-not-support').map(groupOf))).toEqual(
      new Set(['Evidential difficulties (victim does not support action)']),
    );
  });
});
