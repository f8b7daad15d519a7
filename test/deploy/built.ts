import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fromRoot } from '../../core/paths.js';

/**
 * The build as deployed: `npm run build` emits dist/, and the services run from it with `node`
 * directly (the Dockerfile's CMD), never through npm or tsx. Tests that need a real process to
 * signal, or an exit code to read, use these.
 */

/** Runs `npm run build` once per test file (tsc into dist/). */
export function buildOnce(): void {
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: fromRoot(), stdio: 'pipe' });
}

export interface BuiltProcess {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

/** `node dist/<entry>` with only the given environment (plus PATH). */
export function runBuilt(entry: string, env: Record<string, string>, args: string[] = []): BuiltProcess {
  const child = spawn(process.execPath, [fromRoot('dist', entry), ...args], {
    cwd: fromRoot(),
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (d: Buffer) => (text += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (text += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => text, exited };
}

/** A port nobody listens on right now (the OS picks it; closed again before use). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Polls a URL until it answers 200 (bounded: 30 s). */
export async function untilReady(url: string, process?: BuiltProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    if (process?.child.exitCode !== null && process?.child.exitCode !== undefined) throw new Error(`process exited: ${process.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} never became ready: ${process?.output() ?? ''}`);
}
