/**
 * Overall effectiveness grade by PEEL year (2015, 2016, 2017) and its movement. (Stub until the datasets land.)
 */
import type { ReleaseOptions } from './edition.ts';
import type { GradeHistory } from './types.ts';

/**
 * A force's overall effectiveness grades and how they moved.
 * @example gradeHistory('durham').movements[0] // { from: 2015, to: 2016, movement: 'same' }
 */
export function gradeHistory(forceSlug: string, options: ReleaseOptions = {}): GradeHistory {
  void forceSlug;
  void options;
  throw new Error('gradeHistory: not implemented yet');
}
