import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * Who may read /metrics (issue 14.9): with `METRICS_TOKEN` set, only a scraper presenting
 * `Authorization: Bearer <token>` (compared in constant time); without it, anyone who reaches the
 * port — for development and for deployments that keep the port private.
 */
export function metricsAccess(token: string | undefined): (headers: IncomingHttpHeaders) => boolean {
  if (!token) return () => true;
  const expected = digest(token);
  return (headers) => {
    const given = /^Bearer (.+)$/.exec(headers.authorization ?? '')?.[1];
    return given !== undefined && timingSafeEqual(digest(given), expected);
  };
}

// Digests have one length, so timingSafeEqual never throws and the length leaks nothing.
function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
