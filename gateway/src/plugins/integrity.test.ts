import { HeaderMap, type GraphQLResponse } from '@apollo/server';
import { describe, expect, it } from 'vitest';
import { explainNullData } from './integrity.js';

const response = (singleResult: Record<string, unknown>): GraphQLResponse => ({ http: { headers: new HeaderMap(), status: undefined }, body: { kind: 'single', singleResult } });

describe('data: null never goes out without an error', () => {
  it('adds a coded error to data: null without errors', () => {
    const r = response({ data: null });
    expect(explainNullData(r)).toBe(true);
    expect(r.body.kind === 'single' && r.body.singleResult.errors?.[0]?.extensions?.code).toBe('INCOMPLETE_RESPONSE');
  });

  it('leaves answers with data, or with their own errors, alone', () => {
    expect(explainNullData(response({ data: { a: 1 } }))).toBe(false);
    const failed = response({ data: null, errors: [{ message: 'x', extensions: { code: 'UPSTREAM_TIMEOUT' } }] });
    expect(explainNullData(failed)).toBe(false);
    expect(failed.body.kind === 'single' && failed.body.singleResult.errors).toHaveLength(1);
  });
});
