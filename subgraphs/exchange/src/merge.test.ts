import { describe, expect, it } from 'vitest';
import { compareNewest, compareSoonest, mergeSorted } from './merge.js';
import { newestPage, trainingPage } from './pages.js';
import { decodeCursor } from './cursor.js';
import { trainingHit, vacancyHit } from './testHits.js';

describe('compareNewest', () => {
  it('orders by instant, honouring each source offset, not by the text', () => {
    // 10:00+08:00 (Kuala Lumpur) is 09:00+07:00 — earlier than 09:30 in Jakarta.
    const kl = vacancyHit({ id: 'MY:1', postedAt: '2025-03-01T10:00:00+08:00' });
    const jkt = vacancyHit({ id: 'ID:1', postedAt: '2025-03-01T09:30:00+07:00' });
    expect([kl, jkt].sort(compareNewest).map((h) => h.id)).toEqual(['ID:1', 'MY:1']);
  });

  it('breaks ties at the same instant by id descending', () => {
    const a = vacancyHit({ id: 'ID:9', postedAt: '2025-03-01T09:00:00+07:00' });
    const b = vacancyHit({ id: 'TH:1', postedAt: '2025-03-01T09:00:00+07:00' });
    const c = vacancyHit({ id: 'MY:5', postedAt: '2025-03-01T10:00:00+08:00' });
    expect([a, b, c].sort(compareNewest).map((h) => h.id)).toEqual(['TH:1', 'MY:5', 'ID:9']);
  });

  it('sorts unparsable dates last', () => {
    const bad = vacancyHit({ id: 'ID:2', postedAt: 'yesterday' });
    const good = vacancyHit({ id: 'ID:1', postedAt: '2020-01-01T00:00:00Z' });
    expect([bad, good].sort(compareNewest).map((h) => h.id)).toEqual(['ID:1', 'ID:2']);
  });
});

describe('compareSoonest', () => {
  it('puts unknown start dates last and ties by id ascending', () => {
    const hits = [trainingHit({ id: 'B', startDate: null }), trainingHit({ id: 'C', startDate: '2025-02-01' }), trainingHit({ id: 'A', startDate: '2025-02-01' })];
    expect(hits.sort(compareSoonest).map((h) => h.id)).toEqual(['A', 'C', 'B']);
  });
});

describe('mergeSorted', () => {
  it('interleaves sorted lists and reports how much of each was taken', () => {
    const r = mergeSorted([[1, 4, 7], [2, 5], [3, 6, 9]], (a, b) => a - b, 5);
    expect(r.items).toEqual([1, 2, 3, 4, 5]);
    expect(r.taken).toEqual([2, 2, 1]);
  });

  it('stops when every list is exhausted', () => {
    expect(mergeSorted([[1], [], [0]], (a, b) => a - b, 10)).toEqual({ items: [0, 1], taken: [1, 0, 1] });
  });
});

describe('newestPage', () => {
  const id = (n: number, c = 'ID') => vacancyHit({ id: `${c}:${n}`, postedAt: new Date(Date.UTC(2025, 0, 1, 0, n)).toISOString() });

  it('uses the extra hit per country to decide hasNextPage', () => {
    const lists = new Map([
      ['ID', { hits: [id(9), id(5)], full: false }],
      ['MY', { hits: [id(8, 'MY'), id(7, 'MY'), id(1, 'MY')], full: false }],
    ]);
    const page = newestPage(lists, 3, 'q', { ID: 2, MY: 3 });
    expect(page.edges.map((e) => e.hit.id)).toEqual(['ID:9', 'MY:8', 'MY:7']);
    expect(page.hasNextPage).toBe(true);
    const last = decodeCursor(page.edges[2]!.cursor);
    expect(last).toMatchObject({ order: 'NEWEST', after: { id: 'MY:7' }, totals: { ID: 2, MY: 3 } });
    // Each country continues after its own last edge.
    expect(last).toMatchObject({ positions: { ID: { id: 'ID:9' }, MY: { id: 'MY:7' } } });
    expect(decodeCursor(page.edges[0]!.cursor)).toMatchObject({ positions: { ID: { id: 'ID:9' } } });
  });

  it('has no next page when every list was consumed', () => {
    const page = newestPage(new Map([['ID', { hits: [id(2), id(1)], full: false }]]), 2, 'q', {});
    expect(page.hasNextPage).toBe(false);
  });

  it('may have a next page when a full answer was cut by the walk position', () => {
    const page = newestPage(new Map([['ID', { hits: [id(2)], full: true }]]), 2, 'q', {});
    expect(page.hasNextPage).toBe(true);
  });
});

describe('trainingPage', () => {
  it('advances each country offset by what it contributed, edge by edge', () => {
    const lists = new Map([
      ['ID', [trainingHit({ id: 'ID:1', startDate: '2025-01-01' }), trainingHit({ id: 'ID:2', startDate: '2025-03-01' })]],
      ['TH', [trainingHit({ id: 'TH:1', startDate: '2025-02-01' })]],
    ]);
    const page = trainingPage(lists, { ID: 10, TH: 4 }, 2, 'q', {});
    expect(page.edges.map((e) => e.hit.id)).toEqual(['ID:1', 'TH:1']);
    expect(decodeCursor(page.edges[0]!.cursor)).toMatchObject({ offsets: { ID: 11, TH: 4 } });
    expect(decodeCursor(page.edges[1]!.cursor)).toMatchObject({ offsets: { ID: 11, TH: 5 } });
    expect(page.hasNextPage).toBe(true);
  });
});
