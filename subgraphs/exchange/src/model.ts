/**
 * The shapes the exchange reads from the country contract's @inaccessible search fields
 * (subgraphs/kit/contract/country.graphql), and the filters it sends there.
 */

/** The hit shapes are the country contract's; the kit defines them once. */
export type { TrainingHit, VacancyColumns, VacancyHit } from '../../kit/country/translate.js';

export interface SearchPage<Hit> {
  total: number;
  hits: Hit[];
  stale: boolean;
  ageSeconds: number;
}

export type EmploymentType = 'FULL_TIME' | 'PART_TIME' | 'CONTRACT' | 'TEMPORARY' | 'INTERNSHIP' | 'DAILY' | 'GIG' | 'OTHER';

/** ExchangeVacancyFilter as one country receives it (wage already in its currency). */
export interface CountryVacancyFilter {
  iscoCodes?: string[];
  skills?: string[];
  regions?: string[];
  text?: string;
  minMonthlyWage?: number;
  postedSince?: string;
  employmentTypes?: EmploymentType[];
  educationLevels?: number[];
}

/** ExchangeTrainingFilter as one country receives it. */
export interface CountryTrainingFilter {
  iscoCodes?: string[];
  skills?: string[];
  regions?: string[];
  text?: string;
  startsAfter?: string;
}

/** Keyset position for exchangeVacancySearch: results strictly after it (postedAt desc, id desc). */
export interface Keyset {
  postedAt: string;
  id: string;
}
