import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import type { Logger } from '../../core/log.js';
import { createCache, type Cache } from '../../core/cache/index.js';
import { loadConfig, type Config } from '../../core/config.js';
import type { RunningService } from '../../core/service.js';
import { createGateway, type GatewayOptions, type RunningGateway } from '../../gateway/src/server.js';
import { startNamedSimulator, type NamedSimulatorOptions } from '../../simulators/launch.js';
import { startServices } from '../../stack/services.js';
import { launchSubgraph } from '../../subgraphs/launch.js';
import { signRequestHeaders } from '../../subgraphs/kit/index.js';
import { postAdvance } from '../conformance/advance.js';
import { testStoreSettings, type StoreChoice } from './storeSchema.js';

/**
 * Starts any part of the stack on ephemeral ports for a test, with the same startServices as
 * `npm start` and the benchmark: simulators, then subgraphs in their `dependsOn` order (the
 * exchange after the countries), then a gateway on a supergraph composed in-process from the
 * registry with the real URLs. Every service gets its own cache namespace under one
 * prefix per stack (Redis when `redisUrl` is given), so runs never see each other's entries.
 */
export type SimulatorSettings = Partial<Pick<NamedSimulatorOptions, 'seed' | 'size' | 'latencyMs' | 'errorRate'>>;

export interface StackOptions {
  /** Subgraph names from the registry; a country brings its simulator along. */
  subgraphs: string[];
  /** More simulators by name, started without a subgraph (keyed by simulator name in simulatorUrls). */
  simulators?: string[];
  redisUrl?: string;
  /** Prefix of every cache namespace; default `test:<random>`. */
  cacheNamespace?: string;
  /** Defaults: seed 7, size 400, no latency, no errors. */
  simulatorOptions?: SimulatorSettings;
  /** The same as `simulatorOptions` (the harness's first name for it; exchange tests use it). */
  simulator?: SimulatorSettings;
  /** Environment for the config (e.g. API_KEYS, RATE_LIMIT_PER_MINUTE); nothing is read from process.env. */
  env?: Record<string, string>;
  /** Gateway settings; 0 turns the whole-response cache off. */
  responseCacheTtlSeconds?: number;
  subgraphTimeoutMs?: number;
  /** The exchange's vacancy store: real PostgreSQL (random schema) when it answers, else PGlite. */
  store?: StoreChoice;
}

export interface GraphQLAnswer<D> {
  status: number;
  headers: Headers;
  data?: D;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
}

export interface TestStack {
  gatewayUrl: string;
  ideUrl: string;
  gateway: RunningGateway;
  /** The supergraph the gateway runs (composed with this stack's URLs): start more replicas on it. */
  supergraphSdl: string;
  config: Config;
  subgraphUrls: Record<string, string>;
  simulatorUrls: Record<string, string>;
  /** POSTs to the gateway; any status, the body parsed. */
  query<D = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLAnswer<D>>;
  /** Requests each simulator has served (its /__sim/stats total), by name. */
  upstreamCalls(): Promise<Record<string, number>>;
  faults(name: string, faults: Record<string, unknown>): Promise<void>;
  /** The exchange's signed POST /store/sync: syncs every country now, answers their states. */
  syncStore(): Promise<StoreSyncAnswer>;
  /** The simulated clock moves on by this many changes (POST /__sim/advance) in every country's simulator. */
  advance(changes: number): Promise<void>;
  stop(): Promise<void>;
}

export interface StoreSyncAnswer {
  reports: Array<{ country: string; ok: boolean; changes: number; error?: string }>;
  countries: Array<{ country: string; state: string; asOf: string | null; records: number; fullSyncDone: boolean; lastError: string | null }>;
}

export async function startStack(options: StackOptions): Promise<TestStack> {
  const store = options.subgraphs.includes('exchange') && !options.env?.DATABASE_URL ? await testStoreSettings(options.store) : undefined;
  // Tests sync the store explicitly (syncStore), so no periodic sync changes upstream counts mid-test.
  const config = loadConfig({ NODE_ENV: 'test', ...store?.env, ...(store ? { STORE_SYNC_INTERVAL_SECONDS: '0' } : {}), ...options.env });
  const logger = pino({ level: 'silent' });
  const prefix = options.cacheNamespace ?? `test:${randomUUID()}`;
  const caches: Cache[] = [];
  const newCache = (name: string) => {
    const cache = createCache({ namespace: `${prefix}:${name}`, logger, ...(options.redisUrl ? { redisUrl: options.redisUrl } : {}) });
    caches.push(cache);
    return cache;
  };
  const services: RunningService[] = [];
  const track = <S extends RunningService>(service: S): S => {
    services.push(service);
    return service;
  };
  const stop = async () => {
    for (const service of services.reverse()) await service.close().catch(() => undefined);
    await Promise.all(caches.map((c) => c.close()));
    await store?.drop();
  };

  try {
    const started = await startServices<RunningService>(
      { config, subgraphs: options.subgraphs, extraSimulators: options.simulators ?? [], ports: 'ephemeral' },
      {
        simulator: async (name) => track(await startNamedSimulator(name, { port: 0, ...simulatorSettings(options) })),
        subgraph: async ({ entry, upstreamUrl, subgraphUrls }) =>
          track(await launchSubgraph({ name: entry.name, config, cache: newCache(entry.name), logger, listen: { port: 0 }, ...(upstreamUrl ? { upstreamUrl } : {}), subgraphUrls })),
        gateway: async ({ supergraphSdl }) => track(await startGateway(options, { config, logger, cache: newCache('gateway'), supergraphSdl })),
      },
    );
    const gateway = started.gateway as RunningGateway;
    const simulatorUrls = urlsOf(started.simulators);
    const subgraphUrls = urlsOf(started.subgraphs);
    await untilConnected(caches);
    const syncStore = async (): Promise<StoreSyncAnswer> => {
      const url = subgraphUrls.exchange;
      if (!url) throw new Error('no exchange in this stack');
      const target = new URL('/store/sync', url).toString();
      const headers = signRequestHeaders(config.gatewaySecret, { method: 'POST', target, body: '', requestId: `test-sync-${randomUUID()}` });
      const res = await fetch(target, { method: 'POST', headers });
      if (res.status !== 200) throw new Error(`/store/sync answered ${res.status}`);
      return (await res.json()) as StoreSyncAnswer;
    };
    // Every exchange stack starts with its store synced once (a country down at start stays NOT_SYNCED).
    if (subgraphUrls.exchange) await syncStore();
    return {
      gatewayUrl: gateway.url,
      ideUrl: gateway.ideUrl,
      gateway,
      supergraphSdl: started.supergraphSdl,
      config,
      subgraphUrls,
      simulatorUrls,
      query: (query, variables = {}, headers = {}) => postGraphQL(gateway.url, { query, variables }, headers),
      upstreamCalls: async () =>
        Object.fromEntries(await Promise.all(Object.entries(simulatorUrls).map(async ([name, url]) => [name, await simulatorRequests(url)] as const))),
      faults: async (name, faults) => {
        const url = simulatorUrls[name];
        if (!url) throw new Error(`no simulator "${name}" in this stack`);
        await fetch(`${url}/__sim/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(faults) });
      },
      syncStore,
      advance: async (changes) => {
        for (const url of Object.values(simulatorUrls)) await postAdvance(`${url}/__sim/advance`, changes);
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Defaults: seed 7, size 400, no latency, no errors. */
function simulatorSettings(options: StackOptions): SimulatorSettings & Pick<NamedSimulatorOptions, 'seed' | 'size' | 'latencyMs' | 'errorRate'> {
  return { seed: 7, size: 400, latencyMs: [0, 0], errorRate: 0, ...options.simulator, ...options.simulatorOptions };
}

function urlsOf(services: Record<string, RunningService>): Record<string, string> {
  return Object.fromEntries(Object.entries(services).map(([name, s]) => [name, s.url]));
}

async function startGateway(
  options: StackOptions,
  deps: { config: Config; logger: Logger; cache: Cache; supergraphSdl: string },
): Promise<RunningGateway> {
  const gatewayOptions: GatewayOptions = {
    config: deps.config,
    cache: deps.cache,
    logger: deps.logger,
    supergraphSdl: deps.supergraphSdl,
    listen: { port: 0 },
    ...(options.responseCacheTtlSeconds !== undefined ? { responseCacheTtlSeconds: options.responseCacheTtlSeconds } : {}),
    ...(options.subgraphTimeoutMs !== undefined ? { subgraphTimeoutMs: options.subgraphTimeoutMs } : {}),
  };
  return createGateway(gatewayOptions);
}

/** A GraphQL POST with the status, headers and parsed body; a non-JSON body becomes an error entry. */
export async function postGraphQL<D>(url: string, body: unknown, headers: Record<string, string> = {}): Promise<GraphQLAnswer<D>> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await res.text();
  try {
    return { status: res.status, headers: res.headers, ...(JSON.parse(text) as Pick<GraphQLAnswer<D>, 'data' | 'errors'>) };
  } catch {
    return { status: res.status, headers: res.headers, errors: [{ message: `not JSON: ${text.slice(0, 200)}` }] };
  }
}

async function simulatorRequests(url: string): Promise<number> {
  return ((await (await fetch(`${url}/__sim/stats`)).json()) as { total: number }).total;
}

/** Redis connects asynchronously; tests start once every cache answers (bounded: 3 s). */
async function untilConnected(caches: readonly Cache[]): Promise<void> {
  const deadline = Date.now() + 3_000;
  while (caches.some((c) => !c.status().available) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
}
