import { createHash } from 'node:crypto';
import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { LRUCache } from 'lru-cache';
import type { Cache, CacheEntry } from '../../../core/cache/index.js';
import type { GatewayContext, SubgraphCacheHint } from '../context.js';
import type { GatewayMetrics } from './metrics.js';

/**
 * Whole-response cache for queries, in the shared cache (Redis when configured).
 *  - Key: supergraph, query hash, operation name, variables, answer language and the caller's
 *    scopes — so a response computed for one scope is never served to a caller with other scopes.
 *  - Stored: error-free query results only, and never an answer a subgraph marked partial or stale
 *    (`x-lmis-partial`, recorded by the data source) — whatever fields the client selected.
 *  - Lifetime: the smallest `max-age` the subgraphs that answered hinted; a subgraph that gave
 *    no hint (Apollo sends `no-store` for hint-less answers) counts as the default TTL; a
 *    `private` or `max-age=0` answer is not stored at all.
 *  - Headers: `x-cache: HIT|MISS` and `cache-control` (`public, max-age=<seconds left>` or `no-store`),
 *    plus `age` on a hit, and `vary` on the headers that change the answer.
 */
export interface ResponseCacheOptions {
  cache: Cache;
  defaultTtlSeconds: number;
  metrics: GatewayMetrics;
  /** The supergraph in use: part of the key, so a swap never serves answers planned on the old one. */
  supergraph(): string | undefined;
}

interface StoredResponse {
  data: Record<string, unknown> | null | undefined;
}

/**
 * The hottest answers, kept parsed in this process as well: a hit then costs neither a Redis
 * round trip nor parsing the stored JSON again. Entries live no longer than in the shared cache
 * (the same `freshUntil`), and the response cache has no invalidation other than time, so a
 * replica's copy never says anything the shared entry would not.
 */
const HOT_ENTRIES = 200;

export function responseCachePlugin({ cache, defaultTtlSeconds, metrics, supergraph }: ResponseCacheOptions): ApolloServerPlugin<GatewayContext> {
  const hot = new LRUCache<string, CacheEntry<StoredResponse>>({ max: HOT_ENTRIES });
  const lookup = async (key: string): Promise<CacheEntry<StoredResponse> | undefined> => {
    const kept = hot.get(key);
    if (kept && kept.freshUntil > Date.now()) return kept;
    const entry = await cache.get<StoredResponse>(key);
    if (entry && entry.freshUntil > Date.now()) hot.set(key, entry);
    return entry;
  };
  return {
    async requestDidStart() {
      let key: string | undefined;
      let hit: { storedAt: number; freshUntil: number } | undefined;
      return {
        async responseForOperation(ctx) {
          if (ctx.operation.operation !== 'query') return null;
          key = cacheKey(ctx, supergraph());
          const entry = await lookup(key);
          if (!entry || entry.freshUntil <= Date.now()) {
            metrics.responseCache.inc({ outcome: 'miss' });
            return null;
          }
          metrics.responseCache.inc({ outcome: 'hit' });
          hit = entry;
          return { http: ctx.response.http, body: { kind: 'single', singleResult: { data: entry.value.data } } };
        },
        async willSendResponse(ctx) {
          if (!key) return; // not a query, or refused before planning
          const headers = ctx.response.http.headers;
          // The answer depends on the language and on the caller's scopes: shared HTTP caches
          // (a CDN, a browser) must key on the headers that choose them.
          headers.set('vary', VARY);
          if (hit) {
            headers.set('x-cache', 'HIT');
            headers.set('cache-control', `public, max-age=${Math.max(0, Math.floor((hit.freshUntil - Date.now()) / 1000))}`);
            headers.set('age', String(Math.max(0, Math.floor((Date.now() - hit.storedAt) / 1000))));
            return;
          }
          headers.set('x-cache', 'MISS');
          const body = ctx.response.body;
          const ttl = body.kind === 'single' && !body.singleResult.errors?.length ? ttlSeconds(ctx.contextValue.subgraphCacheHints, defaultTtlSeconds) : 0;
          if (ttl <= 0 || body.kind !== 'single') {
            headers.set('cache-control', 'no-store');
            return;
          }
          if (ctx.contextValue.partialAnswers.length > 0) {
            // A subgraph said its answer lacks a country or is stale: it must not outlive the outage.
            headers.set('cache-control', 'no-store');
            return;
          }
          headers.set('cache-control', `public, max-age=${ttl}`);
          await cache.set<StoredResponse>(key, { data: body.singleResult.data }, { ttlMs: ttl * 1000 });
          hot.delete(key);
        },
      };
    },
  };
}

const VARY = 'accept-language, authorization, x-api-key';

function cacheKey(ctx: GraphQLRequestContext<GatewayContext>, supergraph: string | undefined): string {
  const { request, contextValue } = ctx;
  const material = JSON.stringify([
    supergraph ?? null,
    ctx.queryHash,
    request.operationName ?? null,
    request.variables ?? {},
    contextValue.lang,
    [...new Set(contextValue.caller.scopes)].sort(),
  ]);
  return `response:${createHash('sha256').update(material).digest('hex')}`;
}

/** The lifetime the answering subgraphs allow, in seconds; 0 = do not store. */
export function ttlSeconds(hints: readonly SubgraphCacheHint[], defaultTtlSeconds: number): number {
  if (hints.length === 0) return defaultTtlSeconds;
  return Math.min(...hints.map((hint) => allowedSeconds(hint.cacheControl, defaultTtlSeconds)));
}

/** One subgraph answer's say: its max-age; nothing for `private`; the default when it gave no hint. */
function allowedSeconds(cacheControl: string | null, defaultTtlSeconds: number): number {
  const directives = parseCacheControl(cacheControl);
  if (directives.has('private')) return 0;
  const maxAge = directives.get('max-age');
  return maxAge !== undefined && /^\d+$/.test(maxAge) ? Number(maxAge) : defaultTtlSeconds;
}

function parseCacheControl(header: string | null): Map<string, string> {
  const directives = new Map<string, string>();
  for (const part of (header ?? '').split(',')) {
    const [name = '', value = ''] = part.trim().toLowerCase().split('=');
    if (name) directives.set(name, value.replace(/^"|"$/g, ''));
  }
  return directives;
}
