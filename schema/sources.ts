import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fromRoot } from '../core/paths.js';
import { signRequestHeaders } from '../core/trust.js';
import { countrySubgraphs, type SubgraphEntry, type SubgraphList } from './registry.js';
import { countrySchemaText } from './sdl/country.js';
import { exchangeSchemaText } from './sdl/exchange.js';

/**
 * Where each registry entry's SDL comes from: generated in memory (a country = the contract +
 * its own types; the exchange = stubs for every country), its committed `schema.file`, or — for
 * a `schema.subgraph_url` entry — the running subgraph's `_service { sdl }` over HTTP.
 */

export interface SubgraphSdl {
  name: string;
  /** Where the gateway routes this subgraph's fetches (tests pass ephemeral URLs). */
  url: string;
  sdl: string;
}

/** The SDL a registry entry's file should contain, when it is generated (countries, exchange). */
export function generatedSdl(entry: SubgraphEntry, list: SubgraphList): string | undefined {
  if (entry.schema.kind !== 'file') return undefined;
  if (entry.manifest.kind === 'country') {
    const own = readFileSync(fromRoot('subgraphs', entry.name, 'src/schema.graphql'), 'utf8');
    return countrySchemaText({ name: entry.name, typePrefix: entry.manifest.typePrefix }, own);
  }
  if (entry.name === 'exchange') return exchangeSchemaText(countrySubgraphs(list).map((c) => ({ typePrefix: c.manifest.typePrefix })));
  return undefined;
}

/** The registry's file-based SDL (generated where it applies); throws for a `subgraph_url` entry. */
export function fileSdl(entry: SubgraphEntry, list: SubgraphList): string {
  if (entry.schema.kind !== 'file')
    throw new Error(`schema/supergraph.yaml: subgraphs.${entry.name}.schema.subgraph_url must be introspected (use sdlOfEntries)`);
  return generatedSdl(entry, list) ?? readFileSync(entry.schema.file, 'utf8');
}

export interface IntrospectOptions {
  /** Signs the introspection request as the gateway would (subgraphs refuse unsigned calls). */
  secret?: string;
  timeoutMs?: number;
}

/** Every given entry's SDL, routed at `urls` where given, introspecting `subgraph_url` entries. */
export async function sdlOfEntries(
  entries: readonly SubgraphEntry[],
  list: SubgraphList,
  urls: Record<string, string> = {},
  options: IntrospectOptions = {},
): Promise<SubgraphSdl[]> {
  return Promise.all(
    entries.map(async (entry) => ({
      name: entry.name,
      url: urls[entry.name] ?? entry.routingUrl,
      sdl:
        entry.schema.kind === 'file' ? fileSdl(entry, list) : await introspectSdl(entry.name, entry.schema.url, { ...options, headers: entry.schema.headers }),
    })),
  );
}

/** `{ _service { sdl } }` from a running subgraph; throws naming the subgraph and what went wrong. */
export async function introspectSdl(name: string, url: string, options: IntrospectOptions & { headers?: Record<string, string> } = {}): Promise<string> {
  const request = JSON.stringify({ query: '{ _service { sdl } }' });
  const signed = options.secret ? signRequestHeaders(options.secret, { method: 'POST', target: url, body: request, requestId: randomUUID() }) : {};
  const headers = { 'content-type': 'application/json', ...signed, ...options.headers };
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers,
      body: request,
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
  } catch (error) {
    throw new Error(`subgraph "${name}": cannot introspect ${url}: ${(error as Error).message}`);
  }
  const body = (await response.json().catch(() => undefined)) as { data?: { _service?: { sdl?: string } }; errors?: Array<{ message: string }> } | undefined;
  const sdl = body?.data?._service?.sdl;
  if (!response.ok || typeof sdl !== 'string') {
    const why = body?.errors?.map((e) => e.message).join('; ') ?? `HTTP ${response.status}`;
    throw new Error(`subgraph "${name}": ${url} did not answer _service { sdl } (${why})`);
  }
  return sdl;
}
