import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeSupergraph, registrySdl } from '../schema/compose.js';
import { countrySubgraphs, readSubgraphList } from '../schema/registry.js';
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
}

// Two cores: the gateway under test gets one to itself; everything else (load generator,
// simulators, subgraphs, idle peer gateways) shares the other, as the issue asks.
const LOAD_CORE = 0;
const GATEWAY_CORE = 1;
/** Ours runs with the heap budget it is deployed with (docker-compose.yml, deploy/kubernetes); the peers as they come. */
export const OUR_NODE_FLAGS = ['--max-old-space-size=256'];

export async function startStack(settings: StackSettings): Promise<Stack> {
  const { backend, gateway, pinning } = placement();
  const countries = countrySubgraphs();
  const sims = Object.fromEntries(
    await Promise.all(
      countries.map(async (c) => {
        const simulator = c.manifest.upstream?.simulator ?? c.name;
        return [c.name, await launch('sim', simulator, { size: settings.size, latencyMs: settings.latencyMs }, backend)] as const;
      }),
    ),
  );
  const subgraphs = await startSubgraphs(sims, backend);
  const supergraphPath = writeSupergraph(Object.fromEntries(Object.entries(subgraphs).map(([name, s]) => [name, s.url])));
  const gateways: Stack['gateways'] = Object.fromEntries(
    await Promise.all(settings.gateways.map(async (name) => [name, await launch('gateway', name, { supergraphPath }, { ...gateway, nodeFlags: name === 'ours' ? OUR_NODE_FLAGS : [] })] as const)),
  );
  return { sims, subgraphs, gateways, supergraphPath, pinning };
}

/** Core subgraphs and countries first (in parallel), then the exchange, which needs the countries' URLs. */
async function startSubgraphs(sims: Record<string, Service>, backend: Placement): Promise<Record<string, Service>> {
  const list = readSubgraphList().subgraphs;
  const countries = list.filter((s) => s.manifest.kind === 'country');
  const independent = list.filter((s) => s.manifest.kind !== 'country' && s.name !== 'exchange');
  const subgraphs: Record<string, Service> = {};
  await Promise.all([
    ...independent.map(async (s) => (subgraphs[s.name] = await launch('subgraph', s.name, {}, backend))),
    ...countries.map(async (c) => (subgraphs[c.name] = await launch('subgraph', c.name, { upstreamUrl: sims[c.name]!.url }, backend))),
  ]);
  if (list.some((s) => s.name === 'exchange')) {
    const subgraphUrls = Object.fromEntries(countries.map((c) => [c.name, subgraphs[c.name]!.url]));
    subgraphs.exchange = await launch('subgraph', 'exchange', { subgraphUrls }, backend);
  }
  return subgraphs;
}

function writeSupergraph(urls: Record<string, string>): string {
  const path = join(mkdtempSync(join(tmpdir(), 'lmis-bench-')), 'supergraph.graphql');
  writeFileSync(path, composeSupergraph({ subgraphs: registrySdl(urls) }));
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
