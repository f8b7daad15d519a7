import { createHash } from 'node:crypto';
import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import type { Cache } from '../../../core/cache/index.js';
import type { GatewayContext } from '../context.js';
import type { GatewayMetrics } from './metrics.js';

/**
 * Whole-response cache for queries. The key covers the document, operation, variables, language
 * and the caller's scopes — never the caller's identity alone, and never mixing scopes, so a
 * response computed for one scope is never served to another. Only error-free query results are
 * stored; the TTL is the smallest maxAge the subgraphs hinted, else the configured default.
 */
export function responseCachePlugin(cache: Cache, defaultTtlSeconds: number, metrics: GatewayMetrics): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      let key: string | undefined;
      let hit = false;
      return {
        async responseForOperation(ctx) {
          if (ctx.operation.operation !== 'query') return null;
          key = cacheKey(ctx);
          const entry = await cache.get<FormattedExecutionResult>(key);
          if (!entry || entry.freshUntil < Date.now()) {
            metrics.responseCache.inc({ outcome: 'miss' });
            return null;
          }
          hit = true;
          metrics.responseCache.inc({ outcome: 'hit' });
          return { body: { kind: 'single', singleResult: entry.value as never }, http: ctx.response.http };
        },
        async willSendResponse(ctx) {
          ctx.response.http.headers.set('x-cache', hit ? 'HIT' : 'MISS');
          if (hit || !key || ctx.response.body.kind !== 'single') return;
          const result = ctx.response.body.singleResult;
          if (result.errors?.length) return;
          const ttl = ttlSeconds(ctx, defaultTtlSeconds);
          if (ttl <= 0) return;
          ctx.response.http.headers.set('cache-control', `max-age=${ttl}, public`);
          await cache.set(key, { data: result.data }, { ttlMs: ttl * 1000 });
        },
      };
    },
  };
}

function cacheKey(ctx: GraphQLRequestContext<GatewayContext>): string {
  const { request, contextValue } = ctx;
  const material = JSON.stringify([
    ctx.queryHash,
    request.operationName ?? null,
    request.variables ?? {},
    contextValue.lang ?? null,
    [...contextValue.caller.scopes].sort(),
  ]);
  return `response:${createHash('sha256').update(material).digest('hex')}`;
}

function ttlSeconds(ctx: GraphQLRequestContext<GatewayContext>, fallback: number): number {
  const hinted = ctx.overallCachePolicy.policyIfCacheable();
  return hinted ? Math.min(hinted.maxAge, fallback) : fallback;
}
