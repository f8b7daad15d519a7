import { encodeCursor, type NewestCursorState, type RelevanceCursorState, type TrainingCursorState } from './cursor.js';
import { compareNewest, compareSoonest, isAfterNewest, mergeSorted } from './merge.js';
import type { Keyset, TrainingHit, VacancyHit } from './model.js';

/**
 * Pure assembly of one page from what the countries returned. Each function receives the lists
 * of the countries that answered (keyed by country code) and returns the edges with their cursors.
 *
 * Paging rules:
 * - NEWEST: every country is asked for `first + 1` hits strictly after its own last edge in this
 *   walk (a keyset of its own records, which is what a national system's cursor can express); a
 *   country that has contributed nothing yet is asked from its top and whatever the walk has
 *   already passed is dropped. The extra hit tells whether that country has more. The page is the
 *   first `first` of the k-way merge (instant desc, id desc).
 * - RELEVANCE: every country returns ALL its matches (exchangeVacancyFacts, cached), so scores
 *   can be ranked globally; the page is the first `first` strictly after the keyset
 *   (score desc, then NEWEST's order). New vacancies between pages land before or after the
 *   keyset, never twice.
 * - Training: the contract pages by offset; the cursor keeps each country's offset.
 */

export const MAX_FIRST = 100;

export interface Edge<Hit> {
  cursor: string;
  hit: Hit;
  score: number | null;
}

export interface Page<Hit> {
  edges: Edge<Hit>[];
  hasNextPage: boolean;
}

type Totals = Record<string, number>;

/** What one country returned for a NEWEST page. */
export interface CountryHits {
  /** Hits in the country's order, already cut to those after the walk's position. */
  hits: readonly VacancyHit[];
  /** The country returned all it was asked for (first + 1): it may have more than `hits`. */
  full: boolean;
}

export type Positions = Record<string, Keyset>;

export function newestPage(lists: ReadonlyMap<string, CountryHits>, first: number, query: string, totals: Totals, positions: Positions = {}): Page<VacancyHit> {
  const codes = [...lists.keys()];
  const merged = mergeSorted(codes.map((c) => lists.get(c)?.hits ?? []), compareNewest, first);
  const position: Positions = { ...positions };
  const ownerOf = new Map<VacancyHit, string>();
  codes.forEach((c) => lists.get(c)?.hits.forEach((h) => ownerOf.set(h, c)));
  const edges = merged.items.map((hit) => {
    const after = { postedAt: hit.postedAt, id: hit.id };
    position[ownerOf.get(hit)!] = after;
    const state: NewestCursorState = { v: 1, kind: 'vacancies', order: 'NEWEST', query, after, positions: { ...position }, totals };
    return { cursor: encodeCursor(state), hit, score: null };
  });
  const hasNextPage = codes.some((c, i) => {
    const list = lists.get(c)!;
    return (merged.taken[i] ?? 0) < list.hits.length || list.full;
  });
  return { edges, hasNextPage };
}

export interface ScoredHit {
  hit: VacancyHit;
  score: number;
}

export function compareRelevance(a: ScoredHit, b: ScoredHit): number {
  return a.score !== b.score ? b.score - a.score : compareNewest(a.hit, b.hit);
}

export function relevancePage(
  all: readonly VacancyHit[],
  score: (title: string) => number,
  first: number,
  after: RelevanceCursorState['after'] | undefined,
  query: string,
  totals: Totals,
): Page<VacancyHit> {
  const position = after ? { hit: { postedAt: after.postedAt, id: after.id } as VacancyHit, score: after.score } : undefined;
  const ranked = all
    .map((hit) => ({ hit, score: score(hit.title) }))
    .filter((s) => !position || compareRelevance(s, position) > 0)
    .sort(compareRelevance);
  const edges = ranked.slice(0, first).map(({ hit, score: s }) => {
    const state: RelevanceCursorState = { v: 1, kind: 'vacancies', order: 'RELEVANCE', query, after: { score: s, postedAt: hit.postedAt, id: hit.id }, totals };
    return { cursor: encodeCursor(state), hit, score: s };
  });
  return { edges, hasNextPage: ranked.length > first };
}

/**
 * A country with no position of its own yet is asked from its top; what it returns that the walk
 * has already passed (published since the walk began) is dropped here.
 */
export function afterPosition(hits: readonly VacancyHit[], walk: Keyset | undefined): VacancyHit[] {
  return walk ? hits.filter((h) => isAfterNewest(h, walk)) : [...hits];
}

export function trainingPage(
  lists: ReadonlyMap<string, readonly TrainingHit[]>,
  offsets: Readonly<Record<string, number>>,
  first: number,
  query: string,
  totals: Totals,
): Page<TrainingHit> {
  const codes = [...lists.keys()];
  const merged = mergeSorted(codes.map((c) => lists.get(c) ?? []), compareSoonest, first);
  const position: Record<string, number> = { ...offsets };
  const ownerOf = new Map<TrainingHit, string>();
  codes.forEach((c) => lists.get(c)?.forEach((h) => ownerOf.set(h, c)));
  const edges = merged.items.map((hit) => {
    const owner = ownerOf.get(hit)!;
    position[owner] = (position[owner] ?? 0) + 1;
    const state: TrainingCursorState = { v: 1, kind: 'training', order: 'SOONEST', query, offsets: { ...position }, totals };
    return { cursor: encodeCursor(state), hit, score: null };
  });
  const hasNextPage = codes.some((c, i) => (merged.taken[i] ?? 0) < (lists.get(c)?.length ?? 0));
  return { edges, hasNextPage };
}
