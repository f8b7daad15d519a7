import { createServer } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloGateway, type SupergraphSdlHook } from '@apollo/gateway';
import { Agent } from 'undici';
import type { Cache } from '../../core/cache/index.js';
import type { Config } from '../../core/config.js';
import { closeServer, listenOn, trackInFlight } from '../../core/httpServer.js';
import type { Logger } from '../../core/log.js';
import type { ListenOptions, RunningService } from '../../core/service.js';
import { persistedQueries } from './apq.js';
import type { GatewayContext } from './context.js';
import { SignedDataSource } from './datasource.js';
import { createFormatError } from './errors.js';
import { admission } from './front/admission.js';
import { corsPolicy } from './front/cors.js';
import { DEFAULT_LIMITS, queryLimits, type QueryLimits } from './plugins/limits.js';
import { createGatewayMetrics, metricsPlugin, watchCache, type GatewayMetrics } from './plugins/metrics.js';
import { operationGuard } from './plugins/operations.js';
import { answerIntegrity } from './plugins/integrity.js';
import { responseCachePlugin } from './plugins/responseCache.js';
import { responseSizeCap } from './plugins/responseSize.js';
import { createRateLimiter } from './rateLimit.js';
import { createAuthThrottle } from './authThrottle.js';
import { failRequest, routes } from './routes.js';
import { fixedSupergraph, supergraphFromFile, type SupergraphEvents } from './supergraphFile.js';
import { disableApolloTelemetry } from './telemetry.js';

export interface GatewayOptions {
  config: Config;
  /** APQ, whole responses and rate-limit counters live here (Redis when configured). */
  cache: Cache;
  logger: Logger;
  /** The composed supergraph file, watched and hot-swapped … */
  supergraphPath?: string;
  /** … or a fixed supergraph (tests compose one in-process with ephemeral URLs). */
  supergraphSdl?: string;
  listen: ListenOptions;
  /** Deadline for one subgraph call (default 10 s), per subgraph name where given. */
  subgraphTimeoutMs?: number;
  subgraphTimeoutsMs?: Record<string, number>;
  /** Whole-response lifetime for answers without a subgraph hint (default 30 s); 0 turns the cache off. */
  responseCacheTtlSeconds?: number;
  limits?: Partial<QueryLimits>;
}

export interface RunningGateway extends RunningService {
  /** GET /ide on the same server (served only when config.ideEnabled). */
  ideUrl: string;
  metrics: GatewayMetrics;
}

const DEFAULT_SUBGRAPH_TIMEOUT_MS = 10_000;
const DEFAULT_RESPONSE_TTL_SECONDS = 30;

/**
 * Builds and starts the gateway: Apollo Gateway (query planning over the supergraph) inside
 * Apollo Server 5, behind a plain node:http server that also serves health, metrics and the IDE.
 */
export async function createGateway(options: GatewayOptions): Promise<RunningGateway> {
  const { config, cache, logger } = options;
  const metrics = createGatewayMetrics();
  watchCache(metrics, cache);
  let supergraphHash: string | undefined;
  const dispatcher = new Agent({ keepAliveTimeout: 10_000, connections: 256 });
  disableApolloTelemetry();

  const gateway = new ApolloGateway({
    supergraphSdl: supergraphSource(options, {
      onLoaded: (hash, reason) => {
        supergraphHash = hash;
        if (reason === 'swap') metrics.supergraphReloads.inc({ outcome: 'swapped' });
      },
      onRejected: () => metrics.supergraphReloads.inc({ outcome: 'rejected' }),
    }),
    buildService: ({ name, url }) =>
      new SignedDataSource({
        name,
        url: url ?? '',
        secret: config.gatewaySecret,
        timeoutMs: options.subgraphTimeoutsMs?.[name] ?? options.subgraphTimeoutMs ?? DEFAULT_SUBGRAPH_TIMEOUT_MS,
        dispatcher,
        logger,
        observe: (outcome, seconds) => metrics.subgraphDuration.observe({ subgraph: name, outcome }, seconds),
      }),
    logger,
  });
  const apollo = createApollo(options, gateway, metrics, () => supergraphHash);
  await apollo.start();

  const limiter = createRateLimiter(cache, config.rateLimitPerMinute, () => metrics.rateLimited.inc());
  const authThrottle = createAuthThrottle({ cache, perMinute: config.authFailuresPerMinute, logger, onFailure: () => metrics.authFailures.inc() });
  const cors = corsPolicy(config.cors.origins);
  const shedding = admission(config.admission, (why) => metrics.shed.inc({ reason: why }));
  const handle = routes({ config, cache, logger, apollo, metrics, limiter, authThrottle, cors, admission: shedding, supergraph: () => supergraphHash });
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => failRequest(res, error, logger));
  });
  server.requestTimeout = 60_000;
  const inFlight = trackInFlight(server);
  const port = await listenOn(server, options.listen);
  const base = `http://${options.listen.host ?? '127.0.0.1'}:${port}`;
  logger.info({ url: `${base}/graphql` }, 'gateway listening');
  return {
    name: 'gateway',
    url: `${base}/graphql`,
    ideUrl: `${base}/ide`,
    port,
    metrics,
    close: async () => {
      await closeServer(server, inFlight);
      await apollo.stop();
      await dispatcher.close();
    },
  };
}

function createApollo(options: GatewayOptions, gateway: ApolloGateway, metrics: GatewayMetrics, supergraph: () => string | undefined): ApolloServer<GatewayContext> {
  const { config, cache, logger } = options;
  const limits = queryLimits({ ...DEFAULT_LIMITS, maxCost: config.maxQueryCost, ...options.limits }, { suggestFields: config.ideEnabled });
  const ttl = options.responseCacheTtlSeconds ?? DEFAULT_RESPONSE_TTL_SECONDS;
  const apq = persistedQueries(config, { cache, logger, onRefused: (reason) => metrics.persistedQueriesRefused.inc({ reason }) });
  return new ApolloServer<GatewayContext>({
    gateway,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    introspection: config.ideEnabled,
    includeStacktraceInErrorResponses: false,
    // The process drains on SIGTERM itself (core/lifecycle.ts → close: stop accepting, finish
    // in-flight, then stop Apollo); Apollo's own handler would stop it mid-request.
    stopOnTerminationSignals: false,
    formatError: createFormatError(logger, { suggestions: config.ideEnabled }),
    // CSRF prevention stays at Apollo's default (on): GETs and simple POSTs need a preflight header.
    persistedQueries: apq.option,
    plugins: [
      ...apq.plugins,
      // Apollo's landing page loads from a CDN; the IDE is served from /ide instead.
      ApolloServerPluginLandingPageDisabled(),
      // The response cache owns the cache-control header (it knows the subgraphs' hints).
      ApolloServerPluginCacheControl({ calculateHttpHeaders: false }),
      ...limits.plugins,
      operationGuard(),
      answerIntegrity(logger),
      metricsPlugin(metrics),
      responseSizeCap(config.maxResponseKb * 1024),
      ...(ttl > 0 ? [responseCachePlugin({ cache, defaultTtlSeconds: ttl, metrics, supergraph })] : []),
    ],
    logger,
  });
}

function supergraphSource(options: GatewayOptions, events: SupergraphEvents): SupergraphSdlHook {
  if (options.supergraphPath) return supergraphFromFile(options.supergraphPath, options.logger, events);
  if (options.supergraphSdl) return fixedSupergraph(options.supergraphSdl, events);
  throw new Error('createGateway needs supergraphPath or supergraphSdl');
}
