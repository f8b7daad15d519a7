import { randomUUID } from 'node:crypto';
import { signRequestHeaders } from '../core/trust.js';
import { countryProbes, type NativeCall } from '../test/harness/probes.js';
import { runLoad, type LoadResult } from './load.js';

/**
 * The physical limits the gateway is compared with: each national system's own search call,
 * unloaded (one connection) — a cold cross-border page can be no faster than the slowest of them
 * fetched in parallel — and the taxonomy subgraph called directly, signed as the gateway would.
 */
export interface UpstreamLimit {
  name: string;
  p50: number;
  /** Every measured country's p50, for the report. */
  all: Record<string, number>;
  /** Simulators whose country ships no probes (subgraphs/<name>/probes.ts): not measured. */
  unknown: string[];
  /**
   * p50 of the slowest of all the searches sent at once, round after round: what a parallel
   * fan-out waits for. With jittered latencies it exceeds every single search's p50.
   */
  fanOutP50: number;
}

/** Each simulator's search on its own (one connection each), then all of them at once, as the exchange's fan-out asks. */
export async function slowestUpstream(simulators: Record<string, string>, seconds: number): Promise<UpstreamLimit> {
  // Each country's own first-page call (subgraphs/<name>/probes.ts), by simulator name.
  const probes = await countryProbes();
  const known = await Promise.all(
    Object.entries(simulators)
      .filter(([name]) => probes.has(name))
      .map(async ([name, base]) => [name, await probes.get(name)!.firstPage(base)] as const),
  );
  const measured = await Promise.all(
    known.map(async ([name, call]) => {
      const result = await runLoad({ ...call, seconds, connections: 1 });
      if (result.errors) console.error(`  the ${name} search answered ${result.errors} errors, e.g. ${result.sampleError ?? 'HTTP'}`);
      return [name, result.p50] as const;
    }),
  );
  const [name, p50] = [...measured].sort((a, b) => b[1] - a[1])[0] ?? ['none', 0];
  const fanOutP50 = await slowestOfParallel(known.map(([, call]) => call), seconds);
  return { name, p50, all: Object.fromEntries(measured), unknown: Object.keys(simulators).filter((n) => !probes.has(n)), fanOutP50 };
}

async function slowestOfParallel(calls: readonly NativeCall[], seconds: number): Promise<number> {
  const rounds: number[] = [];
  const until = Date.now() + seconds * 1_000;
  while (Date.now() < until) {
    const started = performance.now();
    await Promise.all(calls.map((c) => fetch(c.url, { method: c.body ? 'POST' : 'GET', headers: c.headers, ...(c.body ? { body: c.body(0) } : {}) }).then((r) => r.arrayBuffer())));
    rounds.push(performance.now() - started);
  }
  rounds.sort((a, b) => a - b);
  return Math.round((rounds[Math.floor(rounds.length / 2)] ?? 0) * 10) / 10;
}

export function taxonomyDirect(url: string, secret: string, body: (n: number) => string, seconds: number, connections: number): Promise<LoadResult> {
  // Signatures are single-use: each request is signed over its own body.
  return runLoad({ url, body, seconds, connections, sign: (text) => signRequestHeaders(secret, { method: 'POST', target: url, body: text, requestId: randomUUID() }) });
}
