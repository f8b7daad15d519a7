import { randomUUID } from 'node:crypto';
import { signRequestHeaders } from '../subgraphs/kit/trust.js';
import { runLoad, type LoadResult } from './load.js';

/**
 * The physical limits the gateway is compared with: each national system's own search call,
 * unloaded (one connection) — a cold cross-border page can be no faster than the slowest of them,
 * fetched in parallel — and the taxonomy subgraph called directly.
 */
export async function slowestUpstreamP50(simulators: Record<string, string>, seconds: number): Promise<{ name: string; p50: number }> {
  const results = await Promise.all(Object.entries(simulators).map(async ([name, url]) => ({ name, p50: (await nativeSearch(name, url, seconds)).p50 })));
  return results.sort((a, b) => b.p50 - a.p50)[0] ?? { name: 'none', p50: 0 };
}

async function nativeSearch(name: string, base: string, seconds: number): Promise<LoadResult> {
  const calls: Record<string, () => Promise<LoadResult>> = {
    indonesia: () =>
      loadWithHeaders(`${base}/1/indexes/karirhub_industrial_vacancies_published_at_desc/query`, { 'x-algolia-api-key': 'sim-karirhub-key', 'x-algolia-application-id': 'KARIRHUB', 'content-type': 'application/json' }, JSON.stringify({ hitsPerPage: 21 }), seconds),
    thailand: () =>
      loadWithHeaders(`${base}/api-server/JobAll/ajax_list_job`, { authorization: 'Bearer sim-doe-token', 'content-type': 'application/x-www-form-urlencoded' }, 'draw=1&start=0&length=21', seconds),
    malaysia: async () => {
      const form = 'grant_type=client_credentials&client_id=lmis-gateway&client_secret=sim-myfuturejobs-secret';
      const { access_token } = (await (await fetch(`${base}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form })).json()) as { access_token: string };
      return loadWithHeaders(`${base}/api/jobs?limit=21`, { authorization: `Bearer ${access_token}` }, undefined, seconds);
    },
  };
  const call = calls[name];
  if (!call) throw new Error(`no native search call known for ${name}`);
  return call();
}

export function taxonomyDirect(url: string, secret: string, body: (n: number) => string, seconds: number, connections: number): Promise<LoadResult> {
  // One signature for the run: valid for five minutes, longer than any benchmark round.
  return loadWithHeaders(url, { 'content-type': 'application/json', ...signRequestHeaders(secret, randomUUID()) }, body(0), seconds, connections);
}

function loadWithHeaders(url: string, headers: Record<string, string>, body: string | undefined, seconds: number, connections = 1): Promise<LoadResult> {
  return runLoad({ url, headers, seconds, connections, ...(body !== undefined ? { body } : {}) });
}
