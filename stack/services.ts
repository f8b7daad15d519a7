import type { Config } from '../core/config.js';
import { composeSupergraph } from '../schema/compose.js';
import { sdlOfEntries } from '../schema/sources.js';
import { countrySubgraphs, dependenciesOf, readSubgraphList, startOrder, type SubgraphEntry, type SubgraphList } from '../schema/registry.js';
import { configuredUpstreamUrl, simulatorPort, subgraphPort } from './topology.js';

/**
 * THE start sequence, from data: simulators (those the started countries need, unless their
 * upstream is configured elsewhere), then the subgraphs in `dependsOn` waves (each wave in
 * parallel: the taxonomy and the countries, then the exchange), then a supergraph composed with
 * the real URLs, then the gateway. `npm start`, the benchmark and the test harness all call it;
 * they differ only in HOW one service starts (in-process or in its own process) and on which port.
 */

export interface StartedService {
  url: string;
  close(): Promise<void>;
}

export interface SubgraphStart {
  entry: SubgraphEntry;
  /** 0 = ephemeral. */
  port: number;
  /** Countries: their national system (or its simulator). */
  upstreamUrl?: string;
  /** The subgraphs it depends on (the exchange: the countries), by name. */
  subgraphUrls: Record<string, string>;
}

export interface ServiceStarters<S extends StartedService> {
  simulator(name: string, port: number): Promise<S>;
  subgraph(start: SubgraphStart): Promise<S>;
  /** Optional: callers that start their own gateways (the benchmark) leave it out. */
  gateway?(input: { supergraphSdl: string; subgraphUrls: Record<string, string> }): Promise<S>;
}

export interface ServicesPlan {
  config: Config;
  /** Registered subgraph names to start; default: every one. */
  subgraphs?: readonly string[];
  /** More simulators by name, started without a subgraph. */
  extraSimulators?: readonly string[];
  /** `fixed`: the manifests' ports moved by the port bases; `ephemeral`: port 0 everywhere. */
  ports: 'fixed' | 'ephemeral';
  list?: SubgraphList;
  /** Called as each service is up (labelled logs). */
  onStarted?(label: string, service: StartedService): void;
}

export interface StartedServices<S extends StartedService> {
  /** Country subgraph name (or extra simulator name) → its simulator. */
  simulators: Record<string, S>;
  subgraphs: Record<string, S>;
  gateway: S | undefined;
  /** Composed with the started subgraphs' URLs. */
  supergraphSdl: string;
  /** Every service in start order. */
  started: Array<{ label: string; service: S }>;
  /** Closes everything, in reverse start order; never throws. */
  close(): Promise<void>;
}

export async function startServices<S extends StartedService>(plan: ServicesPlan, starters: ServiceStarters<S>): Promise<StartedServices<S>> {
  const list = plan.list ?? readSubgraphList();
  const names = plan.subgraphs ?? list.subgraphs.map((s) => s.name);
  const started: Array<{ label: string; service: S }> = [];
  const track = (label: string, service: S) => {
    started.push({ label, service });
    plan.onStarted?.(label, service);
    return service;
  };
  const close = async () => {
    for (const { service } of [...started].reverse()) await service.close().catch(() => undefined);
  };
  try {
    const simulators = await startSimulators(plan, list, names, starters, track);
    const subgraphs: Record<string, S> = {};
    for (const wave of startOrder(list, names)) {
      await Promise.all(
        wave.map(async (entry) => {
          const upstream = simulators[entry.name]?.url ?? (entry.manifest.kind === 'country' ? configuredUpstreamUrl(entry.manifest, plan.config) : undefined);
          const deps = dependenciesOf(entry, list).subgraphs.filter((d) => subgraphs[d]);
          const service = await starters.subgraph({
            entry,
            port: plan.ports === 'fixed' ? subgraphPort(entry, plan.config) : 0,
            ...(upstream ? { upstreamUrl: upstream } : {}),
            subgraphUrls: Object.fromEntries(deps.map((d) => [d, subgraphs[d]!.url])),
          });
          subgraphs[entry.name] = track(entry.name, service);
        }),
      );
    }
    const subgraphUrls = Object.fromEntries(Object.entries(subgraphs).map(([name, s]) => [name, s.url]));
    const supergraphSdl = composeSupergraph({
      subgraphs: await sdlOfEntries(
        list.subgraphs.filter((s) => names.includes(s.name)),
        list,
        subgraphUrls,
      ),
    });
    const gateway = starters.gateway ? track('gateway', await starters.gateway({ supergraphSdl, subgraphUrls })) : undefined;
    return { simulators, subgraphs, gateway, supergraphSdl, started, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The started countries' simulators (in parallel) plus the extra ones; a country with a configured upstream needs none. */
async function startSimulators<S extends StartedService>(
  plan: ServicesPlan,
  list: SubgraphList,
  names: readonly string[],
  starters: ServiceStarters<S>,
  track: (label: string, service: S) => S,
): Promise<Record<string, S>> {
  const countries = countrySubgraphs(list).filter(
    (c) => names.includes(c.name) && dependenciesOf(c, list).upstream && !configuredUpstreamUrl(c.manifest, plan.config),
  );
  const wanted = [
    ...countries.map((c) => ({
      key: c.name,
      simulator: c.manifest.upstream.simulator,
      port: plan.ports === 'fixed' ? simulatorPort(c.manifest, plan.config) : 0,
    })),
    ...(plan.extraSimulators ?? []).map((simulator) => ({ key: simulator, simulator, port: 0 })),
  ];
  const entries = await Promise.all(wanted.map(async (w) => [w.key, track(`sim:${w.simulator}`, await starters.simulator(w.simulator, w.port))] as const));
  return Object.fromEntries(entries);
}
