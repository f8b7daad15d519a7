import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { createCache } from '../../core/cache/index.js';
import type { Cache } from '../../core/cache/index.js';
import { loadConfig, type Config } from '../../core/config.js';
import type { RunningService } from '../../core/service.js';
import { createGateway } from '../../gateway/src/server.js';
import { composeSupergraph, registrySdl } from '../../schema/compose.js';
import { readManifest } from '../../schema/registry.js';
import { startNamedSimulator } from '../../simulators/launch.js';
import { launchSubgraph } from '../../subgraphs/launch.js';

/**
 * Starts any part of the stack on ephemeral ports for a test: simulators, then subgraphs (the
 * exchange last, pointed at the countries), then a gateway on a supergraph composed in-process
 * with the real URLs. Each service gets its own fresh cache namespace (Redis when asked).
 */
export interface StackOptions {
  /** Subgraph names from the registry; countries bring their simulator along. */
  subgraphs: string[];
  redisUrl?: string;
  simulator?: { seed?: number; size?: number; latencyMs?: [number, number] };
  /** Environment overrides for the config (e.g. API_KEYS, RATE_LIMIT_PER_MINUTE). */
  env?: Record<string, string>;
  responseCacheTtlSeconds?: number;
}

export interface TestStack {
  gatewayUrl: string;
  config: Config;
  subgraphUrls: Record<string, string>;
  simulatorUrls: Record<string, string>;
  query<D = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<{ status: number; data?: D; errors?: Array<{ message: string; extensions?: Record<string, unknown> }>; headers: Headers }>;
  /** Requests each simulator has served (its /__sim/stats total), by country subgraph name. */
  upstreamCalls(): Promise<Record<string, number>>;
  faults(subgraph: string, faults: Record<string, unknown>): Promise<void>;
  stop(): Promise<void>;
}

export async function startStack(options: StackOptions): Promise<TestStack> {
  const config = loadConfig({ NODE_ENV: 'test', ...options.env });
  const logger = pino({ level: 'silent' });
  const run = randomUUID();
  const caches: Cache[] = [];
  const newCache = (name: string) => {
    const cache = createCache({ namespace: `test:${run}:${name}`, logger, ...(options.redisUrl ? { redisUrl: options.redisUrl } : {}) });
    caches.push(cache);
    return cache;
  };
  const services: RunningService[] = [];
  const simulatorUrls: Record<string, string> = {};
  const subgraphUrls: Record<string, string> = {};

  const countries = options.subgraphs.filter((name) => readManifest(name).kind === 'country');
  for (const name of countries) {
    const sim = await startNamedSimulator(readManifest(name).upstream?.simulator ?? name, {
      port: 0,
      seed: options.simulator?.seed ?? 7,
      size: options.simulator?.size ?? 400,
      latencyMs: options.simulator?.latencyMs ?? [0, 0],
      errorRate: 0,
    });
    services.push(sim);
    simulatorUrls[name] = sim.url;
  }
  const ordered = [...options.subgraphs].sort((a, b) => Number(a === 'exchange') - Number(b === 'exchange'));
  for (const name of ordered) {
    const countryUrls = Object.fromEntries(countries.map((c) => [c, subgraphUrls[c] ?? '']));
    const service = await launchSubgraph({
      name,
      config,
      cache: newCache(name),
      logger,
      listen: { port: 0 },
      ...(simulatorUrls[name] ? { upstreamUrl: simulatorUrls[name] } : {}),
      ...(name === 'exchange' ? { subgraphUrls: countryUrls } : {}),
    });
    services.push(service);
    subgraphUrls[name] = service.url;
  }

  const sdl = composeSupergraph(registrySdl(subgraphUrls).filter((s) => options.subgraphs.includes(s.name)));
  const gateway = await createGateway({
    config,
    cache: newCache('gateway'),
    logger,
    supergraphSdl: sdl,
    listen: { port: 0 },
    ...(options.responseCacheTtlSeconds !== undefined ? { responseCacheTtlSeconds: options.responseCacheTtlSeconds } : {}),
  });
  services.push(gateway);
  await untilConnected(caches);

  const simStats = async (url: string) => ((await (await fetch(`${url}/__sim/stats`)).json()) as { total: number }).total;
  return {
    gatewayUrl: gateway.url,
    config,
    subgraphUrls,
    simulatorUrls,
    query: async (query, variables = {}, headers = {}) => {
      const res = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
      return { status: res.status, headers: res.headers, ...((await res.json()) as object) };
    },
    upstreamCalls: async () => Object.fromEntries(await Promise.all(Object.entries(simulatorUrls).map(async ([n, u]) => [n, await simStats(u)] as const))),
    faults: async (subgraph, faults) => {
      await fetch(`${simulatorUrls[subgraph]}/__sim/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(faults) });
    },
    stop: async () => {
      for (const service of services.reverse()) await service.close().catch(() => undefined);
      await Promise.all(caches.map((c) => c.close()));
    },
  };
}

/** Redis connects asynchronously; tests start once every cache answers (bounded: 3 s). */
async function untilConnected(caches: readonly Cache[]): Promise<void> {
  const deadline = Date.now() + 3_000;
  while (caches.some((c) => !c.status().available) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
}
