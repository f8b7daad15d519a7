import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateData, startSimulator } from '../../simulators/indonesia/src/index.js';
import { codes } from '../../test/conformance/graphql.js';
import { startAdapterForTest, type AdapterForTest } from '../../test/harness/country.js';

/**
 * The Indonesia adapter over HTTP against the Karirhub simulator: what one upstream call buys,
 * how the exchange filter reaches Algolia, and what a broken partner record costs (only itself).
 * The shared claims (search + entities ≤ 2 calls, 0 when repeated, stale when down) run for every
 * country in indonesia.test.ts and test/conformance.
 */
const SEED = 21;
const SIZE = 500;
const BROKEN = 0.02;
const data = generateData(SEED, SIZE, BROKEN);

const ENTITIES = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on IndonesiaVacancy {
  id title occupation { iscoCode } region { code } skills { id } salary { monthlyAmount disclosed currency }
  kbjiCode nativeProvince nativeCity platformLink salaryText duplicateOf } } }`;
const SEARCH = `query($filter: ExchangeVacancyFilter!, $first: Int!) { exchangeVacancySearch(filter: $filter, first: $first) {
  total hits { id postedAt iscoCode regionCode monthlyWage } } }`;

interface Entity {
  id: string;
  occupation: { iscoCode: string } | null;
  region: { code: string } | null;
  skills: Array<{ id: string }>;
  kbjiCode: string | null;
  nativeProvince: string | null;
  duplicateOf: string | null;
}
interface Hit {
  id: string;
  iscoCode: string | null;
  regionCode: string | null;
  monthlyWage: number | null;
}

let adapter: AdapterForTest;
const gql = <D>(query: string, variables: Record<string, unknown>) => adapter.gql<D>(query, variables);
const entities = (ids: string[]) => gql<{ _entities: Array<Entity | null> }>(ENTITIES, { reps: ids.map((id) => ({ __typename: 'IndonesiaVacancy', id })) });
const search = (filter: Record<string, unknown>, first = 50) => gql<{ exchangeVacancySearch: { total: number; hits: Hit[] } }>(SEARCH, { filter, first });
const upstreamCalls = async (during: () => Promise<unknown>): Promise<Record<string, number>> => {
  adapter.sim.reset();
  await during();
  return adapter.sim.stats().byRoute;
};

beforeAll(async () => {
  const sim = await startSimulator({ port: 0, seed: SEED, size: SIZE, latencyMs: [0, 0], errorRate: 0, brokenRecordRate: BROKEN });
  adapter = await startAdapterForTest('indonesia', sim);
});
afterAll(() => adapter?.stop());

describe('Indonesia adapter against Karirhub', () => {
  it('resolves 50 uncached vacancies with occupation, region and skills in exactly 1 upstream call (getObjects)', async () => {
    const ids = data.hits.filter((h) => h.title !== null).slice(100, 150).map((h) => `ID:${h.objectID}`);
    let resolved: Array<Entity | null> = [];
    const calls = await upstreamCalls(async () => {
      const answer = await entities(ids);
      expect(answer.errors).toBeUndefined();
      resolved = answer.data?._entities ?? [];
    });
    expect(calls).toEqual({ getObjects: 1 });
    expect(resolved.map((e) => e?.id)).toEqual(ids);
    expect(resolved.filter((e) => e?.occupation).length).toBeGreaterThan(40);
    expect(resolved.filter((e) => e?.region).length).toBeGreaterThan(40);
    expect(resolved.filter((e) => e && e.skills.length > 0).length).toBeGreaterThan(25);
    const again = await upstreamCalls(() => entities(ids));
    expect(again).toEqual({});
  });

  it('turns the exchange filter into ONE Algolia query: ISCO → KBJI codes, ISO region → every province spelling, wage floor', async () => {
    const filter = { iscoCodes: ['5', '7'], regions: ['ID-SU', 'ID-JK'], minMonthlyWage: 3_000_000 };
    let page: { total: number; hits: Hit[] } | undefined;
    const calls = await upstreamCalls(async () => {
      const answer = await search(filter, 20);
      expect(answer.errors).toBeUndefined();
      page = answer.data?.exchangeVacancySearch;
    });
    // One search, and once per process one more: the province spellings, from the facet counts.
    expect(calls).toEqual({ search: 2 });
    // Algolia folds case and surrounding spaces, not a doubled inner space: the adapter asks for those spellings as typed.
    const expected = data.hits.filter(
      (h) => /^\d{4}\.\d{2}$/.test(h.kbji_code ?? '') && /^[57]/.test(h.kbji_code ?? '') &&
        ['sumatera utara', 'dki jakarta'].includes(h.province_name.trim().replace(/\s+/g, ' ').toLowerCase()) && (h.salary_min ?? 0) >= 3_000_000,
    );
    // A record delivered broken (no title) counts in Algolia's nbHits but is left out of the page.
    expect(page!.hits.map((h) => h.id)).toEqual(expected.slice(0, 20).filter((h) => h.title !== null).map((h) => `ID:${h.objectID}`));
    expect(page!.total).toBe(expected.length);
    const again = await upstreamCalls(async () => expect((await search(filter, 5)).errors).toBeUndefined());
    expect(again).toEqual({ search: 1 });
    for (const hit of page!.hits) {
      expect(hit.iscoCode).toMatch(/^[57]/);
      expect(['ID-SU', 'ID-JK']).toContain(hit.regionCode);
    }
  });

  it('answers a filter Karirhub has no words for with nothing, without calling it', async () => {
    const calls = await upstreamCalls(async () => {
      const answer = await search({ regions: ['MY-01'] });
      expect(answer.data?.exchangeVacancySearch).toEqual({ total: 0, hits: [] });
    });
    expect(calls).toEqual({});
  });

  it('serves native fields and flags a syndicated copy as the duplicate of the native posting', async () => {
    const copy = data.hits.find((h) => h.original_object_id !== null && h.title !== null)!;
    const [entity] = (await entities([`ID:${copy.objectID}`])).data?._entities ?? [];
    expect(entity).toMatchObject({ duplicateOf: `ID:${copy.original_object_id}`, nativeProvince: copy.province_name, kbjiCode: copy.kbji_code });
  });

  it('never fails a page for a broken partner record: the page leaves it out, its entity alone errors with a code', async () => {
    const broken = data.hits.filter((h) => h.title === null);
    expect(broken.length).toBeGreaterThan(0);
    // The portal lists open postings only: the first page may hold all of them.
    const newest = data.hits.slice(0, 200);
    const brokenOnPage = newest.filter((h) => h.title === null).map((h) => `ID:${h.objectID}`);
    expect(brokenOnPage.length).toBeGreaterThan(0);
    const page = await search({}, 200);
    expect(page.errors).toBeUndefined();
    const ids = page.data!.exchangeVacancySearch.hits.map((h) => h.id);
    expect(ids.length).toBe(newest.length - brokenOnPage.length);
    expect(ids.some((id) => brokenOnPage.includes(id))).toBe(false);

    const good = ids.slice(0, 3);
    const answer = await entities([...good, brokenOnPage[0]!]);
    expect(answer.data?._entities.slice(0, 3).map((e) => e?.id)).toEqual(good);
    expect(answer.data?._entities[3]).toBeNull();
    expect(codes(answer)).toEqual(['UPSTREAM_BAD_RECORD']);
    expect(answer.errors?.[0]?.message).toContain(brokenOnPage[0]!);
  });
});
