import type { ApolloServerPlugin } from '@apollo/server';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { GatewayContext } from '../context.js';

/** Prometheus metrics of the gateway, on its own registry (served at GET /metrics). */
export interface GatewayMetrics {
  registry: Registry;
  requests: Counter<'operation' | 'outcome'>;
  duration: Histogram<'operation'>;
  responseCache: Counter<'outcome'>;
  supergraphReloads: Counter<'outcome'>;
}

export function createGatewayMetrics(): GatewayMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'lmis_gateway_' });
  return {
    registry,
    requests: new Counter({ name: 'lmis_gateway_requests_total', help: 'GraphQL requests', labelNames: ['operation', 'outcome'], registers: [registry] }),
    duration: new Histogram({
      name: 'lmis_gateway_request_seconds',
      help: 'GraphQL request duration',
      labelNames: ['operation'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    responseCache: new Counter({ name: 'lmis_gateway_response_cache_total', help: 'Whole-response cache lookups', labelNames: ['outcome'], registers: [registry] }),
    supergraphReloads: new Counter({ name: 'lmis_gateway_supergraph_reloads_total', help: 'Supergraph file changes', labelNames: ['outcome'], registers: [registry] }),
  };
}

export function metricsPlugin(metrics: GatewayMetrics): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operation, response }) {
          const kind = operation?.operation ?? 'unknown';
          const failed = response.body.kind === 'single' && (response.body.singleResult.errors?.length ?? 0) > 0;
          metrics.requests.inc({ operation: kind, outcome: failed ? 'error' : 'ok' });
          metrics.duration.observe({ operation: kind }, Number(process.hrtime.bigint() - started) / 1e9);
        },
      };
    },
  };
}
