import type { Cache } from './cache/index.js';

/**
 * The start banner's cache line, told truthfully: Redis connects in the background, so this waits
 * up to a second for it before saying whether it answers. Only the host is shown (the URL may
 * carry a password).
 */
export async function cacheLine(cache: Cache, redisUrl: string | undefined): Promise<string> {
  if (!redisUrl) return 'cache: in-process (set REDIS_URL to share it between replicas)';
  const deadline = Date.now() + 1_000;
  while (!cache.status().available && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const host = new URL(redisUrl).host;
  return cache.status().available
    ? `cache: Redis at ${host}`
    : `cache: Redis at ${host} is NOT reachable — answering without the shared cache until it is (lmis_gateway_redis_up 0)`;
}
