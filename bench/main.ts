import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../core/config.js';
import { fromRoot } from '../core/paths.js';
import { readSubgraphList } from '../schema/registry.js';
import { chart } from './chart.js';
import { slowestUpstream, taxonomyDirect } from './limits.js';
import { runLoad, type LoadResult } from './load.js';
import { crashed, peakRssMb, resetPeakRss } from './stack.js';
import { startStack, type GatewayName } from './topology.js';
import { markdown, median, ratios, storeTable, table, type Report, type Row } from './report.js';
import { SCENARIOS, type Scenario } from './scenarios.js';
import { untilIdle, untilWhole } from './settle.js';
import { stabilityRun, type StabilityResult } from './stability.js';
import { storeBench, storeTargets, type StoreBenchResult, type StoreEngine } from './store.js';
import { upstreamTotal } from './upstream.js';

/**
 * `npm run bench [-- --quick] [--size N] [--latency 20-80] [--duration S] [--connections C] [--scenarios abcde] [--stability N]`
 * Starts simulators, subgraphs and four gateways (ours, Hive Gateway, Hive Gateway with its
 * response cache, plain Apollo Gateway) as separate processes on 127.0.0.1, runs every scenario
 * against each gateway in alternating rounds, and prints figures, ratios and targets. The full run
 * then runs ours alone on a fresh stack of N vacancies per country (default 200 000; 0 = no
 * stability run, the quick run's default) and writes docs/BENCHMARKS.md and docs/benchmarks.svg.
 * Last, the vacancy store's benchmark (bench/store.ts) on a fresh stack of `--store-size` postings
 * per country (default 200 000; quick 2 000): PGlite, and PostgreSQL too when DATABASE_URL is set.
 * `--store-only` runs that part alone and prints it (docs are written by the full run only);
 * `--store-engine pglite|postgresql` benches one engine only.
 */
const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    size: { type: 'string' },
    latency: { type: 'string', default: '20-80' },
    duration: { type: 'string' },
    connections: { type: 'string' },
    scenarios: { type: 'string', default: 'abcde' },
    stability: { type: 'string' },
    'store-size': { type: 'string' },
    'store-only': { type: 'boolean', default: false },
    'store-engine': { type: 'string' },
  },
});
const quick = args.quick ?? false;
const settings = {
  size: Number(args.size ?? (quick ? 3_000 : 50_000)),
  latency: args.latency ?? '20-80',
  seconds: Number(args.duration ?? (quick ? 2 : 10)),
  connections: Number(args.connections ?? (quick ? 10 : 100)),
  rounds: 2,
  warmupSeconds: quick ? 1 : 3,
};
const GATEWAYS: GatewayName[] = quick ? ['ours', 'hive', 'plain-apollo'] : ['ours', 'hive', 'hive-cache', 'plain-apollo'];
const SETTLE_MS = 15_000;
const unanswered = new Set<string>();
const secret = loadConfig({}).gatewaySecret;

const started = Date.now();
const [lo, hi] = settings.latency.split('-').map(Number);
const latencyMs: [number, number] = [lo ?? 0, hi ?? lo ?? 0];
if (args['store-only']) {
  const runs = await storeRuns();
  console.log(`\n${storeTable(runs)}\n`);
  for (const t of runs.flatMap(storeTargets)) console.log(`${t.pass ? 'PASS' : 'MISS'}  ${t.target}: ${t.figure}`);
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  process.exit(0);
}
const { sims, subgraphs, gateways: launched, pinning } = await startStack({ size: settings.size, latencyMs, gateways: GATEWAYS });
const gateways = launched as Record<GatewayName, { url: string; pid: number }>;
console.log(`LMIS Gateway benchmark — ${quick ? 'quick' : 'full'} run; ${settings.size} vacancies per country; ${pinning}`);
console.log(`stack up in ${((Date.now() - started) / 1000).toFixed(1)} s`);

const report: Report = { settings: { ...settings, pinning }, rows: [], limits: {}, rss: {}, subgraphRss: {}, targets: [], skipped: [] };
const selected = SCENARIOS.filter((s) => (args.scenarios ?? 'abcde').includes(s.id));
for (const scenario of selected) await runScenario(scenario);
await measureLimits(selected);
collectRss();
judgeTargets();
const stabilitySize = Number(args.stability ?? (quick ? 0 : 200_000));
if (stabilitySize > 0) {
  report.stability = await stabilityRun({ ...settings, size: stabilitySize, latencyMs }, selected);
  judgeStability(report.stability);
}
report.store = await storeRuns();
for (const run of report.store) report.targets.push(...storeTargets(run));

console.log(`\n${table(report)}\n\n${ratios(report)}\n`);
if (report.store.length) console.log(`${storeTable(report.store)}\n`);
for (const [k, v] of Object.entries(report.rss)) console.log(`peak RSS ${k}: ${v} MB`);
for (const t of report.targets) console.log(`${t.pass ? 'PASS' : 'MISS'}  ${t.target}: ${t.figure}`);
if (!quick) {
  writeFileSync(fromRoot('docs/BENCHMARKS.md'), markdown(report));
  writeFileSync(fromRoot('docs/benchmarks.svg'), chart(report));
  console.log('wrote docs/BENCHMARKS.md and docs/benchmarks.svg');
}
console.log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(0);

/** The store's benchmark on the default engine (PGlite), and on PostgreSQL when DATABASE_URL names one. */
async function storeRuns(): Promise<StoreBenchResult[]> {
  const size = Number(args['store-size'] ?? (quick ? 2_000 : 200_000));
  const databaseUrl = process.env.DATABASE_URL;
  const chosen = args['store-engine'];
  if (chosen === 'postgresql' && !databaseUrl) throw new Error('--store-engine postgresql needs DATABASE_URL');
  const engines: StoreEngine[] = chosen === 'pglite' || chosen === 'postgresql' ? [chosen] : databaseUrl ? ['pglite', 'postgresql'] : ['pglite'];
  const runs: StoreBenchResult[] = [];
  for (const engine of engines) runs.push(await storeBench({ size, latencyMs, changes: 1_000, engine, databaseUrl, repeats: quick ? 10 : 30 }));
  return runs;
}

async function runScenario(scenario: Scenario): Promise<void> {
  const rows = new Map(GATEWAYS.map((g) => [g, { scenario: scenario.id, title: scenario.title, gateway: g, rounds: [], upstreamPerRequest: 0, gatewayRssMb: 0 } as Row]));
  const calls = new Map(GATEWAYS.map((g) => [g, { upstream: 0, requests: 0 }]));
  for (const p of [...Object.values(gateways), ...Object.values(subgraphs)]) resetPeakRss(p.pid);
  for (const g of GATEWAYS) {
    await runLoad({ url: gateways[g].url, body: scenario.body, seconds: settings.warmupSeconds, connections: settings.connections });
    await untilIdle(gateways[g].url);
  }
  await settle(scenario);
  for (let round = 0; round < settings.rounds; round++) {
    for (const g of round % 2 === 0 ? GATEWAYS : [...GATEWAYS].reverse()) {
      const before = await upstreamTotal(sims, unanswered);
      const result = await runLoad({ url: gateways[g]!.url, body: scenario.body, seconds: settings.seconds, connections: settings.connections });
      const c = calls.get(g)!;
      c.upstream += (await upstreamTotal(sims, unanswered)) - before;
      c.requests += result.requests;
      rows.get(g)!.rounds.push(result);
      await untilIdle(gateways[g].url);
      if (result.sampleError) console.log(`  (${scenario.id}) ${g}: errors, e.g. ${result.sampleError}`);
    }
  }
  report.subgraphRss[scenario.id] = Object.fromEntries(Object.entries(subgraphs).map(([name, p]) => [name, notePeak(`subgraph ${name}`, p.pid)]));
  for (const [g, row] of rows) {
    const c = calls.get(g)!;
    row.upstreamPerRequest = c.requests ? c.upstream / c.requests : 0;
    row.gatewayRssMb = notePeak(`gateway ${g}`, gateways[g].pid);
    report.rows.push(row);
    const m = median(row);
    console.log(`(${scenario.id}) ${g.padEnd(13)} ${String(Math.round(m.rps)).padStart(6)} req/s  p50 ${m.p50} ms  p99 ${m.p99} ms  upstream/req ${row.upstreamPerRequest.toFixed(2)}`);
  }
}

async function settle(scenario: Scenario): Promise<void> {
  const took = await untilWhole(gateways.ours.url, scenario.body(0), SETTLE_MS);
  if (took === undefined) console.log(`  (${scenario.id}) still partial after ${SETTLE_MS / 1000} s of settling; measuring anyway`);
}

async function measureLimits(scenarios: Scenario[]): Promise<void> {
  const cold = scenarios.find((s) => s.id === 'b');
  if (cold) {
    // Latency of the fan-out itself, without queueing behind other requests: one connection.
    report.limits.coldUnloaded = await runLoad({ url: gateways.ours!.url, body: cold.body, seconds: settings.seconds, connections: 1 });
    report.limits.slowestUpstream = await slowestUpstream(Object.fromEntries(Object.entries(sims).map(([n, w]) => [n, w.url])), settings.seconds);
  }
  const taxonomy = scenarios.find((s) => s.id === 'e');
  if (taxonomy && subgraphs.taxonomy) report.limits.taxonomyDirect = await taxonomyDirect(subgraphs.taxonomy.url, secret, taxonomy.body, settings.seconds, settings.connections);
}

/** A process's peak since its last reset, also kept as its peak over the whole run. */
function notePeak(label: string, pid: number): number {
  const peak = peakRssMb(pid);
  report.rss[label] = Math.max(report.rss[label] ?? 0, peak);
  return peak;
}

function collectRss(): void {
  for (const [name, p] of Object.entries(gateways)) notePeak(`gateway ${name}`, p.pid);
  for (const [name, p] of Object.entries(subgraphs)) notePeak(`subgraph ${name}`, p.pid);
}

function judgeTargets(): void {
  const get = (scenario: string, gateway: string) => {
    const row = report.rows.find((r) => r.scenario === scenario && r.gateway === gateway);
    return row ? { ...median(row), upstream: row.upstreamPerRequest } : undefined;
  };
  const add = (target: string, figure: string, pass: boolean) => report.targets.push({ target, figure, pass });
  const a = get('a', 'ours');
  const hive = get('a', 'hive');
  const hiveCache = get('a', 'hive-cache');
  if (a && hive) add('(a) warm: ≥ 3× Hive Gateway throughput', `${(a.rps / hive.rps).toFixed(2)}× (${Math.round(a.rps)} vs ${Math.round(hive.rps)} req/s)`, a.rps >= 3 * hive.rps);
  if (a && hiveCache) add('(a) warm: ≥ Hive Gateway with response cache', `${(a.rps / hiveCache.rps).toFixed(2)}×`, a.rps >= hiveCache.rps);
  if (a && hive) add('(a) warm: p99 no worse than the peers', `${a.p99} ms vs Hive ${hive.p99}${hiveCache ? ` / Hive+cache ${hiveCache.p99}` : ''} ms`, a.p99 <= hive.p99 && (!hiveCache || a.p99 <= hiveCache.p99));
  if (a) add('(a) warm: 0 upstream calls per request', a.upstream.toFixed(3), a.upstream < 0.01);
  const b = report.limits.coldUnloaded;
  const limit = report.limits.slowestUpstream;
  if (b && limit) {
    add('(b) cold, unloaded: p50 ≤ slowest upstream p50 + 15 ms', `${b.p50} ms vs ${limit.p50} + 15 ms (${limit.name}, one connection each)`, b.p50 <= limit.p50 + 15);
    // The same bound against what a parallel fan-out can reach: the slowest of the searches sent at once.
    add('(b) cold, unloaded: p50 ≤ all national searches at once (p50) + 15 ms', `${b.p50} ms vs ${limit.fanOutP50} + 15 ms`, b.p50 <= limit.fanOutP50 + 15);
  }
  const c = get('c', 'ours');
  const countries = Object.keys(sims).length;
  if (c) add('(c) entity-heavy: ≤ 1 upstream call per country per batchable need', `${c.upstream.toFixed(2)} calls per request across ${countries} countries (needs: search + entities = ${2 * countries} at most when cold)`, c.upstream <= 2 * countries);
  const ours = tally(report.rows.filter((r) => r.gateway === 'ours').flatMap((r) => r.rounds));
  const problems = [...crashed, ...unanswered];
  add(
    `stable at ${settings.size.toLocaleString('en')} vacancies per country: no process died, ours answered every request`,
    `${problems.length ? `${problems.join('; ')}; ` : ''}${ours.failed} failed requests; ${ours.partial} partial answers (a country FAILED or TIMEOUT under load, marked in sources)`,
    problems.length === 0 && ours.failed === 0,
  );
  const rss = report.rss['gateway ours'] ?? 0;
  add(`gateway RSS < 300 MB at ${settings.connections} connections`, `${rss} MB`, rss > 0 && rss < 300);
  const missing = SCENARIOS.filter((s) => s.needs.some((n) => !readSubgraphList().subgraphs.some((x) => x.name === n))).map((s) => `(${s.id}) ${s.needs.join(', ')} not registered`);
  report.skipped.push(...missing);
}

function judgeStability(run: StabilityResult): void {
  const ours = tally(run.rows.map((r) => r.result));
  const rss = Math.max(0, ...run.rows.map((r) => r.gatewayRssMb));
  const unready = run.rows.filter((r) => r.firstWholeSeconds === undefined).map((r) => `(${r.scenario}) never answered whole`);
  const problems = [...run.crashed, ...unready];
  report.targets.push({
    target: `stable under ${run.size.toLocaleString('en')} vacancies per country: no process died, every scenario answered whole at first, ours answered every request, gateway RSS < 300 MB`,
    figure: `${problems.length ? `${problems.join('; ')}; ` : ''}${ours.failed} failed requests; ${ours.partial} partial answers (a country FAILED or TIMEOUT under load, marked in sources); gateway peak RSS ${rss} MB`,
    pass: problems.length === 0 && ours.failed === 0 && rss > 0 && rss < 300,
  });
}

/**
 * Failed requests (HTTP errors, timeouts, GraphQL errors) apart from partial answers: under more
 * load than the national systems can serve, a country times out or its circuit opens, and the
 * answer says so in `sources` while the others' results still come back — the designed degradation.
 */
function tally(results: readonly LoadResult[]): { failed: number; partial: number } {
  // A shed request (503 OVERLOADED) was not answered: for "answered every request" it counts as failed.
  return results.reduce((t, r) => ({ failed: t.failed + r.httpErrors + r.graphqlErrors + r.shed, partial: t.partial + r.partial }), { failed: 0, partial: 0 });
}

