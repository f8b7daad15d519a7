import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { loadConfig } from '../core/config.js';
import { fromRoot } from '../core/paths.js';
import { API_SCHEMA, apiSchemaText } from './api.js';
import { readSubgraphList, type SubgraphList } from './registry.js';
import { fileSdl, generatedSdl, sdlOfEntries, type SubgraphSdl } from './sources.js';

export type { SubgraphSdl };

/**
 * `npm run compose`: writes the generated subgraph SDL (each country = contract + its own types;
 * the exchange = generated from the country list), then composes schema/supergraph.graphql with
 * @apollo/composition — in-process, because the rover binary cannot be downloaded here.
 * `schema.subgraph_url` entries are introspected over HTTP (signed with GATEWAY_SHARED_SECRET).
 * `npm run compose -- --check` writes nothing and fails when anything committed is stale.
 */

export const SUPERGRAPH = fromRoot('schema/supergraph.graphql');

/** Composes; throws one readable error listing every composition error with its code. */
export function composeSupergraph(input: { subgraphs: readonly SubgraphSdl[] }): string {
  const result = composeServices(input.subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parseSdl(s) })));
  if (result.errors) {
    const lines = result.errors.map((e) => `  - [${codeOf(e)}] ${e.message}`);
    throw new Error(`Composition failed (${result.errors.length} error${result.errors.length === 1 ? '' : 's'}):\n${lines.join('\n')}`);
  }
  return result.supergraphSdl;
}

/**
 * Every registered subgraph's SDL from the repository (generated in memory where it applies),
 * routed at `urls` where given. Synchronous; throws for a `subgraph_url` entry (see composeRegistry).
 */
export function registrySdl(urls: Record<string, string> = {}, list = readSubgraphList()): SubgraphSdl[] {
  return list.subgraphs.map((entry) => ({ name: entry.name, url: urls[entry.name] ?? entry.routingUrl, sdl: fileSdl(entry, list) }));
}

/** The registry composed with its routing URLs, introspecting `subgraph_url` entries: what schema/supergraph.graphql must contain. */
export async function composeRegistry(list: SubgraphList = readSubgraphList(), secret = loadConfig().gatewaySecret): Promise<string> {
  return composeSupergraph({ subgraphs: await sdlOfEntries(list.subgraphs, list, {}, { secret }) });
}

function parseSdl(subgraph: SubgraphSdl) {
  try {
    return parse(subgraph.sdl);
  } catch (error) {
    throw new Error(`Composition failed: the SDL of subgraph "${subgraph.name}" does not parse: ${(error as Error).message}`);
  }
}

function codeOf(error: { extensions: Record<string, unknown> }): string {
  const code = error.extensions.code;
  return typeof code === 'string' ? code : 'COMPOSITION_ERROR';
}

/** Writes (or, with --check, only compares) every generated file and the supergraph. */
async function compose(check: boolean): Promise<void> {
  const list = readSubgraphList();
  const stale: string[] = [];
  const write = (path: string, text: string) => {
    const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    if (current === text) return;
    stale.push(relative(fromRoot(), path));
    if (check) return;
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  };
  for (const entry of list.subgraphs) {
    const sdl = generatedSdl(entry, list);
    if (sdl !== undefined) write(entry.schemaFile, sdl);
  }
  const supergraph = await composeRegistry(list);
  write(SUPERGRAPH, supergraph);
  // The client-facing schema (schema/api.ts) follows the supergraph.
  write(API_SCHEMA, apiSchemaText(supergraph));
  const names = list.subgraphs.map((s) => s.name).join(', ');
  if (check && stale.length) throw new Error(`stale — run \`npm run compose\`:\n  ${stale.join('\n  ')}`);
  console.log(check ? `supergraph is fresh (${names})` : `${stale.length ? `wrote ${stale.join(', ')}\n` : ''}composed: ${names}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    await compose(process.argv.includes('--check'));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
