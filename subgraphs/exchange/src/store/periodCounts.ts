import { sql, type Kysely } from 'kysely';
import { groupKey, toCell, type AggregateCell } from './aggregate.js';
import { CLOSED_AT, groupColumns, groupSelect, OPEN_UNTIL, scopeWhere, type StoreScope } from './scope.js';
import type { StatsDimension } from '../stats.js';
import type { StoreTables } from './tables.js';

/**
 * The counts of many consecutive periods from one scan (a trend's points): per period and group,
 * the open stock at the period's end, the postings new within it and the vacancies filled within
 * it, with positions and record keys — the same figures `aggregate` counts for one period, by the
 * same definitions, without a pass per period.
 *
 * The periods are given by their boundaries B[1..n+1]: period i is [B[i], B[i+1]) and its stock is
 * counted at B[i+1]. A posting is new in, or filled in, the one period its instant falls in
 * (width_bucket); it is in the stock of every period whose end lies in (posted_at, OPEN_UNTIL] —
 * a run of consecutive periods, given by the buckets of those two instants. So the scan groups
 * the postings by (group, posting bucket, filling bucket, open-until bucket) — a hash aggregate of
 * a few rows per group — and each such bucket is then added to the periods it counts in. Never a
 * difference of two counts: a cell's key is a sum of exactly its own records' keys. As in
 * `aggregate`, a posting counts as filled in a period only when posted before that period's end.
 * The whole selection's figures per period (a trend's totals) are the sums of the same buckets.
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

type Row = Record<string, unknown>;

/** Each period's figures, in the order of the periods (counts only: no duration, no wages). */
export async function periodCounts(db: Kysely<StoreTables>, q: PeriodQuery): Promise<PeriodFigures[]> {
  const n = q.boundaries.length - 1;
  if (n < 1) return [];
  const bounds = sql`ARRAY[${sql.join(q.boundaries.map((b) => sql`${b}::timestamptz`))}]`;
  const { rows } = await sql<Row>`
    SELECT ${groupSelect(groupColumns(q.groupBy))},
      width_bucket(v.posted_at, ${bounds}) AS posted_in,
      CASE WHEN v.state = 'CLOSED' THEN width_bucket(${CLOSED_AT}, ${bounds}) END AS filled_in,
      coalesce(width_bucket(${OPEN_UNTIL}, ${bounds}), ${n + 1}::int) AS open_to,
      count(*) AS postings, sum(v.positions) AS positions, sum(v.record_key) AS keys
    FROM vacancy v
    WHERE ${scopeWhere(q.scope)} AND v.posted_at < ${q.boundaries[n]!}
    GROUP BY 1, 2, 3, 4, 5, 6, 7`.execute(db);
  const periods = Array.from({ length: n }, () => ({ total: emptyCell({}), cells: new Map<string, AggregateCell>() }));
  for (const row of rows) {
    const bucket = { postings: Number(row.postings), positions: Number(row.positions), keys: Number(row.keys) };
    const postedIn = Number(row.posted_in);
    const filledIn = row.filled_in === null ? 0 : Number(row.filled_in);
    const at = (i: number) => {
      const period = periods[i - 1]!;
      const key = groupKey(row);
      const cell = period.cells.get(key) ?? emptyCell(row);
      period.cells.set(key, cell);
      return [cell, period.total];
    };
    // Stock: the periods whose end B[j] (j = i + 1) lies in (posted_at, OPEN_UNTIL].
    for (let i = Math.max(postedIn, 1); i <= Number(row.open_to) - 1; i++) {
      for (const c of at(i)) [c.open, c.openPositions, c.openKeys] = [c.open + bucket.postings, c.openPositions + bucket.positions, c.openKeys + bucket.keys];
    }
    if (postedIn >= 1 && postedIn <= n) {
      for (const c of at(postedIn)) [c.added, c.addedPositions, c.addedKeys] = [c.added + bucket.postings, c.addedPositions + bucket.positions, c.addedKeys + bucket.keys];
    }
    if (filledIn >= 1 && filledIn <= n && postedIn <= filledIn) {
      for (const c of at(filledIn)) [c.filled, c.filledKeys] = [c.filled + bucket.postings, c.filledKeys + bucket.keys];
    }
  }
  return periods.map((p) => ({
    total: p.total.open || p.total.added || p.total.filled ? p.total : undefined,
    cells: q.groupBy.length ? [...p.cells.values()] : [],
  }));
}

/** A cell of the row's group with nothing counted yet. */
function emptyCell(row: Row): AggregateCell {
  return toCell({ g_country: row.g_country, g_region: row.g_region, g_isco: row.g_isco, g_month: row.g_month });
}
