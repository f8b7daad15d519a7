import { sql, type Kysely, type RawBuilder } from 'kysely';
import { toCell, type AggregateCell } from './aggregate.js';
import { CLOSED_AT, groupColumns, groupSelect, OPEN_UNTIL, scopeWhere, type StoreScope } from './scope.js';
import type { StatsDimension } from '../stats.js';
import type { StoreTables } from './tables.js';

/**
 * The counts of many consecutive periods in one statement (a trend's points): per period and
 * group, the open stock at the period's end, the postings new within it and the vacancies filled
 * within it, with positions and record keys — the same figures `aggregate` counts for one period,
 * by the same definitions, without a pass per period.
 *
 * The periods are given by their boundaries B[1..n+1]: period i is [B[i], B[i+1]) and its stock is
 * counted at B[i+1]. A posting is new in, or filled in, the one period its instant falls in
 * (width_bucket); it is in the stock of every period whose end lies in (posted_at, OPEN_UNTIL] —
 * a run lo..hi of consecutive periods. One scan reads each posting once and generate_series emits
 * a row per period it counts in: s in lo..hi for the stock, hi + 1 for its posting, hi + 2 for its
 * filling (each then kept only when it falls within the periods). Never a difference of two
 * counts: a cell's key must be the sum of exactly its own records' keys. As in `aggregate`, a
 * posting counts as filled in a period only when it was posted before that period's end. The whole selection's figures per period (a
 * trend's totals) come from the same pass as its cells, as a second grouping set.
 */

export interface PeriodQuery {
  scope: StoreScope;
  groupBy: readonly StatsDimension[];
  /** Ascending instants: n + 1 boundaries for n periods. */
  boundaries: readonly Date[];
}

export interface PeriodFigures {
  /** The whole selection (absent when it is empty). */
  total: AggregateCell | undefined;
  /** Per group of `groupBy` (none when groupBy is empty). */
  cells: AggregateCell[];
}

/** Each period's figures, in the order of the periods (counts only: no duration, no wages). */
export async function periodCounts(db: Kysely<StoreTables>, q: PeriodQuery): Promise<PeriodFigures[]> {
  const n = q.boundaries.length - 1;
  if (n < 1) return [];
  const sets = q.groupBy.length ? sql`(r.period), (r.period, r.g_country, r.g_region, r.g_isco, r.g_month)` : sql`(r.period)`;
  const bounds = sql`ARRAY[${sql.join(q.boundaries.map((b) => sql`${b}::timestamptz`))}]`;
  const last = q.boundaries[n]!;
  const { rows } = await sql<Record<string, unknown>>`
    SELECT r.period, r.g_country, r.g_region, r.g_isco, r.g_month, GROUPING(r.g_country, r.g_region, r.g_isco, r.g_month) AS whole,
      ${measure(STOCK, 'open')},
      ${measure(ADDED, 'added')},
      count(*) FILTER (WHERE r.kind = ${sql.lit(FILLED)}) AS filled,
      coalesce(sum(r.record_key) FILTER (WHERE r.kind = ${sql.lit(FILLED)}), 0) AS filled_keys
    FROM (
      SELECT x.g_country, x.g_region, x.g_isco, x.g_month, x.positions, x.record_key,
        CASE WHEN x.s <= x.hi THEN ${sql.lit(STOCK)} WHEN x.s = x.hi + 1 THEN ${sql.lit(ADDED)} ELSE ${sql.lit(FILLED)} END AS kind,
        CASE WHEN x.s <= x.hi THEN x.s - 1 WHEN x.s = x.hi + 1 THEN x.posted_in WHEN x.posted_in <= x.filled_in THEN x.filled_in END AS period
      FROM (
        SELECT y.*, generate_series(y.lo, y.hi + 2) AS s
        FROM (
          SELECT ${groupSelect(groupColumns(q.groupBy))}, v.positions, v.record_key,
            width_bucket(v.posted_at, ${bounds}) AS posted_in,
            CASE WHEN v.state = 'CLOSED' THEN width_bucket(${CLOSED_AT}, ${bounds}) END AS filled_in,
            greatest(width_bucket(v.posted_at, ${bounds}) + 1, 2) AS lo,
            greatest(coalesce(width_bucket(${OPEN_UNTIL}, ${bounds}), ${n + 1}::int), greatest(width_bucket(v.posted_at, ${bounds}) + 1, 2) - 1) AS hi
          FROM vacancy v WHERE ${scopeWhere(q.scope)} AND v.posted_at < ${last}
        ) y
      ) x
    ) r
    WHERE r.period BETWEEN 1 AND ${n}::int
    GROUP BY GROUPING SETS (${sets})`.execute(db);
  const periods: PeriodFigures[] = Array.from({ length: n }, () => ({ total: undefined, cells: [] }));
  for (const row of rows) {
    const figures = periods[Number(row.period) - 1];
    if (!figures) continue;
    if (Number(row.whole) !== 0) figures.total = toCell({ ...row, g_country: null, g_region: null, g_isco: null, g_month: null });
    else figures.cells.push(toCell(row));
  }
  return periods;
}

const [STOCK, ADDED, FILLED] = [0, 1, 2];

/** A count, its positions and its record keys for one kind of row ('open' or 'added' columns). */
function measure(kind: number, name: 'open' | 'added'): RawBuilder<unknown> {
  return sql`count(*) FILTER (WHERE r.kind = ${sql.lit(kind)}) AS ${sql.raw(name)},
      coalesce(sum(r.positions) FILTER (WHERE r.kind = ${sql.lit(kind)}), 0) AS ${sql.raw(`${name}_positions`)},
      coalesce(sum(r.record_key) FILTER (WHERE r.kind = ${sql.lit(kind)}), 0) AS ${sql.raw(`${name}_keys`)}`;
}
