import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ExchangeInputError } from './errors.js';

/**
 * Composite opaque cursors: base64url of versioned JSON. A vacancy cursor carries keysets, never
 * offsets, so vacancies published between two pages cannot shift the walk: the last edge's, and
 * each country's own last edge (a country continues after a record of its own — what a national
 * system's cursor can express), plus each country's total on the first page (reported for a
 * country that fails later in the walk). Training cursors carry per-country offsets, because the training contract pages by offset.
 * Every cursor names the query it belongs to (a hash of order + filter); using it with another
 * filter is refused instead of silently returning a wrong page.
 */

const VERSION = 1;
const MAX_CURSOR_LENGTH = 4096;

const totals = z.record(z.string().regex(/^[A-Z]{2}$/), z.number().int().min(0));
const instant = z.string().min(1).max(64).refine((s) => !Number.isNaN(Date.parse(s)));
const id = z.string().min(1).max(256);

const keyset = z.object({ postedAt: instant, id });

const NewestCursor = z.object({
  v: z.literal(VERSION),
  kind: z.literal('vacancies'),
  order: z.literal('NEWEST'),
  query: z.string(),
  /** The last edge: where the merged walk stands. */
  after: keyset,
  /** Each country's own last edge so far: what that country is asked to continue after. */
  positions: z.record(z.string().regex(/^[A-Z]{2}$/), keyset),
  totals,
});

const RelevanceCursor = z.object({
  v: z.literal(VERSION),
  kind: z.literal('vacancies'),
  order: z.literal('RELEVANCE'),
  query: z.string(),
  after: z.object({ score: z.number().min(0).max(1), postedAt: instant, id }),
  totals,
});

const TrainingCursor = z.object({
  v: z.literal(VERSION),
  kind: z.literal('training'),
  order: z.literal('SOONEST'),
  query: z.string(),
  offsets: z.record(z.string().regex(/^[A-Z]{2}$/), z.number().int().min(0)),
  totals,
});

const AnyCursor = z.union([NewestCursor, RelevanceCursor, TrainingCursor]);

export type NewestCursorState = z.infer<typeof NewestCursor>;
export type RelevanceCursorState = z.infer<typeof RelevanceCursor>;
export type TrainingCursorState = z.infer<typeof TrainingCursor>;
export type CursorState = z.infer<typeof AnyCursor>;

/** A short, stable fingerprint of a query (order + normalised filter) a cursor is bound to. */
export function queryFingerprint(value: unknown): string {
  return createHash('sha256').update(stableJson(value)).digest('base64url').slice(0, 16);
}

export function encodeCursor(state: CursorState): string {
  return Buffer.from(JSON.stringify(state), 'utf8').toString('base64url');
}

/** Parses any cursor; throws MALFORMED_CURSOR for anything this exchange did not write. */
export function decodeCursor(text: string): CursorState {
  const malformed = () => new ExchangeInputError('MALFORMED_CURSOR', 'The cursor is malformed or from another version; start again without `after`.', 'after');
  if (text.length === 0 || text.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(text)) throw malformed();
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw malformed();
  }
  const parsed = AnyCursor.safeParse(json);
  if (!parsed.success) throw malformed();
  return parsed.data;
}

/** Decodes a cursor that must belong to this kind of list, this order and this exact query. */
export function decodeCursorFor<K extends CursorState['order']>(
  text: string,
  order: K,
  query: string,
): Extract<CursorState, { order: K }> {
  const state = decodeCursor(text);
  if (state.order !== order || state.query !== query) {
    throw new ExchangeInputError('CURSOR_MISMATCH', 'The cursor belongs to a different list, filter or order; pass the same arguments as on the first page.', 'after');
  }
  return state as Extract<CursorState, { order: K }>;
}

/** JSON with object keys sorted, so equal values always give equal text. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
