import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../core/config.js';
import { startServices } from '../stack/services.js';
import { HAS_TASKSET, launch, pinSelf, type Placement, type Service } from './stack.js';

/**
 * What the benchmark runs, read from the registry (so a new country is benchmarked without a
 * change here): one simulator per country, every subgraph, one supergraph composed with their
 * ephemeral URLs, and the gateways under comparison — all on that same supergraph.
 */
export const GATEWAY_NAMES = ['ours', 'hive', 'hive-cache', 'plain-apollo'] as const;
export type GatewayName = (typeof GATEWAY_NAMES)[number];

export interface Stack {
  /** Country subgraph name → its simulator. */
  sims: Record<string, Service>;
  subgraphs: Record<string, Service>;
  gateways: Partial<Record<GatewayName, Service>>;
  supergraphPath: string;
  pinning: string;
}

export interface StackSettings {
  size: number;
  latencyMs: [number, number];
  gateways: readonly GatewayName[];
  /** Settings for one subgraph's process by name (its config environment), e.g. the exchange's store. */
  subgraphEnv?: Record<string, Record<string, string>>;
  /** More options for every gateway's worker (bench/worker.ts), e.g. `responseCacheTtlSeconds`. */
  gatewayOptions?: Record<string, unknown>;
}

// Two cores: the gateway under test gets one to itself; everything else (load generator,
// simulators, subgraphs, idle peer gateways) shares the other, as the issue asks.
const LOAD_CORE = 0;
const GATEWAY_CORE = 1;
/** Ours runs with the heap budget it is deployed with (docker-compose.yml, deploy/kubernetes); the peers as they come. */
export const OUR_NODE_FLAGS = ['--max-old-space-size=256'];

export async function startStack(settings: StackSettings): Promise<Stack> {
  const { backend, gateway, pinning } = placement();
  // Simulators and subgraphs in the registry's start order, each in its own process, on ephemeral ports.
  const started = await startServices<Service & { close(): Promise<void> }>(
    { config: loadConfig({}), ports: 'ephemeral' },
    {
      simulator: async (name) => closable(await launch('sim', name, { size: settings.size, latencyMs: settings.latencyMs }, backend)),
      subgraph: async ({ entry, upstreamUrl, subgraphUrls }) =>
        closable(await launch('subgraph', entry.name, { ...(upstreamUrl ? { upstreamUrl } : {}), subgraphUrls, env: settings.subgraphEnv?.[entry.name] }, backend)),
    },
  );
  const supergraphPath = writeSupergraph(started.supergraphSdl);
  const gateways: Stack['gateways'] = Object.fromEntries(
    await Promise.all(settings.gateways.map(async (name) => [name, await launch('gateway', name, { ...settings.gatewayOptions, supergraphPath }, { ...gateway, nodeFlags: name === 'ours' ? OUR_NODE_FLAGS : [] })] as const)),
  );
  return { sims: started.simulators, subgraphs: started.subgraphs, gateways, supergraphPath, pinning };
}

/** Bench processes are killed together by stopAll(); one alone needs no close of its own. */
function closable(service: Service): Service & { close(): Promise<void> } {
  return { ...service, close: async () => undefined };
}

function writeSupergraph(supergraphSdl: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'lmis-bench-')), 'supergraph.graphql');
  writeFileSync(path, supergraphSdl);
  return path;
}

/** Which core each kind of process gets, and how the report should say it. */
function placement(): { backend: Placement; gateway: Placement; pinning: string } {
  if (cpus().length >= 2 && pinSelf(LOAD_CORE)) {
    return {
      backend: { core: LOAD_CORE },
      gateway: { core: GATEWAY_CORE },
      pinning: `taskset: the load generator (autocannon, in the benchmark process), the simulators and the subgraphs on core ${LOAD_CORE}; the gateways on core ${GATEWAY_CORE}, measured one at a time (the idle ones use no CPU)`,
    };
  }
  return { backend: {}, gateway: {}, pinning: HAS_TASKSET ? 'not pinned (fewer than two cores)' : 'not pinned (taskset unavailable)' };
}
