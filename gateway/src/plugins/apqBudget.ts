import type { ApolloServerPlugin } from '@apollo/server';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { Cache } from '../../../core/cache/index.js';
import type { Logger } from '../../../core/log.js';
import type { GatewayContext } from '../context.js';
import { countInWindow, overBudget } from '../rateLimit.js';

/**
 * The per-caller persisted-query registration budget (issue 14.4): each caller — API key, JWT
 * subject, or client address, the rate limit's identity — may store `perHour` new documents an
 * hour, counted in the shared cache like the rate limit, so replicas share one budget. Only
 * registrations Apollo is about to store count (a valid document whose hash matches), and only
 * new ones: re-sending a document that is already stored costs nothing. Past the budget the
 * request is refused with 429 PERSISTED_QUERY_REGISTRATION_LIMIT before Apollo stores anything,
 * logged and counted; the caller may still send the document as an ordinary query.
 */
export const REGISTRATION_WINDOW_MS = 3_600_000;

export function registrationBudget(options: {
  documents: KeyValueCache<string>;
  cache: Cache;
  perHour: number;
  logger: Logger;
  onLimited: () => void;
}): ApolloServerPlugin<GatewayContext> {
  const { documents, cache, perHour, logger, onLimited } = options;
  return {
    async requestDidStart() {
      return {
        // After validation, before Apollo's own write (which follows this hook).
        async didResolveOperation({ metrics, queryHash, contextValue }) {
          if (!metrics.persistedQueryRegister || (await documents.get(queryHash)) !== undefined) return;
          const counted = await countInWindow(cache, `apqreg:${contextValue.caller.id}`, REGISTRATION_WINDOW_MS);
          if (counted === undefined || counted.count <= perHour) return;
          onLimited();
          logger.warn({ requestId: contextValue.requestId, caller: contextValue.caller.id }, 'persisted query registration refused: budget spent');
          throw overBudget(
            `At most ${perHour} new persisted queries per hour; retry in ${counted.retryAfterSeconds} s, or send the query without registering it`,
            'PERSISTED_QUERY_REGISTRATION_LIMIT',
            counted.retryAfterSeconds,
          );
        },
      };
    },
  };
}
