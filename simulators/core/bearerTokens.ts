import { randomBytes } from 'node:crypto';
import type { SimRequest } from './types.js';

/**
 * OAuth2 bearer tokens as a simulated national system issues and checks them (client credentials
 * grant, each token living for the client's TTL). Which way a token fails is decided here, once;
 * what the refusal looks like on the wire — body, wording, `WWW-Authenticate` — is each system's
 * own, in its dialect.
 */

/** The one client a simulated system knows, and how long its tokens live. */
export interface OAuthClient {
  clientId: string;
  clientSecret: string;
  tokenTtlSeconds: number;
}

export type BearerCheck = 'valid' | 'missing' | 'unknown' | 'expired';

export class BearerTokens {
  private readonly expiry = new Map<string, number>();

  /** A new opaque token, valid for `ttlSeconds` from now. */
  issue(ttlSeconds: number): string {
    const token = randomBytes(24).toString('base64url');
    this.expiry.set(token, Date.now() + ttlSeconds * 1000);
    return token;
  }

  /** The request's `Authorization: Bearer …` against the tokens issued. */
  check(req: SimRequest): BearerCheck {
    const token = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
    if (token === undefined) return 'missing';
    const expires = this.expiry.get(token);
    if (expires === undefined) return 'unknown';
    return expires > Date.now() ? 'valid' : 'expired';
  }
}
