import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Cache } from '../../../core/cache/index.js';
import type { GatewayContext } from '../context.js';

const WINDOW_MS = 60_000;

/**
 * Per-caller fixed-window rate limit, counted in the shared cache (Redis when configured, so
 * every gateway replica sees one budget). When the store is unreachable the limit fails open:
 * a cache outage must not take the API down.
 */
export function rateLimitPlugin(cache: Cache, perMinute: number): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        // Thrown here, not in requestDidStart, so Apollo answers with the error's HTTP status.
        async didResolveOperation({ contextValue }) {
          await enforce(contextValue.caller.id);
        },
      };
    },
  };

  async function enforce(callerId: string): Promise<void> {
    const window = Math.floor(Date.now() / WINDOW_MS);
    const count = await cache.incr(`ratelimit:${callerId}:${window}`, WINDOW_MS);
    if (count === undefined || count <= perMinute) return;
    const retryAfter = Math.ceil(((window + 1) * WINDOW_MS - Date.now()) / 1000);
    throw new GraphQLError(`Rate limit of ${perMinute} requests per minute exceeded; retry in ${retryAfter} s`, {
      extensions: {
        code: 'RATE_LIMITED',
        retryAfterSeconds: retryAfter,
        http: { status: 429, headers: new Map([['retry-after', String(retryAfter)]]) },
      },
    });
  }
}
