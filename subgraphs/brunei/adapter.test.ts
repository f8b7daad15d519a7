import { afterEach, describe, expect, it } from 'vitest';
import { generateData, serveData, type JcbData } from '../../simulators/brunei/src/index.js';
import { indexVacancies } from '../../simulators/brunei/src/store.js';
import { codes, type GraphQLAnswer } from '../../test/conformance/graphql.js';
import { dataOf, startAdapterForTest, type AdapterForTest } from '../../test/harness/country.js';
import { iscoToNational, nationalToIsco } from '../kit/reference.js';

/**
 * The Brunei adapter against the JobCentre Brunei simulator over HTTP. Upstream cost is counted
 * by `/__sim/stats` routes: `vacancies` (searches and by-id filters alike, one entity set) and
 * `token` (the OAuth2 token, fetched once per subgraph process and counted apart).
 */
const ENTITY_FIELDS = 'id title postedAt occupation { iscoCode } nationalOccupationCode { code mapped mappedFromOutdated edition } region { code } salary { period monthlyAmount disclosed } bdsocCode district salaryBasis closingDate';
const ENTITIES = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on BruneiVacancy { ${ENTITY_FIELDS} } } }`;
const SEARCH = `query($filter: ExchangeVacancyFilter!, $first: Int!, $after: ExchangeKeyset) { exchangeVacancySearch(filter: $filter, first: $first, after: $after) { total hits { id postedAt regionCode iscoCode } } }`;

let stack: AdapterForTest | undefined;
afterEach(async () => {
  await stack?.stop();
  stack = undefined;
});

async function start(data: JcbData): Promise<AdapterForTest> {
  const sim = await serveData(data, { port: 0, seed: 0, size: data.vacancies.length, latencyMs: [0, 0], errorRate: 0 });
  return (stack = await startAdapterForTest('brunei', sim));
}

type Entity = { id: string; occupation: { iscoCode: string } | null; region: { code: string } | null; salary: { period: string } | null; district: string; nationalOccupationCode: { mappedFromOutdated: boolean } | null } | null;
type Hit = { id: string; postedAt: string; regionCode: string | null; iscoCode: string | null };
const gql = <D>(query: string, variables: Record<string, unknown>) => stack!.gql<D>(query, variables);
const entities = (ids: string[]) => gql<{ _entities: Entity[] }>(ENTITIES, { reps: ids.map((id) => ({ __typename: 'BruneiVacancy', id })) });
const search = (first: number, filter: Record<string, unknown> = {}, after?: { postedAt: string; id: string }) =>
  gql<{ exchangeVacancySearch: { total: number; hits: Hit[] } }>(SEARCH, { filter, first, after: after ?? null });
/** Upstream calls by route made during `run`, the token left out (learned once per process). */
async function calls(run: () => Promise<unknown>): Promise<Record<string, number>> {
  stack!.sim.reset();
  await run();
  const { token: _token, ...data } = stack!.sim.stats().byRoute;
  return data;
}
const open = (data: JcbData) => data.vacancies.filter((v) => v.Status === 'Open');
const globalIds = (data: JcbData, from: number, count: number) => open(data).slice(from, from + count).map((v) => `BN:${v.VacancyId}`);

describe('brunei adapter over HTTP', () => {
  it('resolves 50 entities in exactly 1 upstream call, legacy BDSOC 2001 codes mapped and flagged, and 0 calls when repeated', async () => {
    const data = generateData(11, 3000);
    await start(data);
    const legacy = open(data).findIndex((v) => v.BdsocCode?.length === 5 && nationalToIsco('BDSOC-2011', v.BdsocCode) === undefined);
    const ids = globalIds(data, Math.max(0, legacy - 10), 50);
    const cold = await calls(async () => {
      const resolved = dataOf(await entities(ids))._entities;
      expect(resolved.map((v) => v?.id)).toEqual(ids);
      expect(resolved.filter((v) => v?.region).length).toBe(50);
      expect(resolved.filter((v) => v?.occupation).length).toBeGreaterThan(40);
      expect(resolved.some((v) => v?.nationalOccupationCode?.mappedFromOutdated)).toBe(true);
    });
    expect(cold).toEqual({ vacancies: 1 });
    expect(await calls(async () => dataOf(await entities(ids)))).toEqual({});
  });

  it('filters by district, occupation and wage in JobCentre\'s $filter, as a scan of the records would', async () => {
    const data = generateData(13, 1500);
    await start(data);
    const codes7 = new Set(iscoToNational('BDSOC-2011', '7'));
    const expected = open(data).filter((v) => ['Belait', 'Tutong'].includes(v.District) && codes7.has(v.BdsocCode ?? ''));
    expect(expected.length).toBeGreaterThan(5);
    const run = await calls(async () => {
      const page = dataOf(await search(200, { regions: ['BN-BE', 'BN-TU'], iscoCodes: ['7'] })).exchangeVacancySearch;
      expect(page.total).toBe(expected.length);
      expect(page.hits.map((h) => h.id)).toEqual(expected.map((v) => `BN:${v.VacancyId}`));
      expect(page.hits.every((h) => h.iscoCode?.startsWith('7'))).toBe(true);
    });
    expect(run).toEqual({ vacancies: 1 });
    const rich = dataOf(await search(50, { minMonthlyWage: 3000 })).exchangeVacancySearch;
    expect(rich.total).toBe(open(data).filter((v) => v.SalaryMin !== null && Number(v.SalaryMin) * { M: 1, H: (52 * 44) / 12, D: 26 }[v.SalaryBasis] >= 2999.99).length);
    expect(dataOf(await search(20, { regions: ['TH-90'] })).exchangeVacancySearch.total).toBe(0);
  });

  it('walks exactly through postings that share one second, beyond the keyset slack', async () => {
    const base = generateData(14, 300);
    const crowded = base.vacancies.map((v, n) => (n >= 40 && n < 80 ? { ...v, PostedOn: '/Date(1794211200000)/', Status: 'Open' as const } : v));
    const data = indexVacancies(crowded, base.courses);
    await start(data);
    const seen: string[] = [];
    let after: { postedAt: string; id: string } | undefined;
    for (let page = 0; page < 100; page++) {
      const hits = dataOf(await search(7, {}, after)).exchangeVacancySearch.hits;
      seen.push(...hits.map((h) => h.id));
      if (hits.length < 7) break;
      after = { postedAt: hits.at(-1)!.postedAt, id: hits.at(-1)!.id };
    }
    expect(seen).toEqual(open(data).map((v) => `BN:${v.VacancyId}`));
  });

  it('fails only the bad record: its page and its batch still answer, the record alone carries a coded error', async () => {
    const data = generateData(15, 200);
    const listed = open(data);
    const broken = { ...listed[2]!, PostedOn: 'yesterday' };
    data.vacancies[data.vacancies.indexOf(listed[2]!)] = broken;
    await start(data);
    const page = dataOf(await search(10)).exchangeVacancySearch;
    expect(page.hits.map((h) => h.id)).not.toContain(`BN:${broken.VacancyId}`);
    expect(page.hits).toHaveLength(9);
    const answer = await entities(listed.slice(0, 5).map((v) => `BN:${v.VacancyId}`));
    const resolved = answer.data?._entities ?? [];
    expect(resolved.filter((v) => v !== null)).toHaveLength(4);
    expect(resolved[2]).toBeNull();
    expect(codes(answer)).toEqual(['UPSTREAM_BAD_RECORD']);
  });

  it('refuses an unreadable postedSince as bad input, before any upstream call', async () => {
    await start(generateData(16, 100));
    let answer: GraphQLAnswer<unknown> | undefined;
    expect(await calls(async () => (answer = await search(5, { postedSince: 'kelmarin' })))).toEqual({});
    expect(codes(answer!)).toEqual(['BAD_USER_INPUT']);
  });
});
