import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { fromRoot } from '../core/paths.js';
import { countrySchemaText } from '../subgraphs/kit/country/schema.js';
import { exchangeSchemaText } from '../subgraphs/exchange/src/schemaText.js';
import { countrySubgraphs, readSubgraphList, type SubgraphEntry, type SubgraphList } from './registry.js';

/**
 * `npm run compose`: writes the generated subgraph SDL (each country = contract + its own types;
 * the exchange = generated from the country list), then composes schema/supergraph.graphql with
 * @apollo/composition — in-process, because the rover binary cannot be downloaded here.
 * `--check` fails instead of writing when anything committed is stale.
 */

export interface SubgraphSdl {
  name: string;
  url: string;
  sdl: string;
}

const SUPERGRAPH = fromRoot('schema/supergraph.graphql');

/** Composes; throws one readable error listing every composition error. */
export function composeSupergraph(subgraphs: readonly SubgraphSdl[]): string {
  const result = composeServices(subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })));
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}`);
  }
  return result.supergraphSdl;
}

/** The SDL each registry entry's file should contain, generated where generation applies. */
export function generatedSdl(entry: SubgraphEntry, list: SubgraphList): string | undefined {
  if (entry.manifest.kind === 'country') {
    const own = readFileSync(fromRoot('subgraphs', entry.name, 'src/schema.graphql'), 'utf8');
    return countrySchemaText({ name: entry.name, typePrefix: entry.manifest.typePrefix ?? entry.name }, own);
  }
  if (entry.name === 'exchange') {
    return exchangeSchemaText(countrySubgraphs(list).map((c) => ({ typePrefix: c.manifest.typePrefix ?? c.name })));
  }
  return undefined;
}

/** Every subgraph's SDL with the URLs given (tests pass ephemeral ones), generated in memory. */
export function registrySdl(urls: Record<string, string> = {}, list = readSubgraphList()): SubgraphSdl[] {
  return list.subgraphs.map((entry) => ({
    name: entry.name,
    url: urls[entry.name] ?? entry.routingUrl,
    sdl: generatedSdl(entry, list) ?? readFileSync(entry.schemaFile, 'utf8'),
  }));
}

function main(check: boolean): void {
  const list = readSubgraphList();
  const stale: string[] = [];
  const write = (path: string, text: string) => {
    const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    if (current === text) return;
    if (check) return void stale.push(path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    console.log(`wrote ${path}`);
  };
  for (const entry of list.subgraphs) {
    const sdl = generatedSdl(entry, list);
    if (sdl !== undefined) write(entry.schemaFile, sdl);
  }
  write(SUPERGRAPH, composeSupergraph(registrySdl({}, list)));
  if (stale.length) {
    console.error(`stale (run npm run compose):\n  ${stale.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`supergraph ${check ? 'is fresh' : 'composed'}: ${list.subgraphs.map((s) => s.name).join(', ')}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    main(process.argv.includes('--check'));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
