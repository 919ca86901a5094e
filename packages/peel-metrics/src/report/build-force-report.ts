/**
 * The whole PEEL 2016 effectiveness report model for one force. (Stub until the datasets land.)
 */
import type { EditionOptions } from './edition.ts';
import type { ForceReport } from './types.ts';

/**
 * Builds the 2016 effectiveness report model for any of the 43 territorial forces.
 * @example buildForceReport('durham').judgments.overall.grade // 'outstanding'
 */
export function buildForceReport(forceSlugOrCode: string, options: EditionOptions = {}): ForceReport {
  void forceSlugOrCode;
  void options;
  throw new Error('buildForceReport: not implemented yet');
}
