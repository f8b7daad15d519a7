import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Cache, CachePolicy } from '../../../../core/cache/types.js';
import { aggregate, type AggregateCell, type AggregateQuery } from './aggregate.js';
import type { StoreTables } from './tables.js';

/**
 * The store's grouped pass, kept in the exchange's cache (Redis when configured, so replicas
 * share it) under the question and the data version of the countries it reads: a statistics or
 * trend question asked again is answered without scanning the store, and any harvested page
 * changes the version, so a kept answer is never older than the store. The same question asked
 * while it is being computed waits for that computation instead of starting a second scan.
 */

export interface KeptCells {
  cells(q: AggregateQuery, dataVersion: string): Promise<AggregateCell[]>;
}

export function keptCells(db: Kysely<StoreTables>, cache: Cache, policy: CachePolicy): KeptCells {
  const computing = new Map<string, Promise<AggregateCell[]>>();
  const compute = async (key: string, q: AggregateQuery) => {
    const cells = await aggregate(db, q);
    await cache.set(key, cells, { ttlMs: policy.ttlMs });
    return cells;
  };
  return {
    async cells(q, dataVersion) {
      const key = `store-cells:${keyOf(q, dataVersion)}`;
      const kept = await cache.get<AggregateCell[]>(key);
      if (kept && kept.freshUntil > Date.now()) return kept.value;
      const running = computing.get(key);
      if (running) return running;
      const next = compute(key, q).finally(() => computing.delete(key));
      computing.set(key, next);
      return next;
    },
  };
}

function keyOf(q: AggregateQuery, dataVersion: string): string {
  const scope = { ...q.scope, minMonthlyWage: q.scope.minMonthlyWage ? [...q.scope.minMonthlyWage] : undefined };
  const question = JSON.stringify([scope, q.groupBy, q.stockAt.toISOString(), q.from.toISOString(), q.to.toISOString(), [...q.rates], q.countsOnly ?? false, dataVersion]);
  return createHash('sha256').update(question).digest('base64url');
}
