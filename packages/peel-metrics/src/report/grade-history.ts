/**
 * Overall effectiveness grade by PEEL year (2015, 2016, 2017) and its movement.
 *
 * Method: grades are those public sources state (peel-data judgments); a year with no stated grade is
 * Missing. Movement compares consecutive years on the scale inadequate < requires improvement < good <
 * outstanding: "up", "down" or "same", and "unknown" when either year is missing.
 */
import { GRADES, isMissing, judgmentOf, missing, type Grade, type Missing, type Provenance } from 'peel-data';
import { resolveRelease } from '../data/release.ts';
import { resolveTerritorialForce } from '../data/release.ts';
import type { ReleaseOptions } from './edition.ts';
import type { GradeHistory } from '../model/types.ts';

const YEARS = [2015, 2016, 2017] as const;

/**
 * Movement between two grades.
 * @example gradeMovement('good', 'outstanding') // 'up'
 */
export function gradeMovement(from: Grade | Missing, to: Grade | Missing): 'up' | 'down' | 'same' | 'unknown' {
  if (isMissing(from) || isMissing(to)) return 'unknown';
  // GRADES is ordered best first, so a lower index is a better grade.
  const change = GRADES.indexOf(from) - GRADES.indexOf(to);
  return change > 0 ? 'up' : change < 0 ? 'down' : 'same';
}

/**
 * A force's overall effectiveness grades and how they moved.
 * @example gradeHistory('durham').movements[0] // { from: 2015, to: 2016, movement: 'same' }
 */
export function gradeHistory(forceSlug: string, options: ReleaseOptions = {}): GradeHistory {
  const release = resolveRelease(options.release);
  const force = resolveTerritorialForce(forceSlug, release);
  const years = YEARS.map((year) => {
    const judgment = release.judgments ? judgmentOf(release.judgments, force.slug, year, 'overall') : undefined;
    const stated = judgment?.grade;
    const grade: Grade | Missing =
      stated === undefined
        ? missing('x', `no ${year} overall grade for ${force.name} in this release`)
        : stated === 'ungraded'
          ? missing('z', 'not graded')
          : stated;
    const provenance: Provenance | undefined = judgment?.source
      ? {
          source: judgment.source.dataset,
          note: `"${judgment.source.quote}" (${judgment.source.publisher}, ${judgment.source.url})`,
        }
      : undefined;
    return provenance ? { year, grade, provenance } : { year, grade };
  });
  const movements = years.slice(1).map((entry, index) => ({
    from: (years[index] as (typeof years)[number]).year,
    to: entry.year,
    movement: gradeMovement((years[index] as (typeof years)[number]).grade, entry.grade),
  }));
  return { force: { slug: force.slug, name: force.name, shortName: force.shortName }, years, movements };
}
