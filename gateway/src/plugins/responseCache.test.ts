import { describe, expect, it } from 'vitest';
import { ttlSeconds } from './responseCache.js';

const hint = (subgraph: string, cacheControl: string | null) => ({ subgraph, cacheControl });

describe('response lifetime from the subgraphs’ cache-control', () => {
  it('takes the smallest max-age of the subgraphs that answered', () => {
    expect(ttlSeconds([hint('taxonomy', 'max-age=3600, public'), hint('exchange', 'max-age=60, public')], 30)).toBe(60);
    expect(ttlSeconds([hint('taxonomy', 'max-age=3600, public')], 30)).toBe(3600);
  });

  it('counts a subgraph without a hint (Apollo sends no-store, or nothing) as the default', () => {
    expect(ttlSeconds([hint('taxonomy', 'max-age=3600'), hint('a-country', 'no-store')], 30)).toBe(30);
    expect(ttlSeconds([hint('a-country', null)], 30)).toBe(30);
    expect(ttlSeconds([], 30)).toBe(30);
  });

  it('stores nothing for a private answer or an explicit max-age=0', () => {
    expect(ttlSeconds([hint('a', 'max-age=60'), hint('b', 'private, max-age=60')], 30)).toBe(0);
    expect(ttlSeconds([hint('a', 'max-age=0')], 30)).toBe(0);
  });
});
