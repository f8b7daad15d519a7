import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createCache } from '../../core/cache/index.js';
import { loadConfig } from '../../core/config.js';
import type { RunningService } from '../../core/service.js';
import { fromRoot } from '../../core/paths.js';
import { readSubgraphList } from '../../schema/registry.js';
import { countryReference } from '../../reference/index.js';
import { postGraphQL } from '../../test/conformance/graphql.js';
import { runCountryConformance } from '../../test/conformance/suite.js';
import { startTemplateUpstream, type TemplateUpstream } from './fixture/upstream.js';
import { manifest, start } from './src/subgraph.js';

/**
 * CI builds and tests the template exactly as a partner's copy will be tested: the shared
 * conformance suite against the template's tiny in-repo upstream, then the filter translation
 * and native-only fields over real HTTP. A copy changes only the names.
 */

const config = loadConfig({ NODE_ENV: 'test' });
const logger = pino({ level: 'silent' });

async function startTemplate(): Promise<{ subgraph: RunningService; upstream: TemplateUpstream }> {
  const upstream = await startTemplateUpstream({ port: 0 });
  const cache = createCache({ namespace: `template-test-${randomUUID()}`, logger });
  const subgraph = await start({ config, cache, logger, upstreamUrl: upstream.url }, { port: 0 });
  return { subgraph, upstream };
}

runCountryConformance(
  manifest.name,
  async () => {
    const { subgraph, upstream } = await startTemplate();
    return { subgraph, simulator: upstream, stats: async () => ({ requests: upstream.requests() }) };
  },
  { manifest },
);

describe('template registration', () => {
  it('is never registered, so it never composes into the product', () => {
    const registered = readSubgraphList().subgraphs.map((s) => s.name);
    expect(registered).not.toContain(manifest.name);
    expect(registered.some((name) => name.includes('template'))).toBe(false);
  });

  it('ships its own reference folder, which its process loads beside the registered countries', () => {
    expect(countryReference(manifest.country)).toMatchObject({ dir: fromRoot('subgraphs/_template/reference'), country: { currency: manifest.currency } });
  });
});

interface Hit {
  id: string;
  iscoCode: string | null;
  regionCode: string | null;
  monthlyWage: number | null;
}

describe('template country: filters in the upstream vocabulary, native fields', () => {
  let subgraph: RunningService;
  let upstream: TemplateUpstream;
  const gql = <D>(query: string, variables: Record<string, unknown> = {}) => postGraphQL<D>(subgraph.url, query, variables, { secret: config.gatewaySecret });
  const search = async (filter: Record<string, unknown>) => {
    const answer = await gql<{ exchangeVacancyFacts: { total: number; hits: Hit[] } }>(
      `query($filter: ExchangeVacancyFilter!) { exchangeVacancyFacts(filter: $filter) { total hits { id iscoCode regionCode monthlyWage } } }`,
      { filter },
    );
    expect(answer.errors).toBeUndefined();
    return answer.data!.exchangeVacancyFacts;
  };

  beforeAll(async () => {
    ({ subgraph, upstream } = await startTemplate());
  });
  afterAll(async () => {
    await subgraph?.close();
    await upstream?.close();
  });

  it('narrows by ISCO prefix, ISO region and monthly wage through the native parameters', async () => {
    const all = await search({});
    const welders = await search({ iscoCodes: ['72'] });
    expect(welders.total).toBeGreaterThan(0);
    expect(welders.total).toBeLessThan(all.total);
    expect(welders.hits.every((h) => h.iscoCode === '7212')).toBe(true);
    const north = await search({ regions: ['ZZ-NP'] });
    expect(north.total).toBeGreaterThan(0);
    expect(north.hits.every((h) => h.regionCode === 'ZZ-NP')).toBe(true);
    const wellPaid = await search({ minMonthlyWage: 9_000 });
    expect(wellPaid.total).toBeGreaterThan(0);
    expect(wellPaid.hits.every((h) => (h.monthlyWage ?? 0) >= 9_000)).toBe(true);
  });

  it('answers a region the upstream has no name for with nothing, not with everything, and without a call', async () => {
    const before = upstream.requests();
    const none = await search({ regions: ['ZZ-XX'] });
    expect(none).toEqual({ total: 0, hits: [] });
    expect(upstream.requests()).toBe(before);
  });

  it('serves its native-only fields and keeps an unmapped national code', async () => {
    const answer = await gql<{ _entities: Array<{ nativeJobType: string; occupation: unknown; nationalOccupationCode: { code: string; mapped: boolean } } | { weeks: number }> }>(
      `query($reps: [_Any!]!) { _entities(representations: $reps) {
        ... on TemplateVacancy { nativeJobType occupation { iscoCode } nationalOccupationCode { code mapped } }
        ... on TemplateTrainingOffer { weeks } } }`,
      { reps: [{ __typename: 'TemplateVacancy', id: 'ZZ:ZZJ-00006' }, { __typename: 'TemplateTrainingOffer', id: 'ZZ:ZZC-0001' }] },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data?._entities).toEqual([
      { nativeJobType: 'PT', occupation: null, nationalOccupationCode: { code: '9998', mapped: false } },
      { weeks: 4 },
    ]);
  });
});
