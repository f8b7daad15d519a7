import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fromRoot } from '../core/paths.js';

/**
 * The benchmark's process launcher. Every benchmarked service runs in a child process of its own
 * (bench/worker.ts) so that its memory is its own and can be read from /proc; it is pinned to a
 * core with `taskset` where the machine has one; it counts as started only once it answers its
 * readiness check; and every child is killed when the benchmark ends, however it ends.
 */
export type ServiceKind = 'sim' | 'subgraph' | 'gateway';

export interface Service {
  label: string;
  url: string;
  pid: number;
}

export interface Placement {
  /** The core to pin the process to (ignored without taskset). */
  core?: number;
  nodeFlags?: string[];
}

const STARTUP_MS = 120_000;
const READY_MS = 30_000;
const children = new Set<ChildProcess>();
/** Children that died while the benchmark still needed them: a run with any is not stable. */
export const crashed: string[] = [];

function killAll(): void {
  for (const child of children) child.kill('SIGKILL');
  children.clear();
}
process.once('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    killAll();
    process.exit(130);
  });
}

export const HAS_TASKSET = spawnSync('taskset', ['--version']).status === 0;

/** Starts one service in its own process and waits until it is ready to serve. */
export async function launch(kind: ServiceKind, name: string, options: Record<string, unknown>, placement: Placement = {}): Promise<Service> {
  const label = `${kind}:${name}`;
  const { url, pid } = await spawnWorker(label, [kind, name, JSON.stringify(options)], placement);
  await waitReady(kind, url, label);
  return { label, url, pid };
}

/** Kills every child now (also done on exit and on SIGINT/SIGTERM). */
export function stopAll(): void {
  killAll();
}

function spawnWorker(label: string, workerArgs: string[], placement: Placement): Promise<{ url: string; pid: number }> {
  const node = [process.execPath, ...(placement.nodeFlags ?? []), '--import', 'tsx', fromRoot('bench/worker.ts'), ...workerArgs];
  const [command, ...args] = HAS_TASKSET && placement.core !== undefined ? ['taskset', '-c', String(placement.core), ...node] : node;
  // Production mode, as deployed: graphql-js drops its development-only checks (every gateway alike).
  const child = spawn(command!, args, { cwd: fromRoot(), stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'production' } });
  children.add(child);
  // Whatever a service says on stderr (warnings, crashes) is shown with the service's name.
  createInterface({ input: child.stderr! }).on('line', (line) => console.error(`  [${label}] ${line}`));
  return new Promise((resolve, reject) => {
    let started = false;
    const timer = setTimeout(() => reject(new Error(`${label} printed no URL within ${STARTUP_MS / 1000} s`)), STARTUP_MS);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (!children.delete(child)) return; // killed by us
      const how = `${label} exited (${signal ?? code})`;
      if (!started) return reject(new Error(`${how} before it started`));
      crashed.push(how);
      console.error(`  ${how}`);
    });
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      started = true;
      resolve({ url: (JSON.parse(line) as { url: string }).url, pid: child.pid ?? 0 });
    });
  });
}

/** Polls the service's own readiness signal until it answers 200, bounded in time. */
async function waitReady(kind: ServiceKind, url: string, label: string): Promise<void> {
  const deadline = Date.now() + READY_MS;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const response = await readinessProbe(kind, url);
      if (response.ok) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${label} not ready within ${READY_MS / 1000} s: ${last}`);
}

function readinessProbe(kind: ServiceKind, url: string): Promise<Response> {
  const signal = AbortSignal.timeout(2_000);
  if (kind === 'sim') return fetch(`${url}/__sim/stats`, { signal });
  // Subgraphs refuse unsigned GraphQL but keep /ready open; gateways are ready when they answer.
  if (kind === 'subgraph') return fetch(url.replace(/\/graphql$/, '/ready'), { signal });
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}', signal });
}

/** Peak resident memory of a process in MB since start or the last reset (VmHWM); 0 when unreadable. */
export function peakRssMb(pid: number): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

/**
 * Resets a process's peak to its current RSS (Linux ≥ 4.0: "5" into clear_refs), so the next
 * reading is the peak of one scenario, not of the whole run. False where it cannot be done.
 */
export function resetPeakRss(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** Pins this process (the load generator) to a core; children are pinned as they are launched. */
export function pinSelf(core: number): boolean {
  return HAS_TASKSET && spawnSync('taskset', ['-cp', String(core), String(process.pid)]).status === 0;
}
