import { describe, expect, it } from 'vitest';
import { decodeCursor } from './cursor.js';
import { compareNewest, isAfterNewest } from './merge.js';
import type { VacancyHit } from './model.js';
import { afterPosition, newestPage, relevancePage } from './pages.js';
import { relevanceScorer } from './relevance.js';
import { vacancyHit } from './testHits.js';

/** A country as the contract describes it: newest first, strictly after a keyset of its own. */
function search(store: VacancyHit[], first: number, keyset?: { postedAt: string; id: string }): VacancyHit[] {
  return [...store].sort(compareNewest).filter((h) => !keyset || isAfterNewest(h, keyset)).slice(0, first);
}

function seeded(prefix: string, n: number, offset: string, seed: number): VacancyHit[] {
  let x = seed;
  const next = () => (x = (x * 1103515245 + 12345) % 2 ** 31);
  return Array.from({ length: n }, (_, i) => {
    const minute = next() % 500; // many ties across and within countries
    const local = new Date(Date.UTC(2025, 0, 1, 0, minute)).toISOString().slice(0, 19);
    return vacancyHit({ id: `${prefix}:${i}`, postedAt: `${local}${offset}`, title: i % 3 === 0 ? 'Tukang las listrik' : i % 3 === 1 ? 'Tukang kayu' : 'Las' });
  });
}

describe('a NEWEST walk', () => {
  it('yields every match exactly once, in order, while new vacancies arrive between pages', () => {
    const stores: Record<string, VacancyHit[]> = { ID: seeded('ID', 37, '+07:00', 1), MY: seeded('MY', 23, '+08:00', 2), TH: seeded('TH', 41, '+07:00', 3) };
    const original = Object.values(stores).flat().sort(compareNewest).map((h) => h.id);
    const seen: string[] = [];
    let walk: { postedAt: string; id: string } | undefined;
    let positions: Record<string, { postedAt: string; id: string }> = {};
    for (let pageNo = 0; pageNo < 100; pageNo++) {
      const lists = new Map(
        Object.entries(stores).map(([c, store]) => {
          const hits = search(store, 8, positions[c]);
          return [c, { hits: positions[c] ? hits : afterPosition(hits, walk), full: hits.length === 8 }];
        }),
      );
      const page = newestPage(lists, 7, 'q', {}, positions);
      seen.push(...page.edges.map((e) => e.hit.id));
      // Vacancies posted now (newer than everything) must not disturb the walk, in every country.
      for (const [c, store] of Object.entries(stores)) store.push(vacancyHit({ id: `${c}:new${pageNo}`, postedAt: '2026-01-01T00:00:00+07:00' }));
      if (!page.hasNextPage) break;
      const cursor = decodeCursor(page.edges.at(-1)!.cursor);
      if (cursor.order !== 'NEWEST') throw new Error('expected a NEWEST cursor');
      walk = cursor.after;
      positions = cursor.positions;
    }
    expect(seen).toEqual(original);
  });
});

describe('a RELEVANCE walk', () => {
  it('ranks by score, then newest, and pages without repeats', () => {
    const all = [...seeded('ID', 20, '+07:00', 4), ...seeded('TH', 20, '+07:00', 5)];
    const score = relevanceScorer('tukang las');
    const expected = all
      .map((hit) => ({ hit, s: score(hit.title) }))
      .sort((a, b) => b.s - a.s || compareNewest(a.hit, b.hit))
      .map((x) => x.hit.id);
    const seen: string[] = [];
    let after: { score: number; postedAt: string; id: string } | undefined;
    for (;;) {
      const page = relevancePage(all, score, 6, after, 'q', {});
      seen.push(...page.edges.map((e) => e.hit.id));
      if (!page.hasNextPage) break;
      const cursor = decodeCursor(page.edges.at(-1)!.cursor);
      after = cursor.order === 'RELEVANCE' ? cursor.after : undefined;
    }
    expect(seen).toEqual(expected);
    expect(score('Tukang las listrik')).toBeGreaterThan(score('Tukang kayu'));
  });
});
