import { convert, isKnownCurrency, knownCurrencies, type RateTable } from './currency.js';
import { ExchangeInputError } from './errors.js';
import type { CountryTrainingFilter, CountryVacancyFilter, EmploymentType } from './model.js';
import type { CountrySource } from './registry.js';

/**
 * The public filters, validated and normalised once (so equal filters give equal cache keys and
 * cursor fingerprints), then translated per country: a country receives only its own regions and
 * the minimum wage in its own currency. Empty lists mean "no constraint".
 */

export interface Money {
  amount: number;
  currency: string;
}

export interface VacancyFilterInput {
  countries?: readonly string[] | null;
  iscoCode?: string | null;
  skills?: readonly string[] | null;
  regions?: readonly string[] | null;
  text?: string | null;
  minMonthlyWage?: Money | null;
  postedSince?: string | null;
  employmentTypes?: readonly EmploymentType[] | null;
  educationLevels?: readonly number[] | null;
}

export interface TrainingFilterInput {
  countries?: readonly string[] | null;
  iscoCode?: string | null;
  skills?: readonly string[] | null;
  regions?: readonly string[] | null;
  text?: string | null;
  startsAfter?: string | null;
}

export interface NormalisedVacancyFilter {
  /** Country codes to ask, in registry order. */
  countries: string[];
  iscoCode?: string;
  skills?: string[];
  regions?: string[];
  text?: string;
  minMonthlyWage?: Money;
  postedSince?: string;
  employmentTypes?: EmploymentType[];
  educationLevels?: number[];
}

export interface NormalisedTrainingFilter {
  countries: string[];
  iscoCode?: string;
  skills?: string[];
  regions?: string[];
  text?: string;
  startsAfter?: string;
}

export interface FilterContext {
  countries: readonly CountrySource[];
  rates: RateTable;
}

const MAX_TEXT = 200;
const MAX_LIST = 100;

export function normaliseVacancyFilter(input: VacancyFilterInput | null | undefined, ctx: FilterContext): NormalisedVacancyFilter {
  const f = input ?? {};
  return compact({
    ...normaliseShared(f, ctx),
    minMonthlyWage: normaliseMoney(f.minMonthlyWage, ctx.rates),
    postedSince: normaliseInstant(f.postedSince, 'filter.postedSince'),
    employmentTypes: f.employmentTypes?.length ? [...new Set(f.employmentTypes)].sort() : undefined,
    educationLevels: normaliseLevels(f.educationLevels),
  });
}

export function normaliseTrainingFilter(input: TrainingFilterInput | null | undefined, ctx: FilterContext): NormalisedTrainingFilter {
  const f = input ?? {};
  return compact({ ...normaliseShared(f, ctx), startsAfter: normaliseInstant(f.startsAfter, 'filter.startsAfter') });
}

/** The criteria vacancy and training filters share: where, what occupation, which skills, what text. */
function normaliseShared(f: TrainingFilterInput, ctx: FilterContext) {
  const regions = normaliseRegions(f.regions, ctx);
  return {
    countries: selectCountries(f.countries, regions, ctx),
    iscoCode: normaliseIsco(f.iscoCode),
    skills: normaliseIds(f.skills, 'filter.skills'),
    regions,
    text: normaliseText(f.text),
  };
}

/** What one country is asked for vacancies. */
export function countryVacancyFilter(f: NormalisedVacancyFilter, source: CountrySource, rates: RateTable): CountryVacancyFilter {
  return compact({
    iscoCodes: f.iscoCode ? [f.iscoCode] : undefined,
    skills: f.skills,
    regions: f.regions ? ownRegions(f.regions, source) : undefined,
    text: f.text,
    minMonthlyWage: f.minMonthlyWage ? convert(rates, f.minMonthlyWage.amount, f.minMonthlyWage.currency, source.currency) : undefined,
    postedSince: f.postedSince,
    employmentTypes: f.employmentTypes,
    educationLevels: f.educationLevels,
  });
}

/** What one country is asked for training offers. */
export function countryTrainingFilter(f: NormalisedTrainingFilter, source: CountrySource): CountryTrainingFilter {
  return compact({
    iscoCodes: f.iscoCode ? [f.iscoCode] : undefined,
    skills: f.skills,
    regions: f.regions ? ownRegions(f.regions, source) : undefined,
    text: f.text,
    startsAfter: f.startsAfter,
  });
}

/**
 * The training supply that statistics set against a vacancy filter: the same occupations, skills,
 * countries and regions, starting on or after the vacancies' posting date. Text, wage, employment
 * type and education describe vacancies only.
 */
export function trainingFilterFor(f: NormalisedVacancyFilter): NormalisedTrainingFilter {
  return compact({
    countries: f.countries,
    iscoCode: f.iscoCode,
    skills: f.skills,
    regions: f.regions,
    startsAfter: f.postedSince,
  });
}

function ownRegions(regions: readonly string[], source: CountrySource): string[] {
  return regions.filter((r) => r.startsWith(`${source.country}-`));
}

function selectCountries(requested: readonly string[] | null | undefined, regions: string[] | undefined, ctx: FilterContext): string[] {
  const known = ctx.countries.map((c) => c.country);
  const wanted = new Set((requested ?? []).map((c) => c.trim().toUpperCase()));
  for (const code of wanted) {
    if (!known.includes(code)) {
      throw new ExchangeInputError('UNKNOWN_COUNTRY', `Unknown country "${code}"; registered countries: ${known.join(', ')}.`, 'filter.countries');
    }
  }
  // Regions name their country: a Malaysian state never needs Indonesia or Thailand asked.
  const regionCountries = regions ? new Set(regions.map((r) => r.slice(0, 2))) : undefined;
  return known.filter((code) => (wanted.size === 0 || wanted.has(code)) && (!regionCountries || regionCountries.has(code)));
}

function normaliseRegions(regions: readonly string[] | null | undefined, ctx: FilterContext): string[] | undefined {
  if (!regions?.length) return undefined;
  tooLong(regions, 'filter.regions');
  const known = new Set(ctx.countries.map((c) => c.country));
  const codes = [...new Set(regions.map((r) => r.trim().toUpperCase()))].sort();
  for (const code of codes) {
    if (!/^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(code) || !known.has(code.slice(0, 2))) {
      throw new ExchangeInputError('UNKNOWN_REGION', `"${code}" is not an ISO 3166-2 code of a registered country.`, 'filter.regions');
    }
  }
  return codes;
}

export function normaliseIsco(code: string | null | undefined): string | undefined {
  if (code === null || code === undefined) return undefined;
  const trimmed = code.trim();
  if (!/^\d{1,4}$/.test(trimmed)) {
    throw new ExchangeInputError('MALFORMED_ISCO_CODE', `"${code}" is not an ISCO-08 code (1 to 4 digits: major group "7" … unit group "7212").`, 'iscoCode');
  }
  return trimmed;
}

export function normaliseIds(ids: readonly string[] | null | undefined, argument: string): string[] | undefined {
  if (!ids?.length) return undefined;
  tooLong(ids, argument);
  const clean = [...new Set(ids.map((s) => s.trim()))].sort();
  if (clean.some((s) => s.length === 0 || s.length > 200)) {
    throw new ExchangeInputError('INVALID_VALUE', `${argument} contains an empty or overlong id.`, argument);
  }
  return clean;
}

function normaliseText(text: string | null | undefined): string | undefined {
  const trimmed = text?.replace(/\s+/g, ' ').trim();
  if (!trimmed) return undefined;
  if (trimmed.length > MAX_TEXT) {
    throw new ExchangeInputError('INVALID_VALUE', `filter.text is longer than ${MAX_TEXT} characters.`, 'filter.text');
  }
  return trimmed;
}

export function normaliseCurrency(code: string, rates: RateTable, argument: string): string {
  const upper = code.trim().toUpperCase();
  if (!isKnownCurrency(rates, upper)) {
    throw new ExchangeInputError('UNKNOWN_CURRENCY', `No exchange rate for "${code}"; known: ${knownCurrencies(rates).join(', ')}.`, argument);
  }
  return upper;
}

function normaliseMoney(money: Money | null | undefined, rates: RateTable): Money | undefined {
  if (!money) return undefined;
  if (!Number.isFinite(money.amount) || money.amount < 0) {
    throw new ExchangeInputError('INVALID_VALUE', 'filter.minMonthlyWage.amount must be a non-negative number.', 'filter.minMonthlyWage');
  }
  return { amount: money.amount, currency: normaliseCurrency(money.currency, rates, 'filter.minMonthlyWage.currency') };
}

/** A date ("2025-01-31", read as UTC midnight) or an instant with offset → canonical UTC instant. */
export function normaliseInstant(text: string | null | undefined, argument: string): string | undefined {
  if (!text) return undefined;
  const trimmed = text.trim();
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(trimmed) ? `${trimmed}T00:00:00Z` : trimmed;
  const ms = /^\d{4}-\d{2}-\d{2}T/.test(iso) ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(ms)) throw new ExchangeInputError('MALFORMED_DATE', `"${text}" is not an ISO 8601 date or instant.`, argument);
  return new Date(ms).toISOString();
}

function normaliseLevels(levels: readonly number[] | null | undefined): number[] | undefined {
  if (!levels?.length) return undefined;
  if (levels.some((l) => !Number.isInteger(l) || l < 0 || l > 8)) {
    throw new ExchangeInputError('INVALID_VALUE', 'filter.educationLevels are ISCED 2011 levels 0 to 8.', 'filter.educationLevels');
  }
  return [...new Set(levels)].sort((a, b) => a - b);
}

function tooLong(list: readonly unknown[], argument: string): void {
  if (list.length > MAX_LIST) throw new ExchangeInputError('INVALID_VALUE', `${argument} has more than ${MAX_LIST} entries.`, argument);
}

/** Drops undefined properties, so equal filters serialise identically. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
