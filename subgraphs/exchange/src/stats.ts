import { localMonth } from '../../kit/country/translate.js';
import type { TrainingHit } from './model.js';

/**
 * Grouping of facts into statistics cells, pure. The store's statistics (queries/storeStatistics.ts)
 * use its dimensions and `grouping`/`trainingKeys` for the live training supply; `computeStats` is
 * the in-memory grouping of whole fact lists (threshold suppression only, no perturbation), which
 * the graph no longer publishes — the store's cell key method does (store/disclosure.ts).
 */

export type StatsDimension = 'COUNTRY' | 'REGION' | 'ISCO_MAJOR' | 'ISCO_SUB_MAJOR' | 'ISCO_MINOR' | 'ISCO_UNIT' | 'MONTH';

const ISCO_DIGITS: Partial<Record<StatsDimension, number>> = { ISCO_MAJOR: 1, ISCO_SUB_MAJOR: 2, ISCO_MINOR: 3, ISCO_UNIT: 4 };

/** What statistics need of one vacancy (a row of the country's `exchangeVacancyColumns`). */
export interface VacancyFact {
  iscoCode: string | null;
  regionCode: string | null;
  /** Local calendar month of posting, YYYY-MM. */
  month: string | null;
  /** In `currency`; null when hidden. */
  monthlyWage: number | null;
  currency: string;
}

export interface CountryFacts {
  /** ISO 3166-1 alpha-2. */
  country: string;
  vacancies: readonly VacancyFact[];
  trainings: readonly TrainingHit[];
}

export interface StatsOptions {
  groupBy: readonly StatsDimension[];
  threshold: number;
  /** Converts a monthly amount from a source currency into the answer's currency. */
  toTarget(amount: number, currency: string): number;
}

export interface CellKey {
  country: string | null;
  region: string | null;
  iscoCode: string | null;
  month: string | null;
}

export interface WageQuantiles {
  p25: number | null;
  p50: number | null;
  p75: number | null;
  sampleSize: number | null;
  suppressed: boolean;
  reason: string | null;
}

export interface StatsCell extends CellKey {
  vacancies: number | null;
  monthlyWage: WageQuantiles;
  trainingOffers: number | null;
  trainingSeats: number | null;
  seatsPerVacancy: number | null;
  suppressed: boolean;
  suppressionReason: string | null;
}

interface Accumulator {
  key: CellKey;
  vacancies: number;
  wages: number[];
  trainingOffers: number;
  trainingSeats: number;
}

/** How a grouping reads a record: which dimensions are on and at which ISCO depth. */
interface Grouping {
  country: boolean;
  region: boolean;
  month: boolean;
  /** Digits of the finest ISCO level asked for; 0 = not grouped by occupation. */
  iscoDigits: number;
}

export function grouping(groupBy: readonly StatsDimension[]): Grouping {
  return {
    country: groupBy.includes('COUNTRY'),
    region: groupBy.includes('REGION'),
    month: groupBy.includes('MONTH'),
    iscoDigits: Math.max(0, ...groupBy.map((d) => ISCO_DIGITS[d] ?? 0)),
  };
}

export function computeStats(facts: readonly CountryFacts[], options: StatsOptions): StatsCell[] {
  const g = grouping(options.groupBy);
  const cells = new Map<string, Accumulator>();
  const cell = (key: CellKey): Accumulator => {
    const id = JSON.stringify(key);
    let acc = cells.get(id);
    if (!acc) {
      acc = { key, vacancies: 0, wages: [], trainingOffers: 0, trainingSeats: 0 };
      cells.set(id, acc);
    }
    return acc;
  };
  for (const f of facts) {
    for (const v of f.vacancies) {
      const acc = cell(vacancyKey(g, f.country, v));
      acc.vacancies += 1;
      if (v.monthlyWage !== null) acc.wages.push(options.toTarget(v.monthlyWage, v.currency));
    }
    for (const t of f.trainings) {
      for (const key of trainingKeys(g, f.country, t)) {
        const acc = cell(key);
        acc.trainingOffers += 1;
        acc.trainingSeats += t.seats ?? 0;
      }
    }
  }
  return [...cells.values()].map((acc) => publish(acc, options.threshold)).sort(compareKeys);
}

export function vacancyKey(g: Grouping, country: string, v: VacancyFact): CellKey {
  return {
    country: g.country ? country : null,
    region: g.region ? v.regionCode : null,
    iscoCode: g.iscoDigits ? iscoPrefix(v.iscoCode, g.iscoDigits) : null,
    month: g.month ? v.month : null,
  };
}

/** A training offer serves every occupation it lists; it counts once per distinct group. */
export function trainingKeys(g: Grouping, country: string, t: TrainingHit): CellKey[] {
  const codes = g.iscoDigits && t.iscoCodes.length > 0 ? t.iscoCodes : [null];
  const keys = new Map<string, CellKey>();
  for (const code of codes) {
    const key: CellKey = {
      country: g.country ? country : null,
      region: g.region ? t.regionCode : null,
      iscoCode: g.iscoDigits ? iscoPrefix(code, g.iscoDigits) : null,
      month: g.month ? localMonth(t.startDate) : null,
    };
    keys.set(JSON.stringify(key), key);
  }
  return [...keys.values()];
}

function iscoPrefix(code: string | null, digits: number): string | null {
  return code && code.length >= digits ? code.slice(0, digits) : null;
}

function publish(acc: Accumulator, threshold: number): StatsCell {
  if (acc.vacancies < threshold) {
    const reason = `fewer than ${threshold} vacancies in this cell (statistical disclosure control)`;
    return {
      ...acc.key,
      vacancies: null,
      monthlyWage: { p25: null, p50: null, p75: null, sampleSize: null, suppressed: true, reason },
      trainingOffers: null,
      trainingSeats: null,
      seatsPerVacancy: null,
      suppressed: true,
      suppressionReason: reason,
    };
  }
  return {
    ...acc.key,
    vacancies: acc.vacancies,
    monthlyWage: wageQuantiles(acc.wages, threshold),
    trainingOffers: acc.trainingOffers,
    trainingSeats: acc.trainingSeats,
    seatsPerVacancy: acc.trainingSeats / acc.vacancies,
    suppressed: false,
    suppressionReason: null,
  };
}

export function wageQuantiles(wages: readonly number[], threshold: number): WageQuantiles {
  if (wages.length < threshold) {
    const reason = `fewer than ${threshold} disclosed wages in this cell (statistical disclosure control)`;
    return { p25: null, p50: null, p75: null, sampleSize: null, suppressed: true, reason };
  }
  const sorted = [...wages].sort((a, b) => a - b);
  return {
    p25: quantile(sorted, 0.25),
    p50: quantile(sorted, 0.5),
    p75: quantile(sorted, 0.75),
    sampleSize: sorted.length,
    suppressed: false,
    reason: null,
  };
}

/**
 * The exact p-quantile of ascending values by linear interpolation between order statistics
 * (Hyndman & Fan type 7 — the default of R, NumPy and spreadsheets).
 */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError('quantile of an empty list');
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const low = sorted[lo]!;
  const high = sorted[Math.min(lo + 1, sorted.length - 1)]!;
  return low + (h - lo) * (high - low);
}

function compareKeys(a: CellKey, b: CellKey): number {
  for (const k of ['country', 'region', 'iscoCode', 'month'] as const) {
    const x = a[k];
    const y = b[k];
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    return x < y ? -1 : 1;
  }
  return 0;
}
