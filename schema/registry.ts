import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fromRoot } from '../core/paths.js';

/**
 * The subgraph registry: schema/supergraph.yaml (rover's format) plus each subgraph's
 * subgraph.json manifest. Composition, the exchange's country discovery, `npm start` and the test
 * harness all read the list from here, so adding a country is an entry in one file.
 */

export interface SubgraphEntry {
  name: string;
  routingUrl: string;
  /** Absolute path of the SDL file the entry points at. */
  schemaFile: string;
  manifest: SubgraphManifest;
}

export interface SubgraphManifest {
  name: string;
  kind: 'core' | 'country';
  port: number;
  country?: string;
  currency?: string;
  typePrefix?: string;
  agency?: string;
  upstream?: { system: string; simulator: string };
}

export interface SubgraphList {
  federationVersion: string;
  subgraphs: SubgraphEntry[];
}

const REGISTRY = 'schema/supergraph.yaml';

/** Reads the registry; throws naming the line when the file is not in the expected shape. */
export function readSubgraphList(file = fromRoot(REGISTRY)): SubgraphList {
  const text = readFileSync(file, 'utf8');
  const raw = parseRoverYaml(text, file);
  const base = dirname(file);
  return {
    federationVersion: raw.federationVersion,
    subgraphs: raw.subgraphs.map((s) => ({
      name: s.name,
      routingUrl: s.routingUrl,
      schemaFile: resolve(base, s.schemaFile),
      manifest: readManifest(s.name),
    })),
  };
}

export function readManifest(name: string): SubgraphManifest {
  const file = fromRoot('subgraphs', name, 'subgraph.json');
  return JSON.parse(readFileSync(file, 'utf8')) as SubgraphManifest;
}

/** The country subgraphs, in registry order. */
export function countrySubgraphs(list = readSubgraphList()): SubgraphEntry[] {
  return list.subgraphs.filter((s) => s.manifest.kind === 'country');
}

interface RawEntry {
  name: string;
  routingUrl: string;
  schemaFile: string;
}

/**
 * A parser for exactly the subset of YAML rover's supergraph.yaml uses (no YAML package is a
 * dependency): `federation_version`, and `subgraphs:` → name → `routing_url`, `schema: file:`.
 */
export function parseRoverYaml(text: string, file = REGISTRY): { federationVersion: string; subgraphs: RawEntry[] } {
  let federationVersion = '=2.9.0';
  const subgraphs: RawEntry[] = [];
  let current: Partial<RawEntry> | undefined;
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    const content = line.replace(/#.*$/, '').trimEnd();
    if (!content.trim()) return;
    const indent = content.length - content.trimStart().length;
    const [key, ...rest] = content.trim().split(':');
    const value = rest.join(':').trim().replace(/^['"]|['"]$/g, '');
    if (indent === 0 && key === 'federation_version') federationVersion = value;
    else if (indent === 0 && key === 'subgraphs') return;
    else if (indent === 2 && key && !value) {
      current = { name: key };
      subgraphs.push(current as RawEntry);
    } else if (current && key === 'routing_url') current.routingUrl = value;
    else if (current && key === 'file') current.schemaFile = value;
    else if (current && key === 'schema') return;
    else throw new Error(`${file}:${index + 1}: unexpected line "${line.trim()}"`);
  });
  for (const s of subgraphs) {
    if (!s.routingUrl || !s.schemaFile) throw new Error(`${file}: subgraph "${s.name}" needs routing_url and schema.file`);
  }
  return { federationVersion, subgraphs };
}
