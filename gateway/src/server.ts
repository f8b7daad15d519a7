import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloGateway, type SupergraphSdlHook } from '@apollo/gateway';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { keyValueCache, type Cache } from '../../core/cache/index.js';
import type { Config } from '../../core/config.js';
import { closeServer, listenOn, trackInFlight } from '../../core/httpServer.js';
import type { Logger } from '../../core/log.js';
import type { ListenOptions, RunningService } from '../../core/service.js';
import { BodyTooLarge, headerMap, parseBody, readBody, sendJson, sendText, writeGraphQLResponse } from '../../subgraphs/kit/http.js';
import { buildContext, type GatewayContext } from './context.js';
import { SignedDataSource } from './datasource.js';
import { ideAssets } from './ide.js';
import { createGatewayMetrics, metricsPlugin, type GatewayMetrics } from './plugins/metrics.js';
import { rateLimitPlugin } from './plugins/rateLimit.js';
import { responseCachePlugin } from './plugins/responseCache.js';
import { supergraphFromFile } from './supergraphFile.js';

export interface GatewayOptions {
  config: Config;
  cache: Cache;
  logger: Logger;
  /** The composed supergraph file (watched and hot-swapped); or a fixed SDL (tests). */
  supergraphPath?: string;
  supergraphSdl?: string;
  listen: ListenOptions;
  /** Deadline for one subgraph call. */
  subgraphTimeoutMs?: number;
  /** Whole-response cache TTL when the subgraphs give no hint; 0 turns the cache off. */
  responseCacheTtlSeconds?: number;
}

export interface RunningGateway extends RunningService {
  metrics: GatewayMetrics;
}

/** Builds and starts the gateway: Apollo Server + Apollo Gateway behind a plain node:http server. */
export async function createGateway(options: GatewayOptions): Promise<RunningGateway> {
  const { config, cache, logger } = options;
  const metrics = createGatewayMetrics();
  const gateway = new ApolloGateway({
    supergraphSdl: supergraphSource(options, metrics),
    buildService: ({ name, url }) => new SignedDataSource({ name, url: url ?? '' }, config.gatewaySecret, options.subgraphTimeoutMs ?? 10_000),
    logger,
  });
  const armor = protection();
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    validationRules: armor.validationRules,
    introspection: config.ideEnabled,
    includeStacktraceInErrorResponses: false,
    persistedQueries: { cache: keyValueCache(cache, { prefix: 'apq:' }), ttl: null },
    plugins: [...(armor.plugins as ApolloServerPlugin<GatewayContext>[]), ...plugins(options, metrics)],
    logger,
  });
  await apollo.start();

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => fail(res, error, logger));
  });
  const inFlight = trackInFlight(server);
  const route = routes(options, apollo, metrics);
  server.requestTimeout = 60_000;
  const port = await listenOn(server, options.listen);
  const url = `http://${options.listen.host ?? '127.0.0.1'}:${port}/graphql`;
  logger.info({ url }, 'gateway listening');
  return {
    name: 'gateway',
    url,
    port,
    metrics,
    close: async () => {
      await closeServer(server, inFlight);
      await apollo.stop();
    },
  };
}

function supergraphSource(options: GatewayOptions, metrics: GatewayMetrics): SupergraphSdlHook {
  if (options.supergraphPath) {
    return supergraphFromFile(options.supergraphPath, options.logger, {
      onSwap: () => metrics.supergraphReloads.inc({ outcome: 'swapped' }),
      onRejected: () => metrics.supergraphReloads.inc({ outcome: 'rejected' }),
    });
  }
  const sdl = options.supergraphSdl;
  if (!sdl) throw new Error('createGateway needs supergraphPath or supergraphSdl');
  return async () => ({ supergraphSdl: sdl });
}

/** Depth, cost, alias, token and directive limits (graphql-armor), coded errors when exceeded. */
function protection() {
  const armor = new ApolloArmor({
    maxDepth: { n: 12 },
    costLimit: { maxCost: 20_000 },
    maxAliases: { n: 20 },
    maxTokens: { n: 3_000 },
    maxDirectives: { n: 30 },
    blockFieldSuggestion: { enabled: false },
  });
  const { plugins, validationRules } = armor.protect();
  return { plugins, validationRules };
}

function plugins(options: GatewayOptions, metrics: GatewayMetrics): ApolloServerPlugin<GatewayContext>[] {
  const ttl = options.responseCacheTtlSeconds ?? 30;
  return [
    ApolloServerPluginLandingPageDisabled(),
    metricsPlugin(metrics),
    rateLimitPlugin(options.cache, options.config.rateLimitPerMinute),
    ...(ttl > 0 ? [responseCachePlugin(options.cache, ttl, metrics)] : []),
  ];
}

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

function routes(options: GatewayOptions, apollo: ApolloServer<GatewayContext>, metrics: GatewayMetrics): Handler {
  const { config } = options;
  const graphql: Handler = async (req, res) => {
    const body = req.method === 'POST' ? parseBody(await readBody(req), req.headers['content-type']) : undefined;
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers: headerMap(req), search: new URL(req.url ?? '/', 'http://x').search, body },
      context: () => buildContext(config, req.headers, req.socket.remoteAddress ?? 'unknown'),
    });
    await writeGraphQLResponse(res, response);
  };
  return async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const get = req.method === 'GET';
    if (path === '/graphql' && (req.method === 'POST' || get)) return graphql(req, res);
    if (get && path === '/health') return sendJson(res, 200, { status: 'ok', service: 'gateway' });
    if (get && path === '/ready') return sendJson(res, 200, { status: 'ready', cache: options.cache.status() });
    if (get && path === '/metrics') return sendText(res, 200, await metrics.registry.metrics(), metrics.registry.contentType);
    if (get && config.ideEnabled && path.startsWith('/ide')) return serveIde(path, res);
    sendJson(res, 404, { error: 'not found' });
  };
}

async function serveIde(path: string, res: ServerResponse): Promise<void> {
  const assets = await ideAssets();
  if (path === '/ide' || path === '/ide/') return sendText(res, 200, assets.html, 'text/html; charset=utf-8');
  if (path === '/ide/app.js') return sendText(res, 200, assets.js, 'text/javascript; charset=utf-8');
  if (path === '/ide/app.css') return sendText(res, 200, assets.css, 'text/css; charset=utf-8');
  sendJson(res, 404, { error: 'not found' });
}

function fail(res: ServerResponse, error: unknown, logger: Logger): void {
  if (error instanceof BodyTooLarge) {
    if (!res.headersSent) sendJson(res, 413, { errors: [{ message: error.message, extensions: { code: 'BAD_REQUEST' } }] });
    return;
  }
  logger.error({ err: error }, 'request failed');
  if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
  else res.destroy();
}
