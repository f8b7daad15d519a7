import type { Config } from '../core/config.js';
import { countrySubgraphs, readSubgraphList, type SubgraphEntry } from '../schema/registry.js';

/**
 * Where every part of the stack listens by default, derived from the registry and the config:
 * subgraphs on the port of their subgraph.json and reached at their registry routing_url, simulators on SIM_<COUNTRY>_PORT (4101…), each
 * country subgraph pointed at UPSTREAM_<COUNTRY>_URL or else its local simulator.
 */
export interface Topology {
  subgraphs: Array<SubgraphEntry & { port: number }>;
  simulators: Array<{ name: string; port: number }>;
  upstreamUrl(subgraph: string): string | undefined;
  subgraphUrl(subgraph: string): string;
}

const SIMULATOR_BASE_PORT = 4101;

export function topology(config: Config, list = readSubgraphList()): Topology {
  const countries = countrySubgraphs(list);
  const simulators = countries.map((entry, index) => {
    const name = entry.manifest.upstream?.simulator ?? entry.name;
    return { name, port: simulatorPort(config, name, index) };
  });
  const simulatorUrl = (name: string) => {
    const sim = simulators.find((s) => s.name === name);
    return sim ? `http://${config.host}:${sim.port}` : undefined;
  };
  return {
    subgraphs: list.subgraphs.map((s) => ({ ...s, port: s.manifest.port })),
    simulators,
    upstreamUrl: (subgraph) => {
      const entry = countries.find((c) => c.name === subgraph);
      if (!entry) return undefined;
      const configured = config.upstreams[subgraph]?.url;
      return configured ?? simulatorUrl(entry.manifest.upstream?.simulator ?? subgraph);
    },
    subgraphUrl: (subgraph) => {
      const entry = list.subgraphs.find((s) => s.name === subgraph);
      if (!entry) throw new Error(`unknown subgraph "${subgraph}"`);
      return entry.routingUrl;
    },
  };
}

function simulatorPort(config: Config, name: string, index: number): number {
  const known = (config.ports.simulators as Record<string, number>)[name];
  return known ?? SIMULATOR_BASE_PORT + index;
}
