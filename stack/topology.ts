import type { Config } from '../core/config.js';
import type { CountryManifest, SubgraphEntry } from '../schema/registry.js';

/**
 * Where a part of the stack listens and what it calls, from the registry and the config alone:
 * a subgraph on its subgraph.json port moved by SUBGRAPH_PORT_BASE, a simulator on its manifest's
 * `upstream.simulatorPort` moved by SIM_PORT_BASE, a country's upstream at the URL its manifest
 * names (`upstream.urlEnv`) or else its local simulator.
 */

/** The port a subgraph listens on in a fixed-port stack. */
export function subgraphPort(entry: SubgraphEntry, config: Config): number {
  return entry.manifest.port + config.ports.subgraphOffset;
}

/** The port a country's simulator listens on in a fixed-port stack. */
export function simulatorPort(manifest: CountryManifest, config: Config): number {
  return manifest.upstream.simulatorPort + config.ports.simulatorOffset;
}

/** The national system's URL when the environment names one (`upstream.urlEnv`); else undefined (use the simulator). */
export function configuredUpstreamUrl(manifest: CountryManifest, config: Config): string | undefined {
  return config.settingsFor(manifest.name, { url: { env: manifest.upstream.urlEnv, format: 'url', optional: true } }).url;
}

/**
 * A subgraph's URL in a fixed-port stack: its registry routing_url, with the port moved by
 * SUBGRAPH_PORT_BASE when the routing URL is the subgraph's own default port.
 */
export function subgraphUrl(entry: SubgraphEntry, config: Config): string {
  const url = new URL(entry.routingUrl);
  if (Number(url.port) === entry.manifest.port) url.port = String(subgraphPort(entry, config));
  return url.toString();
}

export function simulatorUrl(manifest: CountryManifest, config: Config): string {
  return `http://${config.host}:${simulatorPort(manifest, config)}`;
}
