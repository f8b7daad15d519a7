import type { NativeDialect, SimRequest } from '../../core/index.js';

/** Algolia's error shape and key check: `{ message, status }`, 403 for a bad key. */
export function karirhubDialect(apiKey: string, applicationId: string): NativeDialect {
  return {
    error: (status, message) => ({ status, json: { message, status } }),
    authenticate: (req: SimRequest) => {
      const key = req.headers['x-algolia-api-key'];
      const app = req.headers['x-algolia-application-id'];
      if (key === apiKey && app === applicationId) return null;
      return { status: 403, json: { message: 'Invalid Application-ID or API key', status: 403 } };
    },
  };
}
