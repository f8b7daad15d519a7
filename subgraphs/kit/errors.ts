import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from '../../core/log.js';
import { UpstreamError, type UpstreamErrorKind } from './upstream/types.js';

/**
 * Errors clients see carry `extensions.code`. Coded GraphQL errors pass through; an upstream
 * failure becomes UPSTREAM_* naming the upstream; anything unexpected is logged and masked.
 */

const UPSTREAM_CODES: Record<UpstreamErrorKind, string> = {
  TIMEOUT: 'UPSTREAM_TIMEOUT',
  UNAVAILABLE: 'UPSTREAM_UNAVAILABLE',
  RATE_LIMITED: 'UPSTREAM_RATE_LIMITED',
  BAD_RESPONSE: 'UPSTREAM_BAD_RESPONSE',
  TOO_LARGE: 'UPSTREAM_RESPONSE_TOO_LARGE',
  CIRCUIT_OPEN: 'UPSTREAM_UNAVAILABLE',
  AUTH: 'UPSTREAM_UNAVAILABLE',
};

/** Fixed client-facing sentences per class; the upstream's own words go to the log only. */
const UPSTREAM_MESSAGES: Record<UpstreamErrorKind, string> = {
  TIMEOUT: 'did not answer in time',
  UNAVAILABLE: 'is unavailable',
  RATE_LIMITED: 'is rate limiting us',
  BAD_RESPONSE: 'gave an answer that could not be used',
  TOO_LARGE: 'answered with more data than the gateway accepts',
  CIRCUIT_OPEN: 'is unavailable (circuit open)',
  AUTH: 'is unavailable (credentials refused)',
};

export function upstreamGraphQLError(error: UpstreamError, country?: string): GraphQLError {
  return new GraphQLError(`The ${error.upstream} upstream ${UPSTREAM_MESSAGES[error.kind]}`, {
    extensions: { code: UPSTREAM_CODES[error.kind], upstream: error.upstream, kind: error.kind, ...(country ? { country } : {}) },
  });
}

export function badInput(message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}) } });
}

/** An error kind clients may be told about: it carries a code the kit or Apollo set on purpose. */
function isCoded(error: unknown): error is GraphQLError {
  return error instanceof GraphQLError && typeof error.extensions.code === 'string';
}

export function createFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof UpstreamError) {
      logger.warn({ upstream: original.upstream, kind: original.kind, err: original.message, path: formatted.path }, 'upstream failure reached a client');
      const coded = upstreamGraphQLError(original);
      return { ...formatted, message: coded.message, extensions: coded.extensions };
    }
    if (isCoded(original)) return formatted;
    // Apollo's own errors (parse, validation, bad request) carry a code already.
    const code = formatted.extensions?.code;
    if (code !== undefined && code !== 'INTERNAL_SERVER_ERROR') return formatted;
    logger.error({ err: original, path: formatted.path }, 'unexpected resolver error');
    return { message: 'Internal server error', path: formatted.path, locations: formatted.locations, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
