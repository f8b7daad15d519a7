import { createHash, randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createCache } from '../../core/cache/index.js';
import { needRedis, REDIS_URL } from '../harness/requirements.js';
import { postGraphQL, startStack } from '../harness/stack.js';

/** Issue 14.4 (in part): persisted-query registrations are bounded in size and kept for APQ_TTL_SECONDS. */
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const hasRedis = await needRedis();
describe.skipIf(!hasRedis)('persisted query bounds', () => {
  it('refuses a registration over APQ_MAX_DOCUMENT_KB without storing it, and keeps a small one for the TTL only', async () => {
    const cacheNamespace = `test:apq:${randomUUID()}`;
    const stack = await startStack({ subgraphs: ['taxonomy'], redisUrl: REDIS_URL, cacheNamespace, env: { APQ_MAX_DOCUMENT_KB: '16', APQ_TTL_SECONDS: '600' } });
    const store = createCache({ namespace: `${cacheNamespace}:gateway`, redisUrl: REDIS_URL, logger: pino({ level: 'silent' }) });
    const big = `{ countries { code } } ${'#'.repeat(40 * 1024)}`;
    const small = '{ countries { code } }';
    try {
      const refused = await postGraphQL(stack.gatewayUrl, { query: big, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(big) } } });
      expect([refused.status, refused.errors?.[0]?.extensions?.code, refused.errors?.[0]?.extensions?.maxKilobytes]).toEqual([400, 'PERSISTED_QUERY_TOO_LARGE', 16]);
      expect(await store.get(`apq:${sha256(big)}`)).toBeUndefined();
      expect(await stack.gateway.metrics.registry.getSingleMetricAsString('lmis_gateway_persisted_queries_refused_total')).toMatch(
        /^lmis_gateway_persisted_queries_refused_total\{reason="too_large"\} 1$/m,
      );
      // The same document sent without registering is an ordinary query, within the body limit.
      expect((await postGraphQL(stack.gatewayUrl, { query: big })).status).toBe(200);

      const registered = await postGraphQL(stack.gatewayUrl, { query: small, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(small) } } });
      expect(registered.status).toBe(200);
      const entry = await store.get(`apq:${sha256(small)}`);
      expect(entry).toBeDefined();
      expect(entry!.staleUntil - entry!.storedAt).toBeLessThanOrEqual(600_000);
    } finally {
      await store.delete(`apq:${sha256(small)}`);
      await store.close();
      await stack.stop();
    }
  });
});

describe('APQ_MODE=off', () => {
  it('answers PERSISTED_QUERY_NOT_SUPPORTED to the protocol and still runs ordinary queries', async () => {
    const stack = await startStack({ subgraphs: ['taxonomy'], env: { APQ_MODE: 'off' } });
    const query = '{ countries { code } }';
    try {
      const registration = await postGraphQL(stack.gatewayUrl, { query, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } });
      expect(registration.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
      expect([(await stack.query(query)).status]).toEqual([200]);
    } finally {
      await stack.stop();
    }
  });
});
