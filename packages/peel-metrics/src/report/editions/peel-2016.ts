/**
 * HMIC's PEEL: Police effectiveness 2016 force report, as a layout: what each figure, panel and sentence shows and
 * in which order. Moving or adding a figure is an edit here; build-force-report.ts only walks it. Metrics are named
 * by registry id (their labels, units and precision are the registry's).
 *
 * Method notes on what the open data cannot rebuild (periods that differ from the report's, printed-only tables)
 * sit with the figure they qualify.
 */
import { formatPeriod } from 'peel-data';
import { METRIC, PART } from '../../registry/ids.ts';
import type { LayoutContext, ReportLayout } from '../layout.ts';

const ASB_DIFFERS =
  'the printed value compares 12 months to 31 March 2016 with the year before; the recomputed one compares ' +
  'calendar 2015 with 2014 (data.police.uk), so they are not subtracted';

const outcomesPeriod = ({ release }: LayoutContext): string =>
  release.outcomes ? ` in ${formatPeriod(release.outcomes.period)}` : '';

/**
 * The 2016 effectiveness report.
 * @example PEEL_2016_LAYOUT.figures.map((figure) => figure.number) // [1, 2, 3, 4, 5, 6, 7, 8, 9]
 */
export const PEEL_2016_LAYOUT: ReportLayout = {
  edition: 'peel-2016-effectiveness',
  title: ({ force }) => `PEEL: Police effectiveness 2016 – ${force.name}`,
  periodEnd: '2016-06-30',
  figures: [
    {
      kind: 'series',
      number: 1,
      metric: METRIC.crime_rate_trend_5yr,
      title: ({ force }) =>
        `Police-recorded crime rates (per 1,000 population) in ${force.name}, for the five years to 30 June 2016`,
      from: '2011-06-30',
      notes: [
        'Each point is the 12 months to that quarter end, divided by the mid-year population nearest the middle of ' +
          'the 12 months.',
      ],
    },
    {
      kind: 'metric-table',
      number: 2,
      title:
        'Police-recorded crime rates per 1,000 population compared with England and Wales, 12 months to 30 June 2016',
      metrics: [
        METRIC.crime_rate_total_excl_fraud,
        METRIC.crime_rate_victim_based,
        METRIC.crime_rate_sexual_offences,
        METRIC.crime_rate_assault_with_injury,
        METRIC.crime_rate_burglary_dwelling,
      ],
      notes: [
        'Burglary in a dwelling is a rate per 1,000 households, not population.',
        'Assault with injury cannot be rebuilt from the open data for 2016 (it is an offence code inside violence ' +
          'with injury).',
      ],
    },
    {
      kind: 'by-force',
      number: 3,
      metric: METRIC.asb_rate_change_yoy,
      title:
        'Percentage change in the rate of anti-social behaviour incidents (per 1,000 population), by force, calendar ' +
        '2015 compared with 2014 (data.police.uk)',
      notes: [
        'The report compared the 12 months to 31 March 2016 with the 12 months before; the open data give calendar ' +
          'years, so the nearest window is used and labelled.',
      ],
      publishedPeriodDiffers: ASB_DIFFERS,
    },
    {
      kind: 'outcomes-table',
      number: 4,
      metric: METRIC.outcome_proportion,
      metricIds: [METRIC.outcome_proportion, METRIC.outcomes_assigned_total, METRIC.outcomes_not_yet_assigned],
      title: ({ force, release }) =>
        `Proportion of outcomes assigned to offences recorded in ${force.name}` +
        `${release.outcomes ? `, ${formatPeriod(release.outcomes.period)}` : ''}, by outcome type`,
      notes: ({ release }) => [
        `Recomputed from Home Office outcomes for offences recorded in ${
          release.outcomes ? formatPeriod(release.outcomes.period) : '[x]'
        }: the 2016 report used the 12 months to 30 June 2016, which the open data do not cover.`,
        'Group rows are computed from the unrounded counts of their members, so printed members may not add to the ' +
          'printed group.',
        'Outcome type 10 (formal action not in the public interest, police decision) is counted in the total ' +
          'assigned but, as in the report, has no row.',
      ],
      exclusionNotes: 'all',
      printedNote: 'Figure 4 as printed.',
      printedBandNote:
        'Band as printed in Figure 4 (offences recorded in the 12 months to 30 June 2016); `band` is recomputed for ' +
        '2017/18.',
      printedDiffers: {
        force:
          'the printed value is for offences recorded in the 12 months to 30 June 2016; the recomputed one for ' +
          '2017/18, so they are not compared',
        englandWales: 'different periods (2016 printed, 2017/18 recomputed)',
      },
    },
    {
      kind: 'by-force',
      number: 5,
      metric: METRIC.evidential_difficulties_victim_not_support_pct,
      title: (context) =>
        "Percentage of 'evidential difficulties; victim does not support action' outcomes assigned to offences " +
        `recorded${outcomesPeriod(context)}, by force`,
      notes: [
        'Outcome types 14 and 16. The share can be affected by the level of crimes such as domestic abuse in a force.',
        'Period: offences recorded in 2017/18 (nearest open data).',
      ],
      publishedPeriodDiffers:
        'the printed value is for offences recorded in the 12 months to 30 June 2016; the recomputed one for 2017/18',
    },
    {
      kind: 'by-force',
      number: 6,
      metric: METRIC.vulnerable_victim_crime_pct,
      title:
        'Percentage of police-recorded crime with a vulnerable victim identified, by force, 12 months to 30 June 2016',
      notes: ["The number of offences with a vulnerable victim depends on each force's definition of vulnerability."],
      exclusionNotes: 'all',
    },
    {
      kind: 'printed-outcomes-table',
      number: 7,
      metric: METRIC.da_outcome_rate,
      title: ({ force }) =>
        `Rate of outcomes recorded in 12 months to 30 June 2016 for domestic-related offences in ${force.name}`,
      notes: [
        'Not comparable with Figure 4: these are outcomes recorded in the period divided by domestic abuse offences ' +
          'recorded in the period, not each offence tracked to its outcome.',
      ],
      exclusionNotes: 'excluded',
      unit: 'outcomes per 100 domestic abuse offences recorded',
      printedNote:
        'Figure 7 as printed (outcomes recorded for domestic abuse flagged offences ÷ domestic abuse offences ' +
        'recorded, not tracked).',
      printedBandNote: 'Band as printed in Figure 7.',
      notOpen:
        "domestic abuse outcomes come from HMIC's data collection, which is not open; only Durham Constabulary's " +
        'printed table is available',
      bandNotOpen:
        'cannot be recomputed: the by-force domestic abuse outcomes are not open data (the band the 2016 report ' +
        'printed is shown as printed)',
    },
    {
      kind: 'by-force',
      number: 8,
      metric: METRIC.ocgs_per_million,
      title: 'Organised crime groups per one million population, by force, as at 1 July 2016',
      notes: [
        'No comparison with earlier years: the suspension of OCG archiving from September 2014 to December 2015 ' +
          'affects the 2016 figures.',
      ],
      exclusionNotes: 'all',
    },
    {
      kind: 'printed-table',
      number: 9,
      metric: METRIC.ocg_predominant_crime_type_share,
      title: ({ force }) =>
        `Active organised crime groups by predominant crime type in ${force.name}, as at 1 July 2016`,
      period: { type: 'snapshot', date: '2016-07-01' },
      notes: ({ release, force }) => [
        'The report prints no percentages for this chart.',
        ...(release.durhamPublished?.force === force.slug
          ? release.durhamPublished.categorical
              .filter((c) => c.id === 'ocg_most_common_predominant_crime_type')
              .map(
                (c) =>
                  'Most common predominant crime type as printed: ' +
                  `${typeof c.durham === 'string' ? c.durham : '[x]'} (England and Wales: ` +
                  `${typeof c.englandWales === 'string' ? c.englandWales : '[x]'}).`,
              )
          : []),
      ],
      exclusionNotes: 'all',
    },
  ],
  forceInNumbers: [
    {
      id: 'calls-for-assistance',
      label: 'Calls for assistance (including those for domestic abuse)',
      items: [
        { kind: 'metric', metric: METRIC.calls_for_assistance_per_1000 },
        { kind: 'metric', metric: METRIC.da_calls_per_1000 },
      ],
    },
    {
      id: 'recorded-crime-and-outcomes',
      label: 'Recorded crime and crime outcomes',
      items: [
        { kind: 'metric', metric: METRIC.crime_rate_total_excl_fraud },
        { kind: 'metric', metric: METRIC.crime_change_yoy },
        {
          kind: 'figure-row',
          metric: `${METRIC.outcome_proportion}:charged-summonsed`,
          figure: 4,
          label: 'Charged/Summonsed',
        },
      ],
    },
    {
      id: 'anti-social-behaviour',
      label: 'Anti-social behaviour',
      items: [
        {
          kind: 'metric',
          metric: METRIC.asb_rate,
          publishedPeriodDiffers:
            'the printed rate is for the 12 months to 31 March 2016; the recomputed one for calendar 2015 ' +
            '(data.police.uk)',
        },
        { kind: 'metric', metric: METRIC.asb_rate_change_yoy, publishedPeriodDiffers: ASB_DIFFERS },
      ],
    },
    {
      id: 'domestic-abuse',
      label: 'Domestic abuse',
      items: [
        { kind: 'metric', metric: METRIC.da_share_of_recorded_crime },
        { kind: 'metric', metric: METRIC.da_recorded_change },
        {
          kind: 'unavailable',
          metric: METRIC.da_arrest_rate,
          label: 'Domestic abuse arrest rate',
          reason: ({ force }) =>
            `domestic abuse arrests come from HMIC's data collection, which is not open; no value for ${force.name}`,
          exclusionRuleFirst: true,
        },
      ],
    },
    {
      id: 'organised-crime-groups',
      label: 'Organised crime groups (OCGs)',
      items: [{ kind: 'metric', metric: METRIC.ocgs_per_million }],
    },
    {
      id: 'victim-satisfaction',
      label: 'Victim satisfaction',
      items: [
        {
          kind: 'unavailable',
          metric: METRIC.victim_satisfaction_whole_experience,
          label: 'Victim satisfaction with the whole experience',
          reason: 'the force-in-numbers panel values are not in the report text or in the open data',
          englandWalesMethod: 'mean-of-rates',
        },
      ],
    },
  ],
  crimeChange: {
    vs2011: METRIC.crime_change_vs_2011,
    victimBasedVs2011: METRIC.victim_based_crime_change_vs_2011,
    yearOnYear: METRIC.crime_change_yoy,
    forcesWithAnnualIncrease: METRIC.forces_with_annual_crime_increase,
  },
  domesticViolenceDisclosure: [
    PART.right_to_ask_count,
    PART.right_to_ask_rate,
    PART.right_to_know_count,
    PART.right_to_know_rate,
  ],
  otherMetricsExcept: [
    // Shown in Figure 2 and the crime-change block, with their printed values beside (issue 10).
    METRIC.crime_rate_total_excl_fraud,
    METRIC.crime_rate_victim_based,
    METRIC.crime_rate_sexual_offences,
    METRIC.crime_change_vs_2011,
    METRIC.victim_based_crime_change_vs_2011,
    METRIC.crime_change_yoy,
    METRIC.forces_with_annual_crime_increase,
    METRIC.crime_rate_assault_with_injury,
    METRIC.crime_rate_burglary_dwelling,
    METRIC.asb_rate,
    METRIC.asb_rate_change_yoy,
    METRIC.evidential_difficulties_victim_not_support_pct,
    METRIC.outcomes_assigned_total,
    METRIC.outcomes_not_yet_assigned,
    METRIC.vulnerable_victim_crime_pct,
    METRIC.da_calls_per_1000,
    METRIC.da_recorded_change,
    METRIC.da_share_of_recorded_crime,
    PART.right_to_ask_count,
    PART.right_to_ask_rate,
    PART.right_to_know_count,
    PART.right_to_know_rate,
    METRIC.ocgs_per_million,
  ],
  sentences: [
    { kind: 'judgment' },
    {
      kind: 'table-comparisons',
      figure: 2,
      cityOfLondonNote:
        ' This rate divides by the resident population only; the report used resident plus transient population, ' +
        'so it is far higher than the printed rate.',
    },
    {
      kind: 'change',
      of: { crimeChange: 'vs2011' },
      measure: 'police-recorded crime (excluding fraud)',
      basis: 'counts',
      periodWords: 'the',
    },
    {
      kind: 'change',
      of: { crimeChange: 'victimBasedVs2011' },
      measure: 'victim-based crime',
      basis: 'counts',
      periodWords: 'the',
    },
    {
      kind: 'change',
      of: { crimeChange: 'yearOnYear' },
      measure: 'police-recorded crime (excluding fraud)',
      basis: 'counts',
      periodWords: 'the',
    },
    {
      kind: 'forces-with-increase',
      measure: 'police-recorded crime (excluding fraud)',
      period: 'the 12 months to 30 June 2016',
    },
    {
      kind: 'comparison',
      of: { panel: 'anti-social-behaviour', metric: METRIC.asb_rate },
      measure: 'rate of anti-social behaviour incidents on data.police.uk',
      unit: 'per 1,000 population',
    },
    {
      kind: 'change',
      of: { panel: 'anti-social-behaviour', metric: METRIC.asb_rate_change_yoy },
      measure: 'the rate of anti-social behaviour incidents per 1,000 population (data.police.uk)',
      basis: 'rates',
      periodWords: 'bare',
    },
    { kind: 'banding', figure: 4 },
    {
      kind: 'comparison',
      of: { figure: 5 },
      measure:
        "share of recorded offences with the outcome 'evidential difficulties; victim does not support police action'",
      unit: 'percent',
    },
    { kind: 'comparison', of: { figure: 6 }, missingSentence: true },
    { kind: 'comparison', of: { figure: 8 }, missingSentence: true },
    { kind: 'disclosure-comparisons', period: 'the 12 months to 30 June 2016' },
    {
      kind: 'missing',
      of: { panel: 'domestic-abuse', metric: METRIC.da_arrest_rate },
      measure: 'domestic abuse arrests',
    },
    {
      kind: 'exclusions',
      metrics: [
        [METRIC.outcome_proportion, 'the outcomes table (Figures 4 and 5)'],
        [METRIC.da_outcome_rate, 'the domestic abuse outcomes table (Figure 7)'],
        [METRIC.vulnerable_victim_crime_pct, 'the vulnerable-victim figure (Figure 6)'],
        [METRIC.ocgs_per_million, 'the organised crime group rate (Figure 8)'],
      ],
    },
  ],
  footnotes: [
    "England and Wales recorded-crime rates are the Home Office's England and Wales figure (the 43 territorial " +
      'forces and British Transport Police over their population), which the printed rates fit although Annex A ' +
      'says British Transport Police is excluded; changes in crime and every other figure cover the 43 territorial ' +
      'forces only.',
    "Recorded crime should be read with care: forces recorded more of the crime reported to them after HMIC's 2014 " +
      'inspection of crime-data integrity, which raised recorded crime. A recorded crime rate on its own is not a ' +
      'measure of effectiveness.',
    'Rates for the 12 months to 30 June 2016 use ONS mid-2015 population estimates (the revised series); the report ' +
      'used the estimates available in 2016. Where the report printed a figure, the table of printed and recomputed ' +
      'figures gives the difference and its cause.',
    'Percentage changes in recorded crime are on counts: the report does not say which it used, and its wording ' +
      'describes volumes.',
    'Outcomes are for offences recorded in 2017/18, the nearest Home Office open data; outcomes keep being assigned ' +
      'after the data are extracted.',
    'Values marked [x] are not available, [z] not applicable: a missing value is never shown as 0.',
    {
      force: 'city-of-london',
      text:
        'City of London: the report divided by resident plus transient population, which the open data do not have; ' +
        "rates here use the resident population and are far higher than the report's.",
    },
  ],
  exclusionNotesFor: [
    METRIC.outcome_proportion,
    METRIC.da_outcome_rate,
    METRIC.vulnerable_victim_crime_pct,
    METRIC.ocgs_per_million,
    METRIC.ocg_predominant_crime_type_share,
    METRIC.asb_rate,
  ],
};
