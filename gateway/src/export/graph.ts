import type { IncomingMessage } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Config } from '../../../core/config.js';
import { headerMap } from '../../../core/http.js';
import type { AuthThrottle } from '../authThrottle.js';
import { buildContext, type GatewayContext } from '../context.js';
import type { RateLimiter } from '../rateLimit.js';

/**
 * Runs an export's GraphQL operations through the gateway's own Apollo server, each with a context
 * built exactly as for POST /graphql: the same credential check (401), auth throttle, rate limit
 * (every page counts as one request, as it would for a client paging itself), and then the same
 * plugins — depth/cost/alias limits, the response-size cap, disclosure control in the exchange.
 * Nothing here reads the store or a subgraph directly.
 */
export interface GraphAnswer<D> {
  data: D;
  /** Errors beside data (e.g. one vacancy whose country failed to resolve it). */
  errors: readonly GraphQLFormattedError[];
  /** Subgraphs that said their answer is partial or stale. */
  partial: ReadonlyArray<{ subgraph: string; reasons: string }>;
}

export type RunOperation = <D>(query: string, variables: Record<string, unknown>) => Promise<GraphAnswer<D>>;

/** An answer without data: the export is refused (before the first row) or cut (after it). */
export class ExportRefused extends Error {
  constructor(
    readonly status: number,
    readonly errors: readonly GraphQLFormattedError[],
    readonly headers: Record<string, string> = {},
  ) {
    super(errors[0]?.message ?? 'refused');
  }

  get code(): string {
    return String(this.errors[0]?.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  }
}

export interface GraphDeps {
  config: Config;
  limiter: RateLimiter;
  authThrottle: AuthThrottle;
  apollo: ApolloServer<GatewayContext>;
}

export function operationRunner(deps: GraphDeps, req: IncomingMessage, caller: { ip: string; requestId: string }): RunOperation {
  const request = { headers: req.headers, ip: caller.ip, requestId: caller.requestId };
  const http = { method: 'GET', headers: headerMap(req), search: '', body: undefined };
  // Parameters not given are left out, so the graph applies its own defaults.
  return async <D>(query: string, variables: Record<string, unknown>) => {
    const contextValue = await buildContext(deps, request).catch((error: unknown) => {
      throw refusalOf(error);
    });
    const given = Object.fromEntries(Object.entries(variables).filter(([, v]) => v !== undefined));
    const response = await deps.apollo.executeOperation<D & Record<string, unknown>>({ query, variables: given, http }, { contextValue });
    if (response.body.kind !== 'single')
      throw new ExportRefused(500, [{ message: 'An export operation answered incrementally.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    const { data, errors = [] } = response.body.singleResult;
    if (!data) throw new ExportRefused(statusFor(response.http.status, errors), errors);
    return { data: data as D, errors, partial: contextValue.partialAnswers };
  };
}

/** A context that could not be built (401, 429) as the /graphql answer would state it. */
function refusalOf(error: unknown): ExportRefused {
  if (!(error instanceof GraphQLError)) throw error;
  const { http, ...extensions } = error.extensions as { http?: { status?: number; headers?: Map<string, string> } };
  return new ExportRefused(http?.status ?? 500, [{ message: error.message, extensions }], Object.fromEntries(http?.headers ?? []));
}

/** Codes the client fixes by asking differently (narrower filters, other arguments). */
const CLIENT_CODES = new Set(['BAD_USER_INPUT', 'RESPONSE_TOO_LARGE']);

/** Apollo's status when it set one; the client's mistakes 400; anything else the graph's (502). */
function statusFor(status: number | undefined, errors: readonly GraphQLFormattedError[]): number {
  if (status !== undefined && status >= 400) return status;
  return errors.length > 0 && errors.every((e) => CLIENT_CODES.has(String(e.extensions?.code))) ? 400 : 502;
}
