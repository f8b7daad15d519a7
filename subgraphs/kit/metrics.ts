import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { BreakerState } from './upstream/types.js';

/**
 * One prom-client registry per service (several services share a process in tests and in
 * `npm start`, so nothing is registered globally). Served on GET /metrics. Names follow the one
 * scheme of docs/OBSERVABILITY.md: `lmis_<service kind>_<what>_<unit>` — `lmis_subgraph_…` here,
 * with the subgraph in the `service` label; the gateway's are `lmis_gateway_…`.
 */
export interface KitMetrics {
  registry: Registry;
  upstreamDuration: Histogram<'upstream' | 'route' | 'outcome'>;
  upstreamErrors: Counter<'upstream' | 'kind'>;
  cacheResults: Counter<'resource' | 'outcome'>;
  breakerState: Gauge<'upstream'>;
  unmappedCodes: Counter<'system'>;
  graphqlRequests: Counter<'operation' | 'outcome'>;
  setBreakerState(upstream: string, state: BreakerState): void;
}

const BREAKER_VALUE: Record<BreakerState, number> = { closed: 0, 'half-open': 1, open: 2 };

export function createKitMetrics(service: string): KitMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry, prefix: 'lmis_subgraph_' });
  const registers = [registry];
  const breakerState = new Gauge({
    name: 'lmis_subgraph_upstream_breaker_state',
    help: 'Circuit breaker state per upstream: 0 closed, 1 half-open, 2 open',
    labelNames: ['upstream'] as const,
    registers,
  });
  return {
    registry,
    upstreamDuration: new Histogram({
      name: 'lmis_subgraph_upstream_request_seconds',
      help: 'Duration of upstream HTTP calls (retries included)',
      labelNames: ['upstream', 'route', 'outcome'] as const,
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    upstreamErrors: new Counter({
      name: 'lmis_subgraph_upstream_errors_total',
      help: 'Failed upstream calls by kind',
      labelNames: ['upstream', 'kind'] as const,
      registers,
    }),
    cacheResults: new Counter({
      name: 'lmis_subgraph_cache_results_total',
      help: 'Upstream cache lookups by outcome (hit, miss, stale-revalidate, stale-if-error)',
      labelNames: ['resource', 'outcome'] as const,
      registers,
    }),
    breakerState,
    unmappedCodes: new Counter({
      name: 'lmis_subgraph_unmapped_national_codes_total',
      help: 'National occupation codes the crosswalk does not know',
      labelNames: ['system'] as const,
      registers,
    }),
    graphqlRequests: new Counter({
      name: 'lmis_subgraph_graphql_requests_total',
      help: 'GraphQL requests by operation name and outcome',
      labelNames: ['operation', 'outcome'] as const,
      registers,
    }),
    setBreakerState: (upstream, state) => breakerState.set({ upstream }, BREAKER_VALUE[state]),
  };
}
