import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLSchemaModule } from '@apollo/subgraph/dist/schema-helper/index.js';
import type { DocumentNode } from 'graphql';
import type { ListenOptions, RunningService } from '../../core/service.js';
import { closeServer, listenOn } from '../../core/httpServer.js';
import { inServerSpan } from '../../core/tracing.js';
import type { CacheStatus } from '../../core/cache/types.js';
import type { SubgraphDeps } from './deps.js';
import { requestBase, type RequestBase } from '../../core/request.js';
import { createFormatError } from './errors.js';
import { failRequest, headerMap, parseBody, readBody, sendJson, sendText, writeGraphQLResponse } from '../../core/http.js';
import { createKitMetrics, type KitMetrics } from './metrics.js';
import { PARTIAL_HEADER, partialHeaderValue, withPartialScope } from '../../core/partial.js';
import { replayGuard, REQUEST_ID_HEADER, SIGNATURE_HEADER, verifySignature } from '../../core/trust.js';
import type { BreakerState } from './upstream/types.js';

/**
 * Starts one subgraph: Apollo Server 5 over buildSubgraphSchema behind a plain node:http server.
 * Routes: /graphql (signed calls only), /health (liveness), /ready (readiness), /metrics, and the
 * definition's own signed POST operations (the exchange's `/store/sync`).
 */

/** Resolver maps as buildSubgraphSchema takes them; codegen's `Resolvers` types fit. */
export type SubgraphResolvers = object;

export interface SubgraphDefinition<Ctx extends RequestBase = RequestBase> {
  name: string;
  typeDefs: DocumentNode;
  resolvers: SubgraphResolvers;
  /** Builds the per-request context (DataLoaders live here) from the request base. */
  context?: (base: RequestBase) => Ctx | Promise<Ctx>;
  /** Share a registry with parts built before the server (upstream clients). */
  metrics?: KitMetrics;
  /** Upstream breaker states for /ready. */
  upstreams?: () => Array<{ name: string; breaker: BreakerState }>;
  /** More to report in /ready (e.g. the exchange's store and its syncs). */
  readinessDetails?: () => Promise<Record<string, unknown>>;
  /** Operator routes (POST only, signed like /graphql): path → handler returning a JSON body. */
  operations?: Record<string, (url: URL) => Promise<unknown>>;
  /** Releases what the definition owns (upstream pools) after the server has stopped. */
  onClose?: () => Promise<void>;
}

export interface Readiness {
  status: 'ready' | 'closing';
  service: string;
  cache: CacheStatus;
  upstreams: Array<{ name: string; breaker: BreakerState }>;
}

export async function startSubgraph<Ctx extends RequestBase>(
  def: SubgraphDefinition<Ctx>,
  deps: SubgraphDeps,
  listen: ListenOptions,
): Promise<RunningService> {
  const logger = deps.logger.child({ subgraph: def.name });
  const metrics = def.metrics ?? createKitMetrics(def.name);
  const apollo = new ApolloServer<Ctx>({
    schema: buildSubgraphSchema([{ typeDefs: def.typeDefs, resolvers: def.resolvers as GraphQLSchemaModule['resolvers'] }]),
    formatError: createFormatError(logger),
    includeStacktraceInErrorResponses: false,
    // The process drains on SIGTERM itself (core/lifecycle.ts → close below: stop accepting,
    // finish in-flight, then stop Apollo); Apollo's own handler would stop it mid-request.
    stopOnTerminationSignals: false,
    // Inline traces feed Apollo Studio, which this deployment does not use; they cost CPU per request.
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled(), countRequests(metrics)],
    logger,
  });
  await apollo.start();

  const firstUse = replayGuard(deps.cache);
  let closing = false;
  let inFlight = 0;
  const readiness = (): Readiness => ({
    status: closing ? 'closing' : 'ready',
    service: def.name,
    cache: deps.cache.status(),
    upstreams: def.upstreams?.() ?? [],
  });

  /**
   * Only the gateway and the exchange (who hold the shared secret) may call. The body is read
   * (bounded) before the check, because the signature covers its digest. Gives the body text
   * (empty for a GET), or null when the call was refused (already answered 401).
   */
  const signedBody = async (req: IncomingMessage, res: ServerResponse, base: RequestBase): Promise<string | null> => {
    const text = req.method === 'POST' ? await readBody(req) : undefined;
    const call = { method: req.method ?? 'GET', target: req.url ?? '/', body: text, requestId: single(req.headers[REQUEST_ID_HEADER]) ?? '' };
    const verdict = verifySignature(deps.config.gatewaySecret, single(req.headers[SIGNATURE_HEADER]), call);
    const refusal = !verdict.ok ? verdict.reason : (await firstUse(verdict.nonce)) ? undefined : 'signature already used';
    if (!refusal) return text ?? '';
    base.logger.warn({ reason: refusal }, 'refused unsigned call');
    sendJson(res, 401, { errors: [{ message: `Unauthenticated: ${refusal}`, extensions: { code: 'UNAUTHENTICATED' } }] });
    return null;
  };

  const handleOperation = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const base = requestBase(req.headers, logger);
    res.setHeader(REQUEST_ID_HEADER, base.requestId);
    if ((await signedBody(req, res, base)) !== null) sendJson(res, 200, await def.operations![url.pathname]!(url));
  };

  const handleGraphQL = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const base = requestBase(req.headers, logger);
    res.setHeader(REQUEST_ID_HEADER, base.requestId);
    const text = await signedBody(req, res, base);
    if (text === null) return;
    const body = req.method === 'POST' ? parseBody(text, req.headers['content-type']) : undefined;
    const { result: response, reasons } = await withPartialScope(() =>
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers: headerMap(req), search: new URL(req.url ?? '/', 'http://x').search, body },
        context: async () => (def.context ? def.context(base) : (base as Ctx)),
      }),
    );
    if (reasons.length > 0) {
      response.headers.set(PARTIAL_HEADER, partialHeaderValue(reasons));
      response.headers.set('cache-control', 'no-store');
    }
    await writeGraphQLResponse(res, response);
  };

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname;
    if (path === '/graphql' && (req.method === 'POST' || req.method === 'GET')) {
      return inServerSpan(`${req.method} /graphql`, req.headers, { 'lmis.service': def.name }, () => handleGraphQL(req, res));
    }
    if (req.method === 'POST' && def.operations?.[path]) return handleOperation(req, res, url);
    if (path === '/health' && req.method === 'GET') return sendJson(res, 200, { status: 'ok', service: def.name });
    if (path === '/ready' && req.method === 'GET') {
      const r = readiness();
      return sendJson(res, r.status === 'ready' ? 200 : 503, { ...r, ...(await def.readinessDetails?.()) });
    }
    if (path === '/metrics' && req.method === 'GET') return sendText(res, 200, await metrics.registry.metrics(), metrics.registry.contentType);
    sendJson(res, 404, { error: 'not found' });
  };

  const server = createServer((req, res) => {
    inFlight += 1;
    res.once('close', () => (inFlight -= 1));
    route(req, res).catch((error: unknown) => failRequest(res, error, logger));
  });
  // Upstream calls are bounded by their own deadlines; this only stops a stuck client.
  server.requestTimeout = 60_000;
  const port = await listenOn(server, listen);
  const host = listen.host ?? '127.0.0.1';
  logger.debug({ port }, 'subgraph listening');

  return {
    name: def.name,
    url: `http://${host}:${port}/graphql`,
    port,
    close: async () => {
      if (closing) return;
      closing = true;
      await closeServer(server, () => inFlight);
      await apollo.stop();
      await def.onClose?.();
    },
  };
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function countRequests(metrics: KitMetrics): ApolloServerPlugin<RequestBase> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response }) {
          const body = response.body;
          const failed = body.kind === 'single' && (body.singleResult.errors?.length ?? 0) > 0;
          metrics.graphqlRequests.inc({ operation: request.operationName ?? 'anonymous', outcome: failed ? 'error' : 'ok' });
        },
      };
    },
  };
}
