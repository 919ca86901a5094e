// peel-data/recorded-crime: recorded crime alone (also in the main entry).
export { FRAUD_BODIES, OFFENCE_CATEGORIES, OFFENCE_GROUPS } from '../types/recorded-crime.ts';
export type {
  FraudBodyId,
  OffenceCategory,
  OffenceGroup,
  OffenceGroupId,
  RecordedCrimeDataset,
  RecordedCrimeNote,
} from '../types/recorded-crime.ts';
export { recordedCrime, recordedCrimeCount } from '../datasets/recorded-crime.ts';
