import { badInput } from '../../../kit/index.js';

/**
 * Relay-style connections over an in-memory result list. The cursor is the item's position in
 * the list, base64url encoded so clients treat it as opaque; a cursor that does not decode is the
 * caller's error (BAD_USER_INPUT), never an exception.
 */

export const DEFAULT_PAGE = 50;
export const MAX_PAGE = 500;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

const encode = (position: number): string => Buffer.from(`o:${position}`).toString('base64url');

function decode(cursor: string): number {
  const match = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw badInput(`Invalid cursor "${cursor.slice(0, 64)}": pass an endCursor or edge cursor from a previous page.`, 'after');
  return Number(match[1]);
}

function pageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE) {
    throw badInput(`first must be between 1 and ${MAX_PAGE}, got ${size}.`, 'first');
  }
  return size;
}

export function connection<T>(items: readonly T[], args: PageArgs): Connection<T> {
  const size = pageSize(args.first);
  const start = args.after ? decode(args.after) + 1 : 0;
  const page = items.slice(start, start + size);
  const edges = page.map((node, i) => ({ cursor: encode(start + i), node }));
  return {
    edges,
    pageInfo: { hasNextPage: start + size < items.length, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: items.length,
  };
}
