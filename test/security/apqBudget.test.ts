import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createCache } from '../../core/cache/index.js';
import { documentHash } from '../../core/safelist.js';
import { createGateway } from '../../gateway/src/server.js';
import { needRedis, REDIS_URL } from '../harness/requirements.js';
import { postGraphQL, type GraphQLAnswer } from '../harness/stack.js';
import { startStack } from '../harness/stack.js';

/**
 * Issue 14.4: each caller may register APQ_REGISTRATIONS_PER_HOUR new persisted queries an hour,
 * counted in Redis so every replica draws on one budget; re-sending a stored document is free;
 * past the budget 429 PERSISTED_QUERY_REGISTRATION_LIMIT, logged and counted, nothing stored.
 */
const register = (url: string, query: string, headers: Record<string, string> = {}) =>
  postGraphQL(url, { query, extensions: { persistedQuery: { version: 1, sha256Hash: documentHash(query) } } }, headers);
const byHash = (url: string, query: string) => postGraphQL(url, { extensions: { persistedQuery: { version: 1, sha256Hash: documentHash(query) } } });
const outcome = (answer: GraphQLAnswer<unknown>) => [answer.status, answer.errors?.[0]?.extensions?.code ?? 'ok'];
/** Distinct documents, all valid against the taxonomy subgraph. */
const doc = (alias: string) => `{ ${alias}: countries { code } }`;

const hasRedis = await needRedis();
describe.skipIf(!hasRedis)('persisted query registration budget', () => {
  it('is shared by two replicas on one Redis, free for a stored document, and refuses past the budget', async () => {
    const cacheNamespace = `test:apq-budget:${randomUUID()}`;
    const one = await startStack({ subgraphs: ['taxonomy'], redisUrl: REDIS_URL, cacheNamespace, env: { APQ_REGISTRATIONS_PER_HOUR: '2', API_KEYS: 'partner-key:public' } });
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
    const store = createCache({ namespace: `${cacheNamespace}:gateway`, redisUrl: REDIS_URL, logger: pino({ level: 'silent' }) });
    const two = await createGateway({ config: one.config, cache: store, logger, supergraphSdl: one.supergraphSdl, listen: { port: 0 } });
    const [a, b, c] = [doc('a'), doc('b'), doc('c')];
    try {
      expect(outcome(await register(one.gatewayUrl, a))).toEqual([200, 'ok']);
      // The same document again, on the other replica: already stored, so it does not count.
      expect(outcome(await register(two.url, a))).toEqual([200, 'ok']);
      expect(outcome(await register(one.gatewayUrl, b))).toEqual([200, 'ok']);

      // Two new documents registered across the replicas: the third is refused by either.
      const refused = await register(two.url, c);
      expect(outcome(refused)).toEqual([429, 'PERSISTED_QUERY_REGISTRATION_LIMIT']);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(outcome(await register(one.gatewayUrl, c))).toEqual([429, 'PERSISTED_QUERY_REGISTRATION_LIMIT']);
      expect(await store.get(`apq:${documentHash(c)}`)).toBeUndefined();

      // What is stored still runs by hash, on both replicas; the refused text runs as a plain query.
      expect(outcome(await byHash(two.url, b))).toEqual([200, 'ok']);
      expect(outcome(await byHash(one.gatewayUrl, a))).toEqual([200, 'ok']);
      expect(outcome(await postGraphQL(two.url, { query: c }))).toEqual([200, 'ok']);
      // Another caller (an API key) has a budget of its own.
      expect(outcome(await register(two.url, c, { 'x-api-key': 'partner-key' }))).toEqual([200, 'ok']);

      const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => String(l.msg).startsWith('persisted query registration refused'));
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({ caller: expect.stringMatching(/^anonymous:127\.0\.0\.1$/) });
      for (const gateway of [one.gateway, two]) {
        expect(await gateway.metrics.registry.getSingleMetricAsString('lmis_gateway_persisted_queries_refused_total')).toMatch(
          /^lmis_gateway_persisted_queries_refused_total\{reason="registration_limit"\} 1$/m,
        );
      }
    } finally {
      await Promise.all([a, b, c].map((query) => store.delete(`apq:${documentHash(query)}`)));
      await two.close();
      await store.close();
      await one.stop();
    }
  });
});

describe('persisted query registration budget without Redis', () => {
  it('is counted in-process, per client address behind a trusted proxy', async () => {
    const stack = await startStack({ subgraphs: ['taxonomy'], env: { APQ_REGISTRATIONS_PER_HOUR: '1', TRUSTED_PROXIES: '127.0.0.1' } });
    const from = (client: string) => ({ 'x-forwarded-for': client });
    try {
      expect(outcome(await register(stack.gatewayUrl, doc('a'), from('198.51.100.1')))).toEqual([200, 'ok']);
      expect(outcome(await register(stack.gatewayUrl, doc('b'), from('198.51.100.1')))).toEqual([429, 'PERSISTED_QUERY_REGISTRATION_LIMIT']);
      expect(outcome(await register(stack.gatewayUrl, doc('b'), from('198.51.100.2')))).toEqual([200, 'ok']);
      // An invalid document is never stored, so it costs no registration.
      expect(outcome(await register(stack.gatewayUrl, '{ noSuchField }', from('198.51.100.3')))).toEqual([400, 'GRAPHQL_VALIDATION_FAILED']);
      expect(outcome(await register(stack.gatewayUrl, doc('c'), from('198.51.100.3')))).toEqual([200, 'ok']);
    } finally {
      await stack.stop();
    }
  });
});
