import { LRUCache } from 'lru-cache';
import type { Cache, CacheEntry, CacheStatus, CacheWriteOptions } from './types.js';
import { deserialize, lifetimeMs, makeEntry, serialize } from './entry.js';

/**
 * The in-process backend: an LRU of serialised entries. Values are stored as JSON (not as live
 * objects) so a caller mutating what it got back can never change what the next caller reads,
 * and so both backends behave the same.
 */
/** Memory the in-process cache may hold (UTF-16 characters × 2), whatever the entry count. */
const DEFAULT_MAX_BYTES = 128 * 1024 * 1024;

export function createMemoryCache(namespace: string, maxEntries = 10_000, maxBytes = DEFAULT_MAX_BYTES): Cache {
  // Bounded by count and by size: one whole-dataset pull can be tens of MB, and a process must stay
  // within its memory budget however large the answers it caches (the least recent go first).
  const lru = new LRUCache<string, string>({ max: maxEntries, maxSize: maxBytes, sizeCalculation: (v) => Math.max(1, v.length * 2) });
  const key = (k: string) => `${namespace}:${k}`;
  const status: CacheStatus = { backend: 'memory', available: true };

  const set = async <T>(k: string, value: T, options: CacheWriteOptions): Promise<void> => {
    const entry = makeEntry(value, options);
    const text = serialize(entry);
    // An entry bigger than the whole budget is simply not kept (lru-cache would refuse it anyway).
    if (text.length * 2 <= maxBytes) lru.set(key(k), text, { ttl: lifetimeMs(entry) });
  };

  return {
    backend: 'memory',
    namespace,
    get: async <T>(k: string): Promise<CacheEntry<T> | undefined> => deserialize<T>(lru.get(key(k))),
    getMany: async <T>(keys: readonly string[]) => keys.map((k) => deserialize<T>(lru.get(key(k)))),
    set,
    setMany: async <T>(entries: ReadonlyArray<{ key: string; value: T }>, options: CacheWriteOptions) => {
      for (const e of entries) await set(e.key, e.value, options);
    },
    delete: async (k) => {
      lru.delete(key(k));
    },
    incr: async (k, windowMs) => {
      const full = key(`ctr:${k}`);
      const current = Number(lru.get(full) ?? 0) + 1;
      // The window starts at the first increment; later increments keep its expiry.
      if (current === 1) lru.set(full, '1', { ttl: windowMs });
      else lru.set(full, String(current), { noUpdateTTL: true });
      return current;
    },
    status: () => status,
    close: async () => {
      lru.clear();
    },
  };
}
