import type { Cache } from '../../core/cache/index.js';
import type { Logger } from '../../core/log.js';
import type { Caller } from './auth.js';
import { httpError } from './errors.js';

/**
 * Failed authentication, throttled and logged (issue 14.5). Every refused credential (401) is
 * logged with the request id and the source address — never the credential or the reason's
 * detail — counted in `lmis_gateway_auth_failures_total`, and counted per address in the shared
 * cache, so every replica agrees. After `perMinute` failures within a minute that address gets
 * 429 AUTH_THROTTLED with Retry-After for a minute, whatever it presents. With the cache down the
 * throttle fails open, like the rate limit.
 */
export interface AuthThrottle {
  identify(request: { ip: string; requestId: string }, identify: () => Promise<Caller>): Promise<Caller>;
}

const WINDOW_MS = 60_000;

export function createAuthThrottle(options: { cache: Cache; perMinute: number; logger: Logger; onFailure: () => void }): AuthThrottle {
  const { cache, perMinute, logger, onFailure } = options;
  return {
    async identify({ ip, requestId }, identify) {
      const blocked = await cache.get<number>(`authblock:${ip}`);
      if (blocked) throw throttled(blocked.value);
      try {
        return await identify();
      } catch (error) {
        if (!isUnauthenticated(error)) throw error;
        onFailure();
        logger.warn({ requestId, ip }, 'authentication failed');
        const failures = await cache.incr(`authfail:${ip}`, WINDOW_MS);
        if (failures !== undefined && failures >= perMinute) {
          await cache.set(`authblock:${ip}`, Date.now() + WINDOW_MS, { ttlMs: WINDOW_MS });
        }
        throw error;
      }
    },
  };
}

function isUnauthenticated(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'extensions' in error && (error.extensions as { code?: unknown } | undefined)?.code === 'UNAUTHENTICATED';
}

function throttled(until: number) {
  const retryAfter = Math.max(1, Math.ceil((until - Date.now()) / 1000));
  return httpError(
    `Too many failed authentication attempts from this address; retry in ${retryAfter} s`,
    'AUTH_THROTTLED',
    { status: 429, headers: { 'retry-after': String(retryAfter) } },
    { retryAfterSeconds: retryAfter },
  );
}
