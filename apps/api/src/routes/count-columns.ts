/**
 * The CSV columns of the counts behind a ratio (issue 10, "counts beside rates"): numerator, denominator and the
 * population's mid-year, read from the value's provenance, where peel-metrics' compute layer put them. A value that
 * is no ratio of counts (a printed value, a count of forces, a change of rates) has `[z]` with the reason.
 */
import { isMissing, missing, type Missing, type Provenance, type RatioCounts } from 'peel-data';
import type { CsvCell, CsvColumn } from '../http/csv.ts';

const NO_RATIO = 'the value is no ratio of counts (a printed value, a count, or a change of rates)';

function countsOf(provenance: Provenance | Missing | undefined): RatioCounts | Missing {
  if (provenance === undefined) return missing('z', NO_RATIO);
  if (isMissing(provenance)) return provenance;
  return provenance.counts ?? missing('z', NO_RATIO);
}

/**
 * Columns `<prefix>numerator`, `<prefix>denominator`, `<prefix>population_year` of a row's provenance.
 * @example countColumns((row: MetricRow) => row.provenance).map((column) => column.header)
 * // ['numerator', 'denominator', 'population_year']
 */
export function countColumns<Row>(
  provenanceOf: (row: Row) => Provenance | Missing | undefined,
  prefix = '',
): CsvColumn<Row>[] {
  const pick =
    (read: (counts: RatioCounts) => CsvCell) =>
    (row: Row): CsvCell => {
      const counts = countsOf(provenanceOf(row));
      return isMissing(counts) ? counts : read(counts);
    };
  return [
    { header: `${prefix}numerator`, value: pick((counts) => counts.numerator), mayBeMissing: true },
    { header: `${prefix}denominator`, value: pick((counts) => counts.denominator), mayBeMissing: true },
    {
      header: `${prefix}population_year`,
      value: pick((counts) => counts.populationYear ?? missing('z', 'the denominator is a count, not a population')),
      mayBeMissing: true,
    },
  ];
}
