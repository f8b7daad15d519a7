import { describe, expect, it } from 'vitest';
import { MAX_EXPORT_ROWS, pagedRows, type FetchedPage } from './paging.js';
import type { Page } from './table.js';

/** A keyset-paged list of `total` numbers, cursor = the last number given. */
function list(total: number, calls: Array<[number, string | null]>, warn?: (cursor: string | null) => FetchedPage['warnings']) {
  return async (first: number, after: string | null): Promise<FetchedPage> => {
    calls.push([first, after]);
    const start = after === null ? 0 : Number(after) + 1;
    const rows = Array.from({ length: Math.max(0, Math.min(first, total - start)) }, (_, i) => [start + i]);
    const last = start + rows.length - 1;
    return {
      rows,
      pageInfo: { hasNextPage: last < total - 1, endCursor: rows.length ? String(last) : null },
      metadata: [['total', total]],
      warnings: warn?.(after) ?? [],
    };
  };
}

async function collect(pages: AsyncGenerator<Page>): Promise<Page[]> {
  const all: Page[] = [];
  for await (const page of pages) all.push(page);
  return all;
}

describe('pagedRows', () => {
  it('walks every page once, asking for the next only after the previous', async () => {
    const calls: Array<[number, string | null]> = [];
    const pages = await collect(pagedRows({ pageSize: 10, limit: undefined, after: undefined, fetch: list(25, calls) }));
    expect(pages.flatMap((p) => p.rows).map((r) => r[0])).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(calls).toEqual([
      [10, null],
      [10, '9'],
      [10, '19'],
    ]);
    expect(pages.every((p) => p.trailer?.length === 0)).toBe(true);
  });

  it('stops at the limit, asks for no more than it needs, and says where to continue', async () => {
    const calls: Array<[number, string | null]> = [];
    const pages = await collect(pagedRows({ pageSize: 10, limit: 15, after: '4', fetch: list(100, calls) }));
    expect(calls).toEqual([
      [10, '4'],
      [5, '14'],
    ]);
    expect(pages.flatMap((p) => p.rows)).toHaveLength(15);
    expect(pages.at(-1)?.trailer).toEqual([['truncated', 'stopped at 15 rows; continue with after=19']]);
  });

  it('never goes past the cap, whatever limit is given', async () => {
    const calls: Array<[number, string | null]> = [];
    const pages = await collect(pagedRows({ pageSize: 500, limit: MAX_EXPORT_ROWS * 2, after: undefined, fetch: list(MAX_EXPORT_ROWS + 1, calls) }));
    expect(pages.flatMap((p) => p.rows)).toHaveLength(MAX_EXPORT_ROWS);
    expect(pages.at(-1)?.trailer?.[0]?.[0]).toBe('truncated');
  });

  it('carries a later page’s warnings to the trailer (the first page’s are the metadata)', async () => {
    const pages = await collect(pagedRows({ pageSize: 10, limit: undefined, after: undefined, fetch: list(15, [], () => [['source[TH]', 'FAILED']]) }));
    expect(pages.map((p) => p.trailer)).toEqual([[], [['warning[page 2]', 'source[TH]: FAILED']]]);
  });

  it('stops on a cursor that does not move', async () => {
    const stuck = async (): Promise<FetchedPage> => ({ rows: [], pageInfo: { hasNextPage: true, endCursor: 'same' }, metadata: [], warnings: [] });
    expect(await collect(pagedRows({ pageSize: 10, limit: undefined, after: 'same', fetch: stuck }))).toHaveLength(1);
  });
});
