import type { Logger } from '../log.js';

/**
 * The one cache interface every layer uses (upstream responses, APQ, whole responses, rate
 * limits). Two backends implement it: Redis (shared by every process) and an in-process LRU.
 * A cache never throws into its callers and never hangs a request: when the store is unreachable
 * reads miss and writes are dropped.
 */

/** A stored value and the times that govern serving it. All times are Unix milliseconds. */
export interface CacheEntry<T> {
  value: T;
  storedAt: number;
  /** Until this moment the entry is fresh. */
  freshUntil: number;
  /** Until this moment the entry may still be served stale (stale-while-revalidate / stale-if-error); then it is gone. */
  staleUntil: number;
}

export interface CacheWriteOptions {
  /** How long the entry stays fresh. */
  ttlMs: number;
  /** How much longer, after freshness ends, the entry is kept for stale serving. Default 0. */
  staleMs?: number;
}

export type CacheBackend = 'redis' | 'memory';

export interface CacheStatus {
  backend: CacheBackend;
  /** False while Redis is unreachable (the cache then behaves as empty). Always true for memory. */
  available: boolean;
}

export interface Cache {
  readonly backend: CacheBackend;
  /** Every key is stored under `<namespace>:<key>`, so services sharing one Redis never collide. */
  readonly namespace: string;
  /** The entry, fresh or stale; undefined when absent, expired past `staleUntil`, or the store is down. */
  get<T>(key: string): Promise<CacheEntry<T> | undefined>;
  /** One round trip (Redis MGET); answers in the order of `keys`. */
  getMany<T>(keys: readonly string[]): Promise<Array<CacheEntry<T> | undefined>>;
  set<T>(key: string, value: T, options: CacheWriteOptions): Promise<void>;
  /** One round trip (Redis pipeline). */
  setMany<T>(entries: ReadonlyArray<{ key: string; value: T }>, options: CacheWriteOptions): Promise<void>;
  delete(key: string): Promise<void>;
  /**
   * Increments a counter that expires `windowMs` after its first increment (fixed-window rate
   * limits). Undefined when the store is unreachable: callers fail open.
   */
  incr(key: string, windowMs: number): Promise<number | undefined>;
  status(): CacheStatus;
  close(): Promise<void>;
}

export interface CacheOptions {
  /** redis://… — when absent the cache is an in-process LRU. */
  redisUrl?: string;
  namespace: string;
  /** LRU capacity (entries). Default 10 000. */
  maxEntries?: number;
  /** LRU memory budget in bytes. Default 128 MiB. */
  maxBytes?: number;
  logger: Logger;
}

/** How one kind of resource is cached. */
export interface CachePolicy {
  ttlMs: number;
  /** After the TTL, serve the old value and refresh once in the background, for this long. */
  staleWhileRevalidateMs: number;
  /** After the TTL, when the loader fails, serve the old value for this long. */
  staleIfErrorMs: number;
}

export type CacheOutcome = 'hit' | 'miss' | 'stale-revalidate' | 'stale-if-error';

export interface CachedValue<T> {
  value: T;
  stale: boolean;
  ageSeconds: number;
  /** ISO 8601 instant the value was fetched from its source. */
  fetchedAt: string;
  outcome: CacheOutcome;
}
