import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { needRedis, redisAnswers } from '../../test/harness/requirements.js';
import { cachedValue, createCache } from './index.js';
import type { Cache } from './types.js';

/**
 * Redis going away mid-flight. This test runs its OWN redis-server on a free port (never the
 * shared one), kills it, and restarts it on the same port.
 */

const hasRedis = await needRedis();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'], {
    stdio: 'ignore',
  });
  for (let i = 0; i < 100; i++) {
    if (await redisAnswers(`redis://127.0.0.1:${port}`)) return child;
    await sleep(50);
  }
  child.kill('SIGKILL');
  throw new Error(`redis-server did not start on port ${port}`);
}

async function stopRedis(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

async function until(condition: () => boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

describe.skipIf(!hasRedis)('cache: Redis outage and recovery', () => {
  let server: ChildProcess | undefined;
  let cache: Cache | undefined;
  afterAll(async () => {
    await cache?.close();
    if (server) await stopRedis(server);
  });

  it('answers as misses while Redis is down, logs once, and caches again after it returns', async () => {
    const port = await freePort();
    server = await startRedis(port);
    const lines: Array<{ level: number; msg: string }> = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(JSON.parse(chunk.toString()) as { level: number; msg: string });
        done();
      },
    });
    cache = createCache({ namespace: 'outage-test', redisUrl: `redis://127.0.0.1:${port}`, logger: pino({ level: 'info' }, sink) });
    const c = cache;
    await until(() => c.status().available, 'first connection');
    await c.set('k', 'before', { ttlMs: 60_000 });
    expect((await c.get('k'))?.value).toBe('before');

    await stopRedis(server);
    await until(() => !c.status().available, 'the outage to be noticed');
    expect(await c.get('k')).toBeUndefined();
    expect(await c.getMany(['k', 'j'])).toEqual([undefined, undefined]);
    await c.set('k', 'during', { ttlMs: 60_000 });
    expect(await c.incr('rl', 1_000)).toBeUndefined();
    let loads = 0;
    const policy = { ttlMs: 60_000, staleWhileRevalidateMs: 0, staleIfErrorMs: 0 };
    const first = await cachedValue(c, 'v', policy, async () => ++loads);
    const second = await cachedValue(c, 'v', policy, async () => ++loads);
    expect([first.outcome, second.outcome, loads]).toEqual(['miss', 'miss', 2]);

    server = await startRedis(port);
    await until(() => c.status().available, 'reconnection');
    await c.set('k', 'after', { ttlMs: 60_000 });
    expect((await c.get('k'))?.value).toBe('after');
    const third = await cachedValue(c, 'v2', policy, async () => ++loads);
    const fourth = await cachedValue(c, 'v2', policy, async () => ++loads);
    expect([third.outcome, fourth.outcome]).toEqual(['miss', 'hit']);

    const warnings = lines.filter((l) => l.msg.includes('redis unreachable'));
    const recoveries = lines.filter((l) => l.msg.includes('redis reachable again'));
    expect(warnings).toHaveLength(1);
    expect(recoveries).toHaveLength(1);
  });
});
