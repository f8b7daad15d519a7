import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createCache } from '../../core/cache/index.js';
import { loadConfig } from '../../core/config.js';
import type { RunningService } from '../../core/service.js';
import { defineCountrySubgraph, type CountryCachePolicies } from '../../subgraphs/kit/index.js';
import { testlandAdapter, testlandManifest } from './fake/adapter.js';
import { startFakeUpstream, testlandData, type FakeUpstream } from './fake/upstream.js';
import { codes, postGraphQL } from './graphql.js';
import { runCountryConformance } from './suite.js';

/**
 * The kit proved on a country of its own: a tiny fake adapter over a tiny local HTTP upstream.
 * First the full conformance suite (so the suite itself is known to pass on a correct country),
 * then the kit's batching, caching and failure claims, counted in upstream requests.
 */

const config = loadConfig({ NODE_ENV: 'test' });
const logger = pino({ level: 'silent' });

async function startTestland(data: ReturnType<typeof testlandData>, policies?: Partial<CountryCachePolicies>) {
  const upstream = await startFakeUpstream(data);
  const cache = createCache({ namespace: `kit-test-${randomUUID()}`, logger });
  const subgraph = await defineCountrySubgraph(testlandAdapter(policies)).start({ config, cache, logger, upstreamUrl: upstream.url }, { port: 0 });
  return { subgraph, upstream };
}

runCountryConformance(
  'testland',
  async () => {
    const { subgraph, upstream } = await startTestland(testlandData(260));
    return { subgraph, simulator: upstream, stats: async () => ({ requests: upstream.requests() }) };
  },
  { manifest: testlandManifest },
);

describe('country kit: batching, caching and failures', () => {
  let subgraph: RunningService;
  let upstream: FakeUpstream;
  const ids = (from: number, n: number) => Array.from({ length: n }, (_, i) => `TL:J${String(from + i).padStart(4, '0')}`);
  const entities = (list: string[]) =>
    postGraphQL<{ _entities: Array<{ id: string; judul: string; occupation: { iscoCode: string } | null; source: { stale: boolean; ageSeconds: number } } | null> }>(
      subgraph.url,
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on TestlandVacancy { id judul occupation { iscoCode } source { stale ageSeconds } } } }`,
      { reps: list.map((id) => ({ __typename: 'TestlandVacancy', id })) },
      { secret: config.gatewaySecret },
    );

  beforeAll(async () => {
    // Records go stale after 300 ms but may be served for an hour when the upstream fails.
    const record = { ttlMs: 300, staleWhileRevalidateMs: 0, staleIfErrorMs: 3_600_000 };
    ({ subgraph, upstream } = await startTestland(testlandData(120, { broken: ['J0013'] }), { record }));
  });
  afterAll(async () => {
    await subgraph?.close();
    await upstream?.close();
  });

  it('resolves 50 ids with one upstream call, and the same 50 again with none', async () => {
    const before = upstream.requests();
    const first = await entities(ids(50, 50));
    expect(first.errors).toBeUndefined();
    expect(first.data?._entities.map((e) => e?.id)).toEqual(ids(50, 50));
    expect(upstream.requests() - before).toBe(1);
    const again = await entities(ids(50, 50));
    expect(again.data?._entities.every((e) => e?.source.stale === false)).toBe(true);
    expect(upstream.requests() - before).toBe(1);
  });

  it('maps what the crosswalk knows, keeps unmapped codes out of occupation, and counts them', async () => {
    const answer = await entities(['TL:J0007', 'TL:J0008']);
    expect(answer.data?._entities.map((e) => e?.occupation)).toEqual([null, { iscoCode: '5120' }]);
    const metrics = await (await fetch(subgraph.url.replace(/graphql$/, 'metrics'))).text();
    expect(metrics).toMatch(/lmis_subgraph_unmapped_national_codes_total\{[^}]*system="TL-CODE"[^}]*\} [1-9]/);
  });

  it('fails only the record it cannot translate, naming its id', async () => {
    const answer = await entities(['TL:J0012', 'TL:J0013', 'TL:J0014']);
    expect(answer.data?._entities.map((e) => e?.id ?? null)).toEqual(['TL:J0012', null, 'TL:J0014']);
    expect(codes(answer)).toEqual(['UPSTREAM_BAD_RECORD']);
    expect(answer.errors?.[0]?.message).toContain('TL:J0013');
  });

  it('serves cached records stale while the upstream is down, and says so for uncached ones', async () => {
    await entities(ids(20, 5));
    await new Promise((r) => setTimeout(r, 350)); // past the record TTL
    upstream.setDown(true);
    try {
      const answer = await entities([...ids(20, 5), 'TL:J0110']);
      const [cached, uncached] = [answer.data?._entities.slice(0, 5), answer.data?._entities[5]];
      expect(cached?.map((e) => e?.source.stale)).toEqual([true, true, true, true, true]);
      expect(uncached).toBeNull();
      expect(codes(answer)).toEqual(['UPSTREAM_UNAVAILABLE']);
      expect(answer.errors?.[0]?.message).toContain('testland');
      expect(answer.errors?.[0]?.extensions?.country).toBe('testland');
    } finally {
      upstream.setDown(false);
    }
  });

  it('reports the breaker and the cache backend on /ready', async () => {
    const ready = (await (await fetch(subgraph.url.replace(/graphql$/, 'ready'))).json()) as Record<string, unknown>;
    expect(ready).toMatchObject({ status: 'ready', cache: { backend: 'memory', available: true } });
    expect(ready.upstreams).toEqual([{ name: 'testland', breaker: expect.stringMatching(/closed|open|half-open/) }]);
  });

  it('serves a search page from the upstream once, then from the cache', async () => {
    const query = `query { exchangeVacancySearch(filter: {}, first: 10) { total stale hits { id } } }`;
    const run = () => postGraphQL<{ exchangeVacancySearch: { total: number; hits: Array<{ id: string }> } }>(subgraph.url, query, {}, { secret: config.gatewaySecret });
    const before = upstream.requestsTo('/jobs');
    const one = await run();
    const two = await run();
    expect(one.data).toEqual(two.data);
    expect(one.data?.exchangeVacancySearch.total).toBe(120);
    expect(upstream.requestsTo('/jobs') - before).toBe(1);
  });
});
