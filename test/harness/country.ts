import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { createCache } from '../../core/cache/index.js';
import { loadConfig } from '../../core/config.js';
import type { RunningService } from '../../core/service.js';
import { readManifest } from '../../schema/registry.js';
import { startNamedSimulator } from '../../simulators/launch.js';
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
  stop(): Promise<void>;
}

export async function startCountryForTest(name: string, options: { size?: number; seed?: number; redisUrl?: string } = {}): Promise<CountryForTest> {
  const config = loadConfig({});
  const logger = pino({ level: 'silent' });
  const manifest = readManifest(name);
  const simulator = await startNamedSimulator(manifest.upstream?.simulator ?? name, {
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
    stop: async () => {
      await subgraph.close();
      await simulator.close();
      await cache.close();
    },
  };
}
