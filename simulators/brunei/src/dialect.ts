import type { NativeDialect, SimRequest, SimResponse } from '../../core/index.js';

/**
 * OData v2's JSON error body, `{ error: { code, message: { lang, value } } }`, with the service's
 * own codes; and the bearer-token check (tokens from POST /connect/token).
 */
export function jcbDialect(tokens: Map<string, number>): NativeDialect {
  return {
    error: (status, message) => odataError(status, message),
    authenticate: (req: SimRequest) => {
      const token = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
      const expires = token ? tokens.get(token) : undefined;
      if (expires !== undefined && expires > Date.now()) return null;
      const reason = token === undefined ? 'Bearer token required' : expires === undefined ? 'Token is not valid' : 'Token has expired';
      return { ...odataError(401, reason), headers: { 'www-authenticate': `Bearer realm="JobCentre Brunei", error="invalid_token"` } };
    },
  };
}

const CODES: Record<number, string> = {
  400: 'JCB/BadRequest',
  401: 'JCB/Unauthorized',
  404: 'JCB/ResourceNotFound',
  405: 'JCB/MethodNotAllowed',
  413: 'JCB/RequestTooLarge',
  429: 'JCB/TooManyRequests',
  500: 'JCB/InternalError',
  503: 'JCB/ServiceUnavailable',
};

export function odataError(status: number, message: string): SimResponse {
  return { status, json: { error: { code: CODES[status] ?? 'JCB/Error', message: { lang: 'en', value: message } } } };
}
