import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fromRoot } from '../core/paths.js';

/**
 * Each benchmarked service runs in its own process (bench/worker.ts) so its memory can be read on
 * its own, optionally pinned to a core with `taskset`. Every child is killed when the benchmark
 * ends, however it ends.
 */
export interface Worker {
  label: string;
  url: string;
  pid: number;
  stop(): void;
}

const children = new Set<ChildProcess>();
const killAll = () => children.forEach((c) => c.kill('SIGKILL'));
process.once('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => (killAll(), process.exit(130)));

export const HAS_TASKSET = spawnSync('taskset', ['--version']).status === 0;
const STARTUP_MS = 120_000;

export function startWorker(kind: string, name: string, options: Record<string, unknown>, core?: number, nodeFlags: string[] = []): Promise<Worker> {
  const node = [process.execPath, ...nodeFlags, '--import', 'tsx', fromRoot('bench/worker.ts'), kind, name, JSON.stringify(options)];
  const [cmd, ...args] = HAS_TASKSET && core !== undefined ? ['taskset', '-c', String(core), ...node] : node;
  // Production mode, as deployed: graphql-js drops its development-only checks (every gateway alike).
  const child = spawn(cmd!, args, { cwd: fromRoot(), stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } });
  children.add(child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${kind} ${name} did not start in ${STARTUP_MS / 1000} s`)), STARTUP_MS);
    child.once('exit', (code) => reject(new Error(`${kind} ${name} exited with ${code}`)));
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      const { url } = JSON.parse(line) as { url: string };
      resolve({ label: `${kind}:${name}`, url, pid: child.pid ?? 0, stop: () => (child.kill('SIGKILL'), children.delete(child)) });
    });
  });
}

/** Peak resident memory of a process in MB (VmHWM), 0 when it cannot be read. */
export function peakRssMb(pid: number): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

/** Pins this process (the load generator) to a core; children started later are pinned explicitly. */
export function pinSelf(core: number): boolean {
  return HAS_TASKSET && spawnSync('taskset', ['-cp', String(core), String(process.pid)]).status === 0;
}
