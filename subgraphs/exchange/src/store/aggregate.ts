import { sql, type Kysely } from 'kysely';
import { DURATION_DAYS, filledWithin, groupColumns, groupSelect, openAt, postedWithin, scopeWhere, type StoreScope } from './scope.js';
import type { StatsDimension } from '../stats.js';
import type { StoreTables } from './tables.js';

/**
 * A statistics question's grouped figures, all in SQL (GROUP BY, percentile_cont): open stock at
 * the end of the reference day, new postings in the period, postings and positions, filled
 * vacancies' duration, and the open stock's wage quartiles in the answer's currency (each source
 * currency multiplied by its rate for the period). Sums of record keys come along for the cell key
 * method. Nothing is loaded row by row.
 *
 * Three passes, not one: the counts hash-aggregate every selected posting without sorting it; the
 * duration figures read only the postings filled in the period and the wage figures only the open
 * stock, each sorting just those (medians and quartiles sort their rows). One pass computing all
 * of it had to sort every selected posting by its group first — most of a cold question's time.
 * A sorted measure nobody asked for is not computed at all.
 */

export interface AggregateQuery {
  scope: StoreScope;
  groupBy: readonly StatsDimension[];
  /** Exclusive end of the reference day (stock). */
  stockAt: Date;
  /** The flow period [from, to). */
  from: Date;
  to: Date;
  /** Source currency → multiplier into the answer's currency. */
  rates: ReadonlyMap<string, number>;
  /** Which sorted measures to compute (default: both); counts and positions always come. */
  measures?: SortedMeasures;
}

export interface SortedMeasures {
  duration: boolean;
  wages: boolean;
}

export const ALL_MEASURES: SortedMeasures = { duration: true, wages: true };
export const COUNTS_ONLY: SortedMeasures = { duration: false, wages: false };

export interface AggregateCell {
  country: string | null;
  region: string | null;
  iscoCode: string | null;
  month: string | null;
  open: number;
  openPositions: number;
  openKeys: number;
  added: number;
  addedPositions: number;
  addedKeys: number;
  filled: number;
  filledKeys: number;
  durationMean: number | null;
  durationMedian: number | null;
  wages: number;
  distinctWages: number;
  wageQuartiles: [number, number, number] | null;
}

type Row = Record<string, unknown>;

export async function aggregate(db: Kysely<StoreTables>, q: AggregateQuery): Promise<AggregateCell[]> {
  const measures = q.measures ?? ALL_MEASURES;
  const [counts, durations, wages] = await Promise.all([
    countPass(db, q),
    measures.duration ? durationPass(db, q) : Promise.resolve([]),
    measures.wages ? wagePass(db, q) : Promise.resolve([]),
  ]);
  const extra = new Map<string, Row>();
  for (const r of [...durations, ...wages]) extra.set(groupKey(r), { ...extra.get(groupKey(r)), ...r });
  return counts.map((r) => toCell({ ...r, ...extra.get(groupKey(r)) })).filter((c) => c.open > 0 || c.added > 0 || c.filled > 0);
}

/** Counts, positions and record keys of the open stock, the new postings and the filled ones. */
async function countPass(db: Kysely<StoreTables>, q: AggregateQuery): Promise<Row[]> {
  const open = openAt(q.stockAt);
  const added = postedWithin(q.from, q.to);
  const filled = filledWithin(q.from, q.to);
  const { rows } = await sql<Row>`
    SELECT ${groupSelect(groupColumns(q.groupBy))},
      count(*) FILTER (WHERE ${open}) AS open,
      coalesce(sum(v.positions) FILTER (WHERE ${open}), 0) AS open_positions,
      coalesce(sum(v.record_key) FILTER (WHERE ${open}), 0) AS open_keys,
      count(*) FILTER (WHERE ${added}) AS added,
      coalesce(sum(v.positions) FILTER (WHERE ${added}), 0) AS added_positions,
      coalesce(sum(v.record_key) FILTER (WHERE ${added}), 0) AS added_keys,
      count(*) FILTER (WHERE ${filled}) AS filled,
      coalesce(sum(v.record_key) FILTER (WHERE ${filled}), 0) AS filled_keys
    FROM vacancy v
    WHERE ${scopeWhere(q.scope)} AND v.posted_at < ${latest(q)}
    GROUP BY 1, 2, 3, 4`.execute(db);
  return rows;
}

/** Nothing posted after both the reference instant and the period's end counts in any figure. */
const latest = (q: AggregateQuery) => (q.stockAt > q.to ? q.stockAt : q.to);

/** Mean and median duration of the vacancies filled in the period. */
async function durationPass(db: Kysely<StoreTables>, q: AggregateQuery): Promise<Row[]> {
  const { rows } = await sql<Row>`
    SELECT ${groupSelect(groupColumns(q.groupBy))},
      avg(${DURATION_DAYS}) AS duration_mean,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY ${DURATION_DAYS}) AS duration_median
    FROM vacancy v
    WHERE ${scopeWhere(q.scope)} AND v.posted_at < ${latest(q)} AND ${filledWithin(q.from, q.to)}
    GROUP BY 1, 2, 3, 4`.execute(db);
  return rows;
}

/** The open stock's disclosed wages: how many, how many distinct, and their quartiles in the answer's currency. */
async function wagePass(db: Kysely<StoreTables>, q: AggregateQuery): Promise<Row[]> {
  const wage = sql`(v.monthly_wage * CASE v.currency ${sql.join([...q.rates].map(([c, r]) => sql`WHEN ${c} THEN ${r}::float8`), sql` `)} END)`;
  const { rows } = await sql<Row>`
    SELECT ${groupSelect(groupColumns(q.groupBy))},
      count(v.monthly_wage) AS wages,
      count(DISTINCT v.monthly_wage) AS distinct_wages,
      percentile_cont(ARRAY[0.25, 0.5, 0.75]) WITHIN GROUP (ORDER BY ${wage}) AS quartiles
    FROM vacancy v
    WHERE ${scopeWhere(q.scope)} AND ${openAt(q.stockAt)} AND v.monthly_wage IS NOT NULL
    GROUP BY 1, 2, 3, 4`.execute(db);
  return rows;
}

export function groupKey(r: Row): string {
  return JSON.stringify([r.g_country ?? null, r.g_region ?? null, r.g_isco ?? null, r.g_month ?? null]);
}

export function toCell(r: Row): AggregateCell {
  const n = (k: string) => Number(r[k] ?? 0);
  const orNull = (k: string) => (r[k] === null || r[k] === undefined ? null : Number(r[k]));
  const quartiles = r.quartiles as number[] | string | null | undefined;
  return {
    country: (r.g_country as string | null) ?? null,
    region: (r.g_region as string | null) ?? null,
    iscoCode: (r.g_isco as string | null) ?? null,
    month: (r.g_month as string | null) ?? null,
    open: n('open'),
    openPositions: n('open_positions'),
    openKeys: n('open_keys'),
    added: n('added'),
    addedPositions: n('added_positions'),
    addedKeys: n('added_keys'),
    filled: n('filled'),
    filledKeys: n('filled_keys'),
    durationMean: orNull('duration_mean'),
    durationMedian: orNull('duration_median'),
    wages: n('wages'),
    distinctWages: n('distinct_wages'),
    wageQuartiles: parseArray(quartiles),
  };
}

/** pg returns float8[] as numbers; PGlite may too, or as '{a,b,c}'. */
function parseArray(value: number[] | string | null | undefined): [number, number, number] | null {
  if (value === null || value === undefined) return null;
  const list = Array.isArray(value) ? value.map(Number) : value.replace(/[{}]/g, '').split(',').map(Number);
  return list.length === 3 && list.every(Number.isFinite) ? [list[0]!, list[1]!, list[2]!] : null;
}
