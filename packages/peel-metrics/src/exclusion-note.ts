import { formatPeriod, getForce, type ChangePeriod, type Period } from 'peel-data';
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

/**
 * A rule of an edition set aside for values its evidence does not cover, as a caveat: what the report did, which
 * data that came from, and the rule applied instead (the scope's `otherwise`).
 * @example
 * setAsideNote(EXCLUSION_REGISTRY_2016[0])
 * // "Dorset Police: the 2016 report's rule (excluded: …) comes from its data for the 12 months to 30 June 2016 …"
 */
export function setAsideNote(rule: ExclusionRule): string {
  const covered = rule.scope?.periods.map((period) => formatAnyPeriod(period)).join(' and ') ?? 'its own period';
  return (
    `${getForce(rule.force)?.name ?? rule.force}: the 2016 report's rule (${rule.treatment}: ${rule.reason}) comes ` +
    `from its data for ${covered} and is not applied to other periods; rule applied instead: ` +
    `${rule.scope?.otherwise ?? 'none'}`
  );
}

function formatAnyPeriod(period: Period | ChangePeriod): string {
  return period.type === 'change'
    ? `the change from ${formatPeriod(period.from)} to ${formatPeriod(period.to)}`
    : formatPeriod(period);
}
