import { parse, type DocumentNode } from 'graphql';
import type { ListenOptions, RunningService } from '../../../core/service.js';
import type { CachePolicy } from '../../../core/cache/types.js';
import { createKitMetrics, createUpstreamClient, startSubgraph, type SubgraphDeps } from '../../kit/index.js';
import { countryClient } from './countryClient.js';
import { createFanOut } from './fanout.js';
import type { ExchangeContext } from './queries/context.js';
import { loadPeriodRates } from './periodRates.js';
import { loadRateTable } from './rates.js';
import { discoverCountries, type CountrySource } from './registry.js';
import { exchangeResolvers } from './resolvers/index.js';
import { exchangeSchemaText } from '../../../schema/sdl/exchange.js';
import { keptCells } from './store/keptCells.js';
import { startVacancyStore } from './store/vacancyStore.js';

/**
 * The regional exchange: cross-border search, matching and statistics over every country
 * subgraph in the registry. `start` never listens on import; `typeDefs` is the SDL generated from
 * the registry (the same text `npm run compose` writes to generated/schema.graphql).
 */

export const typeDefs: DocumentNode = parse(exchangeSchemaText(discoverCountries()));

/**
 * Per-country deadlines: one page must be quick; a pull of every match may take longer, but less
 * than the gateway's subgraph deadline (10 s), so that a slow country is reported TIMEOUT in the
 * answer rather than the gateway failing the whole field. The country goes on with its pull (one
 * per question, cached), so the same question asked again shortly finds it done.
 */
export const DEADLINES = { pageMs: 3_000, bulkMs: 8_000 };

/** Country answers are cached briefly; on failure an older answer is served (marked STALE). */
export const CACHE_POLICIES: { page: CachePolicy; bulk: CachePolicy } = {
  page: { ttlMs: 30_000, staleWhileRevalidateMs: 0, staleIfErrorMs: 5 * 60_000 },
  bulk: { ttlMs: 60_000, staleWhileRevalidateMs: 0, staleIfErrorMs: 15 * 60_000 },
};

export function start(deps: SubgraphDeps, listen: ListenOptions): Promise<RunningService> {
  return startExchange(discoverCountries(deps.subgraphUrls), deps, listen);
}

/** The exchange over an explicit country list (what `start` discovers from the registry). */
export async function startExchange(countries: readonly CountrySource[], deps: SubgraphDeps, listen: ListenOptions): Promise<RunningService> {
  const logger = deps.logger.child({ subgraph: 'exchange' });
  const metrics = createKitMetrics('exchange');
  const upstreams = countries.map((c) =>
    createUpstreamClient({ name: c.name, baseUrl: c.url, timeoutMs: DEADLINES.pageMs, retries: 1, logger, metrics, concurrency: deps.config.countryConcurrency }),
  );
  const clients = new Map(countries.map((c, i) => [c.name, countryClient(c, upstreams[i]!, deps.config.gatewaySecret, DEADLINES)]));
  // The regional memory: open and migrated before the first question; the harvester's first sync
  // runs in the background, and a country not synced yet is reported NOT_SYNCED, never zero.
  const store = await startVacancyStore({ config: deps.config, countries, clients, logger });
  const ctx: ExchangeContext = {
    countries,
    rates: loadRateTable(countries),
    fanOut: createFanOut({ cache: deps.cache, clients, policies: CACHE_POLICIES, logger }),
    disclosureThreshold: deps.config.disclosureThreshold,
    cache: deps.cache,
    statsPolicy: CACHE_POLICIES.bulk,
    store,
    storeCells: keptCells(store.db, store.image, deps.cache, CACHE_POLICIES.bulk),
    disclosure: { threshold: deps.config.disclosureThreshold, perturb: deps.config.disclosurePerturbation },
    periodRates: loadPeriodRates(countries),
  };
  return startSubgraph(
    {
      name: 'exchange',
      typeDefs: parse(exchangeSchemaText(countries)),
      resolvers: exchangeResolvers(ctx),
      metrics,
      upstreams: () => upstreams.map((u) => ({ name: u.name, breaker: u.breakerState() })),
      readinessDetails: async () => ({ store: { engine: store.engine, schema: store.schema, image: store.image.status(), countries: await store.statuses() } }),
      // Sync now and wait: tests and the benchmark use it instead of waiting for the interval.
      operations: { '/store/sync': async () => ({ reports: await store.syncNow(), countries: await store.statuses() }) },
      onClose: async () => {
        await store.close();
        await Promise.all(upstreams.map((u) => u.close()));
      },
    },
    deps,
    listen,
  ).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
}
