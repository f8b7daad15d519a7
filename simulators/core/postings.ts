/**
 * Posting lists: how the simulated portals answer a filtered page of 200k postings in milliseconds.
 * Postings are kept newest first; a criterion value maps to the ascending positions of the
 * postings filed under it, so a filter is a few sorted-array merges and a date window is two
 * binary searches, never a scan. Each portal decides only which values a posting files under.
 */

/** The values a posting files under, per criterion (already normalised as the portal matches). */
export type PostingKeys<T, C extends string> = Record<C, (item: T) => string[]>;

export interface PostingIndex<C extends string> {
  /** Criterion value → ascending positions; a criterion's lists are built on its first use. */
  postings(criterion: C, value: string): Int32Array;
}

export function postingIndex<T, C extends string>(items: readonly T[], keys: PostingKeys<T, C>, normalise: (value: string) => string): PostingIndex<C> {
  const lists = new Map<C, Map<string, Int32Array>>();
  return {
    postings: (criterion, value) => {
      if (!lists.has(criterion)) lists.set(criterion, buildPostings(items, keys[criterion]));
      return lists.get(criterion)!.get(normalise(value)) ?? new Int32Array(0);
    },
  };
}

function buildPostings<T>(items: readonly T[], keys: (item: T) => string[]): Map<string, Int32Array> {
  const lists = new Map<string, number[]>();
  items.forEach((item, position) => {
    const own = keys(item);
    // A posting under two equal keys (say a skill code that is also its name) is listed once.
    for (const key of own.length > 1 ? new Set(own) : own) {
      const list = lists.get(key);
      if (list) list.push(position);
      else lists.set(key, [position]);
    }
  });
  return new Map([...lists].map(([key, list]) => [key, Int32Array.from(list)]));
}

export interface PositionQuery<C extends string, T> {
  /** Criterion → accepted values: OR within one criterion, AND across criteria. */
  criteria: Map<C, string[]>;
  /** At or before (epoch ms). */
  before?: number;
  /** At or after (epoch ms). */
  since?: number;
  /** What the lists cannot answer (free text, wage floors): checked posting by posting. */
  residual?: (item: T) => boolean;
}

/**
 * Positions of the matches, ascending (newest first). `instants` holds each position's instant
 * in epoch ms, descending with position.
 */
export function matchPositions<C extends string, T>(items: readonly T[], instants: Float64Array, index: PostingIndex<C>, query: PositionQuery<C, T>): Int32Array {
  const lo = query.before === undefined ? 0 : firstAtOrBelow(instants, query.before);
  const hi = query.since === undefined ? items.length : firstAtOrBelow(instants, query.since - 1);
  const lists = [...query.criteria].map(([criterion, values]) => union(values.map((v) => index.postings(criterion, v))));
  const positions = lists.length === 0 ? range(lo, hi) : lists.reduce(intersect).filter((p) => p >= lo && p < hi);
  const keep = query.residual;
  return keep ? positions.filter((p) => keep(items[p]!)) : positions;
}

/** Every prefix of a code (7, 72, 721, 7212 …): portals match code filters as prefixes. Remembered per code. */
export function codePrefixes(normalise: (value: string) => string = (v) => v): (code: string) => string[] {
  const known = new Map<string, string[]>();
  return (code) => {
    let list = known.get(code);
    if (list === undefined) known.set(code, (list = Array.from({ length: code.length }, (_, n) => normalise(code.slice(0, n + 1)))));
    return list;
  };
}

/** First position whose instant is at or before `ms` (instants descend with position). */
function firstAtOrBelow(instants: Float64Array, ms: number): number {
  let lo = 0;
  let hi = instants.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (instants[mid]! > ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * First position whose instant is at or after `ms` in ascending instants: where a "changed since"
 * feed starts (every national feed's since-parameter is inclusive).
 */
export function firstAtOrAfter(ascending: ArrayLike<number>, ms: number): number {
  let lo = 0;
  let hi = ascending.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ascending[mid]! < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function range(lo: number, hi: number): Int32Array {
  const out = new Int32Array(Math.max(0, hi - lo));
  for (let i = 0; i < out.length; i++) out[i] = lo + i;
  return out;
}

/** Sorted union: one typed-array sort, then positions listed under two accepted values dropped. */
function union(lists: Int32Array[]): Int32Array {
  if (lists.length === 1) return lists[0]!;
  const all = new Int32Array(lists.reduce((n, l) => n + l.length, 0));
  let offset = 0;
  for (const list of lists) {
    all.set(list, offset);
    offset += list.length;
  }
  all.sort();
  let kept = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[kept++] = all[i]!;
  return all.subarray(0, kept);
}

function intersect(a: Int32Array, b: Int32Array): Int32Array {
  const out: number[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      out.push(a[i]!);
      i++;
      j++;
    }
  }
  return Int32Array.from(out);
}
