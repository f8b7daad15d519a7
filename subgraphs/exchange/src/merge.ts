/**
 * Pure k-way merging of the countries' already-sorted result lists. Each country returns its own
 * matches in the contract's order; the exchange interleaves them under the SAME order, so the
 * merged list is sorted exactly as if one system held every vacancy.
 */

export type Compare<T> = (a: T, b: T) => number;

/** Milliseconds since the epoch; an unparsable instant sorts as the oldest. */
export function instantOf(iso: string | null | undefined): number {
  const ms = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
}

/** Plain code-unit comparison: the order the countries use for ids, locale-independent. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Newest first: posting instant descending (offsets honoured), ties by id descending. */
export function compareNewest(a: { postedAt: string; id: string }, b: { postedAt: string; id: string }): number {
  const byInstant = instantOf(b.postedAt) - instantOf(a.postedAt);
  if (byInstant !== 0 && !Number.isNaN(byInstant)) return Math.sign(byInstant);
  return compareText(b.id, a.id);
}

/** True when `hit` comes strictly after `position` in newest-first order. */
export function isAfterNewest(hit: { postedAt: string; id: string }, position: { postedAt: string; id: string }): boolean {
  return compareNewest(hit, position) > 0;
}

/** Soonest start first, unknown start last, ties by id ascending (the training contract's order). */
export function compareSoonest(a: { startDate: string | null; id: string }, b: { startDate: string | null; id: string }): number {
  const ta = a.startDate ? instantOf(a.startDate) : Number.POSITIVE_INFINITY;
  const tb = b.startDate ? instantOf(b.startDate) : Number.POSITIVE_INFINITY;
  if (ta !== tb) return ta < tb ? -1 : 1;
  return compareText(a.id, b.id);
}

export interface MergeResult<T> {
  /** The first `limit` items of the merged order. */
  items: T[];
  /** How many items of each input list were taken. */
  taken: number[];
}

/**
 * Merges sorted lists and stops after `limit` items. With a handful of countries a linear scan of
 * the list heads beats a heap; ties between lists go to the earlier list (stable).
 */
export function mergeSorted<T>(lists: readonly (readonly T[])[], compare: Compare<T>, limit: number): MergeResult<T> {
  const taken = lists.map(() => 0);
  const head = (i: number): T | undefined => lists[i]?.[taken[i] ?? 0];
  const items: T[] = [];
  while (items.length < limit) {
    let best = -1;
    let bestHead: T | undefined;
    for (let i = 0; i < lists.length; i++) {
      const candidate = head(i);
      if (candidate === undefined) continue;
      if (bestHead === undefined || compare(candidate, bestHead) < 0) {
        best = i;
        bestHead = candidate;
      }
    }
    if (bestHead === undefined) break;
    items.push(bestHead);
    taken[best] = (taken[best] ?? 0) + 1;
  }
  return { items, taken };
}
