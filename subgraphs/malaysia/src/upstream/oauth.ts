import type { UpstreamClient } from '../../../kit/index.js';

/**
 * OAuth2 client credentials for MYFutureJobs: one token shared by all requests, fetched when
 * missing, refreshed a little before it expires, and dropped when the API says it is stale
 * (the kit's client then retries once with a new one).
 */
export interface TokenSource {
  headers(): Promise<Record<string, string>>;
  invalidate(): void;
}

/** Refresh this long before expiry (at most a tenth of the lifetime, so that short-lived tokens are used at all). */
const EARLY_REFRESH_MS = 10_000;

export function clientCredentials(tokenClient: UpstreamClient, clientId: string, clientSecret: string): TokenSource {
  let current: { token: string; expiresAt: number } | undefined;
  let pending: Promise<string> | undefined;

  const fetchToken = async (): Promise<string> => {
    const res = await tokenClient.request<{ access_token: string; expires_in: number }>({
      method: 'POST',
      path: '/oauth/token',
      form: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret },
      idempotent: true,
      route: 'token',
    });
    const lifetimeMs = (Number.isFinite(res.expires_in) ? res.expires_in : 60) * 1000;
    current = { token: res.access_token, expiresAt: Date.now() + lifetimeMs - Math.min(EARLY_REFRESH_MS, lifetimeMs / 10) };
    return res.access_token;
  };

  return {
    headers: async () => {
      const valid = current && current.expiresAt > Date.now() ? current.token : undefined;
      const token = valid ?? (await (pending ??= fetchToken().finally(() => (pending = undefined))));
      return { authorization: `Bearer ${token}` };
    },
    invalidate: () => {
      current = undefined;
    },
  };
}
