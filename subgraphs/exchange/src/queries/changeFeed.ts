import { z } from 'zod';
import { ExchangeInputError } from '../errors.js';
import { normaliseInstant } from '../filters.js';
import type { ExchangeContext } from './context.js';

/**
 * `vacancyChanges`: the store's feed of what happened to vacancies (ADDED, UPDATED, CLOSED,
 * WITHDRAWN), the way a job board mirrors a public employment service. Events are walked in the
 * order the store recorded them (seq), so a mirror that follows the cursor sees every event once
 * — an event recorded later for an earlier instant (one country synced after another) still comes
 * after the cursor instead of falling behind it. `since` filters by the event's own instant.
 */

export const MAX_FEED_FIRST = 500;
const CURSOR_VERSION = 1;
const FeedCursor = z.object({ v: z.literal(CURSOR_VERSION), kind: z.literal('changes'), seq: z.string().regex(/^\d{1,19}$/) });

export interface FeedArgs {
  since: string;
  first?: number | null;
  after?: string | null;
}

export async function vacancyChanges(ctx: ExchangeContext, args: FeedArgs) {
  const since = new Date(normaliseInstant(args.since, 'since') ?? invalidSince());
  const first = args.first ?? 50;
  if (!Number.isInteger(first) || first < 1 || first > MAX_FEED_FIRST) {
    throw new ExchangeInputError('FIRST_OUT_OF_RANGE', `first must be between 1 and ${MAX_FEED_FIRST}; got ${first}.`, 'first');
  }
  const afterSeq = args.after ? decodeFeedCursor(args.after) : '0';
  const rows = await ctx.store.db
    .selectFrom('vacancy_change')
    .selectAll()
    .where('at', '>=', since)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(first + 1)
    .execute();
  const page = rows.slice(0, first);
  return {
    edges: page.map((r) => ({
      cursor: encodeFeedCursor(String(r.seq)),
      node: {
        kind: r.kind,
        at: new Date(r.at).toISOString(),
        seenAt: new Date(r.seen_at).toISOString(),
        country: { code: r.country },
        vacancy: { __typename: r.typename, id: r.vacancy_id },
      },
    })),
    pageInfo: { hasNextPage: rows.length > first, endCursor: page.length ? encodeFeedCursor(String(page.at(-1)!.seq)) : (args.after ?? null) },
  };
}

function invalidSince(): never {
  throw new ExchangeInputError('MALFORMED_DATE', 'since must be an ISO 8601 date or instant.', 'since');
}

export function encodeFeedCursor(seq: string): string {
  return Buffer.from(JSON.stringify({ v: CURSOR_VERSION, kind: 'changes', seq })).toString('base64url');
}

export function decodeFeedCursor(cursor: string): string {
  try {
    if (cursor.length > 512) throw new Error('too long');
    return FeedCursor.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))).seq;
  } catch {
    throw new ExchangeInputError('MALFORMED_CURSOR', 'after is not a cursor of vacancyChanges.', 'after');
  }
}
