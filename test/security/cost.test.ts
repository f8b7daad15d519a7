import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type TestStack } from '../harness/stack.js';
import { everySubgraph } from '../harness/countries.js';

/**
 * Issue 15.2: the cost limit multiplies by list sizes, and the gateway never sends an answer over
 * its size cap. Through the gateway over HTTP, with the whole federation.
 */
async function subgraphCalls(stack: TestStack): Promise<number> {
  const metric = await stack.gateway.metrics.registry.getSingleMetricAsString('lmis_gateway_subgraph_request_seconds');
  return [...metric.matchAll(/_count\{[^}]*\} (\d+)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
}

describe('query cost with list sizes', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startStack({ subgraphs: everySubgraph(), responseCacheTtlSeconds: 0 });
  }, 60_000);
  afterAll(async () => stack?.stop());

  it('refuses a short query of nested first: 100 lists before any subgraph is called', async () => {
    const before = await subgraphCalls(stack);
    const total = async () => Object.values(await stack.upstreamCalls()).reduce((a, b) => a + b, 0);
    // The store's first sync at start has called the national systems; the refused query must not.
    const upstreamBefore = await total();
    const answer = await stack.query('{ occupations(first: 100) { edges { node { vacancies(first: 100) { edges { node { title } } } } } } }');
    expect(answer.status).toBe(400);
    expect(answer.data).toBeUndefined();
    const error = answer.errors?.[0];
    expect(error?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect(error?.extensions?.maxCost).toBe(20_000);
    expect(Number(error?.extensions?.cost)).toBeGreaterThan(20_000);
    expect(await subgraphCalls(stack)).toBe(before);
    expect(await total()).toBe(upstreamBefore);
  });

  it('counts list sizes given as variables', async () => {
    const answer = await stack.query('query ($n: Int) { occupations(first: $n) { edges { node { vacancies(first: $n) { edges { node { title } } } } } } }', { n: 100 });
    expect(answer.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
  });

  it('answers a normal page', async () => {
    const answer = await stack.query<{ vacancies: { edges: unknown[] } }>('{ vacancies(first: 20) { totalCount edges { node { id title country { code } salary { min max currency } } } } }');
    expect(answer.status).toBe(200);
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.vacancies.edges).toHaveLength(20);
  });
});

describe('response size cap', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startStack({ subgraphs: ['taxonomy'], env: { MAX_RESPONSE_KB: '8' } });
  }, 60_000);
  afterAll(async () => stack?.stop());

  it('replaces an answer over MAX_RESPONSE_KB with a coded error, and does not cache it', async () => {
    const big = '{ occupations(first: 200) { edges { node { iscoCode title definition } } } }';
    for (let attempt = 0; attempt < 2; attempt++) {
      const answer = await stack.query(big);
      expect(answer.data ?? null).toBeNull();
      expect(answer.errors?.map((e) => e.extensions?.code)).toEqual(['RESPONSE_TOO_LARGE']);
      expect(answer.errors?.[0]?.extensions?.maxKilobytes).toBe(8);
      expect(answer.headers.get('x-cache')).not.toBe('HIT');
    }
  });

  it('sends an answer under the cap', async () => {
    const answer = await stack.query<{ occupations: { edges: unknown[] } }>('{ occupations(first: 5) { edges { node { iscoCode } } } }');
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.occupations.edges).toHaveLength(5);
  });
});
