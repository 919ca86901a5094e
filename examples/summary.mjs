// The same few lines everywhere (Node, a browser, a Cloudflare Worker): a force's PEEL 2016 report summary,
// recomputed by peel-metrics from the data in peel-data. Nothing here computes a figure itself.
import { formatMissing, getForce, isMissing } from 'peel-data';
import { buildForceReport, formatValue } from 'peel-metrics';

/** Thrown for a slug that names no force, so callers can answer "not found" rather than "broken". */
export class UnknownForceError extends Error {}

/** A grade, or the missing marker and its reason when the force has no grade. */
function gradeText(grade) {
  return isMissing(grade) ? `${formatMissing(grade)} ${grade.reason}` : grade;
}

/** "label (unit): force value; England and Wales: value" for one figure of the report model. */
function figureLine(figure) {
  const format = (value) => formatValue(value, { precision: figure.precision, unit: figure.unit });
  return (
    `${figure.label} (${figure.unit}): ${format(figure.force.value)}; England and Wales: ` +
    `${format(figure.englandWales.value)}`
  );
}

/**
 * The summary of one force's 2016 report, as lines of text.
 * @example
 * forceSummary('durham')
 * // ['Durham Constabulary: PEEL: Police effectiveness 2016', 'Overall grade (2016): outstanding', …]
 */
export function forceSummary(slug) {
  const force = getForce(slug);
  if (!force) throw new UnknownForceError(`forceSummary(slug): no force "${slug}"; try 'durham'`);
  const report = buildForceReport(force.slug);
  const increase = report.crimeChange.forcesWithAnnualIncrease;
  return [
    report.title,
    `Overall grade (2016): ${gradeText(report.judgments.overall.grade)}`,
    ...report.judgments.questions.map((question) => `Question ${question.number}: ${gradeText(question.grade)}`),
    figureLine(report.crimeChange.vs2011),
    figureLine(report.crimeChange.yearOnYear),
    `Forces with an annual increase in crime: ${formatValue(increase.value, { precision: 0 })} of ${increase.outOf}`,
  ];
}
