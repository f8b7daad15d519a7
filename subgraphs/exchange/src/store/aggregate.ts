import { sql, type Kysely, type RawBuilder } from 'kysely';
import { DURATION_DAYS, filledWithin, groupColumns, groupSelect, openAt, postedWithin, scopeWhere, type StoreScope } from './scope.js';
import type { StatsDimension } from '../stats.js';
import type { StoreTables } from './tables.js';

/**
 * One grouped pass over the store for a statistics question, all in SQL (GROUP BY,
 * percentile_cont): open stock at the end of the reference day, new postings in the period,
 * postings and positions, filled vacancies' duration, and the open stock's wage quartiles in the
 * answer's currency (each source currency multiplied by its rate for the period). Sums of record
 * keys come along for the cell key method. Nothing is loaded row by row.
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
  /** Counts and positions only (a trend's totals): no duration or wage figures, which need sorting. */
  countsOnly?: boolean;
}

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

export async function aggregate(db: Kysely<StoreTables>, q: AggregateQuery): Promise<AggregateCell[]> {
  const open = openAt(q.stockAt);
  const added = postedWithin(q.from, q.to);
  const filled = filledWithin(q.from, q.to);
  const wage = sql`(v.monthly_wage * CASE v.currency ${sql.join([...q.rates].map(([c, r]) => sql`WHEN ${c} THEN ${r}::float8`), sql` `)} END)`;
  const latest = q.stockAt > q.to ? q.stockAt : q.to;
  const { rows } = await sql<Record<string, unknown>>`
    SELECT ${groupSelect(groupColumns(q.groupBy))},
      count(*) FILTER (WHERE ${open}) AS open,
      coalesce(sum(v.positions) FILTER (WHERE ${open}), 0) AS open_positions,
      coalesce(sum(v.record_key) FILTER (WHERE ${open}), 0) AS open_keys,
      count(*) FILTER (WHERE ${added}) AS added,
      coalesce(sum(v.positions) FILTER (WHERE ${added}), 0) AS added_positions,
      coalesce(sum(v.record_key) FILTER (WHERE ${added}), 0) AS added_keys,
      count(*) FILTER (WHERE ${filled}) AS filled,
      coalesce(sum(v.record_key) FILTER (WHERE ${filled}), 0) AS filled_keys,
      ${q.countsOnly ? sql`0 AS wages` : sortedMeasures(open, filled, wage)}
    FROM vacancy v
    WHERE ${scopeWhere(q.scope)} AND v.posted_at < ${latest}
    GROUP BY 1, 2, 3, 4`.execute(db);
  return rows.map(toCell).filter((c) => c.open > 0 || c.added > 0 || c.filled > 0);
}

/** Duration and wage figures: the costly part of the pass (medians and quartiles sort their rows). */
function sortedMeasures(open: RawBuilder<boolean>, filled: RawBuilder<boolean>, wage: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`avg(${DURATION_DAYS}) FILTER (WHERE ${filled}) AS duration_mean,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY ${DURATION_DAYS}) FILTER (WHERE ${filled}) AS duration_median,
      count(v.monthly_wage) FILTER (WHERE ${open}) AS wages,
      count(DISTINCT v.monthly_wage) FILTER (WHERE ${open}) AS distinct_wages,
      percentile_cont(ARRAY[0.25, 0.5, 0.75]) WITHIN GROUP (ORDER BY ${wage}) FILTER (WHERE ${open} AND v.monthly_wage IS NOT NULL) AS quartiles`;
}

function toCell(r: Record<string, unknown>): AggregateCell {
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
