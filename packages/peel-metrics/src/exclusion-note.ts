import { getForce } from 'peel-data';
import type { ExclusionRule } from './exclusions.ts';

/**
 * An exclusion rule as a note a reader can follow: the force's name (not its slug), then the reason.
 * Kept out of exclusions.ts so the pure core does not load the forces table.
 * @example
 * exclusionNote({ force: 'humberside', treatment: 'excluded', reason: 'could not provide full data', metrics: [] })
 * // 'Humberside Police: could not provide full data'
 */
export function exclusionNote(rule: ExclusionRule): string {
  return `${getForce(rule.force)?.name ?? rule.force}: ${rule.reason}`;
}
