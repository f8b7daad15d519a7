import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createCache } from '../../core/cache/index.js';
import { createGateway } from '../../gateway/src/server.js';
import { needRedis, REDIS_URL } from '../harness/requirements.js';
import { postGraphQL, startStack } from '../harness/stack.js';

/**
 * Issue 14.5: failed authentication is throttled per source address (counted in Redis, so two
 * replicas agree), logged with the request id and address but never the credential, and counted
 * in lmis_gateway_auth_failures_total.
 */
const hasRedis = await needRedis();
describe.skipIf(!hasRedis)('failed authentication', () => {
  it('is throttled across replicas after AUTH_FAILURES_PER_MINUTE, logged and counted', async () => {
    const cacheNamespace = `test:auth-throttle:${randomUUID()}`;
    const one = await startStack({ subgraphs: ['taxonomy'], redisUrl: REDIS_URL, cacheNamespace, env: { API_KEYS: 'good-key:public', AUTH_FAILURES_PER_MINUTE: '3' } });
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
    const sharedCache = createCache({ namespace: `${cacheNamespace}:gateway`, redisUrl: REDIS_URL, logger: pino({ level: 'silent' }) });
    const two = await createGateway({ config: one.config, cache: sharedCache, logger, supergraphSdl: one.supergraphSdl, listen: { port: 0 } });
    const query = { query: '{ countries { code } }' };
    try {
      expect((await postGraphQL(one.gatewayUrl, query, { 'x-api-key': 'wrong-1' })).status).toBe(401);
      expect((await postGraphQL(one.gatewayUrl, query, { 'x-api-key': 'wrong-2' })).status).toBe(401);
      const third = await postGraphQL(two.url, query, { 'x-api-key': 'wrong-secret-3', 'x-request-id': 'req-auth-3' });
      expect(third.status).toBe(401);

      // The address is now throttled on both replicas, even with a good key.
      for (const url of [one.gatewayUrl, two.url]) {
        const refused = await postGraphQL(url, query, { 'x-api-key': 'good-key' });
        expect([refused.status, refused.errors?.[0]?.extensions?.code]).toEqual([429, 'AUTH_THROTTLED']);
        expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      }

      const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'authentication failed');
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({ requestId: 'req-auth-3', ip: expect.stringMatching(/127\.0\.0\.1/) });
      expect(lines.join('\n')).not.toContain('wrong-secret-3');

      const metric = await one.gateway.metrics.registry.getSingleMetricAsString('lmis_gateway_auth_failures_total');
      expect(metric).toMatch(/^lmis_gateway_auth_failures_total 2$/m);
    } finally {
      await two.close();
      await sharedCache.close();
      await one.stop();
    }
  });

  it('refuses the throttled address whatever it presents, anonymous requests too', async () => {
    const stack = await startStack({ subgraphs: ['taxonomy'], redisUrl: REDIS_URL, env: { API_KEYS: 'good-key:public', AUTH_FAILURES_PER_MINUTE: '1' } });
    try {
      expect((await stack.query('{ countries { code } }', {}, { 'x-api-key': 'wrong' })).status).toBe(401);
      expect((await stack.query('{ countries { code } }', {}, { 'x-api-key': 'good-key' })).status).toBe(429);
      expect((await stack.query('{ countries { code } }')).status).toBe(429);
    } finally {
      await stack.stop();
    }
  });
});
