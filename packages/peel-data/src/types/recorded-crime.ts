// Recorded crime, zod-free (the zod schemas are in schema/recorded-crime.ts).
import type { NumberOrMissing } from './missing.ts';
import type { SourceId } from './provenance.ts';

/**
 * Where an offence group sits in the Home Office classification used by PEEL.
 * @example OFFENCE_CATEGORIES[0] // 'victim-based'
 */
export const OFFENCE_CATEGORIES = ['victim-based', 'other-crimes-against-society', 'fraud'] as const;
/** Category of an offence group. */
export type OffenceCategory = (typeof OFFENCE_CATEGORIES)[number];

/**
 * Every `Offence` label of the recorded-crime file, with its category. Total recorded crime (excluding
 * fraud) = victim-based + other crimes against society; victim-based crime = all victim-based groups.
 * The three fraud-body labels are the national fraud series (Action Fraud, CIFAS, UK Finance).
 * @example OFFENCE_GROUPS.filter((g) => g.category === 'other-crimes-against-society').length // 4
 */
export const OFFENCE_GROUPS = [
  { id: 'homicide', label: 'Homicide', category: 'victim-based' },
  {
    id: 'death-or-serious-injury-caused-by-illegal-driving',
    label: 'Death or serious injury caused by illegal driving',
    category: 'victim-based',
  },
  { id: 'violence-with-injury', label: 'Violence with injury', category: 'victim-based' },
  { id: 'violence-without-injury', label: 'Violence without injury', category: 'victim-based' },
  { id: 'stalking-and-harassment', label: 'Stalking and harassment', category: 'victim-based' },
  { id: 'sexual-offences', label: 'Sexual offences', category: 'victim-based' },
  { id: 'robbery', label: 'Robbery', category: 'victim-based' },
  { id: 'theft-from-the-person', label: 'Theft from the person', category: 'victim-based' },
  { id: 'bicycle-theft', label: 'Bicycle theft', category: 'victim-based' },
  { id: 'shoplifting', label: 'Shoplifting', category: 'victim-based' },
  { id: 'all-other-theft-offences', label: 'All other theft offences', category: 'victim-based' },
  { id: 'domestic-burglary', label: 'Domestic burglary', category: 'victim-based' },
  { id: 'non-domestic-burglary', label: 'Non-domestic burglary', category: 'victim-based' },
  { id: 'residential-burglary', label: 'Residential burglary', category: 'victim-based' },
  { id: 'non-residential-burglary', label: 'Non-residential burglary', category: 'victim-based' },
  { id: 'vehicle-offences', label: 'Vehicle offences', category: 'victim-based' },
  { id: 'criminal-damage-and-arson', label: 'Criminal damage and arson', category: 'victim-based' },
  { id: 'drug-offences', label: 'Drug offences', category: 'other-crimes-against-society' },
  {
    id: 'possession-of-weapons-offences',
    label: 'Possession of weapons offences',
    category: 'other-crimes-against-society',
  },
  { id: 'public-order-offences', label: 'Public order offences', category: 'other-crimes-against-society' },
  {
    id: 'miscellaneous-crimes-against-society',
    label: 'Miscellaneous crimes against society',
    category: 'other-crimes-against-society',
  },
  { id: 'fraud-offences', label: 'Fraud offences', category: 'fraud' },
  { id: 'action-fraud', label: 'Action Fraud', category: 'fraud' },
  { id: 'cifas', label: 'CIFAS', category: 'fraud' },
  { id: 'uk-finance', label: 'UK Finance', category: 'fraud' },
] as const satisfies readonly { id: string; label: string; category: OffenceCategory }[];
/** One entry of OFFENCE_GROUPS. */
export type OffenceGroup = (typeof OFFENCE_GROUPS)[number];
/** Id of an offence group, e.g. `violence-with-injury`. */
export type OffenceGroupId = OffenceGroup['id'];
/**
 * The national fraud bodies, each its own series in the recorded-crime file (with its own offence label).
 * @example FRAUD_BODIES.map((b) => b.id) // ['action-fraud', 'cifas', 'uk-finance']
 */
export const FRAUD_BODIES = [
  { id: 'action-fraud', label: 'Action Fraud', offenceGroup: 'action-fraud' },
  { id: 'cifas', label: 'CIFAS', offenceGroup: 'cifas' },
  { id: 'uk-finance', label: 'UK Finance', offenceGroup: 'uk-finance' },
] as const satisfies readonly { id: string; label: string; offenceGroup: OffenceGroupId }[];
/** Series id of a national fraud body. */
export type FraudBodyId = (typeof FRAUD_BODIES)[number]['id'];

/** A flag on published counts: kept as published, but a reader should know. */
export type RecordedCrimeNote = {
  kind: 'negative-count' | 'partial-year';
  /** Omitted when the note applies to every series. */
  series?: string | undefined;
  offenceGroup: OffenceGroupId;
  /** ISO end date of the 12 months the note is about. */
  periodEnd: string;
  text: string;
};

/**
 * Police recorded crime, rolling 12-month counts. `periods` are the ISO end dates of the 12 months
 * (ascending); each series (force slug, `btp`, or fraud body id) holds one array per offence group,
 * aligned to `periods`. A Missing with code `z` means the group did not apply in that period (its
 * offences are counted in another group), so a total over groups can skip it; `x` means not available.
 */
export type RecordedCrimeDataset = {
  source: SourceId;
  periods: string[];
  series: Record<string, Partial<Record<OffenceGroupId, NumberOrMissing[]>>>;
  notes: RecordedCrimeNote[];
};
