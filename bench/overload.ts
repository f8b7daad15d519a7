import { parseArgs } from 'node:util';
import { loadConfig } from '../core/config.js';
import { runLoad, type LoadResult } from './load.js';
import { SCENARIOS } from './scenarios.js';
import { untilIdle, untilWhole } from './settle.js';
import { launch, peakRssMb, stopAll } from './stack.js';
import { OUR_NODE_FLAGS, startStack } from './topology.js';

/**
 * `npm run bench:overload [-- --duration S] [--connections C] [--size N]`: what admission control
 * buys under overload. Two copies of our gateway on one stack, one with admission control as
 * configured (MAX_CONCURRENT_REQUESTS / MAX_QUEUED_REQUESTS defaults) and one without (no limit),
 * take the same load of never-seen questions (scenario b, cold) at C connections; each answer is
 * counted as whole, partial (a country FAILED or TIMEOUT), shed (503 OVERLOADED, Retry-After) or
 * failed. Loopback only, bounded in time.
 */
const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '100' },
    size: { type: 'string', default: '50000' },
    /** Extra MAX_CONCURRENT_REQUESTS values to compare (e.g. `8,32`); the configured default always runs. */
    concurrent: { type: 'string', default: '' },
  },
});
const seconds = Number(args.duration);
const connections = Number(args.connections);
const cold = SCENARIOS.find((s) => s.id === 'b')!;
const GATEWAY_CORE = 1;

const stack = await startStack({ size: Number(args.size), latencyMs: [20, 80], gateways: [] });
const defaults = loadConfig({}).admission;
const VARIANTS = [
  { name: 'admission control off', env: { MAX_CONCURRENT_REQUESTS: '1000000', MAX_QUEUED_REQUESTS: '0' } },
  { name: `on: ${defaults.maxConcurrent} at once, ${defaults.maxQueued} queued ≤ ${defaults.queueTimeoutMs} ms (defaults)`, env: {} },
  ...(args.concurrent ?? '')
    .split(',')
    .filter(Boolean)
    .map((n) => ({ name: `on: ${n} at once (MAX_CONCURRENT_REQUESTS=${n})`, env: { MAX_CONCURRENT_REQUESTS: n } })),
];
// Every gateway is measured twice, in mirrored order (A B C C B A), so none profits from the state
// (caches, breakers) another left behind; each run starts once the stack answers whole again.
const variants = [...VARIANTS, ...[...VARIANTS].reverse()];
console.log(`overload: scenario (b) ${cold.title}; ${connections} connections for ${seconds} s per gateway; ${args.size} vacancies per country`);
const gateways = new Map<string, Awaited<ReturnType<typeof launch>>>();
const rows: Array<{ name: string; result: LoadResult; rss: number }> = [];
for (const variant of variants) {
  const gateway = gateways.get(variant.name) ?? (await launch('gateway', 'ours', { supergraphPath: stack.supergraphPath, env: variant.env }, { core: GATEWAY_CORE, nodeFlags: OUR_NODE_FLAGS }));
  gateways.set(variant.name, gateway);
  await runLoad({ url: gateway.url, body: cold.body, seconds: 2, connections: 10 });
  await untilIdle(gateway.url);
  await untilWhole(gateway.url, cold.body(0), 20_000);
  const result = await runLoad({ url: gateway.url, body: cold.body, seconds, connections });
  rows.push({ name: variant.name, result, rss: peakRssMb(gateway.pid) });
  await untilIdle(gateway.url);
}
console.log('\n| gateway | answers | whole | partial | shed (503) | failed | whole/s | p50 ms | p99 ms | peak RSS MB |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const { name, result: r, rss } of rows) {
  const failed = r.httpErrors + r.graphqlErrors;
  const whole = r.requests - r.partial - r.shed - failed;
  console.log(`| ${name} | ${r.requests} | ${whole} | ${r.partial} | ${r.shed} | ${failed} | ${(whole / seconds).toFixed(1)} | ${r.p50} | ${r.p99} | ${rss} |`);
}
stopAll();
process.exit(0);
