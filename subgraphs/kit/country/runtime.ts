import type DataLoader from 'dataloader';
import type { Cache } from '../../../core/cache/types.js';
import type { Logger } from '../../../core/log.js';
import type { RequestBase } from '../../../core/request.js';
import type { KitMetrics } from '../metrics.js';
import type { Fetched, ResourceCacheContext } from '../upstream/cache.js';
import type { CountryAdapter, CountryCachePolicies, CountryUpstream } from './adapter.js';
import type { cacheKeys } from './keys.js';
import type { Translator } from './translate.js';

/** Everything a running country subgraph's resolvers share. */
export interface CountryRuntime<NV, NT> {
  adapter: CountryAdapter<NV, NT>;
  upstream: CountryUpstream<NV, NT>;
  cache: Cache;
  metrics: KitMetrics;
  logger: Logger;
  translator: Translator<NV, NT>;
  policies: CountryCachePolicies;
  keys: ReturnType<typeof cacheKeys>;
  /** Cache context for one resource (metric label + the country named in errors). */
  resource(name: string): ResourceCacheContext;
}

/** The per-request context of a country subgraph: the request base plus its batch loaders. */
export interface CountryContext<NV = unknown, NT = unknown> extends RequestBase {
  loaders: {
    vacancies: DataLoader<string, Fetched<NV> | null>;
    trainings: DataLoader<string, Fetched<NT> | null>;
  };
}

const MINUTE = 60_000;

/** Search pages change quickly; records slowly; both may be served stale when the upstream is down. */
export const DEFAULT_POLICIES: CountryCachePolicies = {
  search: { ttlMs: 30_000, staleWhileRevalidateMs: 30_000, staleIfErrorMs: 10 * MINUTE },
  facts: { ttlMs: 5 * MINUTE, staleWhileRevalidateMs: 5 * MINUTE, staleIfErrorMs: 30 * MINUTE },
  record: { ttlMs: 5 * MINUTE, staleWhileRevalidateMs: 5 * MINUTE, staleIfErrorMs: 60 * MINUTE },
};
