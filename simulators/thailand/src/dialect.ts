import type { NativeDialect, SimResponse } from '../../core/index.js';

/**
 * The platform's legacy error body, `{ status: false, message, data: null }`. The JSON API and
 * the gateway in front of it use real statuses (401 token, 400 bad input, 404, 405, 429 with
 * Retry-After, 503); the web page's AJAX endpoints answer bad input with HTTP 200 and
 * `status: false` (see legacyAjaxError).
 */
export function doeDialect(token: string): NativeDialect {
  return {
    error: (status, message) => ({ status, json: { status: false, message, data: null } }),
    authenticate: (req) => (req.headers.authorization === `Bearer ${token}` ? null : { status: 401, json: { status: false, message: 'ไม่ได้รับอนุญาต (Unauthorized)', data: null } }),
  };
}

/** What the AJAX endpoints send for input they cannot use: a 200 the caller must read. */
export function legacyAjaxError(message: string): SimResponse {
  return { status: 200, json: { status: false, message, data: null } };
}
