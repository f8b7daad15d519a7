import type { z } from 'zod';
import type { Column } from './cells.js';
import type { RunOperation } from './graph.js';
import { integer, text } from './params.js';
import { exportKind, type ExportKind, type Metadata, type Page } from './table.js';

/**
 * Walks a keyset-paged field: one GraphQL operation per page, the next asked for only when the
 * consumer (the HTTP writer, which waits for the socket to drain) pulls again — so a slow client
 * slows the walk instead of filling memory. Stops at `limit` rows (at most MAX_EXPORT_ROWS) and
 * then says where to continue.
 */
export const MAX_EXPORT_ROWS = 10_000;

/**
 * The longest cursor passed on to the graph: the exchange's own bound (a cursor holds one keyset
 * per country, so it grows with the registry); the graph checks the rest.
 */
const MAX_CURSOR_LENGTH = 4096;

/** `limit` (rows in all, at most MAX_EXPORT_ROWS) and `after` (the cursor to start after). */
export const pagingParams = {
  limit: integer(1, MAX_EXPORT_ROWS).optional(),
  after: text(MAX_CURSOR_LENGTH).optional(),
};

/** An export of a keyset-paged field: `page` runs one operation for one page of items. */
export interface PagedKind<S extends z.ZodObject, T> {
  name: string;
  params: S;
  /** The field's largest `first`. */
  pageSize: number;
  columns: Array<Column<T>>;
  page(params: z.infer<S>, run: RunOperation, first: number, after: string | null): Promise<Omit<FetchedPage, 'rows'> & { items: T[] }>;
}

export function pagedExport<S extends z.ZodObject, T>(kind: PagedKind<S, T>): ExportKind {
  return exportKind({
    name: kind.name,
    params: kind.params,
    columns: () => kind.columns.map(([name]) => name),
    pages: (params, run) => {
      const { limit, after } = params as { limit?: number; after?: string };
      return pagedRows({
        pageSize: kind.pageSize,
        limit,
        after,
        fetch: async (first, cursor) => {
          const { items, ...page } = await kind.page(params, run, first, cursor);
          return { ...page, rows: items.map((item) => kind.columns.map(([, value]) => value(item))) };
        },
      });
    },
  });
}

export interface FetchedPage {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  rows: Page['rows'];
  /** The answer's metadata; written from the first page only. */
  metadata: Metadata;
  /** What a later page has to say (a country missing, an error beside data). */
  warnings: Metadata;
}

export interface Walk {
  pageSize: number;
  limit: number | undefined;
  /** The cursor to start after (an earlier export's `truncated` line gives it). */
  after: string | undefined;
  fetch(first: number, after: string | null): Promise<FetchedPage>;
}

export async function* pagedRows(walk: Walk): AsyncGenerator<Page> {
  const limit = Math.min(walk.limit ?? MAX_EXPORT_ROWS, MAX_EXPORT_ROWS);
  let cursor = walk.after ?? null;
  let written = 0;
  for (let n = 1; ; n++) {
    const page = await walk.fetch(Math.min(walk.pageSize, limit - written), cursor);
    written += page.rows.length;
    const next = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    const warnings = n === 1 ? [] : page.warnings.map(([key, value]): Metadata[number] => [`warning[page ${n}]`, `${key}: ${String(value)}`]);
    // A cursor that does not move would walk forever; the graph's cursors always move.
    const stuck = next === cursor || (page.rows.length === 0 && next !== null);
    if (next === null || stuck) return yield { rows: page.rows, metadata: page.metadata, trailer: warnings };
    if (written >= limit) {
      return yield { rows: page.rows, metadata: page.metadata, trailer: [...warnings, ['truncated', `stopped at ${limit} rows; continue with after=${next}`]] };
    }
    yield { rows: page.rows, metadata: page.metadata, trailer: warnings };
    cursor = next;
  }
}
