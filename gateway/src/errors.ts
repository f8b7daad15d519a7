import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from '../../core/log.js';

/**
 * The last look at every error before it reaches a client. Coded errors (ours, Apollo's, the
 * subgraphs') pass unchanged. Apollo answers a few bad requests with an HTTP 4xx but no code
 * (e.g. "provided sha does not match query") — those become BAD_REQUEST. Anything else uncoded is
 * unexpected: logged in full, and masked for the client. Without suggestions (production), every
 * "Did you mean …?" is cut from the message — graphql-armor's mask catches field names only, not
 * graphql-js's "Did you mean the enum value …?" in validation and variable errors (issue 14.9).
 */
export function createFormatError(logger: Logger, options: { suggestions: boolean } = { suggestions: true }) {
  const format = formatFor(logger);
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const result = format(formatted, error);
    return options.suggestions ? result : { ...result, message: withoutSuggestions(result.message) };
  };
}

const SUGGESTION = /\s*Did you mean [^?]*\?/g;

function withoutSuggestions(message: string): string {
  return message.replace(SUGGESTION, '').trim();
}

function formatFor(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    if (formatted.extensions?.code !== 'INTERNAL_SERVER_ERROR') return formatted;
    const original = unwrapResolverError(error);
    const status = httpStatusOf(original);
    if (status !== undefined && status >= 400 && status < 500) {
      return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_REQUEST' } };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error');
    return { message: 'Internal server error', ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

function httpStatusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('extensions' in error)) return undefined;
  const http = (error.extensions as { http?: { status?: unknown } } | undefined)?.http;
  return typeof http?.status === 'number' ? http.status : undefined;
}

/**
 * A coded error that sets the HTTP status (and headers) of the response, the way Apollo Server
 * reads it: `extensions.http = { status, headers: Map }`. The extensions are built as a plain
 * record because graphql-yoga (loaded with the Hive benchmark peer) augments the type of
 * `extensions.http` with a header *record*, which Apollo would ignore.
 */
export function httpError(message: string, code: string, http: { status: number; headers?: Record<string, string> }, more: Record<string, unknown> = {}): GraphQLError {
  const extensions: Record<string, unknown> = {
    code,
    ...more,
    http: { status: http.status, headers: new Map(Object.entries(http.headers ?? {})) },
  };
  return new GraphQLError(message, { extensions });
}
