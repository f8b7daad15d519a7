import type { Cache, CacheOptions } from './types.js';
import { createMemoryCache } from './memory.js';
import { createRedisCache } from './redis.js';

/**
 * One cache interface, two backends: Redis when a URL is given (shared across processes and
 * restarts), an in-process LRU otherwise.
 */
export function createCache(options: CacheOptions): Cache {
  if (options.redisUrl) return createRedisCache(options.redisUrl, options.namespace, options.logger);
  return createMemoryCache(options.namespace, options.maxEntries, options.maxBytes);
}

export { cachedValue, fromEntry, staleWindowMs, type CachedValueOptions } from './policy.js';
export { keyValueCache, type KeyValueCacheOptions } from './keyvalue.js';
export type * from './types.js';
