import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { GraphQLError } from 'graphql';
import { jwtVerify, type JWTPayload } from 'jose';
import type { Config } from '../../core/config.js';
import { httpError } from './errors.js';

/**
 * Who is calling. Clients present an API key (`x-api-key`) or an HS256 JWT
 * (`Authorization: Bearer …`, scopes in `scope` or `scopes`); without either they are anonymous
 * with the `public` scope, which is what public vacancy and training data needs. A credential
 * that is presented but invalid is refused (401) rather than downgraded to anonymous, so a client
 * with a broken key finds out at once.
 */
export interface Caller {
  /** Rate-limit identity: `key:<hash>`, `jwt:<sub>` or `anonymous:<ip>` — never the secret itself. */
  id: string;
  scopes: string[];
  anonymous: boolean;
}

export const PUBLIC_SCOPE = 'public';

/** The longest client token accepted: issuers refresh tokens daily at most. */
export const MAX_TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;

export async function identifyCaller(config: Config, headers: IncomingHttpHeaders, ip: string): Promise<Caller> {
  const apiKey = single(headers['x-api-key']);
  if (apiKey !== undefined) return callerForKey(config, apiKey);
  const authorization = single(headers.authorization);
  if (authorization !== undefined) {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
    if (!token) throw unauthenticated('Authorization must be "Bearer <JWT>"');
    return callerForJwt(config, token);
  }
  return { id: `anonymous:${ip}`, scopes: [PUBLIC_SCOPE], anonymous: true };
}

function callerForKey(config: Config, apiKey: string): Caller {
  const scopes = config.apiKeys.get(apiKey);
  if (!scopes) throw unauthenticated('Unknown API key');
  // A digest, not a prefix: two keys sharing a prefix must not share a rate-limit budget.
  return { id: `key:${createHash('sha256').update(apiKey).digest('hex').slice(0, 16)}`, scopes, anonymous: false };
}

async function callerForJwt(config: Config, token: string): Promise<Caller> {
  if (!config.jwt) throw unauthenticated('JWT authentication is not configured on this gateway');
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, new TextEncoder().encode(config.jwt.secret), {
      algorithms: ['HS256'],
      ...(config.jwt.issuer ? { issuer: config.jwt.issuer } : {}),
    }));
  } catch (error) {
    throw unauthenticated(`Invalid token: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!payload.sub) throw unauthenticated('Invalid token: no subject (sub)');
  // A token without an expiry would be valid forever once leaked; a very long one nearly so.
  if (typeof payload.exp !== 'number') throw unauthenticated('Invalid token: no expiry (exp)');
  if (payload.exp - (typeof payload.iat === 'number' ? payload.iat : Date.now() / 1000) > MAX_TOKEN_LIFETIME_SECONDS) {
    throw unauthenticated(`Invalid token: lifetime over ${MAX_TOKEN_LIFETIME_SECONDS} s`);
  }
  return { id: `jwt:${payload.sub}`, scopes: scopesOf(payload), anonymous: false };
}

/** OAuth's space-separated `scope`, or a `scopes` array; a token naming none gets `public`. */
function scopesOf(payload: JWTPayload): string[] {
  const { scope, scopes } = payload;
  const list = typeof scope === 'string' ? scope.split(/\s+/) : Array.isArray(scopes) ? scopes.filter((s): s is string => typeof s === 'string') : [];
  const clean = list.filter(Boolean);
  return clean.length ? clean : [PUBLIC_SCOPE];
}

function unauthenticated(message: string): GraphQLError {
  return httpError(message, 'UNAUTHENTICATED', { status: 401, headers: { 'www-authenticate': 'Bearer' } });
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
