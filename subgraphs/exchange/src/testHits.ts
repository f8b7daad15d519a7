import type { TrainingHit, VacancyHit } from './model.js';

/** Builders for unit tests: a hit with sensible defaults, overridden per test. */
export function vacancyHit(overrides: Partial<VacancyHit> & Pick<VacancyHit, 'id' | 'postedAt'>): VacancyHit {
  return {
    typename: `${overrides.id.startsWith('MY:') ? 'Malaysia' : overrides.id.startsWith('TH:') ? 'Thailand' : 'Indonesia'}Vacancy`,
    title: 'Welder',
    iscoCode: '7212',
    regionCode: null,
    skills: [],
    essentialSkills: [],
    monthlyWage: null,
    currency: 'IDR',
    ...overrides,
  };
}

export function trainingHit(overrides: Partial<TrainingHit> & Pick<TrainingHit, 'id'>): TrainingHit {
  return { typename: 'IndonesiaTrainingOffer', startDate: null, title: 'Welding course', iscoCodes: [], regionCode: null, seats: null, ...overrides };
}
