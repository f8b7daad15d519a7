import { runLoad, type LoadResult } from './load.js';
import type { Scenario } from './scenarios.js';
import { untilWhole } from './settle.js';
import { crashed, peakRssMb, resetPeakRss, stopAll } from './stack.js';
import { startStack } from './topology.js';

/**
 * The stability run: our gateway alone on a fresh stack with many more vacancies per country
 * (200k by default), every scenario once under the same load as the comparison. What it asks:
 * does any process die, does ours answer every request whole, does its memory stay in budget,
 * and how long does the stack take to answer each scenario whole the first time (statistics over
 * the whole dataset are computed once, then served from cache).
 */
export interface StabilityRow {
  scenario: string;
  title: string;
  /** Seconds until the first whole answer; undefined when none came within the limit. */
  firstWholeSeconds: number | undefined;
  result: LoadResult;
  gatewayRssMb: number;
}

export interface StabilityResult {
  size: number;
  rows: StabilityRow[];
  /** Peak RSS (MB) of each subgraph over the stability run. */
  subgraphRss: Record<string, number>;
  /** Processes that died during the stability run. */
  crashed: string[];
  startupSeconds: number;
}

export interface StabilitySettings {
  size: number;
  latencyMs: [number, number];
  seconds: number;
  connections: number;
  warmupSeconds: number;
}

const FIRST_WHOLE_LIMIT_MS = 180_000;

export async function stabilityRun(settings: StabilitySettings, scenarios: readonly Scenario[]): Promise<StabilityResult> {
  stopAll();
  const crashedBefore = crashed.length;
  const started = Date.now();
  const stack = await startStack({ size: settings.size, latencyMs: settings.latencyMs, gateways: ['ours'] });
  const ours = stack.gateways.ours!;
  const startupSeconds = (Date.now() - started) / 1000;
  console.log(`stability run: ${settings.size.toLocaleString('en')} vacancies per country, stack up in ${startupSeconds.toFixed(1)} s`);
  const rows: StabilityRow[] = [];
  for (const scenario of scenarios) {
    const firstWhole = await untilWhole(ours.url, scenario.body(0), FIRST_WHOLE_LIMIT_MS);
    await runLoad({ url: ours.url, body: scenario.body, seconds: settings.warmupSeconds, connections: settings.connections });
    resetPeakRss(ours.pid);
    const result = await runLoad({ url: ours.url, body: scenario.body, seconds: settings.seconds, connections: settings.connections });
    const row = { scenario: scenario.id, title: scenario.title, firstWholeSeconds: firstWhole === undefined ? undefined : firstWhole / 1000, result, gatewayRssMb: peakRssMb(ours.pid) };
    rows.push(row);
    console.log(`(${scenario.id}) at ${settings.size.toLocaleString('en')}: ${Math.round(result.rps)} req/s  p99 ${result.p99} ms  errors ${result.errors}  gateway peak RSS ${row.gatewayRssMb} MB${result.sampleError ? `, e.g. ${result.sampleError}` : ''}`);
  }
  const subgraphRss = Object.fromEntries(Object.entries(stack.subgraphs).map(([name, s]) => [name, peakRssMb(s.pid)]));
  const result = { size: settings.size, rows, subgraphRss, crashed: crashed.slice(crashedBefore), startupSeconds };
  stopAll();
  return result;
}
