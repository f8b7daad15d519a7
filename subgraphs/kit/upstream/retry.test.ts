import { describe, expect, it } from 'vitest';
import { backoffMs, retryAfterMs } from './retry.js';
import { Semaphore } from '../../../core/semaphore.js';

describe('retry policy', () => {
  it('draws full-jitter backoff below an exponential, capped ceiling', () => {
    expect(backoffMs(0, () => 0.999)).toBe(99);
    expect(backoffMs(3, () => 0.5)).toBe(400);
    expect(backoffMs(20, () => 0.999)).toBeLessThan(2_000);
    expect(backoffMs(2, () => 0)).toBe(0);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs('2', now)).toBe(2_000);
    expect(retryAfterMs('Thu, 01 Jan 2026 00:00:03 GMT', now)).toBe(3_000);
    expect(retryAfterMs('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
  });
});

describe('semaphore', () => {
  it('lets `limit` holders in and queues the rest in order', async () => {
    const gate = new Semaphore(2);
    const a = await gate.acquire();
    const b = await gate.acquire();
    const order: string[] = [];
    const c = gate.acquire().then((release) => (order.push('c'), release));
    const d = gate.acquire().then((release) => (order.push('d'), release));
    await new Promise((r) => setTimeout(r, 10));
    expect(order).toEqual([]);
    a();
    (await c)();
    b();
    (await d)();
    expect(order).toEqual(['c', 'd']);
  });

  it('drops a waiter whose deadline passes', async () => {
    const gate = new Semaphore(1);
    const held = await gate.acquire();
    await expect(gate.acquire(AbortSignal.timeout(20))).rejects.toBeDefined();
    held();
    const next = await gate.acquire();
    next();
  });
});
