import type { IncomingHttpHeaders } from 'node:http';
import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { jwtVerify } from 'jose';
import type { Config } from '../../core/config.js';

/** Who is calling, and what they may do. Anonymous callers get the `public` scope. */
export interface Caller {
  /** API key id, JWT subject, or `anonymous:<ip>`. */
  id: string;
  scopes: string[];
  anonymous: boolean;
}

export interface GatewayContext {
  requestId: string;
  lang: string | undefined;
  caller: Caller;
}

const LANGS = new Set(['en', 'id', 'ms', 'th']);

/** Builds the per-request context; a presented but invalid credential is refused (401). */
export async function buildContext(config: Config, headers: IncomingHttpHeaders, ip: string): Promise<GatewayContext> {
  return {
    requestId: single(headers['x-request-id'])?.slice(0, 128) || randomUUID(),
    lang: preferredLang(single(headers['accept-language'])),
    caller: await identify(config, headers, ip),
  };
}

async function identify(config: Config, headers: IncomingHttpHeaders, ip: string): Promise<Caller> {
  const apiKey = single(headers['x-api-key']);
  if (apiKey) {
    const scopes = config.apiKeys.get(apiKey);
    if (!scopes) throw unauthenticated('Unknown API key');
    return { id: `key:${apiKey.slice(0, 6)}…`, scopes, anonymous: false };
  }
  const auth = single(headers.authorization);
  if (auth?.startsWith('Bearer ')) return verifyJwt(config, auth.slice(7));
  return { id: `anonymous:${ip}`, scopes: ['public'], anonymous: true };
}

async function verifyJwt(config: Config, token: string): Promise<Caller> {
  if (!config.jwt) throw unauthenticated('JWT authentication is not configured');
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(config.jwt.secret), {
      algorithms: ['HS256'],
      ...(config.jwt.issuer ? { issuer: config.jwt.issuer } : {}),
    });
    const scope = typeof payload.scope === 'string' ? payload.scope.split(' ') : ['public'];
    return { id: `jwt:${payload.sub ?? 'unknown'}`, scopes: scope, anonymous: false };
  } catch (error) {
    throw unauthenticated(`Invalid token: ${(error as Error).message}`);
  }
}

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

function preferredLang(header: string | undefined): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase().split('-')[0];
    if (tag && LANGS.has(tag)) return tag;
  }
  return undefined;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
