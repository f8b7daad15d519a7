import type { IncomingHttpHeaders } from 'node:http';
import type { Config } from '../../core/config.js';
import { langFrom, type Lang } from '../../core/request.js';
import { identifyCaller, type Caller } from './auth.js';
import type { AuthThrottle } from './authThrottle.js';
import type { RateLimiter } from './rateLimit.js';

export type { Caller };

/** One subgraph answer's `cache-control`, noted by the data source for the response cache. */
export interface SubgraphCacheHint {
  subgraph: string;
  cacheControl: string | null;
}

export interface GatewayContext {
  /** The caller's `x-request-id` when sane, else a new one; forwarded to every subgraph and echoed back. */
  requestId: string;
  /** The client's Accept-Language, forwarded as is (bounded); subgraphs pick their label language from it. */
  acceptLanguage: string | undefined;
  /** The language the answer is in — part of the response-cache key. */
  lang: Lang;
  caller: Caller;
  /** Filled while the query plan runs: what each subgraph said about caching its answer. */
  subgraphCacheHints: SubgraphCacheHint[];
  /** Filled while the query plan runs: subgraphs whose answer was partial or stale (`x-lmis-partial`). */
  partialAnswers: Array<{ subgraph: string; reasons: string }>;
}

const MAX_ACCEPT_LANGUAGE = 256;

/**
 * Builds the per-request context: who is calling (a presented but invalid credential is refused,
 * 401), whether they are within their rate limit (429), and what to forward. The request id is
 * chosen by the HTTP layer first (kit's `requestIdFrom`), so even a refused request is traceable.
 */
export async function buildContext(
  deps: { config: Config; limiter: RateLimiter; authThrottle: AuthThrottle },
  request: { headers: IncomingHttpHeaders; ip: string; requestId: string },
): Promise<GatewayContext> {
  const caller = await deps.authThrottle.identify(request, () => identifyCaller(deps.config, request.headers, request.ip));
  await deps.limiter.admit(caller);
  const acceptLanguage = single(request.headers['accept-language'])?.slice(0, MAX_ACCEPT_LANGUAGE);
  return { requestId: request.requestId, acceptLanguage, lang: langFrom(acceptLanguage), caller, subgraphCacheHints: [], partialAnswers: [] };
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
