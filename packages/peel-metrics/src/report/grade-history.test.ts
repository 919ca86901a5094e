import { judgmentOf, judgments } from 'peel-data';
import { describe, expect, it } from 'vitest';
import { gradeHistory, gradeMovement } from './grade-history.ts';

describe('gradeMovement', () => {
  it.each([
    { from: 'good', to: 'outstanding', movement: 'up' },
    { from: 'requires improvement', to: 'good', movement: 'up' },
    { from: 'good', to: 'inadequate', movement: 'down' },
    { from: 'good', to: 'good', movement: 'same' },
    { from: { missing: 'x', reason: 'not found' }, to: 'good', movement: 'unknown' },
  ] as const)('$from -> $to is $movement', ({ from, to, movement }) => {
    expect(gradeMovement(from, to)).toBe(movement);
  });
});

describe('gradeHistory', () => {
  it('reads 2015–2017 overall grades from the judgments dataset', () => {
    const history = gradeHistory('durham');
    expect(history.years.map((entry) => entry.year)).toEqual([2015, 2016, 2017]);
    for (const entry of history.years)
      expect(entry.grade).toEqual(judgmentOf(judgments, 'durham', entry.year, 'overall')?.grade);
    expect(history.movements.map((move) => [move.from, move.to])).toEqual([
      [2015, 2016],
      [2016, 2017],
    ]);
  });

  it('is unknown, not "same", where a year has no grade (no source states Derbyshire 2017)', () => {
    const history = gradeHistory('derbyshire');
    expect(history.years.find((entry) => entry.year === 2017)?.grade).toMatchObject({ missing: 'x' });
    expect(history.movements[1]?.movement).toBe('unknown');
  });
});
