import { afterEach, describe, expect, it, vi } from 'vitest';
import { learned } from './learned.js';

describe('learned', () => {
  afterEach(() => vi.useRealTimers());

  it('loads once for concurrent callers and renews after its time to live', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    let loads = 0;
    const spellings = learned(async () => ++loads, 1_000);
    expect(await Promise.all([spellings(), spellings()])).toEqual([1, 1]);
    vi.setSystemTime(Date.now() + 999);
    expect(await spellings()).toBe(1);
    vi.setSystemTime(Date.now() + 2);
    expect(await spellings()).toBe(2);
  });

  it('does not remember a failed load', async () => {
    let calls = 0;
    const flaky = learned(async () => {
      calls++;
      if (calls === 1) throw new Error('upstream down');
      return 'ok';
    }, 60_000);
    await expect(flaky()).rejects.toThrow('upstream down');
    expect(await flaky()).toBe('ok');
    expect(calls).toBe(2);
  });
});
