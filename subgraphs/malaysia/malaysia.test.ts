import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateData, serveData, type MfjData } from '../../simulators/malaysia/src/index.js';
import { indexJobs } from '../../simulators/malaysia/src/jobIndex.js';
import { codes } from '../../test/conformance/graphql.js';
import { runResilienceChecks } from '../../test/conformance/resilience.js';
import { dataOf, startAdapterForTest, startCountryForTest, type AdapterForTest } from '../../test/harness/country.js';

runResilienceChecks('malaysia', () => startCountryForTest('malaysia'));

/**
 * The Malaysia adapter against its simulator over HTTP. Upstream cost is counted in DATA calls:
 * `/__sim/stats` by route, without the OAuth token endpoint (one token serves many calls).
 */
const ENTITY_FIELDS = 'id title postedAt occupation { iscoCode } region { code } skills { id } salary { disclosed } source { stale }';
const ENTITIES = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on MalaysiaVacancy { ${ENTITY_FIELDS} } } }`;
const SEARCH = `query($first: Int!, $after: ExchangeKeyset) { exchangeVacancySearch(filter: {}, first: $first, after: $after) { total hits { id postedAt } } }`;

let stack: AdapterForTest | undefined;
afterEach(async () => {
  await stack?.stop();
  stack = undefined;
});

async function start(data: MfjData, tokenTtlSeconds = 300): Promise<AdapterForTest> {
  const sim = await serveData(data, { port: 0, seed: 0, size: data.jobs.length, latencyMs: [0, 0], errorRate: 0, tokenTtlSeconds });
  return (stack = await startAdapterForTest('malaysia', sim));
}

const gql = <D>(query: string, variables: Record<string, unknown>) => stack!.gql<D>(query, variables);
type Entity = { id: string; postedAt: string; occupation: unknown; region: unknown; skills: unknown[] } | null;
const entities = (ids: string[]) => gql<{ _entities: Entity[] }>(ENTITIES, { reps: ids.map((id) => ({ __typename: 'MalaysiaVacancy', id })) });
const searchPage = (first: number, after?: { postedAt: string; id: string }) => gql<{ exchangeVacancySearch: { total: number; hits: Array<{ id: string; postedAt: string }> } }>(SEARCH, { first, after: after ?? null });
const byRoute = () => stack!.sim.stats().byRoute;
/** Data calls made during `run` (token calls excluded). */
async function dataCalls(run: () => Promise<unknown>): Promise<{ data: number; token: number }> {
  stack!.sim.reset();
  await run();
  const { token = 0, ...rest } = byRoute();
  return { data: Object.values(rest).reduce((a, b) => a + b, 0), token };
}
const globalIds = (data: MfjData, from: number, count: number) => data.jobs.slice(from, from + count).map((j) => `MY:${j.id}`);

describe('malaysia adapter over HTTP', () => {
  it('resolves 50 entities with occupation, region and skills in exactly 1 data call, and 0 when repeated', async () => {
    const data = generateData(11, 400);
    await start(data);
    const ids = globalIds(data, 15, 50);
    const cold = await dataCalls(async () => {
      const resolved = dataOf(await entities(ids))._entities;
      expect(resolved.map((v) => v?.id)).toEqual(ids);
      expect(resolved.filter((v) => v?.occupation).length).toBeGreaterThan(40);
      expect(resolved.filter((v) => v?.region).length).toBeGreaterThan(40);
      expect(resolved.filter((v) => v && v.skills.length > 0).length).toBeGreaterThan(40);
    });
    expect(cold).toEqual({ data: 1, token: 1 });
    expect(byRoute()).toMatchObject({ batch: 1 });
    expect(await dataCalls(async () => dataOf(await entities(ids)))).toEqual({ data: 0, token: 0 });
  });

  it('costs at most 2 data calls for a search page plus its entities, and 0 when both repeat', async () => {
    const data = generateData(12, 400);
    await start(data);
    const run = async () => {
      const hits = dataOf(await searchPage(50)).exchangeVacancySearch.hits;
      expect(dataOf(await entities(hits.map((h) => h.id)))._entities.every((v) => v !== null)).toBe(true);
    };
    expect((await dataCalls(run)).data).toBeLessThanOrEqual(2);
    expect(await dataCalls(run)).toEqual({ data: 0, token: 0 });
  });

  it('walks exactly through postings that share one instant, beyond the keyset slack', async () => {
    const base = generateData(13, 300);
    // 60 postings at one second: more than one keyset page's over-fetch can skip.
    const crowded = base.jobs.map((j, n) => (n >= 40 && n < 100 ? { ...j, postedDate: '2026-11-10T09:00:00+08:00' } : j));
    const data = indexJobs(crowded, base.programmes);
    await start(data);
    const seen: string[] = [];
    let after: { postedAt: string; id: string } | undefined;
    for (let page = 0; page < 100; page++) {
      const hits = dataOf(await searchPage(7, after)).exchangeVacancySearch.hits;
      seen.push(...hits.map((h) => h.id));
      if (hits.length < 7) break;
      after = { postedAt: hits.at(-1)!.postedAt, id: hits.at(-1)!.id };
    }
    expect(seen).toEqual(data.jobs.map((j) => `MY:${j.id}`));
  });

  it('keeps working when tokens expire mid-run, and when the upstream forgets them (401 → new token, call retried)', async () => {
    const data = generateData(14, 400);
    const { sim } = await start(data, 1);
    expect(dataOf(await entities(globalIds(data, 0, 5)))._entities.every((v) => v !== null)).toBe(true);
    await new Promise((r) => setTimeout(r, 1_200));
    const afterExpiry = await dataCalls(async () => expect(dataOf(await entities(globalIds(data, 5, 5)))._entities.every((v) => v !== null)).toBe(true));
    expect(afterExpiry).toEqual({ data: 1, token: 1 });

    // A restarted upstream has forgotten every token it issued: the adapter's still-valid one is refused.
    const port = sim.port;
    await sim.close();
    stack!.sim = await serveData(data, { port, seed: 0, size: data.jobs.length, latencyMs: [0, 0], errorRate: 0, tokenTtlSeconds: 300 });
    const refused = await dataCalls(async () => expect(dataOf(await entities(globalIds(data, 10, 5)))._entities.every((v) => v !== null)).toBe(true));
    expect(refused).toEqual({ data: 2, token: 1 });
  });

  it('fails only the bad record: its page and its batch still answer, the record alone carries a coded error', async () => {
    const data = generateData(15, 200);
    // Planted after indexing, so that the portal still serves it in its place: a date nobody can read.
    const broken = { ...data.jobs[2]!, postedDate: 'semalam' };
    data.jobs[2] = broken;
    data.byId.set(broken.id, broken);
    await start(data);
    const page = dataOf(await searchPage(10)).exchangeVacancySearch;
    expect(page.hits.map((h) => h.id)).not.toContain(`MY:${broken.id}`);
    expect(page.hits.length).toBeGreaterThanOrEqual(9);
    const ids = globalIds(data, 0, 5);
    const answer = await entities(ids);
    const resolved = answer.data?._entities ?? [];
    expect(resolved.filter((v) => v !== null)).toHaveLength(4);
    expect(resolved[ids.indexOf(`MY:${broken.id}`)]).toBeNull();
    expect(codes(answer)).toEqual(['UPSTREAM_BAD_RECORD']);
  });

  it('with the simulator down: cached entities come back marked stale, uncached ones fail with a code naming Malaysia', async () => {
    const data = generateData(16, 200);
    await start(data);
    const cached = globalIds(data, 0, 3);
    dataOf(await entities(cached));
    await stack!.sim.close();
    // Ten minutes on (the clock only): past the record TTL, inside stale-if-error.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 10 * 60_000 });
    const uncached = globalIds(data, 50, 1)[0]!;
    const answer = await entities([...cached, uncached]).finally(() => vi.useRealTimers());
    const resolved = (answer.data?._entities ?? []) as Array<(Entity & { source: { stale: boolean } }) | null>;
    expect(resolved.slice(0, 3).map((v) => v?.source.stale)).toEqual([true, true, true]);
    expect(resolved[3]).toBeNull();
    const error = answer.errors?.find((e) => JSON.stringify(e).includes(uncached.slice(3)));
    expect(error?.extensions?.code, JSON.stringify(answer.errors)).toMatch(/^UPSTREAM_/);
    expect(JSON.stringify(error)).toMatch(/malaysia/i);
  });
});
