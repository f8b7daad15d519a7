import { sql, type RawBuilder } from 'kysely';
import type { StatsDimension } from '../stats.js';

/**
 * What a store question selects and how it groups, as SQL fragments over the `vacancy` table
 * (alias v). The definitions every statistic states live here, once:
 * - open on date D: posted before the end of D, not filled or withdrawn by then, not past its
 *   validThrough by then (an expired posting is not open);
 * - new in a period: posted within it (first day 00:00 to the end of the last day, UTC);
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

/** The instant a posting closed, whichever way: closedAt, or its last change when closed without one. */
export const CLOSED_AT = sql`coalesce(v.closed_at, CASE WHEN v.state <> 'OPEN' THEN v.updated_at END)`;

/**
 * The last instant a posting is open: the earlier of its closing and its validThrough (least()
 * passes over a null; both null: open for good, null here). Open at t ⇔ posted_at < t <= OPEN_UNTIL —
 * the same as openAt(t), written as a range so one pass can find every reference instant a posting counts at.
 */
export const OPEN_UNTIL = sql`least(${CLOSED_AT}, v.valid_through)`;

/** True when the posting is open at the instant `at` (exclusive end of the reference day). */
export function openAt(at: Date): RawBuilder<boolean> {
  return sql<boolean>`(v.posted_at < ${at} AND (${CLOSED_AT} IS NULL OR ${CLOSED_AT} >= ${at}) AND (v.valid_through IS NULL OR v.valid_through >= ${at}))`;
}

export function postedWithin(from: Date, to: Date): RawBuilder<boolean> {
  return sql<boolean>`(v.posted_at >= ${from} AND v.posted_at < ${to})`;
}

/** Filled (not withdrawn) within the period: the vacancy-duration population. */
export function filledWithin(from: Date, to: Date): RawBuilder<boolean> {
  return sql<boolean>`(v.state = 'CLOSED' AND ${CLOSED_AT} >= ${from} AND ${CLOSED_AT} < ${to})`;
}

/** In days, as float8: numeric (what extract returns) made the duration pass sort and average several times slower. */
export const DURATION_DAYS = sql<number>`(date_part('epoch', ${CLOSED_AT} - v.posted_at) / 86400)`;

export function scopeWhere(s: StoreScope): RawBuilder<boolean> {
  const parts: RawBuilder<unknown>[] = [sql`v.country IN (${sql.join(s.countries.map((c) => sql`${c}`))})`];
  if (!s.includeDuplicates) parts.push(sql`v.duplicate_of IS NULL`);
  if (s.iscoCode) parts.push(sql`v.isco_code LIKE ${`${s.iscoCode}%`}`);
  if (s.regions?.length) parts.push(sql`v.region_code IN (${sql.join(s.regions.map((r) => sql`${r}`))})`);
  if (s.text) parts.push(sql`v.title ILIKE ${`%${s.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  if (s.postedSince) parts.push(sql`v.posted_at >= ${new Date(s.postedSince)}`);
  if (s.employmentTypes?.length) parts.push(sql`v.employment_type IN (${sql.join(s.employmentTypes.map((t) => sql`${t}`))})`);
  if (s.minMonthlyWage?.size) {
    const perCurrency = [...s.minMonthlyWage].map(([currency, min]) => sql`(v.currency = ${currency} AND v.monthly_wage >= ${min})`);
    parts.push(sql`(${sql.join(perCurrency, sql` OR `)})`);
  }
  return sql<boolean>`${sql.join(parts, sql` AND `)}`;
}

const ISCO_DIGITS: Partial<Record<StatsDimension, number>> = { ISCO_MAJOR: 1, ISCO_SUB_MAJOR: 2, ISCO_MINOR: 3, ISCO_UNIT: 4 };

export interface GroupColumns {
  country: boolean;
  region: boolean;
  month: boolean;
  iscoDigits: number;
}

export function groupColumns(groupBy: readonly StatsDimension[]): GroupColumns {
  return {
    country: groupBy.includes('COUNTRY'),
    region: groupBy.includes('REGION'),
    month: groupBy.includes('MONTH'),
    iscoDigits: Math.max(0, ...groupBy.map((d) => ISCO_DIGITS[d] ?? 0)),
  };
}

/**
 * SELECT-list expressions naming the group (null when the dimension is off). Compared bytewise
 * (COLLATE "C"): a group is equal codes either way, and the passes that sort their rows by group
 * sort several times faster than under the database's linguistic collation.
 */
export function groupSelect(g: GroupColumns): RawBuilder<unknown> {
  return sql`${g.country ? sql`v.country COLLATE "C"` : sql`NULL::text`} AS g_country,
    ${g.region ? sql`v.region_code COLLATE "C"` : sql`NULL::text`} AS g_region,
    ${g.iscoDigits ? sql`CASE WHEN length(v.isco_code) >= ${g.iscoDigits} THEN left(v.isco_code, ${g.iscoDigits}) END COLLATE "C"` : sql`NULL::text`} AS g_isco,
    ${g.month ? sql`v.posted_month COLLATE "C"` : sql`NULL::text`} AS g_month`;
}
