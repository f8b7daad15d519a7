import { sql, type Kysely } from 'kysely';
import type { StatsDimension } from '../stats.js';
import { CLOSED, Dictionary, type VacancyColumns } from './columns.js';
import type { StoreTables } from './tables.js';

/**
 * What a store question selects and how it groups, over the column image (store/columns.ts). The
 * definitions every statistic states live here, once:
 * - open at instant t (the exclusive end of the reference day): posted before t, not filled or
 *   withdrawn before t, not past its validThrough before t (an expired posting is not open);
 * - new in a period [from, to): posted within it (first day 00:00 to the end of the last day, UTC);
 * - filled in a period: closed as filled (not withdrawn) within it;
 * - duplicates (duplicateOf set: the same job published twice) are left out unless asked for.
 */

export interface StoreScope {
  countries: readonly string[];
  iscoCode?: string | undefined;
  regions?: readonly string[] | undefined;
  text?: string | undefined;
  postedSince?: string | undefined;
  employmentTypes?: readonly string[] | undefined;
  /** Per currency: the minimum monthly wage in that currency. */
  minMonthlyWage?: ReadonlyMap<string, number> | undefined;
  includeDuplicates: boolean;
}

/**
 * The last instant a posting is open: the earlier of its closing and its validThrough (NaN, both
 * unknown: open for good). Open at t ⇔ postedAt < t <= openUntil.
 */
export function openUntil(c: VacancyColumns, i: number): number {
  const closed = c.closedAt[i]!;
  const valid = c.validThrough[i]!;
  if (Number.isNaN(closed)) return valid;
  return Number.isNaN(valid) ? closed : Math.min(closed, valid);
}

export function isOpenAt(c: VacancyColumns, i: number, at: number): boolean {
  if (!(c.postedAt[i]! < at)) return false;
  const until = openUntil(c, i);
  return Number.isNaN(until) || until >= at;
}

export function postedWithin(c: VacancyColumns, i: number, from: number, to: number): boolean {
  const posted = c.postedAt[i]!;
  return posted >= from && posted < to;
}

export function isFilledWithin(c: VacancyColumns, i: number, from: number, to: number): boolean {
  const closed = c.closedAt[i]!;
  return c.state[i] === CLOSED && closed >= from && closed < to;
}

/** From posting to filling, in days: seconds / 86400, the arithmetic the SQL definition had (date_part('epoch')). */
export function durationDays(c: VacancyColumns, i: number): number {
  return (c.closedAt[i]! - c.postedAt[i]!) / 1000 / 86400;
}

/** The rows a scope selects, as a test on a slot. A filter the image cannot answer (the title) comes as a mark per slot. */
export type RowTest = (i: number) => boolean;

export function rowTest(c: VacancyColumns, s: StoreScope, titleMatches?: Uint8Array): RowTest {
  const d = c.dictionaries;
  const countries = codeSet(d.country.size, s.countries.map((x) => d.country.find(x)));
  const regions = s.regions?.length ? codeSet(d.region.size, s.regions.map((x) => d.region.find(x))) : undefined;
  const employment = s.employmentTypes?.length ? codeSet(d.employmentType.size, s.employmentTypes.map((x) => d.employmentType.find(x))) : undefined;
  const isco = s.iscoCode ? Uint8Array.from(d.isco.values, (v) => (v !== null && v.startsWith(s.iscoCode!) ? 1 : 0)) : undefined;
  const minWage = s.minMonthlyWage?.size ? Float64Array.from(d.currency.values, (v) => (v === null ? Infinity : s.minMonthlyWage!.get(v) ?? Infinity)) : undefined;
  const since = s.postedSince ? Date.parse(s.postedSince) : undefined;
  const duplicates = s.includeDuplicates;
  return (i) =>
    countries[c.country[i]!] === 1 &&
    (duplicates || c.duplicate[i] === 0) &&
    (!isco || isco[c.isco[i]!] === 1) &&
    (!regions || regions[c.region[i]!] === 1) &&
    (!employment || employment[c.employmentType[i]!] === 1) &&
    (since === undefined || c.postedAt[i]! >= since) &&
    (!minWage || c.monthlyWage[i]! >= minWage[c.currency[i]!]!) &&
    (!titleMatches || titleMatches[i] === 1);
}

/** Codes marked 1 in an array over a dictionary (a value the image never saw matches nothing; null, code 0, never). */
function codeSet(size: number, codes: ReadonlyArray<number | undefined>): Uint8Array {
  const set = new Uint8Array(size);
  for (const code of codes) if (code !== undefined && code > 0) set[code] = 1;
  return set;
}

/**
 * The slots whose title contains the scope's text (case-insensitive, as ILIKE), read from the
 * database, which keeps the titles, as a mark per slot of `c`; undefined when the scope has no text.
 */
export async function titleMatches(db: Kysely<StoreTables>, c: VacancyColumns, s: StoreScope): Promise<Uint8Array | undefined> {
  if (!s.text) return undefined;
  const pattern = `%${s.text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  const { rows } = await sql<{ slot: number }>`
    SELECT v.slot FROM vacancy v WHERE v.country IN (${sql.join(s.countries.map((x) => sql`${x}`))}) AND v.title ILIKE ${pattern}`.execute(db);
  const marks = new Uint8Array(c.size);
  for (const { slot } of rows) marks[slot] = 1;
  return marks;
}

const ISCO_DIGITS: Partial<Record<StatsDimension, number>> = { ISCO_MAJOR: 1, ISCO_SUB_MAJOR: 2, ISCO_MINOR: 3, ISCO_UNIT: 4 };

/** The group a cell stands for (null where the dimension is off). */
export interface GroupName {
  country: string | null;
  region: string | null;
  iscoCode: string | null;
  month: string | null;
}

export interface Grouping {
  /** A number naming the row's group; equal numbers, equal groups. */
  key(i: number): number;
  name(key: number): GroupName;
}

/** Groups by the dimensions asked for: country, region, ISCO code cut to the finest level asked, posting month. */
export function grouping(c: VacancyColumns, groupBy: readonly StatsDimension[]): Grouping {
  const d = c.dictionaries;
  const digits = Math.max(0, ...groupBy.map((x) => ISCO_DIGITS[x] ?? 0));
  // The ISCO codes cut to the level, coded afresh: prefixOf maps an image code to its prefix's code.
  const prefixes = new Dictionary();
  const prefixOf = Uint32Array.from(d.isco.values, (v) => prefixes.code(digits && v !== null && v.length >= digits ? v.slice(0, digits) : null));
  const on = (dim: StatsDimension, size: number) => (groupBy.includes(dim) ? size : 1);
  // Mixed radix: each dimension's code is a digit; a dimension that is off has the single digit 0.
  const radix = [on('COUNTRY', d.country.size), on('REGION', d.region.size), digits ? prefixes.size : 1, on('MONTH', d.month.size)];
  if (radix.reduce((a, b) => a * b, 1) > Number.MAX_SAFE_INTEGER) throw new RangeError('too many groups to number');
  const [countries, regions, iscos, months] = radix as [number, number, number, number];
  return {
    key: (i) => (((countries > 1 ? c.country[i]! : 0) * regions + (regions > 1 ? c.region[i]! : 0)) * iscos + (iscos > 1 ? prefixOf[c.isco[i]!]! : 0)) * months + (months > 1 ? c.month[i]! : 0),
    name: (key) => {
      const month = key % months;
      let rest = (key - month) / months;
      const isco = rest % iscos;
      rest = (rest - isco) / iscos;
      const region = rest % regions;
      const country = (rest - region) / regions;
      return {
        country: countries > 1 ? d.country.values[country]! : null,
        region: regions > 1 ? d.region.values[region]! : null,
        iscoCode: iscos > 1 ? prefixes.values[isco]! : null,
        month: months > 1 ? d.month.values[month]! : null,
      };
    },
  };
}
