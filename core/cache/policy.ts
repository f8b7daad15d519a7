import type { Cache, CacheEntry, CachePolicy, CachedValue } from './types.js';

/**
 * The caching policy every layer shares:
 *  - fresh entry → `hit`;
 *  - past the TTL but within stale-while-revalidate → the old value at once (`stale-revalidate`)
 *    and one background refresh;
 *  - otherwise the loader runs; if it fails within stale-if-error, the old value (`stale-if-error`).
 * Concurrent loads of one key share one loader call (single-flight), within this process.
 */

const inFlight = new WeakMap<Cache, Map<string, Promise<CachedValue<unknown>>>>();

export interface CachedValueOptions<T = unknown> {
  /** Background refresh failures have no caller to go to; they are reported here. */
  onRefreshError?: (error: unknown) => void;
  /**
   * Whether a freshly loaded value may be stored. A value that is itself stale (a source answered
   * from its own cache) must not be kept as fresh for a whole TTL; it is answered, not stored,
   * and the previous entry stays for stale-if-error.
   */
  storable?: (value: T) => boolean;
}

export async function cachedValue<T>(
  cache: Cache,
  key: string,
  policy: CachePolicy,
  loader: () => Promise<T>,
  options: CachedValueOptions<T> = {},
): Promise<CachedValue<T>> {
  const entry = await cache.get<T>(key);
  const now = Date.now();
  if (entry && now < entry.freshUntil) return fromEntry(entry, 'hit', now);
  if (entry && now < entry.freshUntil + policy.staleWhileRevalidateMs) {
    load(cache, key, policy, loader, options.storable).catch((error: unknown) => options.onRefreshError?.(error));
    return fromEntry(entry, 'stale-revalidate', now);
  }
  try {
    return await load(cache, key, policy, loader, options.storable);
  } catch (error) {
    if (entry && Date.now() < entry.freshUntil + policy.staleIfErrorMs) return fromEntry(entry, 'stale-if-error', Date.now());
    throw error;
  }
}

/** How long an entry is kept after its TTL: as long as either stale window may still use it. */
export function staleWindowMs(policy: CachePolicy): number {
  return Math.max(policy.staleWhileRevalidateMs, policy.staleIfErrorMs);
}

export function fromEntry<T>(entry: CacheEntry<T>, outcome: CachedValue<T>['outcome'], now = Date.now()): CachedValue<T> {
  return {
    value: entry.value,
    stale: outcome !== 'hit' && outcome !== 'miss',
    ageSeconds: Math.max(0, Math.floor((now - entry.storedAt) / 1000)),
    fetchedAt: new Date(entry.storedAt).toISOString(),
    outcome,
  };
}

function load<T>(cache: Cache, key: string, policy: CachePolicy, loader: () => Promise<T>, storable?: (value: T) => boolean): Promise<CachedValue<T>> {
  let loads = inFlight.get(cache);
  if (!loads) inFlight.set(cache, (loads = new Map()));
  const running = loads.get(key);
  if (running) return running as Promise<CachedValue<T>>;
  const started = (async (): Promise<CachedValue<T>> => {
    const value = await loader();
    const fetchedAt = Date.now();
    if (storable?.(value) !== false) await cache.set(key, value, { ttlMs: policy.ttlMs, staleMs: staleWindowMs(policy) });
    return { value, stale: false, ageSeconds: 0, fetchedAt: new Date(fetchedAt).toISOString(), outcome: 'miss' };
  })();
  const registry = loads;
  registry.set(key, started);
  // Only the entry this load put in the map is removed (a later load may already have replaced it).
  const forget = () => {
    if (registry.get(key) === started) registry.delete(key);
  };
  started.then(forget, forget);
  return started;
}
