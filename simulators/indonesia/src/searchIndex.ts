import type { Clause, Condition } from './algolia.js';
import type { KarirhubHit } from './native.js';

/**
 * What makes a 200k-posting Algolia index answer a filtered page in milliseconds: postings are
 * kept newest first, so `published_at` bounds are a binary search into a window of ranks; each
 * facet value (province, KBJI code, job type, …) and each word has a posting list of ranks, built
 * the first time the attribute is asked for; numbers live in typed columns. A query scans only its
 * most selective posting list (or the window when nothing is selective) and tests the rest.
 */

type Ranks = readonly number[];

/** Matching ranks, ascending (newest first); an unfiltered window is not materialised. */
export interface RankList {
  length: number;
  slice(start: number, end: number): number[];
  toArray(): number[];
}
/** One AND-ed requirement, as the planner sees it. */
type Requirement =
  | { kind: 'postings'; lists: Ranks[]; size: number }
  | { kind: 'test'; test: (rank: number) => boolean };

/** The attribute an index is sorted by, and which way: its bounds are binary searches. */
export interface IndexOrder {
  attribute: 'published_at' | 'updated_at_timestamp';
  direction: 'asc' | 'desc';
}

const FLIPPED: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '=': '=' };

export class KarirhubIndex {
  /** The order attribute, negated for an ascending index, so it always descends along the ranks. */
  private readonly published: Float64Array;
  private readonly facets = new Map<string, Map<string, number[]>>();
  private readonly columns = new Map<string, Float64Array>();
  private words: { postings: Map<string, number[]>; sorted: string[] } | undefined;

  /** `hits` must be in the index's order (by default newest first: published_at desc, objectID desc). */
  constructor(
    readonly hits: readonly KarirhubHit[],
    private readonly order: IndexOrder = { attribute: 'published_at', direction: 'desc' },
  ) {
    const sign = order.direction === 'desc' ? 1 : -1;
    this.published = Float64Array.from(hits, (h) => sign * h[order.attribute]);
  }

  /** Builds the posting lists of attributes every caller filters on, so no first query pays for them. */
  warm(attributes: readonly string[]): this {
    for (const attribute of attributes) this.postings(attribute, '');
    return this;
  }

  /** Ranks (positions in newest-first order) of the hits matching every clause and every query word. */
  match(clauses: readonly Clause[], query: string): RankList {
    let [lo, hi] = [0, this.hits.length];
    const requirements: Requirement[] = [];
    for (const clause of clauses) {
      const only = clause.length === 1 ? clause[0] : undefined;
      if (only?.kind === 'numeric' && only.attribute === this.order.attribute && only.op !== '!=') [lo, hi] = this.bound(lo, hi, only.op, only.value);
      else requirements.push(this.requirement(clause));
    }
    for (const word of queryWords(query)) requirements.push(this.wordRequirement(word.text, word.prefix));
    return this.scan(lo, hi, requirements);
  }

  /**
   * Algolia's `facets` answer: per attribute, each value as stored (not folded — the spellings
   * employers typed) with its count over the matches, most frequent first, at most `max` values.
   */
  facetCounts(ranks: RankList, attributes: readonly string[], max: number): Record<string, Record<string, number>> {
    if (attributes.length === 0) return {};
    const all = ranks.toArray();
    return Object.fromEntries(
      attributes.map((attribute) => {
        const counts = new Map<string, number>();
        for (const rank of all) for (const v of facetValues(this.hits[rank] as KarirhubHit, attribute)) counts.set(v, (counts.get(v) ?? 0) + 1);
        const top = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, max);
        return [attribute, Object.fromEntries(top)];
      }),
    );
  }

  /** Relevance for the main index: query words found in the title count most (Algolia's attribute order). */
  titleScore(rank: number, query: string): number {
    const title = fold(this.hits[rank]?.title ?? '');
    return queryWords(query).filter((w) => title.includes(w.text)).length;
  }

  private scan(lo: number, hi: number, requirements: Requirement[]): RankList {
    if (requirements.length === 0) return rangeList(lo, hi);
    const postings = requirements.filter((r): r is Extract<Requirement, { kind: 'postings' }> => r.kind === 'postings').sort((a, b) => a.size - b.size);
    const driver = postings[0] && postings[0].size < (hi - lo) / 4 ? postings[0] : undefined;
    const candidates = driver ? union(driver.lists) : undefined;
    const few = candidates !== undefined && candidates.length < this.hits.length / 16;
    const tests = requirements.filter((r) => r !== driver).map((r) => (r.kind === 'test' ? r.test : few ? searchIn(r.lists) : membership(r.lists, this.hits.length)));
    const out: number[] = [];
    const consider = (rank: number) => {
      if (rank >= lo && rank < hi && tests.every((t) => t(rank))) out.push(rank);
    };
    if (candidates) for (const rank of candidates) consider(rank);
    else for (let rank = lo; rank < hi; rank++) consider(rank);
    return arrayList(out);
  }

  /** A bound on the order attribute, as one on the descending key column. */
  private bound(lo: number, hi: number, op: string, value: number): [number, number] {
    return this.order.direction === 'desc' ? this.narrow(lo, hi, op, value) : this.narrow(lo, hi, FLIPPED[op] ?? op, -value);
  }

  /** The key column is descending along the ranks: a bound is a cut in the window. */
  private narrow(lo: number, hi: number, op: string, value: number): [number, number] {
    const firstBelow = (limit: number, inclusive: boolean) => this.firstRank((p) => (inclusive ? p <= limit : p < limit));
    switch (op) {
      case '<=': return [Math.max(lo, firstBelow(value, true)), hi];
      case '<': return [Math.max(lo, firstBelow(value, false)), hi];
      case '>=': return [lo, Math.min(hi, firstBelow(value, false))];
      case '>': return [lo, Math.min(hi, firstBelow(value, true))];
      default: return [Math.max(lo, firstBelow(value, true)), Math.min(hi, firstBelow(value, false))];
    }
  }

  /** First rank whose published_at satisfies a predicate that stays true once true. */
  private firstRank(holds: (publishedAt: number) => boolean): number {
    let [lo, hi] = [0, this.published.length];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (holds(this.published[mid] as number)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  private requirement(clause: Clause): Requirement {
    if (clause.every((c) => c.kind === 'facet' && !c.negated)) {
      const lists = clause.map((c) => (c.kind === 'facet' ? this.postings(c.attribute, c.value) : []));
      return { kind: 'postings', lists, size: lists.reduce((n, l) => n + l.length, 0) };
    }
    const tests = clause.map((c) => this.conditionTest(c));
    return { kind: 'test', test: (rank) => tests.some((t) => t(rank)) };
  }

  private conditionTest(condition: Condition): (rank: number) => boolean {
    if (condition.kind === 'facet') {
      const member = membership([this.postings(condition.attribute, condition.value)], this.hits.length);
      return condition.negated ? (rank) => !member(rank) : member;
    }
    const column = this.column(condition.attribute);
    if (condition.kind === 'range') {
      const { lo, hi } = condition;
      return (rank) => (column[rank] as number) >= lo && (column[rank] as number) <= hi;
    }
    const n = condition.value;
    // NaN (a hidden salary, a missing number) fails every comparison, as a missing attribute does in Algolia.
    switch (condition.op) {
      case '<': return (rank) => (column[rank] as number) < n;
      case '<=': return (rank) => (column[rank] as number) <= n;
      case '>': return (rank) => (column[rank] as number) > n;
      case '>=': return (rank) => (column[rank] as number) >= n;
      case '=': return (rank) => column[rank] === n;
      default: return (rank) => !Number.isNaN(column[rank] as number) && column[rank] !== n;
    }
  }

  private wordRequirement(word: string, prefix: boolean): Requirement {
    const words = this.wordIndex();
    const lists: Ranks[] = [];
    if (!prefix) lists.push(words.postings.get(word) ?? []);
    else for (let i = lowerBound(words.sorted, word); i < words.sorted.length && (words.sorted[i] as string).startsWith(word); i++) lists.push(words.postings.get(words.sorted[i] as string) ?? []);
    return { kind: 'postings', lists, size: lists.reduce((n, l) => n + l.length, 0) };
  }

  private postings(attribute: string, value: string): Ranks {
    let byValue = this.facets.get(attribute);
    if (!byValue) {
      byValue = new Map();
      const folded = memoFold();
      this.hits.forEach((hit, rank) => {
        for (const v of facetValues(hit, attribute)) push(byValue as Map<string, number[]>, folded(v), rank);
      });
      this.facets.set(attribute, byValue);
    }
    return byValue.get(fold(value)) ?? [];
  }

  private column(attribute: string): Float64Array {
    let column = this.columns.get(attribute);
    if (!column) {
      column = Float64Array.from(this.hits, (h) => {
        const v = h[attribute as keyof KarirhubHit];
        return typeof v === 'number' ? v : NaN;
      });
      this.columns.set(attribute, column);
    }
    return column;
  }

  /** Words of the searchable attributes (title, employer, job function, skills), by rank. */
  private wordIndex(): { postings: Map<string, number[]>; sorted: string[] } {
    if (this.words) return this.words;
    const postings = new Map<string, number[]>();
    const wordsOf = memoWords();
    this.hits.forEach((hit, rank) => {
      const words = new Set<string>();
      for (const text of [hit.title ?? '', hit.company_name, hit.job_function_name, ...hit.skills]) for (const w of wordsOf(text)) words.add(w);
      for (const w of words) push(postings, w, rank);
    });
    this.words = { postings, sorted: [...postings.keys()].sort() };
    return this.words;
  }
}

const WORD_BREAK = /[^\p{L}\p{N}]+/u;

/** Every word must match; the last one as a prefix (Algolia's search-as-you-type default). */
function queryWords(query: string): Array<{ text: string; prefix: boolean }> {
  const words = fold(query).split(WORD_BREAK).filter(Boolean);
  return words.map((text, i) => ({ text, prefix: i === words.length - 1 }));
}

function facetValues(hit: KarirhubHit, attribute: string): string[] {
  if (attribute.startsWith('kbji_hierarchy.')) {
    const level = attribute.slice('kbji_hierarchy.'.length) as keyof NonNullable<KarirhubHit['kbji_hierarchy']>;
    return hit.kbji_hierarchy ? [hit.kbji_hierarchy[level]] : [];
  }
  const value = hit[attribute as keyof KarirhubHit];
  if (Array.isArray(value)) return value.map(String);
  return value === null || value === undefined ? [] : [String(value)];
}

/** Facet matching ignores case, accents and surrounding spaces, as Algolia's normalisation does. */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

/** The same few thousand strings repeat across 200k postings: fold each once. */
function memoFold(): (text: string) => string {
  const seen = new Map<string, string>();
  return (text) => {
    let f = seen.get(text);
    if (f === undefined) seen.set(text, (f = fold(text)));
    return f;
  };
}

/** Words of a text, split once per distinct text. */
function memoWords(): (text: string) => readonly string[] {
  const seen = new Map<string, string[]>();
  return (text) => {
    let words = seen.get(text);
    if (words === undefined) seen.set(text, (words = fold(text).split(WORD_BREAK).filter(Boolean)));
    return words;
  };
}

function push(map: Map<string, number[]>, key: string, rank: number): void {
  const list = map.get(key);
  if (list) list.push(rank);
  else map.set(key, [rank]);
}

/** Ranks in any of the (ascending) lists, ascending and unique. */
function union(lists: readonly Ranks[]): Ranks {
  if (lists.length === 1) return lists[0] as Ranks;
  return [...new Set(lists.flat())].sort((a, b) => a - b);
}

function membership(lists: readonly Ranks[], size: number): (rank: number) => boolean {
  const bits = new Uint8Array(size);
  for (const list of lists) for (const rank of list) bits[rank] = 1;
  return (rank) => bits[rank] === 1;
}

/** Membership by binary search: cheaper than a bitmap when only a few candidates are tested. */
function searchIn(lists: readonly Ranks[]): (rank: number) => boolean {
  return (rank) => lists.some((list) => {
    let [lo, hi] = [0, list.length];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid] as number) < rank) lo = mid + 1;
      else hi = mid;
    }
    return list[lo] === rank;
  });
}

function rangeList(lo: number, hi: number): RankList {
  const range = (a: number, b: number) => Array.from({ length: Math.max(0, b - a) }, (_, i) => a + i);
  return {
    length: hi - lo,
    slice: (start, end) => range(lo + Math.max(0, start), Math.min(hi, lo + end)),
    toArray: () => range(lo, hi),
  };
}

function arrayList(ranks: number[]): RankList {
  return { length: ranks.length, slice: (start, end) => ranks.slice(start, end), toArray: () => ranks };
}

function lowerBound(sorted: readonly string[], key: string): number {
  let [lo, hi] = [0, sorted.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
