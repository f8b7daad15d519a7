/**
 * The contract operations the exchange sends to every country subgraph. The fields are
 * @inaccessible in the supergraph, so only a direct (signed) call reaches them.
 */

const VACANCY_PAGE = `total stale ageSeconds hits { id typename postedAt title iscoCode regionCode skills essentialSkills monthlyWage currency }`;
const TRAINING_PAGE = `total stale ageSeconds hits { id typename startDate title iscoCodes regionCode seats }`;

export interface CountryOperation {
  /** Names the call in cache keys and metrics. */
  name: 'vacancySearch' | 'vacancyFacts' | 'vacancyChanges' | 'trainingSearch' | 'trainingFacts';
  /** The Query field whose value is the answer. */
  field: string;
  document: string;
  /** Pulls of every match take longer than one page; they get the longer deadline. */
  bulk: boolean;
}

export const VACANCY_SEARCH: CountryOperation = {
  name: 'vacancySearch',
  field: 'exchangeVacancySearch',
  bulk: false,
  document: `query ExchangeVacancySearch($filter: ExchangeVacancyFilter!, $first: Int!, $after: ExchangeKeyset) {
  exchangeVacancySearch(filter: $filter, first: $first, after: $after) { ${VACANCY_PAGE} }
}`,
};

export const VACANCY_FACTS: CountryOperation = {
  name: 'vacancyFacts',
  field: 'exchangeVacancyFacts',
  bulk: true,
  document: `query ExchangeVacancyFacts($filter: ExchangeVacancyFilter!) {
  exchangeVacancyFacts(filter: $filter) { ${VACANCY_PAGE} }
}`,
};

export const TRAINING_SEARCH: CountryOperation = {
  name: 'trainingSearch',
  field: 'exchangeTrainingSearch',
  bulk: false,
  document: `query ExchangeTrainingSearch($filter: ExchangeTrainingFilter!, $first: Int!, $offset: Int) {
  exchangeTrainingSearch(filter: $filter, first: $first, offset: $offset) { ${TRAINING_PAGE} }
}`,
};

export const TRAINING_FACTS: CountryOperation = {
  name: 'trainingFacts',
  field: 'exchangeTrainingFacts',
  bulk: true,
  document: `query ExchangeTrainingFacts($filter: ExchangeTrainingFilter!) {
  exchangeTrainingFacts(filter: $filter) { ${TRAINING_PAGE} }
}`,
};

/** The store's harvest: every posting changed after the keyset, oldest change first (one upstream call). */
export const VACANCY_CHANGES: CountryOperation = {
  name: 'vacancyChanges',
  field: 'exchangeVacancyChanges',
  bulk: true,
  document: `query ExchangeVacancyChanges($after: ExchangeChangeKeyset, $first: Int!) {
  exchangeVacancyChanges(after: $after, first: $first) {
    hasMore asOf
    records { id typename postedAt updatedAt state closedAt validThrough positions duplicateOf title nationalSystem
      nationalCode iscoCode regionCode wageMin wageMax wagePeriod currency monthlyWage employmentType }
  }
}`,
};
