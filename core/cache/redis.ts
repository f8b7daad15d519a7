import { Redis } from 'ioredis';
import type { Logger } from '../log.js';
import type { Cache, CacheEntry, CacheStatus, CacheWriteOptions } from './types.js';
import { deserialize, lifetimeMs, makeEntry, serialize } from './entry.js';

/**
 * The Redis backend. Redis is an optimisation, never a dependency: while it is unreachable every
 * read misses and every write is dropped, at once (no offline queue, short command timeout), so a
 * request never waits on it. ioredis keeps reconnecting in the background; the outage and the
 * recovery are each logged once.
 */

const COMMAND_TIMEOUT_MS = 500;
const CONNECT_TIMEOUT_MS = 1_000;
const MAX_RECONNECT_DELAY_MS = 2_000;

export function createRedisCache(redisUrl: string, namespace: string, logger: Logger): Cache {
  const log = logger.child({ cache: 'redis', namespace });
  const status: CacheStatus = { backend: 'redis', available: false };
  let outageLogged = false;
  let closed = false;

  const redis = new Redis(redisUrl, {
    keyPrefix: `${namespace}:`,
    enableOfflineQueue: false,
    commandTimeout: COMMAND_TIMEOUT_MS,
    connectTimeout: CONNECT_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    retryStrategy: (times) => (closed ? null : Math.min(100 * 2 ** Math.min(times, 5), MAX_RECONNECT_DELAY_MS)),
  });

  const markDown = (reason: unknown) => {
    status.available = false;
    if (outageLogged || closed) return;
    outageLogged = true;
    log.warn({ err: reason instanceof Error ? reason.message : String(reason) }, 'redis unreachable; caching disabled until it returns');
  };
  redis.on('ready', () => {
    status.available = true;
    if (outageLogged) log.info('redis reachable again; caching resumed');
    outageLogged = false;
  });
  redis.on('error', markDown);
  redis.on('close', () => markDown('connection closed'));

  /** Runs a command when connected; any failure answers the fallback and marks the outage. */
  const safely = async <R>(fallback: R, op: () => Promise<R>): Promise<R> => {
    if (redis.status !== 'ready') return fallback;
    try {
      return await op();
    } catch (error) {
      // A timeout on a live connection is not an outage by itself; a dead connection emits 'close'.
      if (redis.status !== 'ready') markDown(error);
      return fallback;
    }
  };

  const setMany = async <T>(entries: ReadonlyArray<{ key: string; value: T }>, options: CacheWriteOptions): Promise<void> => {
    if (entries.length === 0) return;
    await safely(undefined, async () => {
      const pipeline = redis.pipeline();
      for (const e of entries) {
        const entry = makeEntry(e.value, options);
        pipeline.set(e.key, serialize(entry), 'PX', lifetimeMs(entry));
      }
      await pipeline.exec();
    });
  };

  return {
    backend: 'redis',
    namespace,
    get: <T>(key: string) => safely<CacheEntry<T> | undefined>(undefined, async () => deserialize<T>(await redis.get(key))),
    getMany: async <T>(keys: readonly string[]) => {
      const misses = keys.map(() => undefined);
      if (keys.length === 0) return misses;
      return safely<Array<CacheEntry<T> | undefined>>(misses, async () =>
        (await redis.mget(...keys)).map((text) => deserialize<T>(text)),
      );
    },
    set: (key, value, options) => setMany([{ key, value }], options),
    setMany,
    delete: (key) =>
      safely(undefined, async () => {
        await redis.del(key);
      }),
    incr: (key, windowMs) =>
      safely<number | undefined>(undefined, async () => {
        // SET NX PX opens the window on the first hit; INCR counts within it.
        const results = await redis.multi().set(`ctr:${key}`, '0', 'PX', windowMs, 'NX').incr(`ctr:${key}`).exec();
        const count = results?.[1]?.[1];
        return typeof count === 'number' ? count : undefined;
      }),
    status: () => status,
    close: async () => {
      closed = true;
      if (redis.status === 'ready') await redis.quit().catch(() => undefined);
      redis.disconnect();
    },
  };
}
