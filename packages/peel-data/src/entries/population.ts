// peel-data/population: population and households alone (also in the main entry).
export type { HouseholdsDataset, PopulationDataset } from '../types/population.ts';
export { POPULATION_YEARS, households, householdsOf, population, populationOf } from '../datasets/population.ts';
