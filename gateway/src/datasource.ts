import { randomUUID } from 'node:crypto';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { fetch, type Agent } from 'undici';
import type { Logger } from '../../core/log.js';
import { PARTIAL_HEADER } from '../../core/partial.js';
import { inClientSpan } from '../../core/tracing.js';
import { REQUEST_ID_HEADER, signRequestHeaders } from '../../core/trust.js';
import type { GatewayContext } from './context.js';

/**
 * How the gateway talks to one subgraph:
 *  - forwards the request id and the client's Accept-Language, and signs every call
 *    (`x-lmis-signature`, subgraph/kit/trust.ts) — subgraphs refuse unsigned ones;
 *  - gives each call a deadline (Apollo's own fetcher has none), so a slow subgraph costs only
 *    its own fields and the client gets UPSTREAM_TIMEOUT for them;
 *  - turns transport failures into coded errors (UPSTREAM_TIMEOUT / UPSTREAM_UNAVAILABLE) instead
 *    of an INTERNAL_SERVER_ERROR, without passing the subgraph's raw answer to the client;
 *  - notes each answer's `cache-control` and `x-lmis-partial` for the whole-response cache.
 */
export interface SubgraphCallOptions {
  name: string;
  url: string;
  secret: string;
  timeoutMs: number;
  /** One connection pool for all subgraphs, closed with the gateway. */
  dispatcher: Agent;
  logger: Logger;
  /** Each call's duration by outcome (ok, error, timeout): the per-subgraph latency histogram. */
  observe?: (outcome: 'ok' | 'error' | 'timeout', seconds: number) => void;
}

type Context = Partial<GatewayContext>;
type Fetcher = RemoteGraphQLDataSource['fetcher'];
type DidReceiveResponse = Parameters<NonNullable<RemoteGraphQLDataSource<Context>['didReceiveResponse']>>[0];
type GatewayGraphQLResponse = DidReceiveResponse['response'];

export class SignedDataSource extends RemoteGraphQLDataSource<Context> {
  private readonly call: SubgraphCallOptions;

  constructor(call: SubgraphCallOptions) {
    super({ url: call.url, fetcher: deadlineFetcher(call) });
    this.call = call;
    // The response cache reads the hints itself (see didReceiveResponse), so that a subgraph
    // without hints does not make every answer uncacheable.
    this.honorSubgraphCacheControlHeader = false;
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<Context>): void {
    const headers = request.http?.headers;
    if (!headers) return;
    // Health checks and other gateway-internal calls have no incoming request: give them an id.
    // The signature itself is added by the fetcher, which sees the serialised body it covers.
    headers.set(REQUEST_ID_HEADER, context.requestId ?? randomUUID());
    if (context.acceptLanguage) headers.set('accept-language', context.acceptLanguage);
  }

  override didReceiveResponse({ response, context }: DidReceiveResponse): GatewayGraphQLResponse {
    const headers = response.http?.headers;
    context.subgraphCacheHints?.push({ subgraph: this.call.name, cacheControl: headers?.get('cache-control') ?? null });
    // Partiality travels as metadata (subgraphs/kit/partial.ts), whatever fields were selected.
    const partial = headers?.get(PARTIAL_HEADER);
    if (partial) context.partialAnswers?.push({ subgraph: this.call.name, reasons: partial });
    return response;
  }

  override didEncounterError(error: Error, _request: unknown, _response: unknown, context?: Context): void {
    const coded = codedUpstreamError(error, this.call);
    this.call.logger.warn({ subgraph: this.call.name, requestId: context?.requestId, err: error.message, code: coded.extensions.code }, 'subgraph call failed');
    throw coded;
  }
}

/** Each call under its deadline, in a client span whose `traceparent` goes along, timed per subgraph. */
function deadlineFetcher(call: SubgraphCallOptions): Fetcher {
  return (url, init) =>
    inClientSpan(`subgraph ${call.name}`, { 'lmis.subgraph': call.name }, async (traceHeaders) => {
      const started = performance.now();
      const seconds = () => (performance.now() - started) / 1000;
      const method = init?.method ?? 'POST';
      const headers = { ...(init?.headers as Record<string, string> | undefined), ...traceHeaders };
      const body = typeof init?.body === 'string' ? init.body : undefined;
      const signed = signRequestHeaders(call.secret, { method, target: url, body, requestId: headers[REQUEST_ID_HEADER] ?? randomUUID() });
      try {
        const response = await fetch(url, {
          method,
          headers: { ...headers, ...signed },
          body: body ?? null,
          signal: AbortSignal.timeout(call.timeoutMs),
          dispatcher: call.dispatcher,
        });
        call.observe?.(response.ok ? 'ok' : 'error', seconds());
        return response;
      } catch (error) {
        call.observe?.(error instanceof Error && error.name === 'TimeoutError' ? 'timeout' : 'error', seconds());
        throw error;
      }
    });
}

/** What the client sees when a subgraph cannot be reached or does not answer in time. */
export function codedUpstreamError(error: Error, call: Pick<SubgraphCallOptions, 'name' | 'timeoutMs'>): GraphQLError {
  const serviceName = call.name;
  if (error.name === 'TimeoutError' || error.name === 'AbortError') {
    return new GraphQLError(`The ${serviceName} service did not answer within ${call.timeoutMs} ms`, {
      extensions: { code: 'UPSTREAM_TIMEOUT', serviceName },
    });
  }
  // Apollo's errorFromResponse: the subgraph answered with a non-2xx HTTP status. (Duck-typed:
  // the gateway is CommonJS and its GraphQLError class is not the one this ESM module imports.)
  const status = 'extensions' in error ? statusOf((error.extensions as { response?: unknown } | undefined)?.response) : undefined;
  const why = status ? `answered HTTP ${status}` : 'is unreachable';
  return new GraphQLError(`The ${serviceName} service ${why}`, {
    extensions: { code: 'UPSTREAM_UNAVAILABLE', serviceName, ...(status ? { status } : {}) },
  });
}

function statusOf(response: unknown): number | undefined {
  if (typeof response !== 'object' || response === null || !('status' in response)) return undefined;
  return typeof response.status === 'number' ? response.status : undefined;
}
