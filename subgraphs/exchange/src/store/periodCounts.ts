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
 * a run of consecutive periods that generate_series lists, so each posting is read once and
 * counted once per period it belongs to, never through a difference of two counts (a cell's key
 * must be the sum of exactly its own records' keys).
 */

export interface PeriodQuery {
  scope: StoreScope;
  groupBy: readonly StatsDimension[];
  /** Ascending instants: n + 1 boundaries for n periods. */
  boundaries: readonly Date[];
}

/** The cells of each period, in the order of the periods (counts only: no duration, no wages). */
export async function periodCounts(db: Kysely<StoreTables>, q: PeriodQuery): Promise<AggregateCell[][]> {
  const n = q.boundaries.length - 1;
  if (n < 1) return [];
  const bounds = sql`ARRAY[${sql.join(q.boundaries.map((b) => sql`${b}::timestamptz`))}]`;
  const [first, last] = [q.boundaries[0]!, q.boundaries[n]!];
  const branch = (period: RawBuilder<unknown>, kind: number, where: RawBuilder<unknown>) =>
    sql`SELECT ${period} AS period, ${sql.lit(kind)} AS kind, ${groupSelect(groupColumns(q.groupBy))}, v.positions, v.record_key
      FROM vacancy v WHERE ${scopeWhere(q.scope)} AND ${where}`;
  const stockPeriods = sql`generate_series(greatest(width_bucket(v.posted_at, ${bounds}) + 1, 2), coalesce(width_bucket(${OPEN_UNTIL}, ${bounds}), ${n + 1}::int)) - 1`;
  const { rows } = await sql<Record<string, unknown>>`
    SELECT r.period, r.g_country, r.g_region, r.g_isco, r.g_month,
      ${measure(STOCK, 'open')},
      ${measure(ADDED, 'added')},
      count(*) FILTER (WHERE r.kind = ${sql.lit(FILLED)}) AS filled,
      coalesce(sum(r.record_key) FILTER (WHERE r.kind = ${sql.lit(FILLED)}), 0) AS filled_keys
    FROM (
      ${branch(stockPeriods, STOCK, sql`v.posted_at < ${last}`)}
      UNION ALL ${branch(sql`width_bucket(v.posted_at, ${bounds})`, ADDED, sql`v.posted_at >= ${first} AND v.posted_at < ${last}`)}
      UNION ALL ${branch(sql`width_bucket(${CLOSED_AT}, ${bounds})`, FILLED, sql`v.state = 'CLOSED' AND ${CLOSED_AT} >= ${first} AND ${CLOSED_AT} < ${last}`)}
    ) r
    GROUP BY 1, 2, 3, 4, 5`.execute(db);
  const periods: AggregateCell[][] = Array.from({ length: n }, () => []);
  for (const row of rows) periods[Number(row.period) - 1]?.push(toCell(row));
  return periods;
}

const [STOCK, ADDED, FILLED] = [0, 1, 2];

/** A count, its positions and its record keys for one kind of row ('open' or 'added' columns). */
function measure(kind: number, name: 'open' | 'added'): RawBuilder<unknown> {
  return sql`count(*) FILTER (WHERE r.kind = ${sql.lit(kind)}) AS ${sql.raw(name)},
      coalesce(sum(r.positions) FILTER (WHERE r.kind = ${sql.lit(kind)}), 0) AS ${sql.raw(`${name}_positions`)},
      coalesce(sum(r.record_key) FILTER (WHERE r.kind = ${sql.lit(kind)}), 0) AS ${sql.raw(`${name}_keys`)}`;
}
