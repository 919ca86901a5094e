import { describe, expect, it } from 'vitest';
import {
  bandLists,
  describeBanding,
  describeChange,
  describeComparison,
  describeExclusion,
  describeForcesWithIncrease,
  describeMissing,
  quotedList,
} from './sentences.ts';

describe('quotedList', () => {
  it.each([
    { labels: [], expected: '' },
    { labels: ['a'], expected: "'a'" },
    { labels: ['a', 'b'], expected: "'a' and 'b'" },
    { labels: ['a', 'b', 'c'], expected: "'a', 'b' and 'c'" },
  ])('$labels -> $expected', ({ labels, expected }) => expect(quotedList(labels)).toBe(expected));
});

describe('describeComparison', () => {
  const base = {
    metricId: 'm',
    subject: 'Durham',
    measure: 'rate of calls',
    period: 'the 12 months to 30 June 2016',
    precision: 1,
    unit: 'per 1,000 population',
  };
  it.each([
    {
      value: 26.24,
      englandWales: 15.9,
      words:
        "In the 12 months to 30 June 2016, Durham's rate of calls was 26.2 per 1,000 population, above the England " +
        'and Wales figure of 15.9.',
    },
    { value: 3.9, englandWales: 14.3, words: 'below the England and Wales figure of 14.3.' },
    { value: 15.94, englandWales: 15.86, words: 'in line with the England and Wales figure of 15.9.' },
  ])('$value vs $englandWales', ({ value, englandWales, words }) => {
    const sentence = describeComparison({ ...base, value, englandWales });
    expect(sentence.text).toContain(words);
    expect(sentence.values.map((v) => v.value)).toEqual([value, englandWales]);
    expect(sentence.comparator).toMatch(/British Transport Police excluded/);
  });

  it('prints percentages once, with a % sign', () => {
    expect(
      describeComparison({ ...base, unit: 'percent', measure: 'share of crime', value: 2.24, englandWales: 13.8 }).text,
    ).toBe(
      "In the 12 months to 30 June 2016, Durham's share of crime was 2.2%, below the England and Wales figure of " +
        '13.8%.',
    );
  });

  it('says why when the force value is missing, and never prints 0', () => {
    const sentence = describeComparison({
      ...base,
      value: { missing: 'x', reason: 'the force did not supply data' },
      englandWales: 15.9,
    });
    expect(sentence.text).toContain("there is no figure for Durham's rate of calls");
    expect(sentence.text).toContain('[x] the force did not supply data');
    expect(sentence.text).not.toMatch(/\b0\b/);
  });
});

describe('describeChange', () => {
  const base = {
    metricId: 'crime_change_yoy',
    subject: 'Durham',
    measure: 'recorded crime',
    from: 'A',
    to: 'B',
    precision: 0,
    basis: 'counts' as const,
  };
  it.each([
    {
      change: 12.5,
      ew: -3.4,
      text: 'Between A and B, recorded crime in Durham rose by 13%; across England and Wales it fell by 3%.',
    },
    {
      change: -0.4,
      ew: 0.2,
      text: 'Between A and B, recorded crime in Durham was unchanged; across England and Wales it was unchanged.',
    },
  ])('$change / $ew', ({ change, ew, text }) => {
    expect(describeChange({ ...base, change, englandWalesChange: ew }).text).toBe(text);
  });
  it('names the basis in its rule', () => {
    expect(describeChange({ ...base, change: 1, englandWalesChange: 1 }).rule).toContain('on counts');
  });
});

describe('describeBanding', () => {
  it('lists the tails with n and k, and the interpretation caveat', () => {
    const sentence = describeBanding({
      metricId: 'outcome_proportion',
      subject: 'Durham Constabulary',
      period: 'P',
      highest: ['A', 'B'],
      lowest: ['C'],
      n: 42,
      k: 10,
    });
    expect(sentence.text).toBe(
      "In P, Durham Constabulary was in the top 10 of 42 ranked forces for its use of 'A' and 'B', and in the bottom " +
        "10 for 'C'. How often an outcome is used depends on the mix of crimes in an area and on how the force deals " +
        'with different offenders, so a band describes use, not performance.',
    );
  });
  it('says broadly in line when no row is in a tail', () => {
    expect(
      describeBanding({ metricId: 'x', subject: 'S', period: 'P', highest: [], lowest: [], n: 41, k: 10 }).text,
    ).toContain('broadly in line');
  });
  it('bandLists picks the tail rows', () => {
    expect(
      bandLists([
        { label: 'A', band: 'among-the-lowest' },
        { label: 'B', band: undefined },
      ]),
    ).toEqual({ highest: [], lowest: ['A'] });
  });
});

describe('missing, exclusion and count sentences', () => {
  it('describeMissing gives the code and reason and the number of forces', () => {
    const text = describeMissing({
      metricId: 'da_arrest_rate',
      subject: 'Durham Constabulary',
      measure: 'domestic abuse arrests',
      value: { missing: 'x', reason: 'not supplied' },
      ofForces: 3,
    }).text;
    expect(text).toBe(
      'There is no figure for domestic abuse arrests for Durham Constabulary: [x] not supplied. It is one of 3 ' +
        'forces without this figure.',
    );
  });
  it('describeExclusion agrees in number', () => {
    expect(
      describeExclusion({ metricId: 'm', forces: ['Dorset Police'], measure: 'this table', reason: 'r' }).text,
    ).toMatch(/^Dorset Police is left out/);
    expect(describeExclusion({ metricId: 'm', forces: ['A', 'B', 'C'], measure: 'x', reason: 'r' }).text).toMatch(
      /^A, B and C are left out/,
    );
  });
  it('describeForcesWithIncrease prints the count', () => {
    expect(describeForcesWithIncrease({ count: 31, outOf: 43, measure: 'crime', period: 'P' }).text).toBe(
      'In P, 31 of the 43 forces recorded more crime than in the year before.',
    );
  });
});
