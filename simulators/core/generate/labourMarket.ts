import { weightedTable, type Rng } from '../rng.js';

/**
 * How vacancies spread over occupations and how they pay, shaped like an ASEAN middle-income
 * labour market: service and sales work and clerical support dominate the postings, then
 * craft, plant operation and professionals; managers are few. Wage multipliers are relative to
 * each country's entry wage for elementary work.
 */

/** Share of postings by ISCO-08 major group (sums to 1). */
export const MAJOR_GROUP_SHARE: Record<string, number> = {
  '1': 0.03, '2': 0.12, '3': 0.12, '4': 0.14, '5': 0.22, '6': 0.03, '7': 0.13, '8': 0.12, '9': 0.09, '0': 0,
};

/** Wage level by major group, relative to elementary work (major group 9). */
export const MAJOR_GROUP_WAGE: Record<string, number> = {
  '1': 4.2, '2': 2.8, '3': 1.9, '4': 1.35, '5': 1.1, '6': 0.95, '7': 1.35, '8': 1.2, '9': 1, '0': 1.5,
};

/** Unit groups that real job boards see far more often than their major group's average. */
const BUSY_UNITS = new Set([
  '5223', '5120', '4110', '4120', '4311', '4321', '8322', '8332', '7212', '7411', '7126', '7233',
  '2512', '2514', '2221', '3221', '5131', '5141', '9112', '9329', '9333', '8160', '7512', '3322',
  '2411', '3313', '5414', '4222', '9211', '6111', '8211', '3115', '2144', '2431', '3343',
]);

export interface CodedOccupation {
  code: string;
  iscoCode: string;
}

/**
 * A picker over a national code list: each major group gets its labour-market share, divided
 * among its codes with busy units weighing more — so group shares hold whatever the list's shape.
 */
export function occupationPicker<T extends CodedOccupation>(codes: readonly T[]): (rng: Rng) => T {
  const boost = (c: T) => (BUSY_UNITS.has(c.iscoCode) ? 12 : 1);
  const boostPerMajor = new Map<string, number>();
  for (const c of codes) boostPerMajor.set(c.iscoCode[0] ?? '', (boostPerMajor.get(c.iscoCode[0] ?? '') ?? 0) + boost(c));
  const weights = codes.map((c) => {
    const major = c.iscoCode[0] ?? '';
    return ((MAJOR_GROUP_SHARE[major] ?? 0) * boost(c)) / (boostPerMajor.get(major) ?? 1);
  });
  return weightedTable(codes, weights);
}

/**
 * A country's pay structure where it departs from the shared one: a steeper or flatter ladder by
 * major group, premiums for occupations the market pays above their group (ICT, mining, finance),
 * and regional minimum-wage levels (Jakarta and Batam pay well above Central Java).
 */
export interface WageStructure {
  /** Replaces MAJOR_GROUP_WAGE entries (by ISCO major group). */
  levels?: Partial<Record<string, number>>;
  /** Multiplier by ISCO-08 prefix (longest prefix wins), e.g. { '25': 1.8 } for ICT professionals. */
  premiums?: Record<string, number>;
  /** Regional wage level by region code (default 1): the floor × it, skilled pay × its square root. */
  regional?: Record<string, number>;
}

/**
 * A monthly wage band for an occupation: entry × major-group level × premium × a per-posting
 * spread (log-normal-ish), rounded the way employers round. Without a structure, the shared one.
 * `legalFloor` (the month's legal minimum where the job is) is never undercut: rounding that
 * would fall below it rounds up to it instead.
 */
export function monthlyWageBand(rng: Rng, iscoCode: string, entryMonthly: number, roundTo: number, structure: WageStructure = {}, regionCode = '', legalFloor = 0): { min: number; max: number } {
  const major = iscoCode[0] ?? '9';
  const level = (structure.levels?.[major] ?? MAJOR_GROUP_WAGE[major] ?? 1) * premiumOf(structure.premiums, iscoCode);
  // Regional minimum wages set the floor fully; skilled pay differs less between regions. A
  // province without a stated level sits where its legal minimum puts it.
  const regional = Math.max(structure.regional?.[regionCode] ?? 1, legalFloor / entryMonthly);
  const spread = Math.exp((rng.next() + rng.next() - 1) * 0.35);
  const min = Math.max(entryMonthly * regional, entryMonthly * Math.sqrt(regional) * level * spread);
  const max = min * (1.15 + rng.next() * 0.5);
  const low = atLeast(round(min, roundTo), legalFloor);
  return { min: low, max: Math.max(low, round(max, roundTo)) };
}

/** The amount, or the floor itself when the amount (after rounding) undercuts it. */
export function atLeast(amount: number, floor: number): number {
  return amount < floor ? Math.ceil(floor) : amount;
}

function premiumOf(premiums: Record<string, number> | undefined, iscoCode: string): number {
  for (let length = iscoCode.length; premiums && length > 0; length--) {
    const premium = premiums[iscoCode.slice(0, length)];
    if (premium !== undefined) return premium;
  }
  return 1;
}

function round(value: number, step: number): number {
  return Math.round(value / step) * step;
}

/** A picker over regions: IMT-GT members and the capital region weigh more. */
export function regionPicker<T extends { code: string; imtGt: boolean }>(regions: readonly T[], boosts: Record<string, number>, imtGtWeight = 3): (rng: Rng) => T {
  return weightedTable(regions, regions.map((r) => (boosts[r.code] ?? 1) * (r.imtGt ? imtGtWeight : 1)));
}
