import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Cache, CachePolicy } from '../../../../core/cache/types.js';
import { aggregate, ALL_MEASURES, type AggregateCell, type AggregateQuery } from './aggregate.js';
import type { ColumnImage } from './columnImage.js';
import { periodCounts, type PeriodFigures, type PeriodQuery } from './periodCounts.js';
import { titleMatches, type StoreScope } from './selection.js';
import type { StoreTables } from './tables.js';

/**
 * The store's grouped passes over the column image (brought up to date first), kept in the
 * exchange's cache (Redis when configured, so replicas share it) under the question and the data
 * version of the countries it reads: a statistics or trend question asked again is answered
 * without a pass, and any harvested page changes the version, so a kept answer is never older
 * than the store. The same question asked
 * while it is being computed waits for that computation instead of starting a second scan.
 */

export interface KeptCells {
  cells(q: AggregateQuery, dataVersion: string): Promise<AggregateCell[]>;
  /** A trend's counts, every period in one pass (store/periodCounts.ts). */
  periods(q: PeriodQuery, dataVersion: string): Promise<PeriodFigures[]>;
}

export function keptCells(db: Kysely<StoreTables>, image: ColumnImage, cache: Cache, policy: CachePolicy): KeptCells {
  // Up to date with the store, then the text filter's slots (the titles live in the database only).
  const ready = async (scope: StoreScope) => {
    await image.current();
    return titleMatches(db, image.columns, scope);
  };
  const computing = new Map<string, Promise<unknown>>();
  const kept = async <T>(question: unknown, compute: () => Promise<T>): Promise<T> => {
    const key = `store-cells:${createHash('sha256').update(JSON.stringify(question)).digest('base64url')}`;
    const found = await cache.get<T>(key);
    if (found && found.freshUntil > Date.now()) return found.value;
    const running = computing.get(key) as Promise<T> | undefined;
    if (running) return running;
    const next = compute()
      .then(async (value) => {
        await cache.set(key, value, { ttlMs: policy.ttlMs });
        return value;
      })
      .finally(() => computing.delete(key));
    computing.set(key, next);
    return next;
  };
  return {
    cells: (q, dataVersion) => kept(['cells', scopeKey(q.scope), q.groupBy, q.stockAt, q.from, q.to, [...q.rates], q.measures ?? ALL_MEASURES, dataVersion], async () => aggregate(image.columns, q, await ready(q.scope))),
    periods: (q, dataVersion) => kept(['periods', scopeKey(q.scope), q.groupBy, q.boundaries, dataVersion], async () => periodCounts(image.columns, q, await ready(q.scope))),
  };
}

/** The scope as JSON can spell it (a Map would vanish). */
function scopeKey(scope: AggregateQuery['scope']) {
  return { ...scope, minMonthlyWage: scope.minMonthlyWage ? [...scope.minMonthlyWage] : undefined };
}
