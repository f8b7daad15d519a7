import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { needRedis, REDIS_URL } from '../../test/harness/requirements.js';
import { cachedValue, createCache, keyValueCache } from './index.js';
import type { Cache } from './types.js';

const hasRedis = await needRedis();
const silent = pino({ level: 'silent' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const backends: Array<{ name: string; enabled: boolean; make: (ns: string) => Cache }> = [
  { name: 'memory (LRU)', enabled: true, make: (namespace) => createCache({ namespace, logger: silent }) },
  { name: 'redis', enabled: hasRedis, make: (namespace) => createCache({ namespace, redisUrl: REDIS_URL, logger: silent }) },
];

/** Redis connects asynchronously; tests start once the backend can answer. */
async function ready(cache: Cache): Promise<Cache> {
  for (let i = 0; i < 100 && !cache.status().available; i++) await sleep(20);
  return cache;
}

for (const backend of backends) {
  describe.skipIf(!backend.enabled)(`cache: ${backend.name}`, () => {
    const opened: Cache[] = [];
    const open = async (ns = `test-cache-${randomUUID()}`) => {
      const cache = await ready(backend.make(ns));
      opened.push(cache);
      return cache;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((c) => c.close()));
    });

    it('stores values with their times and expires them after the stale window', async () => {
      const cache = await open();
      await cache.set('k', { a: 1 }, { ttlMs: 40, staleMs: 40 });
      const entry = await cache.get<{ a: number }>('k');
      expect(entry?.value).toEqual({ a: 1 });
      expect(entry!.freshUntil - entry!.storedAt).toBe(40);
      expect(entry!.staleUntil - entry!.freshUntil).toBe(40);
      await sleep(60);
      expect((await cache.get('k'))?.value).toEqual({ a: 1 }); // past TTL, still within the stale window
      await sleep(60);
      expect(await cache.get('k')).toBeUndefined();
      await cache.delete('k');
    });

    it('reads and writes many keys in one call, in order, with gaps as undefined', async () => {
      const cache = await open();
      await cache.setMany([{ key: 'a', value: 1 }, { key: 'c', value: 3 }], { ttlMs: 5_000 });
      const got = await cache.getMany<number>(['a', 'b', 'c']);
      expect(got.map((e) => e?.value)).toEqual([1, undefined, 3]);
      expect(await cache.getMany([])).toEqual([]);
      await Promise.all(['a', 'c'].map((k) => cache.delete(k)));
      expect(await cache.get('a')).toBeUndefined();
    });

    it('keeps namespaces apart', async () => {
      const one = await open();
      const two = await open();
      await one.set('same', 'one', { ttlMs: 5_000 });
      await two.set('same', 'two', { ttlMs: 5_000 });
      expect((await one.get('same'))?.value).toBe('one');
      expect((await two.get('same'))?.value).toBe('two');
      await Promise.all([one.delete('same'), two.delete('same')]);
    });

    it('counts within a window that starts at the first increment', async () => {
      const cache = await open();
      expect(await cache.incr('rl', 80)).toBe(1);
      expect(await cache.incr('rl', 80)).toBe(2);
      await sleep(130);
      expect(await cache.incr('rl', 80)).toBe(1);
    });

    it('hits a fresh value and calls the loader only on a miss', async () => {
      const cache = await open();
      let calls = 0;
      const policy = { ttlMs: 5_000, staleWhileRevalidateMs: 0, staleIfErrorMs: 0 };
      const first = await cachedValue(cache, 'v', policy, async () => ++calls);
      const second = await cachedValue(cache, 'v', policy, async () => ++calls);
      expect([first.outcome, first.value, first.stale]).toEqual(['miss', 1, false]);
      expect([second.outcome, second.value, second.stale]).toEqual(['hit', 1, false]);
      expect(calls).toBe(1);
    });

    it('answers but does not store a value that is not storable (a stale page, issue 14.8)', async () => {
      const cache = await open();
      const policy = { ttlMs: 5_000, staleWhileRevalidateMs: 0, staleIfErrorMs: 0 };
      const storable = (page: { stale: boolean }) => !page.stale;
      const first = await cachedValue(cache, 'st', policy, async () => ({ stale: true, n: 1 }), { storable });
      const second = await cachedValue(cache, 'st', policy, async () => ({ stale: false, n: 2 }), { storable });
      const third = await cachedValue(cache, 'st', policy, async () => ({ stale: false, n: 3 }), { storable });
      expect([first.value.n, second.outcome, second.value.n, third.outcome, third.value.n]).toEqual([1, 'miss', 2, 'hit', 2]);
    });

    it('serves stale within stale-while-revalidate and refreshes once in the background', async () => {
      const cache = await open();
      let calls = 0;
      const policy = { ttlMs: 30, staleWhileRevalidateMs: 10_000, staleIfErrorMs: 0 };
      await cachedValue(cache, 'swr', policy, async () => `v${++calls}`);
      await sleep(50);
      const answers = await Promise.all(
        Array.from({ length: 5 }, () => cachedValue(cache, 'swr', policy, async () => `v${++calls}`)),
      );
      expect(answers.map((a) => [a.outcome, a.value, a.stale])).toEqual(Array(5).fill(['stale-revalidate', 'v1', true]));
      for (let i = 0; i < 50 && (await cache.get('swr'))?.value !== 'v2'; i++) await sleep(10);
      expect(calls).toBe(2);
      const after = await cachedValue(cache, 'swr', policy, async () => `v${++calls}`);
      expect([after.outcome, after.value]).toEqual(['hit', 'v2']);
    });

    it('serves stale when the loader fails within stale-if-error, and fails after it', async () => {
      const cache = await open();
      const policy = { ttlMs: 20, staleWhileRevalidateMs: 0, staleIfErrorMs: 80 };
      await cachedValue(cache, 'sie', policy, async () => 'old');
      await sleep(40);
      const failing = async (): Promise<string> => {
        throw new Error('upstream down');
      };
      const served = await cachedValue(cache, 'sie', policy, failing);
      expect([served.outcome, served.value, served.stale]).toEqual(['stale-if-error', 'old', true]);
      expect(served.fetchedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
      await sleep(100);
      await expect(cachedValue(cache, 'sie', policy, failing)).rejects.toThrow('upstream down');
    });

    it('shares one loader call between concurrent misses (single-flight)', async () => {
      const cache = await open();
      let calls = 0;
      const policy = { ttlMs: 5_000, staleWhileRevalidateMs: 0, staleIfErrorMs: 0 };
      const loader = async () => {
        calls += 1;
        await sleep(30);
        return 'shared';
      };
      const answers = await Promise.all(Array.from({ length: 10 }, () => cachedValue(cache, 'sf', policy, loader)));
      expect(calls).toBe(1);
      expect(new Set(answers.map((a) => a.value))).toEqual(new Set(['shared']));
    });

    it("offers Apollo's KeyValueCache over the same store", async () => {
      const cache = await open();
      const kv = keyValueCache(cache, { prefix: 'apq:' });
      await kv.set('hash', '{ query }', { ttl: 60 });
      expect(await kv.get('hash')).toBe('{ query }');
      expect((await cache.get('apq:hash'))?.value).toBe('{ query }');
      await kv.delete('hash');
      expect(await kv.get('hash')).toBeUndefined();
    });
  });
}
