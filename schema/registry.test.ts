import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createCache, type Cache } from '../core/cache/index.js';
import { loadConfig } from '../core/config.js';
import type { RunningService } from '../core/service.js';
import { launchSubgraph } from '../subgraphs/launch.js';
import { countrySubgraphs, parseRegistry, readManifest, readSubgraphList, startOrder, type SubgraphManifest } from './registry.js';
import { sdlOfEntries } from './sources.js';

/** The registry: rover's supergraph.yaml and the manifests, validated; start order from dependsOn. */

const real = (name: string) => readManifest(name);
const core = (name: string, dependsOn: string[] = []): SubgraphManifest => ({ name, kind: 'core', port: 4001, dependsOn, resolverTypes: false });
const yaml = (entries: Record<string, string>) =>
  `federation_version: =2.9.0\nsubgraphs:\n${Object.entries(entries)
    .map(([name, schema]) => `  ${name}:\n    routing_url: http://127.0.0.1:4001/graphql\n    schema:\n      ${schema}\n`)
    .join('')}`;

describe('subgraph registry', () => {
  it('reads the committed registry: every manifest valid, countries with their settings', () => {
    const list = readSubgraphList();
    expect(list.subgraphs.map((s) => s.name)).toContain('taxonomy');
    for (const c of countrySubgraphs(list)) {
      expect(c.manifest.upstream.urlEnv).toBe(`UPSTREAM_${c.name.toUpperCase()}_URL`);
      for (const setting of Object.values(c.manifest.settings)) expect(setting.env.startsWith(`UPSTREAM_${c.name.toUpperCase()}_`)).toBe(true);
    }
  });

  it('starts in dependsOn waves: taxonomy and countries, then the exchange', () => {
    const waves = startOrder(readSubgraphList()).map((w) => w.map((s) => s.name));
    expect(waves.at(-1)).toEqual(['exchange']);
    expect(waves[0]).toEqual(expect.arrayContaining(['taxonomy', ...countrySubgraphs().map((c) => c.name)]));
  });

  it('rejects a cycle and an unknown dependency, naming them', () => {
    const manifests: Record<string, SubgraphManifest> = { a: core('a', ['b']), b: core('b', ['a']), c: core('c', ['nobody']) };
    expect(() => parseRegistry(yaml({ a: 'file: a.graphql', b: 'file: b.graphql' }), 'x.yaml', (n) => manifests[n]!)).toThrow(/cycle among a, b/);
    expect(() => parseRegistry(yaml({ c: 'file: c.graphql' }), 'x.yaml', (n) => manifests[n]!)).toThrow(/dependsOn "nobody"/);
  });

  it('reads subgraph_url entries and refuses graphref-style sources naming the field', () => {
    const list = parseRegistry(yaml({ a: 'subgraph_url: http://127.0.0.1:9/graphql' }), 'x.yaml', (n) => core(n));
    expect(list.subgraphs[0]!.schema).toEqual({ kind: 'introspect', url: 'http://127.0.0.1:9/graphql', headers: {} });
    expect(() => parseRegistry(yaml({ a: 'graphref: lmis@current' }), 'x.yaml', (n) => core(n))).toThrow(/subgraphs\.a\.schema\.graphref is not supported/);
    expect(() => parseRegistry(yaml({ a: 'filename: a.graphql' }), 'x.yaml', (n) => core(n))).toThrow(
      /subgraphs\.a\.schema must be \{ file: <path> \} or \{ subgraph_url: <url> \}/,
    );
  });

  it('names the file and the field of a bad manifest and a bad registry', () => {
    expect(() => parseRegistry('subgraphs:\n  a:\n    routing_url: nope\n    schema: { file: a.graphql }\n', 'x.yaml', (n) => core(n))).toThrow(
      /x\.yaml is not valid:\n {2}subgraphs\.a\.routing_url/,
    );
    expect(() => parseRegistry(yaml({ a: 'file: a.graphql' }), 'x.yaml', () => core('b'))).toThrow(/"name" is "b" but the registry entry is "a"/);
    expect(() => real('no-such-subgraph')).toThrow(/subgraphs\/no-such-subgraph\/subgraph\.json/);
  });
});

describe('a subgraph_url entry, introspected when composing', () => {
  const config = loadConfig({ NODE_ENV: 'test' });
  let taxonomy: RunningService;
  let cache: Cache;
  beforeAll(async () => {
    const logger = pino({ level: 'silent' });
    cache = createCache({ namespace: `registry-test-${Date.now()}`, logger });
    taxonomy = await launchSubgraph({ name: 'taxonomy', config, cache, logger, listen: { port: 0 } });
  });
  afterAll(async () => {
    await taxonomy?.close();
    await cache?.close();
  });

  it('fetches _service { sdl } signed with the gateway secret, and says which subgraph failed', async () => {
    const list = parseRegistry(yaml({ taxonomy: `subgraph_url: ${taxonomy.url}` }), 'x.yaml', real);
    const [sdl] = await sdlOfEntries(list.subgraphs, list, {}, { secret: config.gatewaySecret });
    expect(sdl?.sdl).toContain('countries: [Country!]!');
    await expect(sdlOfEntries(list.subgraphs, list, {}, { secret: 'a-wrong-secret-for-this-subgraph' })).rejects.toThrow(
      /subgraph "taxonomy": .* did not answer _service \{ sdl \}/,
    );
  });
});
