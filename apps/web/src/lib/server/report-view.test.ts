import { durhamPublished, isMissing, territorialForces } from 'peel-data';
import { BAND_LABEL, buildForceReport, formatValue, type BandResult, type PublishedBand } from 'peel-metrics';
import { describe, expect, it } from 'vitest';
import { bandCell, printedBandNotes, toReportView, type FigureView } from './report-view.ts';

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
      const differs =
        difference.published !== difference.recomputed ||
        difference.publishedEnglandWales !== difference.recomputedEnglandWales;
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

// A band as peel-metrics returns it, for the pure band-cell tests (only band, rank and n are printed).
const recomputedBand = (band: BandResult['band'], rank: number): BandResult => ({
  band,
  rank,
  rankFromBottom: 43 - rank,
  n: 42,
  k: 10,
  cutoffs: {},
  direction: 'rank 1 = highest value',
  rule: 'test rule',
});
const printedBand = (band: PublishedBand['band'], printed: string): PublishedBand => ({
  band,
  printed,
  provenance: { source: 'peel-2016-durham-report', period: { type: 'rolling-12m', end: '2016-06-30' } },
});
const financialYear = { type: 'financial-year', startYear: 2017 } as const;
const notOpen = { missing: 'x', reason: 'the by-force data are not open' } as const;

describe('bandCell', () => {
  it.each([
    {
      name: 'a recomputed band alone',
      row: { band: recomputedBand('among-the-lowest', 40), period: financialYear },
      text: 'one of the lowest (rank 40 of 42)',
      prefix: undefined,
    },
    {
      name: 'a printed band alone',
      row: { publishedBand: printedBand('among-the-highest', 'among the highest'), period: financialYear },
      text: 'among the highest (as printed, 12 months to 30 June 2016)',
      prefix: undefined,
    },
    {
      name: 'a printed band and a different recomputed one',
      row: {
        publishedBand: printedBand('among-the-highest', 'among the highest'),
        band: recomputedBand('among-the-lowest', 38),
        period: financialYear,
      },
      text:
        'among the highest (as printed, 12 months to 30 June 2016); recomputed for financial year 2017/18: one ' +
        'of the lowest (rank 38 of 42)',
      prefix: undefined,
    },
    {
      name: 'a printed band and the same recomputed one',
      row: {
        publishedBand: printedBand('among-the-highest', 'among the highest'),
        band: recomputedBand('among-the-highest', 2),
        period: financialYear,
      },
      text:
        'among the highest (as printed, 12 months to 30 June 2016); recomputed for financial year 2017/18: the ' +
        'same band (rank 2 of 42)',
      prefix: undefined,
    },
    {
      name: 'a printed band that cannot be recomputed',
      row: {
        publishedBand: printedBand('among-the-lowest', 'among the lowest'),
        band: notOpen,
        period: { type: 'rolling-12m', end: '2016-06-30' } as const,
      },
      text: '[x]',
      prefix: 'among the lowest (as printed, 12 months to 30 June 2016); recomputed: ',
    },
  ])('prints $name', ({ row, text, prefix }) => {
    const cell = bandCell(row);
    expect(cell.text).toBe(text);
    expect(cell.prefix).toBe(prefix);
    expect(cell.missing).toBe(text === '[x]' ? notOpen : undefined);
  });

  it('says why printed and recomputed bands may differ only where a printed band exists', () => {
    expect(printedBandNotes([{ band: recomputedBand('among-the-lowest', 40), period: financialYear }])).toEqual([]);
    const notes = printedBandNotes([
      {
        publishedBand: printedBand('among-the-highest', 'among the highest'),
        band: recomputedBand('among-the-lowest', 38),
        period: financialYear,
      },
      { band: recomputedBand('broadly-in-line', 20), period: financialYear },
    ]);
    expect(notes.join(' ')).toContain('12 months to 30 June 2016');
    expect(notes.join(' ')).toMatch(/financial year 2017\/18 .*a different period/);
  });
});

describe('printed bands on the report page', () => {
  const bandColumn = (figure: FigureView) => figure.table.head.indexOf('Band');
  const bandCells = (figure: FigureView) =>
    figure.table.rows.map((row) => ({ label: row.header.text, cell: row.cells[bandColumn(figure) - 1]! }));
  const shownText = (cell: { prefix?: string | undefined; text: string }) => `${cell.prefix ?? ''}${cell.text}`;

  const durham = toReportView(buildForceReport('durham'));
  const figure = (view: typeof durham, number: number) =>
    view.figures.find((candidate) => candidate.number === number)!;

  it.each([
    { number: 4, printed: durhamPublished.outcomes },
    { number: 7, printed: durhamPublished.domesticAbuseOutcomes },
  ])('shows each band the Durham report prints in Figure $number, marked as printed', ({ number, printed }) => {
    const expected = printed.flatMap((row) => (row.band ? [row.band] : []));
    expect(expected.length).toBeGreaterThan(0);
    const cells = bandCells(figure(durham, number)).filter(({ cell }) => shownText(cell).includes('(as printed'));
    expect(cells.map(({ cell }) => shownText(cell).split(' (as printed')[0]).sort()).toEqual([...expected].sort());
    expect(figure(durham, number).notes.join(' ')).toContain('as printed');
  });

  it(
    'puts the recomputed 2017/18 band beside a printed 2016 band that differs (investigation complete, no ' +
      'suspect)',
    () => {
      // The 2016 report prints Durham "among the highest" for outcome 18; the 2017/18 open data rank it among the
      // lowest.
      const row = bandCells(figure(durham, 4)).find(({ label }) => label.includes('Investigation complete'))!;
      expect(shownText(row.cell)).toMatch(
        new RegExp(
          '^among the highest \\(as printed, 12 months to 30 June 2016\\); ' +
            'recomputed for financial year 2017/18: one of the lowest \\(rank \\d+ of \\d+\\)$',
        ),
      );
    },
  );

  it('marks the domestic abuse bands it cannot recompute as [x] after the printed band (Figure 7)', () => {
    const printedCells = bandCells(figure(durham, 7)).filter(({ cell }) => shownText(cell).includes('(as printed'));
    for (const { cell } of printedCells) {
      expect(cell.missing?.missing).toBe('x');
      expect(cell.prefix).toMatch(/; recomputed: $/);
    }
  });

  it('never labels a recomputed band as printed: rows without a printed band show the recomputed band words', () => {
    const model = buildForceReport('durham');
    const outcomes = model.figures.find((candidate) => candidate.number === 4)!;
    if (outcomes.kind !== 'table') throw new Error('figure 4 should be a table');
    outcomes.rows.forEach((row, index) => {
      const cell = bandCells(figure(durham, 4))[index]!.cell;
      if (row.publishedBand || !row.band || isMissing(row.band)) return;
      expect(cell.text).toBe(`${BAND_LABEL[row.band.band]} (rank ${row.band.rank} of ${row.band.n})`);
    });
  });

  it.each(['dyfed-powys', 'kent'])('prints no printed band for %s, whose report is not transcribed', (slug) => {
    const view = toReportView(buildForceReport(slug));
    const texts = view.figures.flatMap((candidate) => [
      ...candidate.notes,
      ...candidate.table.rows.flatMap((row) => row.cells.map(shownText)),
    ]);
    expect(texts.filter((text) => text.includes('as printed'))).toEqual([]);
    // Its Figure 4 still has recomputed bands.
    expect(bandCells(figure(view, 4)).some(({ cell }) => cell.text.startsWith('one of the'))).toBe(true);
  });
});

describe('the reconciliation section (issue 10)', () => {
  const report = buildForceReport('durham');
  const view = toReportView(report);
  it('has one row per printed value the open data rebuild, with the printed text and a cause', () => {
    expect(view.reconciliation.rows).toHaveLength(report.reconciliation.length);
    for (const [index, row] of report.reconciliation.entries()) {
      const cells = view.reconciliation.rows[index]?.cells.map((cell) => cell.text) ?? [];
      expect(cells).toContain(row.printed.text);
      expect(cells).toContain(row.evidence);
    }
  });
  it('prints the printed change with its one decimal, and the recomputed one with more', () => {
    const printed = durhamPublished.figures.find((figure) => figure.id === 'crime_change_vs_2011');
    const row = view.reconciliation.rows.find((candidate) => candidate.cells[1]?.text === printed?.durham.printed);
    expect(row?.cells[2]?.text).toMatch(/^\+\d+\.\d{3}%$/);
  });
  it('gives the specific cause, not the generic vintage sentence, where one is known', () => {
    const differences = [...view.differences, ...view.figures.flatMap((figure) => figure.differences)];
    const rates = differences.filter((difference) => /per 1,000 population/.test(difference.label));
    expect(rates.length).toBeGreaterThan(0);
    for (const difference of rates) expect(difference.reasons.join(' ')).not.toMatch(/first decimal place/);
  });
  it('is empty for a force whose report is not transcribed', () => {
    expect(toReportView(buildForceReport('kent')).reconciliation.rows).toEqual([]);
  });
});

describe('Figure 2 says which rows are copied from print (issue 10)', () => {
  const figure = toReportView(buildForceReport('durham')).figures.find((candidate) => candidate.number === 2);
  const headers = figure?.table.rows.map((row) => row.header.text) ?? [];
  it('labels assault with injury and burglary as printed, and the recomputed rates not', () => {
    expect(headers.filter((header) => header.includes('(as printed in the report)'))).toHaveLength(2);
    expect(headers.find((header) => header.startsWith('Assault with injury'))).toContain('as printed');
    expect(headers.find((header) => header.startsWith('Police-recorded crime'))).not.toContain('as printed');
  });
});
