import DataLoader from 'dataloader';
import { GraphQLError } from 'graphql';
import { cachedValue, staleWindowMs } from '../../../core/cache/policy.js';
import type { Cache, CacheEntry, CachePolicy, CachedValue } from '../../../core/cache/types.js';
import type { KitMetrics } from '../metrics.js';
import { markPartial } from '../../../core/partial.js';
import { UpstreamError } from './types.js';

/**
 * Resource-level caching of upstream answers over core/cache. Whole answers (a search page, a
 * fact pull) go through `cachedUpstream`; records by id go through a per-request batch loader
 * that reads every id in one round trip and asks the upstream only for what is missing.
 */

export interface ResourceCacheContext {
  cache: Cache;
  /** Counts cache outcomes per resource when given. */
  metrics?: KitMetrics;
  /** Metric label, e.g. "vacancy-search". */
  resource?: string;
  /** Names the country in errors, e.g. "indonesia". */
  country: string;
  onRefreshError?: (error: unknown) => void;
}

/** A cached whole answer; upstream failures without a usable stale copy become coded GraphQL errors. */
export async function cachedUpstream<T>(ctx: ResourceCacheContext, key: string, policy: CachePolicy, loader: () => Promise<T>): Promise<CachedValue<T>> {
  try {
    const result = await cachedValue(ctx.cache, key, policy, loader, { onRefreshError: ctx.onRefreshError });
    ctx.metrics?.cacheResults.inc({ resource: ctx.resource ?? key.split(':')[0] ?? key, outcome: result.outcome });
    if (result.stale) markPartial(`stale:${ctx.country}`);
    return result;
  } catch (error) {
    throw unavailable(ctx.country, error);
  }
}

/** A record with its freshness, as the batch loader answers. */
export interface Fetched<V> {
  value: V;
  stale: boolean;
  ageSeconds: number;
  fetchedAt: string;
}

export interface BatchLoaderOptions<V> extends ResourceCacheContext {
  /** Cache key of id `x` is `<keyPrefix>x`. */
  keyPrefix: string;
  policy: CachePolicy;
  /** ONE upstream call for all `ids`; ids the upstream does not know are absent from the map. */
  fetchMany(ids: readonly string[]): Promise<ReadonlyMap<string, V>>;
}

/**
 * A per-request DataLoader over the cache. Ids resolve to the record, to null when the upstream
 * does not know them, or to an UPSTREAM_* error when the upstream failed and no stale copy exists.
 */
export function createBatchLoader<V>(options: BatchLoaderOptions<V>): DataLoader<string, Fetched<V> | null> {
  return new DataLoader<string, Fetched<V> | null>((ids) => loadBatch(options, ids), { maxBatchSize: 200 });
}

/** Writes records into the by-id cache (e.g. a search page), so later entity calls cost nothing upstream. */
export async function primeRecords<V>(cache: Cache, keyPrefix: string, policy: CachePolicy, records: ReadonlyArray<{ id: string; value: V }>): Promise<void> {
  await cache.setMany(
    records.map((r) => ({ key: keyPrefix + r.id, value: r.value })),
    { ttlMs: policy.ttlMs, staleMs: staleWindowMs(policy) },
  );
}

async function loadBatch<V>(o: BatchLoaderOptions<V>, ids: readonly string[]): Promise<Array<Fetched<V> | null | Error>> {
  const entries = await o.cache.getMany<V>(ids.map((id) => o.keyPrefix + id));
  const now = Date.now();
  const answers = new Map<string, Fetched<V> | null | Error>();
  const toFetch: string[] = [];
  const toRevalidate: string[] = [];
  ids.forEach((id, i) => {
    const entry = entries[i];
    if (entry && now < entry.freshUntil) answers.set(id, fetched(entry, false, now));
    else if (entry && now < entry.freshUntil + o.policy.staleWhileRevalidateMs) {
      answers.set(id, fetched(entry, true, now));
      toRevalidate.push(id);
    } else toFetch.push(id);
  });
  count(o, 'hit', ids.length - toFetch.length - toRevalidate.length);
  count(o, 'stale-revalidate', toRevalidate.length);
  if (toRevalidate.length > 0) fetchAndStore(o, toRevalidate).catch((error: unknown) => o.onRefreshError?.(error));
  if (toFetch.length > 0) {
    const byId = new Map(ids.map((id, i) => [id, entries[i]]));
    await fetchMissing(o, toFetch, byId, answers);
  }
  return ids.map((id) => answers.get(id) ?? null);
}

async function fetchMissing<V>(
  o: BatchLoaderOptions<V>,
  ids: string[],
  cached: ReadonlyMap<string, CacheEntry<V> | undefined>,
  answers: Map<string, Fetched<V> | null | Error>,
): Promise<void> {
  try {
    const found = await fetchAndStore(o, ids);
    const fetchedAt = new Date().toISOString();
    for (const id of ids) {
      const value = found.get(id);
      answers.set(id, value === undefined ? null : { value, stale: false, ageSeconds: 0, fetchedAt });
    }
    count(o, 'miss', ids.length);
  } catch (error) {
    const now = Date.now();
    for (const id of ids) {
      const entry = cached.get(id);
      const usable = entry && now < entry.freshUntil + o.policy.staleIfErrorMs;
      answers.set(id, usable ? fetched(entry, true, now) : unavailable(o.country, error, id));
      if (usable) count(o, 'stale-if-error', 1);
    }
  }
}

async function fetchAndStore<V>(o: BatchLoaderOptions<V>, ids: readonly string[]): Promise<ReadonlyMap<string, V>> {
  const found = await o.fetchMany(ids);
  await primeRecords(o.cache, o.keyPrefix, o.policy, [...found].map(([id, value]) => ({ id, value })));
  return found;
}

function fetched<V>(entry: CacheEntry<V>, stale: boolean, now: number): Fetched<V> {
  if (stale) markPartial('stale:record');
  return {
    value: entry.value,
    stale,
    ageSeconds: Math.max(0, Math.floor((now - entry.storedAt) / 1000)),
    fetchedAt: new Date(entry.storedAt).toISOString(),
  };
}

function count(o: ResourceCacheContext, outcome: string, n: number): void {
  if (n > 0) o.metrics?.cacheResults.inc({ resource: o.resource ?? 'record', outcome }, n);
}

/** The coded error a caller sees when a country's upstream failed and the cache cannot cover. */
export function unavailable(country: string, error: unknown, id?: string): GraphQLError {
  if (error instanceof GraphQLError) return error;
  const kind = error instanceof UpstreamError ? error.kind : 'UNAVAILABLE';
  const code = kind === 'TIMEOUT' ? 'UPSTREAM_TIMEOUT' : 'UPSTREAM_UNAVAILABLE';
  // A fixed sentence per class: the upstream's own words (its error body) stay in the log.
  const subject = id ? ` for ${id}` : '';
  const what = kind === 'TIMEOUT' ? 'did not answer in time' : 'is unavailable';
  return new GraphQLError(`The ${country} upstream ${what}${subject} and nothing is cached`, {
    extensions: { code, country, ...(error instanceof UpstreamError ? { upstream: error.upstream, kind: error.kind } : {}) },
  });
}
