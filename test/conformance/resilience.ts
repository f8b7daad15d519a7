import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/config.js';
import { readCountryManifest } from '../../schema/registry.js';
import type { CountryForTest } from '../harness/country.js';
import { codes, postGraphQL, type GraphQLAnswer } from './graphql.js';

/**
 * The claims of the country-subgraph issue, checked for one country over HTTP against its
 * simulator: a search page plus its entities (with occupation, region and skills) costs at most
 * two upstream calls and nothing when repeated within the TTL; with the upstream down, cached
 * entities come back marked stale and uncached ones fail with a coded error naming the country.
 */
export function runResilienceChecks(name: string, startCountry: () => Promise<CountryForTest>): void {
  const manifest = readCountryManifest(name);
  const type = `${manifest.typePrefix}Vacancy`;
  const secret = loadConfig({}).gatewaySecret;
  const SEARCH = `query($first: Int!) { exchangeVacancySearch(filter: {}, first: $first) { total hits { id } } }`;
  const ENTITIES = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on ${type} {
    id title occupation { iscoCode } region { code } skills { id } salary { monthlyAmount disclosed currency } source { stale ageSeconds } } } }`;

  describe(`country resilience: ${name}`, () => {
    let c: CountryForTest;
    const gql = <D>(query: string, variables: Record<string, unknown>) => postGraphQL<D>(c.subgraph.url, query, variables, { secret });
    const entities = (ids: string[]) => gql<{ _entities: Array<Record<string, unknown> | null> }>(ENTITIES, { reps: ids.map((id) => ({ __typename: type, id })) });
    const calls = async (during: () => Promise<unknown>) => {
      const before = (await c.stats()).requests;
      await during();
      return (await c.stats()).requests - before;
    };
    const data = <D>(answer: GraphQLAnswer<D>): D => {
      expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
      return answer.data as D;
    };

    beforeAll(async () => {
      c = await startCountry();
    });
    afterAll(async () => c?.stop());

    it('serves a page of 50 with its entities in at most 2 upstream calls, and in 0 when repeated', async () => {
      let ids: string[] = [];
      const cold = await calls(async () => {
        ids = data(await gql<{ exchangeVacancySearch: { hits: Array<{ id: string }> } }>(SEARCH, { first: 50 })).exchangeVacancySearch.hits.map((h) => h.id);
        const resolved = data(await entities(ids))._entities;
        expect(resolved).toHaveLength(50);
        expect(resolved.filter((v) => v && v.occupation).length).toBeGreaterThan(25);
        expect(resolved.filter((v) => v && v.region).length).toBeGreaterThan(25);
      });
      expect(cold).toBeLessThanOrEqual(2);
      const warm = await calls(async () => {
        data(await gql(SEARCH, { first: 50 }));
        data(await entities(ids));
      });
      expect(warm).toBe(0);
    });

    it('with the upstream down: cached entities are marked stale, uncached ones fail with a coded error naming the country', async () => {
      const page = data(await gql<{ exchangeVacancySearch: { total: number; hits: Array<{ id: string }> } }>(SEARCH, { first: 5 })).exchangeVacancySearch;
      const cached = page.hits.map((h) => h.id);
      data(await entities(cached));
      await c.faults({ down: true });
      try {
        // Numeric, so that it is a well-formed native id in every national system.
        const uncachedId = `${manifest.country}:9${Date.now()}`;
        // Past the record TTL the kit must still answer from cache (stale-if-error); a fresh entry answers fresh.
        const answer = await entities([...cached, uncachedId]);
        const resolved = answer.data?._entities ?? [];
        expect(resolved.slice(0, cached.length).every((v) => v !== null)).toBe(true);
        expect(resolved[cached.length]).toBeNull();
        const error = answer.errors?.find((e) => JSON.stringify(e).includes(uncachedId.split(':')[1]!));
        expect(error, JSON.stringify(answer.errors)).toBeDefined();
        expect(codes({ status: 200, errors: [error!] })[0]).toMatch(/^UPSTREAM_/);
        expect(JSON.stringify(error)).toMatch(new RegExp(name, 'i'));
      } finally {
        await c.faults({ down: false });
      }
    });
  });
}
