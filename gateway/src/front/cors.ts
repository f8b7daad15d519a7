import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../../../core/http.js';

/**
 * Browsers on other origins (CORS_ORIGINS). Allowed origins get the response headers and an
 * answered preflight; any other origin gets neither, so its page cannot read the answer (a
 * preflight from it is refused with 403). `*` allows every origin.
 *
 * Credentials policy: never `Access-Control-Allow-Credentials`. The gateway authenticates by
 * header (`x-api-key`, `Authorization: Bearer`), never by cookie, so a page sends its key
 * explicitly and no ambient browser credential can be ridden by another site.
 */
export interface CorsPolicy {
  /** Adds the CORS headers to a response; true when the request was a preflight and is answered. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
}

const ALLOWED_METHODS = 'GET, POST, OPTIONS';
const ALLOWED_HEADERS = 'content-type, accept, authorization, x-api-key, x-request-id, apollo-require-preflight, x-apollo-operation-name, accept-language';
const EXPOSED_HEADERS = 'x-request-id, retry-after, content-disposition';
const PREFLIGHT_MAX_AGE_SECONDS = '600';

export function corsPolicy(origins: readonly string[]): CorsPolicy {
  const anyOrigin = origins.includes('*');
  const allowed = new Set(origins);
  const allows = (origin: string) => anyOrigin || allowed.has(origin);
  return {
    handle(req, res) {
      const origin = req.headers.origin;
      const preflight = req.method === 'OPTIONS';
      if (origin && allows(origin)) {
        res.setHeader('access-control-allow-origin', anyOrigin ? '*' : origin);
        res.setHeader('access-control-expose-headers', EXPOSED_HEADERS);
      }
      if (!anyOrigin) res.setHeader('vary', 'Origin');
      if (!preflight) return false;
      if (origin && !allows(origin)) {
        sendJson(res, 403, { errors: [{ message: 'This origin may not call the API from a browser.', extensions: { code: 'CORS_ORIGIN_DENIED' } }] });
        return true;
      }
      res.writeHead(204, {
        allow: ALLOWED_METHODS,
        'access-control-allow-methods': ALLOWED_METHODS,
        'access-control-allow-headers': ALLOWED_HEADERS,
        'access-control-max-age': PREFLIGHT_MAX_AGE_SECONDS,
      });
      res.end();
      return true;
    },
  };
}
