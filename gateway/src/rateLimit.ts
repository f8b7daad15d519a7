import type { Cache } from '../../core/cache/index.js';
import type { Caller } from './auth.js';
import { httpError } from './errors.js';

/**
 * Per-caller fixed-window rate limit (API key, JWT subject, or IP for anonymous callers),
 * counted in the shared cache — Redis when configured, so every gateway replica draws on one
 * budget. It runs while the request context is built, before parsing, so malformed and
 * over-limit queries count too and a refused request costs almost nothing. When the store is
 * unreachable the limit fails open: a cache outage must not take the API down.
 */
export interface RateLimiter {
  /** Counts one request; throws RATE_LIMITED (HTTP 429, Retry-After) past the budget. */
  admit(caller: Caller): Promise<void>;
}

export const RATE_WINDOW_MS = 60_000;

export function createRateLimiter(cache: Cache, perMinute: number, onLimited: () => void = () => undefined): RateLimiter {
  return {
    async admit(caller) {
      const window = Math.floor(Date.now() / RATE_WINDOW_MS);
      const count = await cache.incr(`ratelimit:${caller.id}:${window}`, RATE_WINDOW_MS);
      if (count === undefined || count <= perMinute) return;
      onLimited();
      const retryAfter = Math.max(1, Math.ceil(((window + 1) * RATE_WINDOW_MS - Date.now()) / 1000));
      throw httpError(
        `Rate limit of ${perMinute} requests per minute exceeded; retry in ${retryAfter} s`,
        'RATE_LIMITED',
        { status: 429, headers: { 'retry-after': String(retryAfter) } },
        { retryAfterSeconds: retryAfter },
      );
    },
  };
}
