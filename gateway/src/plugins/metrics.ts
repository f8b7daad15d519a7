import type { ApolloServerPlugin } from '@apollo/server';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Cache } from '../../../core/cache/index.js';
import type { GatewayContext } from '../context.js';

/**
 * Prometheus metrics of one gateway, on its own registry (served at GET /metrics). One naming
 * scheme across the project (docs/OBSERVABILITY.md): `lmis_<service kind>_<what>_<unit>`.
 */
export interface GatewayMetrics {
  registry: Registry;
  requests: Counter<'operation' | 'outcome'>;
  duration: Histogram<'operation' | 'outcome'>;
  responseCache: Counter<'outcome'>;
  supergraphReloads: Counter<'outcome'>;
  rateLimited: Counter;
  authFailures: Counter;
  persistedQueriesRefused: Counter<'reason'>;
  shed: Counter<'reason'>;
  subgraphDuration: Histogram<'subgraph' | 'outcome'>;
}

export function createGatewayMetrics(): GatewayMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'lmis_gateway_' });
  const registers = [registry];
  return {
    registry,
    requests: new Counter({ name: 'lmis_gateway_requests_total', help: 'GraphQL requests by operation type and outcome (ok or the first error code)', labelNames: ['operation', 'outcome'], registers }),
    duration: new Histogram({
      name: 'lmis_gateway_request_seconds',
      help: 'GraphQL request duration by operation type and outcome',
      labelNames: ['operation', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    responseCache: new Counter({ name: 'lmis_gateway_response_cache_total', help: 'Whole-response cache lookups (hit, miss)', labelNames: ['outcome'], registers }),
    supergraphReloads: new Counter({ name: 'lmis_gateway_supergraph_reloads_total', help: 'Supergraph file changes (swapped, rejected)', labelNames: ['outcome'], registers }),
    authFailures: new Counter({ name: 'lmis_gateway_auth_failures_total', help: 'Presented credentials refused (401), before throttling', registers }),
    persistedQueriesRefused: new Counter({
      name: 'lmis_gateway_persisted_queries_refused_total',
      help: 'Persisted-query requests refused (too_large registration, registration_limit: a caller\'s hourly budget spent, not_in_safelist)',
      labelNames: ['reason'],
      registers,
    }),
    rateLimited: new Counter({ name: 'lmis_gateway_rate_limited_total', help: 'Requests refused by the rate limit', registers }),
    subgraphDuration: new Histogram({
      name: 'lmis_gateway_subgraph_request_seconds',
      help: 'Duration of the gateway\'s calls to each subgraph, by outcome (ok, error, timeout)',
      labelNames: ['subgraph', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    shed: new Counter({ name: 'lmis_gateway_shed_total', help: 'Requests refused with 503 OVERLOADED by admission control (queue_full, queue_timeout)', labelNames: ['reason'], registers }),
  };
}

/** `lmis_gateway_redis_up`: 1 while Redis answers, 0 while it does not; absent without Redis. */
export function watchCache(metrics: GatewayMetrics, cache: Cache): void {
  if (cache.backend !== 'redis') return;
  new Gauge({
    name: 'lmis_gateway_redis_up',
    help: 'Whether the shared cache (Redis) is reachable: 1 yes, 0 no (the gateway then answers without it)',
    registers: [metrics.registry],
    collect() {
      this.set(cache.status().available ? 1 : 0);
    },
  });
}

export function metricsPlugin(metrics: GatewayMetrics): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operation, response }) {
          const labels = { operation: operation?.operation ?? 'unknown', outcome: outcomeOf(response.body) };
          metrics.requests.inc(labels);
          metrics.duration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
        },
      };
    },
  };
}

/** `ok`, or the first error's code — a small, bounded label set (codes are constants). */
function outcomeOf(body: { kind: string; singleResult?: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> } }): string {
  const first = body.singleResult?.errors?.[0];
  if (!first) return 'ok';
  const code = first.extensions?.code;
  return typeof code === 'string' && /^[A-Z_]{1,40}$/.test(code) ? code : 'ERROR';
}
