import { parse, type DocumentNode } from 'graphql';
import type { ListenOptions, RunningService } from '../../../core/service.js';
import type { SubgraphDeps } from '../deps.js';
import { createKitMetrics } from '../metrics.js';
import { startSubgraph } from '../service.js';
import { createUpstreamClient } from '../upstream/client.js';
import { createBatchLoader, unavailable } from '../upstream/cache.js';
import type { UpstreamClient } from '../upstream/types.js';
import type { AdapterContext, CountryAdapter } from './adapter.js';
import { entityResolvers } from './entities.js';
import { cacheKeys } from './keys.js';
import { DEFAULT_POLICIES, type CountryContext, type CountryRuntime } from './runtime.js';
import { countrySchemaText, countryTypeNames } from './schema.js';
import { changeResolvers } from './changes.js';
import { searchResolvers } from './search.js';
import { createTranslator } from './translate.js';

/**
 * The country template. An adapter (manifest, own SDL, native upstream, pure translations)
 * becomes a complete subgraph: contract search fields, entity resolution with batching and
 * caching, references to taxonomy entities, stale marking, error shaping, metrics, health.
 */

export interface CountrySubgraph {
  /** Contract + the country's own SDL, parsed. */
  typeDefs: DocumentNode;
  /** The same, as text (what compose writes to generated/schema.graphql). */
  schemaText: string;
  start(deps: SubgraphDeps, listen: ListenOptions): Promise<RunningService>;
}

export function defineCountrySubgraph<NV, NT>(adapter: CountryAdapter<NV, NT>): CountrySubgraph {
  const schemaText = countrySchemaText(adapter.manifest, adapter.typeDefs);
  const typeDefs = parse(schemaText);
  assertDefinesEntities(typeDefs, adapter);
  return { typeDefs, schemaText, start: (deps, listen) => startCountry(adapter, typeDefs, deps, listen) };
}

async function startCountry<NV, NT>(adapter: CountryAdapter<NV, NT>, typeDefs: DocumentNode, deps: SubgraphDeps, listen: ListenOptions): Promise<RunningService> {
  const { manifest } = adapter;
  if (!deps.upstreamUrl) throw new Error(`${manifest.name}: deps.upstreamUrl (the national system's base URL) is required`);
  const logger = deps.logger.child({ subgraph: manifest.name });
  const metrics = createKitMetrics(manifest.name);
  const clients: UpstreamClient[] = [];
  const upstreamUrl = deps.upstreamUrl;
  const adapterContext: AdapterContext = {
    deps,
    upstreamUrl,
    logger,
    metrics,
    createClient: (options) => {
      const client = createUpstreamClient({ ...options, name: options.name ?? manifest.name, baseUrl: options.baseUrl ?? upstreamUrl, logger, metrics });
      clients.push(client);
      return client;
    },
  };
  const rt: CountryRuntime<NV, NT> = {
    adapter,
    upstream: adapter.createUpstream(adapterContext),
    cache: deps.cache,
    metrics,
    logger,
    translator: createTranslator(adapter, metrics, logger),
    policies: { ...DEFAULT_POLICIES, ...adapter.cachePolicies },
    keys: cacheKeys(manifest.name),
    resource: (resource) => ({
      cache: deps.cache,
      metrics,
      resource,
      country: manifest.name,
      onRefreshError: (error) => logger.warn({ resource, err: unavailable(manifest.name, error).message }, 'background refresh failed'),
    }),
  };

  return startSubgraph<CountryContext<NV, NT>>(
    {
      name: manifest.name,
      typeDefs,
      resolvers: { Query: { ...searchResolvers(rt), ...changeResolvers(rt) }, ...entityResolvers(rt) },
      context: (base) => ({ ...base, loaders: requestLoaders(rt) }),
      metrics,
      upstreams: () => clients.map((c) => ({ name: c.name, breaker: c.breakerState() })),
      onClose: async () => {
        await Promise.all(clients.map((c) => c.close()));
      },
    },
    deps,
    listen,
  );
}

/** Fresh DataLoaders per request: batching within a request, the shared cache across requests. */
function requestLoaders<NV, NT>(rt: CountryRuntime<NV, NT>): CountryContext<NV, NT>['loaders'] {
  const { adapter, upstream, policies, keys, translator } = rt;
  return {
    vacancies: createBatchLoader<NV>({
      ...rt.resource('vacancy'),
      keyPrefix: keys.vacancyRecord,
      policy: policies.record,
      fetchMany: async (ids) => {
        const found = await upstream.vacanciesByIds(ids);
        translator.noteFetchedVacancies(found);
        return byId(found, (n) => adapter.vacancyId(n));
      },
    }),
    trainings: createBatchLoader<NT>({
      ...rt.resource('training'),
      keyPrefix: keys.trainingRecord,
      policy: policies.record,
      fetchMany: async (ids) => {
        const found = await upstream.trainingsByIds(ids);
        translator.noteFetchedTrainings(found);
        return byId(found, (n) => adapter.trainingId(n));
      },
    }),
  };
}

function byId<N>(records: readonly N[], idOf: (n: N) => string): Map<string, N> {
  const map = new Map<string, N>();
  for (const record of records) {
    try {
      map.set(idOf(record), record);
    } catch {
      // A record without a readable id cannot answer any request; it is skipped.
    }
  }
  return map;
}

/** A new country fails at definition time, with a readable message, when its SDL lacks the entities. */
function assertDefinesEntities(doc: DocumentNode, adapter: Pick<CountryAdapter<unknown, unknown>, 'manifest'>): void {
  const names = countryTypeNames(adapter.manifest);
  const defined = new Set(doc.definitions.flatMap((d) => ('name' in d && d.name ? [d.name.value] : [])));
  const missing = [names.vacancy, names.training].filter((n) => !defined.has(n));
  if (missing.length > 0) throw new Error(`${adapter.manifest.name}: the adapter's SDL must define ${missing.join(' and ')}`);
}
