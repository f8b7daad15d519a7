import { describe, expect, it } from 'vitest';
import { decodeCursor, decodeCursorFor, encodeCursor, queryFingerprint, stableJson, type NewestCursorState } from './cursor.js';

const state: NewestCursorState = {
  v: 1,
  kind: 'vacancies',
  order: 'NEWEST',
  query: queryFingerprint({ countries: ['ID'] }),
  after: { postedAt: '2025-03-01T09:00:00+07:00', id: 'ID:42' },
  positions: { ID: { postedAt: '2025-03-01T09:00:00+07:00', id: 'ID:42' } },
  totals: { ID: 120, MY: 80 },
};

const reasonOf = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (e) {
    return (e as { extensions?: { reason?: unknown } }).extensions?.reason;
  }
  return 'no error';
};

describe('cursor', () => {
  it('round-trips through an opaque url-safe string', () => {
    const text = encodeCursor(state);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(text)).toEqual(state);
  });

  it('refuses garbage, tampered JSON and other versions as MALFORMED_CURSOR', () => {
    expect(reasonOf(() => decodeCursor('not a cursor!'))).toBe('MALFORMED_CURSOR');
    expect(reasonOf(() => decodeCursor(Buffer.from('{"v":1}').toString('base64url')))).toBe('MALFORMED_CURSOR');
    expect(reasonOf(() => decodeCursor(encodeCursor({ ...state, v: 2 } as unknown as NewestCursorState)))).toBe('MALFORMED_CURSOR');
    const badDate = { ...state, after: { postedAt: 'later', id: 'ID:1' } };
    expect(reasonOf(() => decodeCursor(encodeCursor(badDate)))).toBe('MALFORMED_CURSOR');
    expect(reasonOf(() => decodeCursor(''))).toBe('MALFORMED_CURSOR');
  });

  it('refuses a cursor from another filter or order as CURSOR_MISMATCH', () => {
    const text = encodeCursor(state);
    expect(decodeCursorFor(text, 'NEWEST', state.query).after.id).toBe('ID:42');
    expect(reasonOf(() => decodeCursorFor(text, 'NEWEST', queryFingerprint({ countries: ['MY'] })))).toBe('CURSOR_MISMATCH');
    expect(reasonOf(() => decodeCursorFor(text, 'RELEVANCE', state.query))).toBe('CURSOR_MISMATCH');
  });

  it('fingerprints equal values equally regardless of key order', () => {
    expect(stableJson({ b: 1, a: [1, { d: 2, c: 3 }] })).toBe('{"a":[1,{"c":3,"d":2}],"b":1}');
    expect(queryFingerprint({ a: 1, b: 2 })).toBe(queryFingerprint({ b: 2, a: 1 }));
    expect(queryFingerprint({ a: 1 })).not.toBe(queryFingerprint({ a: 2 }));
  });
});
