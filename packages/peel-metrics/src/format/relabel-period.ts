import { formatPeriod, isMissing, type ChangePeriod, type Missing, type Period } from 'peel-data';

type AnyPeriod = Period | ChangePeriod;

/**
 * A catalogue label names the report's period ("… in the 12 months to 30 June 2016"); where the open data cover
 * another period (outcomes 2017/18, ASB calendar years), the label must name the data's period instead.
 * @example
 * const fy = { type: 'financial-year', startYear: 2017 } as const;
 * relabelPeriod('Rate, 12 months to 30 June 2016', { type: 'rolling-12m', end: '2016-06-30' }, fy)
 * // 'Rate, financial year 2017/18'
 */
export function relabelPeriod(
  label: string,
  reportPeriod: AnyPeriod | Missing | undefined,
  dataPeriod: AnyPeriod | Missing | undefined,
): string {
  if (!reportPeriod || !dataPeriod || isMissing(reportPeriod) || isMissing(dataPeriod)) return label;
  const reportWords = formatPeriod(reportPeriod);
  const dataWords = formatPeriod(dataPeriod);
  if (reportWords === dataWords) return label;
  const relabelled = label.replaceAll(reportWords, dataWords);
  // A change label may name only its later window ("12 months to 30 June 2016 compared with the previous 12 months").
  if (relabelled === label && reportPeriod.type === 'change' && dataPeriod.type === 'change')
    if (reportPeriod.to.type === 'rolling-12m' && dataPeriod.to.type === 'rolling-12m')
      return label.replaceAll(formatPeriod(reportPeriod.to), formatPeriod(dataPeriod.to));
  return relabelled;
}
