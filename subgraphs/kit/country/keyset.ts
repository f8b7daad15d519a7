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
