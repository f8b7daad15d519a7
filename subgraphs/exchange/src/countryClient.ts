import { inClientSpan } from '../../../core/tracing.js';
import { signRequestHeaders, type UpstreamClient } from '../../kit/index.js';
import type { CountryOperation } from './operations.js';
import type { CountrySource } from './registry.js';

/**
 * Signed GraphQL calls from the exchange to one country subgraph, over the kit's upstream client
 * (undici pool, deadline, retries of these idempotent reads, circuit breaker, metrics). A country
 * answering with GraphQL errors — e.g. its national system is down — is a failure of that country
 * only; the error says whether it was a timeout.
 */

export class CountryCallError extends Error {
  readonly timeout: boolean;
  constructor(source: CountrySource, message: string, timeout: boolean) {
    super(`${source.name}: ${message}`);
    this.name = 'CountryCallError';
    this.timeout = timeout;
  }
}

export interface CountryClient {
  call<T>(operation: CountryOperation, variables: Record<string, unknown>, requestId: string): Promise<T>;
}

interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message?: unknown; extensions?: { code?: unknown } }>;
}

export function countryClient(source: CountrySource, upstream: UpstreamClient, secret: string, deadlines: { pageMs: number; bulkMs: number }): CountryClient {
  return {
    async call<T>(operation: CountryOperation, variables: Record<string, unknown>, requestId: string): Promise<T> {
      // A client span per country call; its traceparent continues the trace in the country subgraph.
      const answer = await inClientSpan(`country ${source.name}`, { 'lmis.country': source.country }, (traceHeaders) =>
        upstream.request<GraphQLAnswer>({
          method: 'POST',
          path: '',
          json: { query: operation.document, operationName: operationName(operation), variables },
          headers: traceHeaders,
          // Signed per attempt over what is sent: a retry needs a fresh single-use signature.
          sign: ({ method, url, body }) => signRequestHeaders(secret, { method, target: url, body, requestId }),
          idempotent: true,
          route: operation.name,
          timeoutMs: operation.bulk ? deadlines.bulkMs : deadlines.pageMs,
        }),
      );
      const value = answer.data?.[operation.field];
      if (value && typeof value === 'object' && !answer.errors?.length) return value as T;
      const first = answer.errors?.[0];
      const code = typeof first?.extensions?.code === 'string' ? first.extensions.code : 'NO_DATA';
      const message = typeof first?.message === 'string' ? first.message : `no ${operation.field} in the answer`;
      throw new CountryCallError(source, `${code}: ${message}`, code === 'UPSTREAM_TIMEOUT');
    },
  };
}

function operationName(operation: CountryOperation): string {
  return /query (\w+)/.exec(operation.document)?.[1] ?? operation.field;
}
