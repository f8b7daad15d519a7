import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { everySubgraph, oneCountry, registeredCountries } from '../harness/countries.js';
import { startStack, type TestStack } from '../harness/stack.js';

/**
 * Issue 15.1 / 14.8: a partial answer (a country down) or a stale one must never be stored by the
 * gateway's whole-response cache — also when the query does not select `sources`, because
 * partiality travels as metadata (`x-lmis-partial`), not in the selected fields.
 */
/** Two countries to take down, one at a time (the same one when only one is registered). */
const one = oneCountry();
const other = registeredCountries().find((c) => c.name !== one.name) ?? one;
const allOk = registeredCountries().map(() => 'OK');

describe('the response cache refuses partial answers, whatever was selected', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startStack({ subgraphs: everySubgraph(), simulator: { size: 300 } });
  }, 120_000);
  afterAll(async () => stack?.stop());

  /** After an outage the circuit breakers reopen within seconds: wait (bounded) until every country answers. */
  const recovered = async (field = 'vacancies(first: 1)', before: () => Promise<unknown> = async () => undefined) => {
    for (let i = 0; i < 100; i += 1) {
      await before();
      const answer = await stack.query<Record<string, { sources: Array<{ status: string }> }>>(`{ probe: ${field} { sources { status } } }`);
      if (answer.data?.probe?.sources.every((s) => s.status === 'OK')) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`the countries did not recover: ${JSON.stringify((await stack.query(`{ probe: ${field} { sources { subgraph status message } } }`)).data)}`);
  };

  const count = async (query: string) => {
    const answer = await stack.query<{ vacancies: { totalCount: number } }>(query);
    expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
    return { total: answer.data!.vacancies.totalCount, cache: answer.headers.get('x-cache'), cacheControl: answer.headers.get('cache-control') };
  };

  it('does not cache a totalCount missing a country, and answers the true count after recovery', async () => {
    const query = '{ vacancies(filter: { iscoCode: "7" }) { totalCount } }';
    await stack.faults(one.simulator, { down: true });
    let during: Awaited<ReturnType<typeof count>>;
    try {
      during = await count(query);
      const again = await count(query);
      expect([during.cache, during.cacheControl, again.cache, again.cacheControl]).toEqual(['MISS', 'no-store', 'MISS', 'no-store']);
    } finally {
      await stack.faults(one.simulator, { down: false });
    }
    await recovered();
    const after = await count(query);
    const truth = await stack.query<{ vacancies: { totalCount: number; sources: Array<{ status: string; total: number }> } }>(
      '{ vacancies(filter: { iscoCode: "7" }) { totalCount sources { status total } } }',
    );
    expect(truth.data!.vacancies.sources.map((s) => s.status)).toEqual(allOk);
    expect(after.total).toBe(truth.data!.vacancies.totalCount);
    expect(after.total).toBeGreaterThan(during.total);
    // Whole again: now it is cached.
    const hit = await stack.query(query);
    expect([hit.headers.get('x-cache'), (hit.data as { vacancies: { totalCount: number } }).vacancies.totalCount]).toEqual(['HIT', after.total]);
    // Shared HTTP caches must key on what changes the answer.
    expect(hit.headers.get('vary')).toBe('accept-language, authorization, x-api-key');
  });

  it('does not cache statistics while a country is not whole', async () => {
    await recovered();
    // Statistics come from the store: a country whose national system is down keeps its last
    // synced figures but is marked (its training offers are live and fail), so the answer is
    // partial metadata-wise and must not be cached, whatever the client selected.
    const query = '{ labourMarketStats(groupBy: [COUNTRY]) { cells { country { code } vacancies } } }';
    const cache = async () => (await stack.query(query)).headers.get('x-cache');
    await stack.faults(other.simulator, { down: true });
    try {
      await stack.syncStore();
      const answer = await stack.query<{ labourMarketStats: { sources: Array<{ subgraph: string; status: string }> } }>(
        '{ labourMarketStats(groupBy: [COUNTRY]) { sources { subgraph status } } }',
      );
      expect(answer.data!.labourMarketStats.sources.find((s) => s.subgraph === other.name)?.status).not.toBe('OK');
      expect(await cache()).toBe('MISS');
      expect(await cache()).toBe('MISS');
    } finally {
      await stack.faults(other.simulator, { down: false });
    }
    await recovered();
    // The country's own circuit breaker reopens within seconds: sync until its feed answers.
    await recovered('labourMarketStats(groupBy: [COUNTRY])', () => stack.syncStore());
    expect(await cache()).toBe('MISS');
    expect(await cache()).toBe('HIT');
  });

  it('tells the client a fixed sentence about a failed country, not the upstream\'s words', async () => {
    await stack.faults(one.simulator, { down: true });
    try {
      const answer = await stack.query<{ vacancies: { sources: Array<{ subgraph: string; status: string; message: string }> } }>(
        '{ vacancies(filter: { iscoCode: "3" }) { sources { subgraph status message } } }',
      );
      const failed = answer.data!.vacancies.sources.find((s) => s.subgraph === one.name);
      expect(failed).toEqual({ subgraph: one.name, status: 'FAILED', message: `${one.name} is unavailable` });
    } finally {
      await stack.faults(one.simulator, { down: false });
    }
  });
});
