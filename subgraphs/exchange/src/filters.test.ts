import { describe, expect, it } from 'vitest';
import { parseRateTable } from './currency.js';
import { countryVacancyFilter, normaliseVacancyFilter, trainingFilterFor } from './filters.js';
import type { CountrySource } from './registry.js';

const countries: CountrySource[] = [
  { name: 'indonesia', country: 'ID', currency: 'IDR', typePrefix: 'Indonesia', url: 'http://i' },
  { name: 'malaysia', country: 'MY', currency: 'MYR', typePrefix: 'Malaysia', url: 'http://m' },
  { name: 'thailand', country: 'TH', currency: 'THB', typePrefix: 'Thailand', url: 'http://t' },
];
const rates = parseRateTable({ base: 'USD', date: '2024-12-31', source: 't', perBase: { USD: 1, IDR: 16000, MYR: 4, THB: 35 } });
const ctx = { countries, rates };

const reasonOf = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (e) {
    return (e as { extensions?: { reason?: unknown; code?: unknown } }).extensions;
  }
  return 'no error';
};

describe('normaliseVacancyFilter', () => {
  it('asks every registered country when none is named', () => {
    expect(normaliseVacancyFilter(undefined, ctx)).toEqual({ countries: ['ID', 'MY', 'TH'] });
  });

  it('asks only the countries owning the requested regions', () => {
    expect(normaliseVacancyFilter({ regions: ['my-10', 'MY-01'] }, ctx)).toEqual({ countries: ['MY'], regions: ['MY-01', 'MY-10'] });
  });

  it('normalises equal filters to equal values', () => {
    const a = normaliseVacancyFilter({ skills: ['b', 'a', 'a'], countries: ['th', 'ID'], text: '  tukang   las ' }, ctx);
    const b = normaliseVacancyFilter({ countries: ['ID', 'TH'], skills: ['a', 'b'], text: 'tukang las' }, ctx);
    expect(a).toEqual(b);
  });

  it('refuses bad input with coded errors', () => {
    expect(reasonOf(() => normaliseVacancyFilter({ countries: ['SG'] }, ctx))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_COUNTRY' });
    expect(reasonOf(() => normaliseVacancyFilter({ iscoCode: '72a' }, ctx))).toMatchObject({ reason: 'MALFORMED_ISCO_CODE' });
    expect(reasonOf(() => normaliseVacancyFilter({ iscoCode: '72121' }, ctx))).toMatchObject({ reason: 'MALFORMED_ISCO_CODE' });
    expect(reasonOf(() => normaliseVacancyFilter({ minMonthlyWage: { amount: 1, currency: 'EUR' } }, ctx))).toMatchObject({ reason: 'UNKNOWN_CURRENCY' });
    expect(reasonOf(() => normaliseVacancyFilter({ regions: ['SG-01'] }, ctx))).toMatchObject({ reason: 'UNKNOWN_REGION' });
    expect(reasonOf(() => normaliseVacancyFilter({ postedSince: 'last week' }, ctx))).toMatchObject({ reason: 'MALFORMED_DATE' });
    expect(reasonOf(() => normaliseVacancyFilter({ educationLevels: [9] }, ctx))).toMatchObject({ reason: 'INVALID_VALUE' });
  });
});

describe('countryVacancyFilter', () => {
  it('converts the minimum wage into each country currency and keeps only its regions', () => {
    const f = normaliseVacancyFilter({ minMonthlyWage: { amount: 500, currency: 'usd' }, iscoCode: '7', postedSince: '2025-01-31' }, ctx);
    const my = countries[1]!;
    expect(countryVacancyFilter(f, my, rates)).toEqual({ iscoCodes: ['7'], minMonthlyWage: 2000, postedSince: '2025-01-31T00:00:00.000Z' });
    expect(countryVacancyFilter(f, countries[0]!, rates).minMonthlyWage).toBe(8_000_000);
  });

  it('sets training supply against the same occupation, places and period', () => {
    const f = normaliseVacancyFilter({ iscoCode: '72', text: 'las', postedSince: '2025-01-01', countries: ['ID'] }, ctx);
    expect(trainingFilterFor(f)).toEqual({ countries: ['ID'], iscoCode: '72', startsAfter: '2025-01-01T00:00:00.000Z' });
  });
});
