import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { expect } from 'vitest';
import { createCache, type Cache } from '../../core/cache/index.js';
import { loadConfig } from '../../core/config.js';
import type { RunningService } from '../../core/service.js';
import { readCountryManifest } from '../../schema/registry.js';
import type { RunningSimulator } from '../../simulators/core/index.js';
import { startNamedSimulator } from '../../simulators/launch.js';
import { postAdvance } from '../conformance/advance.js';
import { postGraphQL, type GraphQLAnswer } from '../conformance/graphql.js';
import { launchSubgraph } from '../../subgraphs/launch.js';

/**
 * One country for tests: its simulator and its subgraph on ephemeral ports, with a fresh cache
 * namespace (Redis when `redisUrl` is given) so upstream call counts start from an empty cache.
 */
export interface CountryForTest {
  subgraph: RunningService;
  simulator: RunningService;
  /** Requests the simulator has served (its /__sim/stats total). */
  stats(): Promise<{ requests: number; byRoute: Record<string, number> }>;
  faults(faults: Record<string, unknown>): Promise<void>;
  /** The simulated clock moves on by this many changes (POST /__sim/advance). */
  advance(changes: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startCountryForTest(name: string, options: { size?: number; seed?: number; redisUrl?: string } = {}): Promise<CountryForTest> {
  const config = loadConfig({});
  const logger = pino({ level: 'silent' });
  const manifest = readCountryManifest(name);
  const simulator = await startNamedSimulator(manifest.upstream.simulator, {
    port: 0,
    seed: options.seed ?? 7,
    size: options.size ?? 400,
    latencyMs: [0, 0],
    errorRate: 0,
  });
  const cache = createCache({ namespace: `test:${name}:${randomUUID()}`, logger, ...(options.redisUrl ? { redisUrl: options.redisUrl } : {}) });
  const subgraph = await launchSubgraph({ name, config, cache, logger, listen: { port: 0 }, upstreamUrl: simulator.url });
  const stats = async () => {
    const body = (await (await fetch(`${simulator.url}/__sim/stats`)).json()) as { total: number; byRoute: Record<string, number> };
    return { requests: body.total, byRoute: body.byRoute };
  };
  return {
    subgraph,
    simulator,
    stats,
    faults: async (faults) => {
      await fetch(`${simulator.url}/__sim/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(faults) });
    },
    advance: (changes) => postAdvance(`${simulator.url}/__sim/advance`, changes),
    stop: async () => {
      await subgraph.close();
      await simulator.close();
      await cache.close();
    },
  };
}

/**
 * A country subgraph in front of a simulator a test started itself (planted or broken records),
 * with a fresh in-process cache: `gql` posts to the subgraph signed as the gateway would.
 */
export interface AdapterForTest {
  sim: RunningSimulator;
  subgraph: RunningService;
  cache: Cache;
  gql<D>(query: string, variables?: Record<string, unknown>): Promise<GraphQLAnswer<D>>;
  stop(): Promise<void>;
}

export async function startAdapterForTest(name: string, sim: RunningSimulator): Promise<AdapterForTest> {
  const config = loadConfig({});
  const logger = pino({ level: 'silent' });
  const cache = createCache({ namespace: `test:${name}-adapter:${randomUUID()}`, logger });
  const subgraph = await launchSubgraph({ name, config, cache, logger, listen: { port: 0 }, upstreamUrl: sim.url });
  return {
    sim,
    subgraph,
    cache,
    gql: (query, variables = {}) => postGraphQL(subgraph.url, query, variables, { secret: config.gatewaySecret }),
    stop: async () => {
      await subgraph.close();
      await sim.close();
      await cache.close();
    },
  };
}

/** The answer's data, after asserting it carries no errors (they are printed when it does). */
export function dataOf<D>(answer: GraphQLAnswer<D>): D {
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  return answer.data as D;
}
