import { durhamPublished, forces, isMissing, type NumberOrMissing } from 'peel-data';
import { describe, expect, it } from 'vitest';
import { formatValue } from '../format/format-value.ts';
import type { MetricFigure } from '../model/types.ts';
import { METRIC_IDS, PART_IDS } from '../registry/ids.ts';
import { buildForceReport } from '../report/build-force-report.ts';
import { renderReport } from './render-report.ts';

const report = buildForceReport('durham');
const markdown = renderReport(report, { format: 'markdown' });
const text = renderReport(report, { format: 'text' });
/** Everything above the source list (whose file paths legitimately hold underscores). */
const body = (rendered: string) => rendered.slice(0, rendered.search(/^Sources$|^## Sources$/m));

/** Every measure the report shows for the force, with its precision and unit. */
function measures(): { label: string; value: NumberOrMissing; precision: number; unit: string }[] {
  const of = (figure: MetricFigure) => ({ ...figure, value: figure.force.value });
  return [
    ...report.forceInNumbers.flatMap((area) => area.items.map(of)),
    ...report.figures.flatMap((figure) =>
      figure.kind === 'table' ? figure.rows.map(of) : figure.kind === 'by-force' ? [of(figure.subject)] : [],
    ),
    ...report.domesticViolenceDisclosure.map(of),
    ...report.otherMetrics.map(of),
  ];
}

describe("renderReport: Durham's report as Markdown", () => {
  it('has every figure title as a heading', () => {
    for (const figure of report.figures) expect(markdown).toContain(`### Figure ${figure.number}: ${figure.title}`);
  });

  it("has every measure's label and printed value on one table row", () => {
    const lines = markdown.split('\n');
    for (const measure of measures()) {
      // Outcome types recur in Figures 4 and 7: one of the rows with the label must hold the value.
      const rows = lines.filter((line) => line.startsWith(`| ${measure.label.replaceAll('|', '\\|')}`));
      expect(rows.length, measure.label).toBeGreaterThan(0);
      const printed = isMissing(measure.value)
        ? `[${measure.value.missing}][^`
        : formatValue(measure.value, { precision: measure.precision, unit: measure.unit });
      expect(
        rows.some((row) => row.includes(` ${printed}`)),
        `${measure.label}: ${printed}`,
      ).toBe(true);
    }
  });

  it('gives every missing marker a footnote holding its reason, and defines each footnote once', () => {
    const used = new Set([...markdown.matchAll(/\[[xzcu]\]\[\^(\d+)\]/g)].map((match) => match[1]));
    const defined = [...markdown.matchAll(/^\[\^(\d+)\]: \[[xzcu]\] (.+)$/gm)].map((match) => match[1]);
    expect(used.size).toBeGreaterThan(0);
    expect(new Set(defined)).toEqual(used);
    expect(defined).toHaveLength(new Set(defined).size);
    // A marker without its footnote would be a bare [x].
    expect(markdown.replace(/\[[xzcu]\]\[\^\d+\]/g, '').match(/\| \[[xzcu]\] \|/)).toBeNull();
  });

  it('footnotes the arrest rate Durham could not provide with the reason the report gives', () => {
    const arrests = report.forceInNumbers
      .flatMap((area) => area.items)
      .find((item) => item.metricId === 'da_arrest_rate')!;
    expect(isMissing(arrests.force.value)).toBe(true);
    if (isMissing(arrests.force.value)) expect(markdown).toContain(arrests.force.value.reason);
  });

  it('never prints [object Object], undefined, NaN or a raw metric, part or printed-figure id', () => {
    for (const rendered of [markdown, text]) {
      expect(rendered).not.toMatch(/\[object Object\]|\bundefined\b|\bNaN\b/);
      const ids = [...METRIC_IDS, ...PART_IDS, ...durhamPublished.figures.map((figure) => figure.id)];
      for (const id of ids) expect(body(rendered), id).not.toMatch(new RegExp(`\\b${id}\\b`));
      expect(body(rendered)).not.toMatch(/\b[a-z]+(?:_[a-z0-9]+)+\b/);
    }
  });

  it('names every measure with its unit', () => {
    const rows = markdown.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Measure'));
    const measureRows = rows.filter((line) => /\| (period not stated|.*\d{4}.*) \|/.test(line.split(' | ')[1] ?? ''));
    for (const row of measureRows) expect(row.split(' | ')[0], row).toMatch(/\(.+\)|per |%/);
  });

  it('does not contradict itself where Durham printed nothing', () => {
    expect(markdown).not.toMatch(/the value in Durham Constabulary's report is not in the open data/);
  });

  it('gives a reason once, not once per force: no two footnotes differ only by a force name', () => {
    const footnotes = markdown.split('\n').filter((line) => /^\[\^\d+\]: /.test(line));
    expect(footnotes.length).toBeGreaterThan(0);
    const names = forces.flatMap((force) => [force.name, force.shortName]).sort((a, b) => b.length - a.length);
    const shapes = footnotes.map((line) =>
      names.reduce((text, name) => text.replaceAll(name, '<force>'), line.replace(/^\[\^\d+\]: /, '')),
    );
    expect(new Set(shapes).size, shapes.join('\n')).toBe(shapes.length);
  });
});

describe('renderReport: plain text', () => {
  it('has the same figures and footnote numbers as text', () => {
    for (const figure of report.figures) expect(text).toContain(`Figure ${figure.number}: ${figure.title}`);
    expect(text).toMatch(/\[x\] \(note 1\)/);
    expect(text).toMatch(/^1\. \[x\] /m);
    expect(text).not.toMatch(/\[\^\d+\]|\*\*/);
  });

  it('says what is wrong with a bad format or report', () => {
    expect(() => renderReport(report, { format: 'html' as never })).toThrow(
      /options.format must be 'markdown' or 'text'/,
    );
    expect(() => renderReport({} as never)).toThrow(/expected a report model from buildForceReport/);
  });
});
