import { CellCounts, type AggregateCell } from './aggregate.js';
import { CLOSED, type VacancyColumns } from './columns.js';
import { grouping, openUntil, rowTest, type StoreScope } from './selection.js';
import type { StatsDimension } from '../stats.js';

/**
 * The counts of many consecutive periods from one scan (a trend's points): per period and group,
 * the open stock at the period's end, the postings new within it and the vacancies filled within
 * it, with positions and record keys — the same figures `aggregate` counts for one period, by the
 * same definitions, without a pass per period.
 *
 * The periods are given by their boundaries B[1..n+1]: period i is [B[i], B[i+1]) and its stock is
 * counted at B[i+1]. A posting is new in, or filled in, the one period its instant falls in
 * (its bucket); it is in the stock of every period whose end lies in (postedAt, openUntil] — a run
 * of consecutive periods, given by the buckets of those two instants, so one pass over the column
 * image adds each posting to the periods it counts in. Never a difference of two counts: a cell's
 * key is a sum of exactly its own records' keys. As in `aggregate`, a posting counts as filled in
 * a period only when posted before that period's end.
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

/** Each period's figures, in the order of the periods (counts only: no duration, no wages). `titles` as in `aggregate`. */
export function periodCounts(c: VacancyColumns, q: PeriodQuery, titles?: Uint8Array): PeriodFigures[] {
  const n = q.boundaries.length - 1;
  if (n < 1) return [];
  const bounds = q.boundaries.map((b) => b.getTime());
  const selected = rowTest(c, q.scope, titles);
  const group = grouping(c, q.groupBy);
  const periods = Array.from({ length: n }, () => ({ total: new CellCounts(NO_GROUP), cells: new Map<number, CellCounts>() }));
  const cellOf = (p: number, key: number) => {
    const period = periods[p - 1]!;
    let cell = period.cells.get(key);
    if (!cell) period.cells.set(key, (cell = new CellCounts(group.name(key))));
    return cell;
  };
  for (let i = 0; i < c.size; i++) {
    if (!(c.postedAt[i]! < bounds[n]!) || !selected(i)) continue;
    const key = group.key(i);
    const positions = c.positions[i]!;
    const recordKey = c.recordKey[i]!;
    const postedIn = bucket(bounds, c.postedAt[i]!);
    const until = openUntil(c, i);
    const openTo = Number.isNaN(until) ? n + 1 : bucket(bounds, until);
    // Stock: the periods whose end B[j] (j = p + 1) lies in (postedAt, openUntil].
    for (let p = Math.max(postedIn, 1); p <= openTo - 1; p++) {
      cellOf(p, key).countOpen(positions, recordKey);
      periods[p - 1]!.total.countOpen(positions, recordKey);
    }
    if (postedIn >= 1 && postedIn <= n) {
      cellOf(postedIn, key).countAdded(positions, recordKey);
      periods[postedIn - 1]!.total.countAdded(positions, recordKey);
    }
    const filledIn = c.state[i] === CLOSED ? bucket(bounds, c.closedAt[i]!) : 0;
    if (filledIn >= 1 && filledIn <= n && postedIn <= filledIn) {
      cellOf(filledIn, key).countFilled(recordKey);
      periods[filledIn - 1]!.total.countFilled(recordKey);
    }
  }
  return periods.map((p) => ({
    total: p.total.empty ? undefined : p.total.cell(),
    cells: q.groupBy.length ? [...p.cells.values()].map((x) => x.cell()) : [],
  }));
}

const NO_GROUP = { country: null, region: null, iscoCode: null, month: null };

/** width_bucket over ascending bounds: how many bounds are at or before the instant (0 before the first). */
export function bucket(bounds: readonly number[], instant: number): number {
  let [low, high] = [0, bounds.length];
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (bounds[mid]! <= instant) low = mid + 1;
    else high = mid;
  }
  return low;
}
