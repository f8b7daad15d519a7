import type { BearerTokens, NativeDialect, SimRequest, SimResponse } from '../../core/index.js';

/**
 * OData v2's JSON error body, `{ error: { code, message: { lang, value } } }`, with the service's
 * own codes; and the bearer-token check (tokens from POST /connect/token).
 */
export function jcbDialect(tokens: BearerTokens): NativeDialect {
  return {
    error: (status, message) => odataError(status, message),
    authenticate: (req: SimRequest) => {
      const check = tokens.check(req);
      if (check === 'valid') return null;
      const reason = { missing: 'Bearer token required', unknown: 'Token is not valid', expired: 'Token has expired' }[check];
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
