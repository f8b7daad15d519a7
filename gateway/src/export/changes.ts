import { z } from 'zod';
import type { Column } from './cells.js';
import { commonParams, text } from './params.js';
import { pagedExport, pagingParams } from './paging.js';
import { errorLines, sourceLines } from './table.js';

/** GET /export/changes.csv — the store's change feed (`vacancyChanges`), walked by its cursor. */
const PAGE_SIZE = 500; // the graph's largest `first` for the feed
const params = z.object({ ...commonParams, since: text(40), ...pagingParams });

interface Change {
  cursor: string;
  node: { kind: string; at: string; seenAt: string; country: { code: string }; vacancy: { id: string; title: string } | null };
}

interface Connection {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Change[];
}

const QUERY = `query ExportChanges($since: String!, $first: Int!, $after: String) {
  vacancyChanges(since: $since, first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { cursor node { kind at seenAt country { code } vacancy { id title } } }
  }
}`;

const COLUMNS: Array<Column<Change>> = [
  ['cursor', (c) => c.cursor],
  ['kind', (c) => c.node.kind],
  ['at', (c) => c.node.at],
  ['seenAt', (c) => c.node.seenAt],
  ['country', (c) => c.node.country.code],
  ['vacancyId', (c) => c.node.vacancy?.id],
  ['title', (c) => c.node.vacancy?.title],
];

export const changesExport = pagedExport({
  name: 'changes',
  params,
  pageSize: PAGE_SIZE,
  columns: COLUMNS,
  async page(p, run, first, after) {
    const answer = await run<{ vacancyChanges: Connection }>(QUERY, { since: p.since, first, after });
    const page = answer.data.vacancyChanges;
    return { pageInfo: page.pageInfo, items: page.edges, metadata: [['since', p.since], ...sourceLines([], answer)], warnings: errorLines(answer) };
  },
});
