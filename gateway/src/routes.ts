import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import type { Cache } from '../../core/cache/index.js';
import type { Config } from '../../core/config.js';
import type { Logger } from '../../core/log.js';
import { requestIdFrom } from '../../core/request.js';
import { inServerSpan } from '../../core/tracing.js';
import { failRequest, headerMap, parseBody, readBody, sendJson, sendText, writeGraphQLResponse } from '../../core/http.js';
import { REQUEST_ID_HEADER } from '../../core/trust.js';
import { buildContext, type GatewayContext } from './context.js';
import type { Admission } from './front/admission.js';
import { isShallow, MAX_JSON_DEPTH } from './front/bodyShape.js';
import type { CorsPolicy } from './front/cors.js';
import { ideAssets } from './ide.js';
import type { GatewayMetrics } from './plugins/metrics.js';
import type { AuthThrottle } from './authThrottle.js';
import type { RateLimiter } from './rateLimit.js';
import { metricsAccess } from './metricsAccess.js';
import { persistedQueryGate, type ApqRefusal } from './apq.js';
import { clientAddressResolver, type ClientAddress } from './clientAddress.js';
import { EXPORT_PREFIX, exportRoutes } from './export/routes.js';

/**
 * The gateway's HTTP surface: POST|GET /graphql, GET /export/*.csv (analyst answers as CSV,
 * through the same graph: src/export/), GET /health (alive), GET /ready (a supergraph is loaded;
 * cache status), GET /metrics (Prometheus), and GET /ide (GraphiQL, when enabled).
 */
export interface RouteDeps {
  config: Config;
  cache: Cache;
  logger: Logger;
  apollo: ApolloServer<GatewayContext>;
  metrics: GatewayMetrics;
  limiter: RateLimiter;
  authThrottle: AuthThrottle;
  /** Browsers on other origins (CORS_ORIGINS) and load shedding for /graphql (src/front/). */
  cors: CorsPolicy;
  admission: Admission;
  /** The supergraph in use (short hash), or undefined before the first one loaded. */
  supergraph(): string | undefined;
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export function routes(deps: RouteDeps): Handler {
  const apqGate = persistedQueryGate(deps.config.apq, (reason) => deps.metrics.persistedQueriesRefused.inc({ reason }));
  const clientAddress = clientAddressResolver(deps.config.trustedProxies);
  const graphql = graphqlHandler(deps, clientAddress, apqGate);
  const csvExport = exportRoutes(deps, clientAddress);
  const mayReadMetrics = metricsAccess(deps.config.metricsToken);
  return async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://gateway').pathname;
    const get = req.method === 'GET';
    if (deps.cors.handle(req, res)) return;
    if (path === '/graphql' && (req.method === 'POST' || get)) {
      return deps.admission.run(res, () => inServerSpan(`${req.method} /graphql`, req.headers, { 'lmis.service': 'gateway' }, () => graphql(req, res)));
    }
    // Another method on the endpoint is not a missing resource: 405 with the methods it takes.
    if (path === '/graphql') return sendJson(res, 405, { errors: [{ message: `Method ${req.method ?? ''} not allowed`, extensions: { code: 'METHOD_NOT_ALLOWED' } }] }, { allow: 'GET, POST' });
    if (path.startsWith(EXPORT_PREFIX)) return csvExport(req, res, path);
    if (get && path === '/health') return sendJson(res, 200, { status: 'ok', service: 'gateway' });
    if (get && path === '/ready') return ready(deps, res);
    if (get && path === '/metrics' && !mayReadMetrics(req.headers)) return sendJson(res, 401, { error: 'metrics need Authorization: Bearer <METRICS_TOKEN>' }, { 'www-authenticate': 'Bearer' });
    if (get && path === '/metrics') return sendText(res, 200, await deps.metrics.registry.metrics(), deps.metrics.registry.contentType);
    if (get && deps.config.ideEnabled && (path === '/ide' || path.startsWith('/ide/'))) return serveIde(path, res);
    sendJson(res, 404, { error: 'not found' });
  };
}

function graphqlHandler(deps: RouteDeps, clientAddress: ClientAddress, apqGate: (request: { body: unknown; search: string }) => ApqRefusal | undefined): Handler {
  return async (req, res) => {
    const requestId = requestIdFrom(req.headers);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const body = req.method === 'POST' ? parseBody(await readBody(req, deps.config.maxBodyBytes), req.headers['content-type']) : undefined;
    if (!isShallow(body)) {
      return sendJson(res, 400, { errors: [{ message: `The request body nests deeper than ${MAX_JSON_DEPTH} levels.`, extensions: { code: 'BAD_REQUEST' } }] });
    }
    const search = new URL(req.url ?? '/', 'http://gateway').search;
    const refused = apqGate({ body, search });
    if (refused) return sendJson(res, refused.status, { errors: [refused.error] });
    const response = await deps.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers: headerMap(req), search, body },
      context: () => buildContext(deps, { headers: req.headers, ip: clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for']), requestId }),
    });
    await writeGraphQLResponse(res, response);
  };
}

function ready(deps: RouteDeps, res: ServerResponse): void {
  const supergraph = deps.supergraph();
  sendJson(res, supergraph ? 200 : 503, { status: supergraph ? 'ready' : 'starting', supergraph, cache: deps.cache.status() });
}

async function serveIde(path: string, res: ServerResponse): Promise<void> {
  const assets = await ideAssets();
  if (path === '/ide' || path === '/ide/') return sendText(res, 200, assets.html, 'text/html; charset=utf-8');
  if (path === '/ide/app.js') return sendText(res, 200, assets.js, 'text/javascript; charset=utf-8');
  if (path === '/ide/app.css') return sendText(res, 200, assets.css, 'text/css; charset=utf-8');
  sendJson(res, 404, { error: 'not found' });
}

export { failRequest };
