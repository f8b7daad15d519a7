/**
 * The subgraph kit: what every subgraph shares. See README.md for the country adapter contract.
 */
export { startSubgraph, type SubgraphDefinition, type SubgraphResolvers, type Readiness } from './service.js';
export type { SubgraphDeps } from './deps.js';
export { requestBase, langFrom, requestIdFrom, type RequestBase, type Lang } from '../../core/request.js';
export { replayGuard, signRequestHeaders, signatureFor, verifySignature, SIGNATURE_HEADER, REQUEST_ID_HEADER, type SignedCall, type Verdict } from '../../core/trust.js';
export { markPartial, PARTIAL_HEADER } from '../../core/partial.js';
export { createKitMetrics, type KitMetrics } from './metrics.js';
export { badInput, upstreamGraphQLError } from './errors.js';
export { chunks, orNaN, unique } from './lists.js';
export { everyPage, type NativePage } from './paging.js';
export { slicesOf, trainingsMatching } from './catalogue.js';
export { createUpstreamClient } from './upstream/client.js';
export {
  UpstreamError,
  type UpstreamErrorKind,
  type UpstreamClient,
  type UpstreamClientOptions,
  type UpstreamRequest,
  type BreakerOptions,
  type BreakerState,
  type QueryValue,
} from './upstream/types.js';
export { cachedUpstream, createBatchLoader, primeRecords, unavailable, type BatchLoaderOptions, type Fetched, type ResourceCacheContext } from './upstream/cache.js';
export { defineCountrySubgraph, type CountrySubgraph } from './country/define.js';
export { countryFiles, countryFolderOf } from './country/files.js';
export { afterChangeKeyset, afterKeyset, type ChangeOrder } from './country/keyset.js';
export { learned } from './country/learned.js';
export type { VacancyRecord } from './country/translate.js';
export { countrySchemaText, countryTypeNames, contractText } from '../../schema/sdl/country.js';
export { DEFAULT_POLICIES, type CountryContext } from './country/runtime.js';
export type {
  CountryAdapter,
  CountryManifest,
  CountryUpstream,
  AdapterContext,
  CountryCachePolicies,
  SearchResult,
  VacancyFilter,
  TrainingFilter,
  Keyset,
  ChangeKeyset,
  ChangesResult,
  LifecycleModel,
  PostingState,
} from './country/adapter.js';
export type * from './model.js';
export type { Cache, CachePolicy, CachedValue, CacheEntry } from '../../core/cache/types.js';
