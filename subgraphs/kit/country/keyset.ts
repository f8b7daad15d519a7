import type { Keyset } from './adapter.js';

/**
 * What a keyset has not covered yet, from a page an upstream gave for "posted at or before the
 * keyset's instant" (national APIs' date filters are inclusive): postings older than the keyset,
 * and those at its very instant with a lower native id (the contract orders ids descending within
 * an instant). A posting whose date cannot be read (NaN) is placed after no keyset: the first page
 * carries it.
 */
export function afterKeyset<N>(items: readonly N[], after: Keyset | null, instantMsOf: (item: N) => number, nativeIdOf: (item: N) => string): N[] {
  if (!after) return [...items];
  const at = Date.parse(after.postedAt);
  return items.filter((item) => {
    const t = instantMsOf(item);
    return t < at || (t === at && nativeIdOf(item) < after.nativeId);
  });
}

/** A change feed's order: last change ascending, ties by native id ascending (what ExchangeChangeKeyset walks). */
export interface ChangeOrder<N> {
  instantMsOf(item: N): number;
  nativeIdOf(item: N): string;
}

/**
 * The changes a change keyset has not covered yet, oldest first: an upstream's "changed since"
 * filter is inclusive, so the records at the keyset's own instant with an id at or below the
 * keyset's are dropped, and the page is put in the contract's order (the kit does not trust the
 * upstream's tie order). Records whose change date cannot be read (NaN) are dropped: no keyset
 * could ever walk past them.
 */
export function afterChangeKeyset<N>(items: readonly N[], after: { updatedAt: string; nativeId: string } | null, order: ChangeOrder<N>): N[] {
  const at = after ? Date.parse(after.updatedAt) : -Infinity;
  const keyed = items.flatMap((item) => {
    const t = order.instantMsOf(item);
    const id = order.nativeIdOf(item);
    if (Number.isNaN(t) || t < at || (t === at && after !== null && id <= after.nativeId)) return [];
    return [{ item, t, id }];
  });
  keyed.sort((a, b) => a.t - b.t || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return keyed.map((k) => k.item);
}
