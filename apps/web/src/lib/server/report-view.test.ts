import { isMissing, territorialForces } from 'peel-data';
import { buildForceReport, formatValue } from 'peel-metrics';
import { describe, expect, it } from 'vitest';
import { toReportView } from './report-view.ts';

// Real report models from peel-metrics, for an English force with published figures (Durham), a Welsh
// force, the force with the most exclusions (City of London) and one excluded from outcomes (Dorset).
const SLUGS = ['durham', 'dyfed-powys', 'city-of-london', 'dorset'];

describe.each(SLUGS)('toReportView(%s)', (slug) => {
  const model = buildForceReport(slug);
  const view = toReportView(model);

  it('keeps every figure of the model, in the report order, with its title', () => {
    expect(view.figures.map((figure) => figure.number)).toEqual(model.figures.map((figure) => figure.number));
    view.figures.forEach((figure, index) => expect(figure.caption).toContain(model.figures[index]!.title));
  });

  it('gives every figure a chart (or says why not), a table, a period and a source', () => {
    for (const figure of view.figures) {
      expect(figure.table.rows.length, figure.caption).toBeGreaterThan(0);
      expect(figure.periodLabel, figure.caption).not.toBe('');
      expect(figure.sources.length, figure.caption).toBeGreaterThan(0);
      if (figure.chart.type === 'none') expect(figure.chart.reason).not.toBe('');
    }
  });

  it('draws ranked figures in rank order with exactly this force highlighted', () => {
    for (const [index, figure] of model.figures.entries()) {
      if (figure.kind !== 'by-force') continue;
      const chart = view.figures[index]!.chart;
      if (chart.type !== 'bars') throw new Error(`figure ${figure.number} should be a bar chart`);
      const ranks = chart.rows.map((row) => {
        const bar = figure.bars.find((candidate) => candidate.force.slug === row.key)!;
        return bar.band && !isMissing(bar.band) ? bar.band.rank : Number.POSITIVE_INFINITY;
      });
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      const subject = figure.bars.find((bar) => bar.isSubject);
      const highlighted = chart.rows.filter((row) => row.highlighted).map((row) => row.key);
      expect(highlighted).toEqual(subject && !isMissing(subject.value) ? [model.force.slug] : []);
      // Forces with no value are not drawn as bars (never as 0) but listed with their marker.
      const missing = figure.bars.filter((bar) => isMissing(bar.value));
      expect(chart.notShown.map((item) => item.label)).toEqual(missing.map((bar) => bar.force.shortName));
      expect(chart.rows.length + chart.notShown.length).toBe(figure.bars.length);
    }
  });

  it('prints missing values as their marker with the reason, never as 0 or blank', () => {
    const cells = view.figures.flatMap((figure) => figure.table.rows.flatMap((row) => row.cells));
    for (const cell of cells.filter((candidate) => candidate.missing)) {
      expect(cell.text).toMatch(/^\[[xzcu]\]$/);
      expect(cell.missing!.reason.length).toBeGreaterThan(0);
    }
  });

  it('prints table rows with peel-metrics formatValue at the printed precision', () => {
    for (const [index, figure] of model.figures.entries()) {
      if (figure.kind !== 'table') continue;
      figure.rows.forEach((row, rowIndex) => {
        const printed = view.figures[index]!.table.rows[rowIndex]!.cells[0]!.text;
        expect(printed).toBe(formatValue(row.force.value, { precision: row.precision, unit: row.unit }));
      });
    }
  });
});

describe('published and recomputed values', () => {
  it('shows both, with a reason, wherever the printed numbers differ', () => {
    const model = buildForceReport('durham');
    const view = toReportView(model);
    const differing = model.figures
      .flatMap((figure) => (figure.kind === 'table' ? figure.rows : figure.kind === 'by-force' ? [figure.subject] : []))
      .filter((row) => row.published && formatValue(row.published.force, row) !== formatValue(row.force.value, row));
    const shown = view.figures.flatMap((figure) => figure.differences);
    expect(shown.length).toBeGreaterThanOrEqual(differing.length);
    for (const difference of shown) {
      const differs = difference.published !== difference.recomputed || difference.publishedEnglandWales !== difference.recomputedEnglandWales;
      expect(differs, difference.label).toBe(true);
      expect(difference.reasons.length, `${difference.label} needs a reason`).toBeGreaterThan(0);
    }
  });
});

describe('every force', () => {
  it('has a report view with the overall judgment and five questions', () => {
    for (const force of territorialForces) {
      const view = toReportView(buildForceReport(force.slug));
      expect(view.questions, force.slug).toHaveLength(5);
      expect(view.name).toBe(force.name);
    }
  });
});
