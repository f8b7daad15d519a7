import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateData, serveData, type DoeData } from '../../simulators/thailand/src/index.js';
import { indexJobs } from '../../simulators/thailand/src/jobIndex.js';
import { parseBeDateTime } from '../../simulators/thailand/src/native.js';
import { codes, type GraphQLAnswer } from '../../test/conformance/graphql.js';
import { dataOf, startAdapterForTest, type AdapterForTest } from '../../test/harness/country.js';
import { iscoToNational } from '../kit/reference.js';

/**
 * The Thailand adapter against the Thai Mee Ngan Tham simulator over HTTP. Upstream cost is
 * counted by `/__sim/stats` routes: `search` and `jobsByIds` are the data calls; `provinces`
 * (the platform's own province numbering, needed only for region filters) is learned once per
 * subgraph process and counted apart.
 */
const ENTITY_FIELDS = 'id title postedAt occupation { iscoCode } region { code } skills { id } salary { period monthlyAmount disclosed } source { stale } doeOccupationCode wageType provinceId announceDateBE duplicateOf';
const ENTITIES = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on ThailandVacancy { ${ENTITY_FIELDS} } } }`;
const SEARCH = `query($filter: ExchangeVacancyFilter!, $first: Int!, $after: ExchangeKeyset) { exchangeVacancySearch(filter: $filter, first: $first, after: $after) { total hits { id postedAt regionCode iscoCode } } }`;

let stack: AdapterForTest | undefined;
afterEach(async () => {
  await stack?.stop();
  stack = undefined;
});

async function start(data: DoeData): Promise<AdapterForTest> {
  const sim = await serveData(data, { port: 0, seed: 0, size: data.jobs.length, latencyMs: [0, 0], errorRate: 0 });
  return (stack = await startAdapterForTest('thailand', sim));
}

type Entity = { id: string; occupation: unknown; region: unknown; skills: unknown[]; salary: { period: string } | null; source: { stale: boolean }; provinceId: number; announceDateBE: string } | null;
type Hit = { id: string; postedAt: string; regionCode: string | null; iscoCode: string | null };
const gql = <D>(query: string, variables: Record<string, unknown>) => stack!.gql<D>(query, variables);
const entities = (ids: string[]) => gql<{ _entities: Entity[] }>(ENTITIES, { reps: ids.map((id) => ({ __typename: 'ThailandVacancy', id })) });
const search = (first: number, filter: Record<string, unknown> = {}, after?: { postedAt: string; id: string }) =>
  gql<{ exchangeVacancySearch: { total: number; hits: Hit[] } }>(SEARCH, { filter, first, after: after ?? null });
/** Upstream calls by route made during `run`. */
async function calls(run: () => Promise<unknown>): Promise<Record<string, number>> {
  stack!.sim.reset();
  await run();
  return stack!.sim.stats().byRoute;
}
const globalIds = (data: DoeData, from: number, count: number) => data.jobs.slice(from, from + count).map((j) => `TH:${j.job_id}`);

describe('thailand adapter over HTTP', () => {
  it('resolves 50 entities with occupation, region and skills in exactly 1 upstream call, and 0 when repeated', async () => {
    const data = generateData(11, 400);
    await start(data);
    const ids = globalIds(data, 15, 50);
    const cold = await calls(async () => {
      const resolved = dataOf(await entities(ids))._entities;
      expect(resolved.map((v) => v?.id)).toEqual(ids);
      expect(resolved.filter((v) => v?.occupation).length).toBeGreaterThan(40);
      expect(resolved.filter((v) => v?.region).length).toBe(50);
      expect(resolved.filter((v) => v && v.skills.length > 0).length).toBeGreaterThan(30);
      expect(resolved.some((v) => v?.salary?.period === 'DAY')).toBe(true);
      expect(resolved.every((v) => v && v.provinceId > 0 && /^\d{2}\/\d{2}\/25\d{2} \d{2}:\d{2}$/.test(v.announceDateBE))).toBe(true);
    });
    expect(cold).toEqual({ jobsByIds: 1 });
    expect(await calls(async () => dataOf(await entities(ids)))).toEqual({});
  });

  it('costs at most 2 upstream calls for a search page plus its entities, and 0 when both repeat', async () => {
    const data = generateData(12, 400);
    await start(data);
    const run = async () => {
      const hits = dataOf(await search(50)).exchangeVacancySearch.hits;
      expect(hits).toHaveLength(50);
      expect(dataOf(await entities(hits.map((h) => h.id)))._entities.every((v) => v !== null)).toBe(true);
    };
    const cold = await calls(run);
    expect(Object.values(cold).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(2);
    expect(await calls(run)).toEqual({});
  });

  it('filters by region and occupation in the platform\'s terms, learning its province numbering once per process', async () => {
    const data = generateData(13, 600);
    await start(data);
    const codes72 = new Set(iscoToNational('TH-DOE-ISCO88', '72'));
    const expected = data.jobs.filter((j) => j.province_name === 'สงขลา' && codes72.has(j.occupation_code ?? ''));
    const first = await calls(async () => {
      const page = dataOf(await search(100, { regions: ['TH-90'], iscoCodes: ['72'] })).exchangeVacancySearch;
      expect(page.total).toBe(expected.length);
      expect(page.hits.map((h) => h.id)).toEqual(expected.map((j) => `TH:${j.job_id}`));
    });
    expect(first).toEqual({ provinces: 1, search: 1 });
    const second = await calls(async () => {
      const page = dataOf(await search(20, { regions: ['TH-10', 'TH-83'] })).exchangeVacancySearch;
      expect(page.hits.length).toBeGreaterThan(0);
      expect(page.hits.every((h) => h.regionCode === 'TH-10' || h.regionCode === 'TH-83')).toBe(true);
      // An ISO code no platform province carries matches nothing (not everything).
      expect(dataOf(await search(20, { regions: ['MY-01'] })).exchangeVacancySearch.total).toBe(0);
    });
    expect(second).toEqual({ search: 2 });
  });

  it('walks exactly through postings that share one announce minute, beyond the keyset slack', async () => {
    const base = generateData(14, 300);
    // 40 postings announced in one minute: more than one keyset page's over-fetch can skip.
    const crowded = base.jobs.map((j, n) => (n >= 40 && n < 80 ? { ...j, anounce_date: '10/11/2569 09:00' } : j));
    const data = indexJobs(crowded, crowded.map((j) => parseBeDateTime(j.anounce_date)!), base.courses);
    await start(data);
    const seen: string[] = [];
    let after: { postedAt: string; id: string } | undefined;
    for (let page = 0; page < 100; page++) {
      const hits = dataOf(await search(7, {}, after)).exchangeVacancySearch.hits;
      seen.push(...hits.map((h) => h.id));
      if (hits.length < 7) break;
      after = { postedAt: hits.at(-1)!.postedAt, id: hits.at(-1)!.id };
    }
    expect(seen).toEqual(data.jobs.map((j) => `TH:${j.job_id}`));
  });

  it('fails only the bad record: its page and its batch still answer, the record alone carries a coded error', async () => {
    const data = generateData(15, 200);
    // Planted after indexing, so the platform still serves it in its place: a date nobody can read.
    const broken = { ...data.jobs[2]!, anounce_date: 'เมื่อวาน' };
    data.jobs[2] = broken;
    data.byId.set(broken.job_id, broken);
    await start(data);
    const page = dataOf(await search(10)).exchangeVacancySearch;
    expect(page.hits.map((h) => h.id)).not.toContain(`TH:${broken.job_id}`);
    expect(page.hits).toHaveLength(9);
    const ids = globalIds(data, 0, 5);
    const answer = await entities(ids);
    const resolved = answer.data?._entities ?? [];
    expect(resolved.filter((v) => v !== null)).toHaveLength(4);
    expect(resolved[2]).toBeNull();
    expect(codes(answer)).toEqual(['UPSTREAM_BAD_RECORD']);
  });

  it('refuses an unreadable postedSince as bad input, before any upstream call', async () => {
    await start(generateData(16, 100));
    let answer: GraphQLAnswer<unknown> | undefined;
    expect(await calls(async () => (answer = await search(5, { postedSince: 'เมื่อวาน' })))).toEqual({});
    expect(codes(answer!)).toEqual(['BAD_USER_INPUT']);
  });

  it('with the simulator down: cached entities come back marked stale, uncached ones fail with a code naming Thailand', async () => {
    const data = generateData(17, 200);
    await start(data);
    const cached = globalIds(data, 0, 3);
    dataOf(await entities(cached));
    await stack!.sim.close();
    // Ten minutes on (the clock only): past the record TTL, inside stale-if-error.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 10 * 60_000 });
    const uncached = globalIds(data, 50, 1)[0]!;
    const answer = await entities([...cached, uncached]).finally(() => vi.useRealTimers());
    const resolved = answer.data?._entities ?? [];
    expect(resolved.slice(0, 3).map((v) => v?.source.stale)).toEqual([true, true, true]);
    expect(resolved[3]).toBeNull();
    const error = answer.errors?.find((e) => JSON.stringify(e).includes(uncached.slice(3)));
    expect(error?.extensions?.code, JSON.stringify(answer.errors)).toMatch(/^UPSTREAM_/);
    expect(JSON.stringify(error)).toMatch(/thailand/i);
  });
});
