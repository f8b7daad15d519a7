import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import type { Cache } from './types.js';

/**
 * Apollo's KeyValueCache over our Cache, so the gateway's APQ and response cache live in the
 * same store (Redis or LRU) as everything else. Apollo's `ttl` is in seconds; `null` means
 * "no expiry", which we bound to `maxTtlSeconds` so nothing lives forever.
 */
export interface KeyValueCacheOptions {
  /** Added before every key, e.g. "apq:". */
  prefix?: string;
  /** When Apollo gives no ttl. Default 300 s. */
  defaultTtlSeconds?: number;
  /** Default one day. */
  maxTtlSeconds?: number;
}

export function keyValueCache(cache: Cache, options: KeyValueCacheOptions = {}): KeyValueCache<string> {
  const prefix = options.prefix ?? '';
  const maxTtl = options.maxTtlSeconds ?? 86_400;
  const ttlSeconds = (o?: KeyValueCacheSetOptions) =>
    o?.ttl === null ? maxTtl : Math.min(maxTtl, o?.ttl ?? options.defaultTtlSeconds ?? 300);
  return {
    get: async (key) => (await cache.get<string>(prefix + key))?.value,
    set: async (key, value, o) => {
      const ttl = ttlSeconds(o);
      if (ttl > 0) await cache.set(prefix + key, value, { ttlMs: ttl * 1000 });
    },
    delete: async (key) => {
      await cache.delete(prefix + key);
    },
  };
}
