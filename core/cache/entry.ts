import type { CacheEntry, CacheWriteOptions } from './types.js';

/**
 * How an entry is stored: one JSON document holding the value and its times, so both backends
 * keep exactly the same thing and a Redis entry is readable by any process.
 */
interface Stored {
  v: unknown;
  s: number;
  f: number;
  u: number;
}

export function makeEntry<T>(value: T, options: CacheWriteOptions, now = Date.now()): CacheEntry<T> {
  const freshUntil = now + options.ttlMs;
  return { value, storedAt: now, freshUntil, staleUntil: freshUntil + Math.max(0, options.staleMs ?? 0) };
}

export function serialize<T>(entry: CacheEntry<T>): string {
  const stored: Stored = { v: entry.value, s: entry.storedAt, f: entry.freshUntil, u: entry.staleUntil };
  return JSON.stringify(stored);
}

/** The entry, or undefined when the text is not ours or the entry is past `staleUntil`. */
export function deserialize<T>(text: string | null | undefined, now = Date.now()): CacheEntry<T> | undefined {
  if (!text) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isStored(parsed) || parsed.u <= now) return undefined;
  return { value: parsed.v as T, storedAt: parsed.s, freshUntil: parsed.f, staleUntil: parsed.u };
}

function isStored(x: unknown): x is Stored {
  if (typeof x !== 'object' || x === null) return false;
  const o = x as Record<string, unknown>;
  return 'v' in o && typeof o.s === 'number' && typeof o.f === 'number' && typeof o.u === 'number';
}

/** Milliseconds until the entry disappears from the store (never below 1). */
export function lifetimeMs(entry: CacheEntry<unknown>, now = Date.now()): number {
  return Math.max(1, entry.staleUntil - now);
}
