import { randomBytes, randomUUID } from 'node:crypto';
import { loadConfig } from '../core/config.js';
import { signRequestHeaders } from '../core/trust.js';
import { dropSchema, openStoreDb } from '../subgraphs/exchange/src/store/db.js';
import { peakRssMb, stopAll } from './stack.js';
import { startStack } from './topology.js';
import { upstreamTotal } from './upstream.js';

/**
 * The vacancy store's benchmark (issue 10): a fresh stack whose exchange harvests N postings per
 * country into its store (PGlite, the default; PostgreSQL in a throwaway schema when DATABASE_URL
 * is set), then: the first full sync, a statistics question and a trend asked cold (first time
 * after the sync) and warm (repeated), each with the national requests it caused — the store must
 * answer them without any — and an incremental sync after the simulators' clocks moved on by
 * `changes` changes each. Our gateway runs with its whole-response cache off, so a warm answer is
 * the exchange's own, not the gateway's.
 */

export type StoreEngine = 'pglite' | 'postgresql';

export interface StoreBenchSettings {
  size: number;
  latencyMs: [number, number];
  /** Changes per country for the incremental sync. */
  changes: number;
  engine: StoreEngine;
  databaseUrl?: string | undefined;
  /** Repeats of each warm question (the p50 is over them). */
  repeats: number;
}

export interface AskFigures {
  coldMs: number;
  warmP50Ms: number;
  /** National (simulator) requests made while the question was asked cold and warm. */
  upstream: number;
  errors: string[];
}

export interface StoreBenchResult {
  engine: StoreEngine;
  size: number;
  changes: number;
  firstSync: { seconds: number; records: Record<string, number>; states: Record<string, string>; retried: string[] };
  stats: AskFigures;
  trend: AskFigures;
  incremental: { seconds: number; changes: Record<string, number>; ok: boolean };
  /** The exchange's column image after the questions (store/columns.ts) and the exchange's peak RSS. */
  memory: { imageRows: number; imageMb: number; exchangePeakRssMb: number };
  problems: string[];
}

/** The questions, fixed so that every run asks the same (the simulators' data ends on 2026-11-20). */
export const STATS_QUESTION = `{ labourMarketStats(groupBy: [COUNTRY, ISCO_MAJOR], at: "2026-11-20", from: "2026-08-01", to: "2026-11-20") {
  sources { country { code } status } cells { country { code } iscoCode vacancies newPostings monthlyWage { p50 } duration { medianDays } } } }`;
export const TREND_QUESTION = `{ labourMarketTrend(interval: MONTH, from: "2026-07-01", to: "2026-11-30", groupBy: [COUNTRY]) {
  sources { country { code } status } points { period openStock newPostings cells { country { code } vacancies } } } }`;

const FIRST_SYNC_LIMIT_MS = 30 * 60_000;
const POLL_MS = 1_000;

export async function storeBench(settings: StoreBenchSettings): Promise<StoreBenchResult> {
  stopAll();
  const schema = `bench_store_${randomBytes(5).toString('hex')}`;
  const storeEnv = { STORE_SYNC_INTERVAL_SECONDS: '0', STORE_SCHEMA: schema, ...(settings.engine === 'postgresql' ? { DATABASE_URL: settings.databaseUrl! } : {}) };
  const problems = new Set<string>();
  try {
    const stack = await startStack({ size: settings.size, latencyMs: settings.latencyMs, gateways: ['ours'], subgraphEnv: { exchange: storeEnv }, gatewayOptions: { responseCacheTtlSeconds: 0 } });
    const exchange = stack.subgraphs.exchange!.url;
    const gateway = stack.gateways.ours!.url;
    const firstSync = await untilFirstSync(exchange, problems);
    console.log(`store (${settings.engine}): first full sync ${firstSync.seconds.toFixed(1)} s; ${Object.entries(firstSync.records).map(([c, n]) => `${c} ${n}`).join(', ')}`);
    const asked = (query: string) => ask(gateway, query, settings.repeats, () => upstreamTotal(stack.sims, problems));
    const stats = await asked(STATS_QUESTION);
    const trend = await asked(TREND_QUESTION);
    for (const [name, f] of [['stats', stats], ['trend', trend]] as const) {
      console.log(`store (${settings.engine}): ${name} cold ${f.coldMs} ms, warm p50 ${f.warmP50Ms} ms, national requests ${f.upstream}${f.errors.length ? `; errors: ${f.errors.join('; ')}` : ''}`);
    }
    const memory = await memoryFigures(exchange, stack.subgraphs.exchange!.pid);
    console.log(`store (${settings.engine}): column image ${memory.imageRows.toLocaleString('en')} rows, ${memory.imageMb} MB; exchange peak RSS ${memory.exchangePeakRssMb} MB`);
    const incremental = await incrementalSync(stack.sims, exchange, settings.changes);
    console.log(`store (${settings.engine}): incremental sync of ${settings.changes} changes per country ${incremental.seconds.toFixed(2)} s; picked up ${Object.entries(incremental.changes).map(([c, n]) => `${c} ${n}`).join(', ')}`);
    return { engine: settings.engine, size: settings.size, changes: settings.changes, firstSync, stats, trend, incremental, memory, problems: [...problems] };
  } finally {
    stopAll();
    if (settings.engine === 'postgresql') await dropBenchSchema(settings.databaseUrl!, schema);
  }
}

interface StoreReadiness {
  store?: {
    image?: { rows: number; bytes: number }; countries: Array<{ country: string; state: string; fullSyncDone: boolean; records: number; lastStartedAt: string | null; lastSuccessAt: string | null }> };
}

/**
 * Waits for the harvest the exchange starts by itself (its first sync, at start; a country that
 * failed is retried after a backoff) and reads its duration from the store's own sync states:
 * from the earliest start seen to the last success, over the countries (they sync in parallel).
 * Polled through the open /ready, which carries those states.
 */
async function untilFirstSync(exchangeUrl: string, problems: Set<string>): Promise<StoreBenchResult['firstSync']> {
  const ready = exchangeUrl.replace(/\/graphql$/, '/ready');
  const deadline = Date.now() + FIRST_SYNC_LIMIT_MS;
  let earliest = Infinity;
  const failed = new Set<string>();
  for (;;) {
    const countries = ((await (await fetch(ready)).json()) as StoreReadiness).store?.countries ?? [];
    for (const c of countries) {
      if (c.lastStartedAt) earliest = Math.min(earliest, Date.parse(c.lastStartedAt));
      if (c.state === 'FAILED') failed.add(c.country);
    }
    if ((countries.length > 0 && countries.every((c) => c.state === 'OK')) || Date.now() > deadline) {
      for (const c of countries.filter((x) => x.state !== 'OK')) problems.add(`first sync of ${c.country}: ${c.state}`);
      if (failed.size) console.log(`store: first sync failed once and was retried for ${[...failed].join(', ')}`);
      const done = Math.max(...countries.map((c) => (c.lastSuccessAt ? Date.parse(c.lastSuccessAt) : NaN)));
      return { seconds: (done - earliest) / 1000, retried: [...failed], records: Object.fromEntries(countries.map((c) => [c.country, c.records])), states: Object.fromEntries(countries.map((c) => [c.country, c.state])) };
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** What the exchange holds in memory for statistics (its /ready), and its peak resident memory so far. */
async function memoryFigures(exchangeUrl: string, pid: number): Promise<StoreBenchResult['memory']> {
  const image = ((await (await fetch(exchangeUrl.replace(/\/graphql$/, '/ready'))).json()) as StoreReadiness).store?.image;
  return { imageRows: image?.rows ?? 0, imageMb: Math.round((image?.bytes ?? 0) / 2 ** 20), exchangePeakRssMb: peakRssMb(pid) };
}

/** One question asked once (cold), then `repeats` times (warm), one at a time; national requests counted around all of it. */
async function ask(gatewayUrl: string, query: string, repeats: number, upstream: () => Promise<number>): Promise<AskFigures> {
  const errors = new Set<string>();
  const timed = async () => {
    const started = performance.now();
    const res = await fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    const answer = (await res.json()) as { data?: Record<string, { sources: Array<{ country: { code: string }; status: string }> }>; errors?: Array<{ message: string }> };
    const ms = performance.now() - started;
    for (const e of answer.errors ?? []) errors.add(e.message.slice(0, 160));
    for (const s of Object.values(answer.data ?? {})[0]?.sources ?? []) if (s.status !== 'OK') errors.add(`${s.country.code} ${s.status}`);
    return ms;
  };
  const before = await upstream();
  const coldMs = await timed();
  const warm: number[] = [];
  for (let i = 0; i < repeats; i++) warm.push(await timed());
  const after = await upstream();
  warm.sort((a, b) => a - b);
  return { coldMs: Math.round(coldMs), warmP50Ms: round1(warm[Math.floor(warm.length / 2)] ?? coldMs), upstream: after - before, errors: [...errors] };
}

/** Every simulator's clock moves on by `changes` changes, then one signed POST /store/sync, timed. */
async function incrementalSync(sims: Record<string, { url: string }>, exchangeUrl: string, changes: number): Promise<StoreBenchResult['incremental']> {
  for (const sim of Object.values(sims)) {
    const res = await fetch(`${sim.url}/__sim/advance`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ changes }) });
    if (res.status !== 200) throw new Error(`${sim.url}/__sim/advance answered ${res.status}`);
  }
  const target = new URL('/store/sync', exchangeUrl).toString();
  const headers = signRequestHeaders(loadConfig({}).gatewaySecret, { method: 'POST', target, body: '', requestId: `bench-sync-${randomUUID()}` });
  const started = performance.now();
  const res = await fetch(target, { method: 'POST', headers });
  const seconds = (performance.now() - started) / 1000;
  if (res.status !== 200) throw new Error(`/store/sync answered ${res.status}`);
  const { reports } = (await res.json()) as { reports: Array<{ country: string; ok: boolean; changes: number }> };
  return { seconds, changes: Object.fromEntries(reports.map((r) => [r.country, r.changes])), ok: reports.every((r) => r.ok) };
}

async function dropBenchSchema(databaseUrl: string, schema: string): Promise<void> {
  const store = await openStoreDb({ databaseUrl, schema });
  try {
    await dropSchema(store);
  } finally {
    await store.close();
  }
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export interface StoreTarget {
  target: string;
  figure: string;
  pass: boolean;
}

/** The issue's targets for the store, judged on one run. */
export function storeTargets(r: StoreBenchResult): StoreTarget[] {
  const on = `(${r.engine}, ${r.size.toLocaleString('en')} postings per country)`;
  const list = (m: Record<string, number | string>) => Object.entries(m).map(([c, n]) => `${c} ${typeof n === 'number' ? n.toLocaleString('en') : n}`).join(', ');
  const targets: StoreTarget[] = [
    {
      target: `store ${on}: first full sync takes every country's postings`,
      figure: `${r.firstSync.seconds.toFixed(1)} s; ${list(r.firstSync.records)}${r.firstSync.retried.length ? ` (retried after a failed first attempt: ${r.firstSync.retried.join(', ')})` : ''}`,
      pass: Object.values(r.firstSync.states).every((s) => s === 'OK') && Object.values(r.firstSync.records).every((n) => n >= r.size),
    },
  ];
  for (const [name, f] of [['labourMarketStats', r.stats], ['labourMarketTrend', r.trend]] as const) {
    const errors = f.errors.length ? `; ${f.errors.join('; ')}` : '';
    targets.push(
      { target: `store ${on}: ${name} cold (first ask after the sync) < 1 s`, figure: `${f.coldMs} ms${errors}`, pass: f.coldMs < 1_000 && f.errors.length === 0 },
      { target: `store ${on}: ${name} warm p50 < 50 ms`, figure: `${f.warmP50Ms} ms`, pass: f.warmP50Ms < 50 && f.errors.length === 0 },
      { target: `store ${on}: ${name} makes no national request`, figure: `${f.upstream} simulator requests`, pass: f.upstream === 0 },
    );
  }
  const records = Object.values(r.firstSync.records).reduce((a, b) => a + b, 0);
  targets.push({
    target: `store ${on}: the column image statistics read holds every stored posting`,
    figure: `${r.memory.imageRows.toLocaleString('en')} of ${records.toLocaleString('en')} rows, ${r.memory.imageMb} MB; exchange peak RSS ${r.memory.exchangePeakRssMb} MB`,
    pass: r.memory.imageRows === records,
  });
  targets.push({
    target: `store ${on}: incremental sync of ${r.changes.toLocaleString('en')} changes per country < 5 s, every country's changes picked up`,
    figure: `${r.incremental.seconds.toFixed(2)} s; changes picked up: ${list(r.incremental.changes)}`,
    pass: r.incremental.ok && r.incremental.seconds < 5 && Object.values(r.incremental.changes).every((n) => n > 0),
  });
  if (r.problems.length) targets.push({ target: `store ${on}: every figure read`, figure: r.problems.join('; '), pass: false });
  return targets;
}
