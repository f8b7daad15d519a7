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
      const counted = await countInWindow(cache, `ratelimit:${caller.id}`, RATE_WINDOW_MS);
      if (counted === undefined || counted.count <= perMinute) return;
      onLimited();
      throw overBudget(`Rate limit of ${perMinute} requests per minute exceeded; retry in ${counted.retryAfterSeconds} s`, 'RATE_LIMITED', counted.retryAfterSeconds);
    },
  };
}

/**
 * One more event in the caller's current fixed window (`<key>:<window number>`), counted
 * atomically in the shared cache, so every replica sees the same count. Undefined while the
 * store is unreachable: budgets fail open.
 */
export async function countInWindow(cache: Cache, key: string, windowMs: number): Promise<{ count: number; retryAfterSeconds: number } | undefined> {
  const window = Math.floor(Date.now() / windowMs);
  const count = await cache.incr(`${key}:${window}`, windowMs);
  if (count === undefined) return undefined;
  return { count, retryAfterSeconds: Math.max(1, Math.ceil(((window + 1) * windowMs - Date.now()) / 1000)) };
}

/** HTTP 429 with Retry-After, the answer of every exhausted budget. */
export function overBudget(message: string, code: string, retryAfterSeconds: number) {
  return httpError(message, code, { status: 429, headers: { 'retry-after': String(retryAfterSeconds) } }, { retryAfterSeconds });
}
