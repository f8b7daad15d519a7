import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCache, type Cache } from '../../core/cache/index.js';
import { loadConfig } from '../../core/config.js';
import type { RunningService } from '../../core/service.js';
import { launchSubgraph } from '../../subgraphs/launch.js';
import { SIGNATURE_HEADER, signRequestHeaders } from '../../core/trust.js';
import { needRedis, REDIS_URL } from '../harness/requirements.js';

/**
 * Issue 14.3: a captured subgraph signature cannot be replayed — not with another query, not as
 * is, and not against another replica of the same subgraph (the nonce store is the shared Redis).
 */
const hasRedis = await needRedis();
describe.skipIf(!hasRedis)('subgraph signatures are bound to the request and single-use', () => {
  const config = loadConfig({ NODE_ENV: 'test' });
  const logger = pino({ level: 'silent' });
  const namespace = `test:${randomUUID()}:taxonomy`;
  const caches: Cache[] = [];
  const replicas: RunningService[] = [];
  beforeAll(async () => {
    for (let i = 0; i < 2; i += 1) {
      const cache = createCache({ namespace, logger, redisUrl: REDIS_URL });
      caches.push(cache);
      replicas.push(await launchSubgraph({ name: 'taxonomy', config, cache, logger, listen: { port: 0 } }));
    }
    await new Promise((r) => setTimeout(r, 200)); // Redis connects asynchronously
  });
  afterAll(async () => {
    for (const r of replicas) await r.close();
    for (const c of caches) await c.close();
  });

  const post = (url: string, body: string, headers: Record<string, string>) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body }).then(async (r) => ({ status: r.status, text: await r.text() }));
  const countries = JSON.stringify({ query: '{ countries { code } }' });

  it('refuses a signature reused with another query', async () => {
    const [a] = replicas;
    const signed = signRequestHeaders(config.gatewaySecret, { method: 'POST', target: a!.url, body: countries, requestId: 'r-1' });
    const other = JSON.stringify({ query: '{ _service { sdl } }' });
    const answer = await post(a!.url, other, signed);
    expect(answer.status).toBe(401);
    expect(answer.text).toContain('bad signature');
  });

  it('accepts a signature once, then refuses it on the same and on another replica', async () => {
    const [a, b] = replicas;
    const signed = signRequestHeaders(config.gatewaySecret, { method: 'POST', target: a!.url, body: countries, requestId: 'r-2' });
    expect((await post(a!.url, countries, signed)).status).toBe(200);
    const again = await post(a!.url, countries, signed);
    expect([again.status, again.text.includes('signature already used')]).toEqual([401, true]);
    // Replica b listens on another port, but the path and body are the same: only the nonce stops it.
    expect((await post(b!.url, countries, signed)).status).toBe(401);
  });

  it('refuses the old request-id-only signature format', async () => {
    const legacy = { 'x-request-id': 'r-3', [SIGNATURE_HEADER]: `t=${Date.now()},v1=${'a'.repeat(64)}` };
    expect((await post(replicas[0]!.url, countries, legacy)).status).toBe(401);
  });
});
