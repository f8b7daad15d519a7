import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { fromRoot } from '../core/paths.js';

/**
 * The subgraph registry, and the ONLY module that reads it: schema/supergraph.yaml (rover's
 * format) plus each subgraph's subgraph.json manifest, both validated with zod so that a typo
 * fails at start naming the file and the field. Composition, the exchange's country discovery,
 * the launchers (`npm start`, the benchmark, the test harness), codegen and the kit read the list
 * from here, so adding a country is its folder plus an entry in one file.
 */

const name = z.string().regex(/^[a-z][a-z0-9_-]*$/, 'lower-case letters, digits, - and _');
const envName = z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'an environment variable name (A-Z, 0-9, _)');
const port = z.number().int().min(1).max(65535);

/** One setting a country needs (a credential, a client id…), read from the environment by name. */
const SettingSchema = z.strictObject({
  env: envName,
  description: z.string().min(1),
  /** The simulator's dev value; without one the variable is required. */
  default: z.string().optional(),
  /** Never logged. */
  secret: z.boolean().default(false),
  /** An older name still accepted (deprecated). */
  deprecatedEnv: envName.optional(),
});

const CoreManifestSchema = z.strictObject({
  name,
  kind: z.literal('core'),
  port,
  /** Subgraph names, or `kind:country` for every registered country. */
  dependsOn: z.array(z.string()).default([]),
  /** `npm run codegen` generates generated/resolvers-types.ts, which its resolver map is typed with. */
  resolverTypes: z.boolean().default(false),
});

const CountryManifestSchema = z.strictObject({
  name,
  kind: z.literal('country'),
  port,
  /** ISO 3166-1 alpha-2; also the global id prefix (`ID:…`). */
  country: z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2, e.g. "ID"'),
  /** ISO 4217. */
  currency: z.string().regex(/^[A-Z]{3}$/, 'ISO 4217, e.g. "IDR"'),
  /** Type names are `<typePrefix>Vacancy` and `<typePrefix>TrainingOffer`. */
  typePrefix: z.string().regex(/^[A-Z][A-Za-z0-9]*$/, 'a GraphQL type-name prefix in PascalCase'),
  /** The national occupation classification its postings are coded in: its reference/country.json `occupationSystem.id`. */
  occupationSystem: z.string().min(1),
  agency: z.string().min(1),
  upstream: z.strictObject({
    system: z.string().min(1),
    /** simulators/<simulator>/ stands in for the national system in dev and tests. */
    simulator: name,
    /** The simulator's default port (moved by SIM_PORT_BASE). */
    simulatorPort: port,
    /** The variable holding the national system's base URL; unset = the local simulator. */
    urlEnv: envName,
  }),
  settings: z.record(z.string().regex(/^[a-z][A-Za-z0-9]*$/), SettingSchema).default({}),
  /** `upstream` = its simulator, when it runs locally. */
  dependsOn: z.array(z.string()).default(['upstream']),
});

export const ManifestSchema = z.discriminatedUnion('kind', [CoreManifestSchema, CountryManifestSchema]);

export type SubgraphManifest = z.infer<typeof ManifestSchema>;
export type CountryManifest = z.infer<typeof CountryManifestSchema>;
export type SettingDeclaration = z.infer<typeof SettingSchema>;

/** rover's supergraph.yaml. `schema` is one of rover's four sources; two are supported here. */
const SchemaSourceSchema = z.union([
  z.strictObject({ file: z.string().min(1) }),
  z.strictObject({ subgraph_url: z.string().url(), introspection_headers: z.record(z.string(), z.string()).optional() }),
]);

const RoverEntrySchema = z.strictObject({
  routing_url: z.string().url(),
  schema: z.record(z.string(), z.unknown()),
});

const RoverFileSchema = z.strictObject({
  federation_version: z.union([z.string(), z.number()]).transform(String).default('=2.9.0'),
  subgraphs: z.record(name, RoverEntrySchema),
});

/** Where a subgraph's SDL comes from: a committed file, or the running subgraph (`_service { sdl }`). */
export type SchemaSource = { kind: 'file'; file: string } | { kind: 'introspect'; url: string; headers: Record<string, string> };

export interface SubgraphEntry {
  name: string;
  routingUrl: string;
  schema: SchemaSource;
  /** Absolute path of the SDL file (for `schema.file` entries; empty for `subgraph_url`). */
  schemaFile: string;
  manifest: SubgraphManifest;
}

export interface CountryEntry extends SubgraphEntry {
  manifest: CountryManifest;
}

export interface SubgraphList {
  federationVersion: string;
  subgraphs: SubgraphEntry[];
}

const REGISTRY = 'schema/supergraph.yaml';
const UNSUPPORTED_SOURCES: Record<string, string> = {
  graphref: 'a GraphOS graph ref needs Apollo Studio, which this project does not use',
  subgraph: 'a GraphOS subgraph needs Apollo Studio, which this project does not use',
};

/** Reads and validates the registry; throws naming the file and the field when anything is off. */
export function readSubgraphList(file = fromRoot(REGISTRY)): SubgraphList {
  return parseRegistry(readFileSync(file, 'utf8'), file, readManifest);
}

/** The registry text parsed and checked; `manifestOf` reads a subgraph's manifest by name. */
export function parseRegistry(text: string, file: string, manifestOf: (name: string) => SubgraphManifest): SubgraphList {
  const raw = RoverFileSchema.safeParse(parseYamlText(text, file));
  if (!raw.success) throw new Error(describeIssues(file, raw.error));
  const base = dirname(file);
  const subgraphs = Object.entries(raw.data.subgraphs).map(([key, entry]) => {
    const schema = schemaSource(file, key, entry.schema, base);
    const manifest = manifestOf(key);
    if (manifest.name !== key) throw new Error(`subgraphs/${key}/subgraph.json: "name" is "${manifest.name}" but the registry entry is "${key}"`);
    return { name: key, routingUrl: entry.routing_url, schema, schemaFile: schema.kind === 'file' ? schema.file : '', manifest };
  });
  const list = { federationVersion: raw.data.federation_version, subgraphs };
  startOrder(list); // rejects unknown dependencies and cycles now, not at start
  return list;
}

/** A subgraph folder's subgraph.json, validated (`folder` is the name for registered subgraphs). */
export function readManifest(folder: string): SubgraphManifest {
  const file = `subgraphs/${folder}/subgraph.json`;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(fromRoot(file), 'utf8'));
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
  const parsed = ManifestSchema.safeParse(json);
  if (!parsed.success) throw new Error(describeIssues(file, parsed.error));
  return parsed.data;
}

/** A country folder's manifest; throws when the folder is not a country. */
export function readCountryManifest(folder: string): CountryManifest {
  const manifest = readManifest(folder);
  if (manifest.kind !== 'country') throw new Error(`subgraphs/${folder}/subgraph.json: "kind" must be "country"`);
  return manifest;
}

/** The country subgraphs, in registry order. */
export function countrySubgraphs(list = readSubgraphList()): CountryEntry[] {
  return list.subgraphs.filter((s): s is CountryEntry => s.manifest.kind === 'country');
}

/** A registered subgraph by name; throws listing the known names. */
export function subgraphEntry(subgraph: string, list = readSubgraphList()): SubgraphEntry {
  const entry = list.subgraphs.find((s) => s.name === subgraph);
  if (!entry) throw new Error(`unknown subgraph "${subgraph}"; registered: ${list.subgraphs.map((s) => s.name).join(', ')}`);
  return entry;
}

/** What a subgraph waits for: other subgraphs by name, and whether it needs its simulator. */
export interface Dependencies {
  subgraphs: string[];
  upstream: boolean;
}

/** A subgraph's `dependsOn`, resolved against the registry (`kind:country` = every country). */
export function dependenciesOf(entry: SubgraphEntry, list: SubgraphList): Dependencies {
  const subgraphs = new Set<string>();
  let upstream = false;
  for (const dep of entry.manifest.dependsOn) {
    if (dep === 'upstream' && entry.manifest.kind === 'country') upstream = true;
    else if (dep.startsWith('kind:'))
      list.subgraphs.filter((s) => s.manifest.kind === dep.slice(5) && s.name !== entry.name).forEach((s) => subgraphs.add(s.name));
    else if (list.subgraphs.some((s) => s.name === dep)) subgraphs.add(dep);
    else throw new Error(`subgraphs/${entry.name}/subgraph.json: dependsOn "${dep}" is not a registered subgraph, "kind:<kind>" or (countries) "upstream"`);
  }
  return { subgraphs: [...subgraphs], upstream };
}

/**
 * The subgraphs in waves: each wave depends only on earlier ones, so a launcher may start a wave
 * in parallel. Throws on a cycle, naming the subgraphs in it.
 */
export function startOrder(list: SubgraphList, only?: readonly string[]): SubgraphEntry[][] {
  const wanted = list.subgraphs.filter((s) => !only || only.includes(s.name));
  const pending = new Map(wanted.map((s) => [s.name, dependenciesOf(s, list).subgraphs.filter((d) => wanted.some((w) => w.name === d))]));
  const waves: SubgraphEntry[][] = [];
  const done = new Set<string>();
  while (pending.size) {
    const ready = wanted.filter((s) => pending.get(s.name)?.every((d) => done.has(d)));
    if (!ready.length) throw new Error(`schema/supergraph.yaml: dependsOn forms a cycle among ${[...pending.keys()].join(', ')}`);
    for (const s of ready) pending.delete(s.name);
    for (const s of ready) done.add(s.name);
    waves.push(ready);
  }
  return waves;
}

function schemaSource(file: string, key: string, schema: Record<string, unknown>, base: string): SchemaSource {
  const field = `subgraphs.${key}.schema`;
  const unsupported = Object.keys(schema).find((k) => k in UNSUPPORTED_SOURCES);
  if (unsupported)
    throw new Error(`${file}: ${field}.${unsupported} is not supported (${UNSUPPORTED_SOURCES[unsupported]}); use schema.file or schema.subgraph_url`);
  const parsed = SchemaSourceSchema.safeParse(schema);
  if (!parsed.success)
    throw new Error(`${file}: ${field} must be { file: <path> } or { subgraph_url: <url> } (got keys: ${Object.keys(schema).join(', ') || 'none'})`);
  if ('file' in parsed.data) return { kind: 'file', file: resolve(base, parsed.data.file) };
  return { kind: 'introspect', url: parsed.data.subgraph_url, headers: parsed.data.introspection_headers ?? {} };
}

function parseYamlText(text: string, file: string): unknown {
  try {
    return parseYaml(text);
  } catch (error) {
    throw new Error(`${file}: not valid YAML: ${(error as Error).message}`);
  }
}

function describeIssues(file: string, error: z.ZodError): string {
  const lines = error.issues.map((i) => `  ${i.path.join('.') || '(top level)'}: ${i.message}`);
  return `${file} is not valid:\n${lines.join('\n')}`;
}
