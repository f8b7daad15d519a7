import type { BearerTokens, NativeDialect, SimRequest, SimResponse } from '../../core/index.js';

/** Spring Boot's error body, and OAuth2 bearer-token checks (expired tokens answer 401 invalid_token). */
export function mfjDialect(tokens: BearerTokens): NativeDialect {
  return {
    error: (status, message) => springError(status, message),
    authenticate: (req: SimRequest) => {
      const check = tokens.check(req);
      if (check === 'valid') return null;
      const description = { missing: 'Full authentication is required', unknown: 'Invalid access token', expired: 'Access token expired' }[check];
      return { status: 401, headers: { 'www-authenticate': `Bearer error="invalid_token", error_description="${description}"` }, json: { error: 'invalid_token', error_description: description } };
    },
  };
}

/** `{ timestamp, status, error, message, path }`; `path` only where the request is known (see README). */
export function springError(status: number, message: string, path?: string): SimResponse {
  return { status, json: { timestamp: new Date().toISOString(), status, error: reason(status), message, ...(path === undefined ? {} : { path }) } };
}

function reason(status: number): string {
  return { 400: 'Bad Request', 401: 'Unauthorized', 404: 'Not Found', 405: 'Method Not Allowed', 413: 'Payload Too Large', 429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable' }[status] ?? 'Error';
}
