import { sql } from 'kysely';
import type { ExchangeContext } from './context.js';

/**
 * `storeSyncStatus`: each country's harvest as the store remembers it, with its vacancies by
 * state. The last error is published as a fixed coded message, never the raw text (which may
 * name internal hosts).
 */

const ERROR_MESSAGES = {
  TIMEOUT: 'TIMEOUT: the country did not answer the change feed in time',
  UNREACHABLE: 'UNREACHABLE: the country subgraph could not be reached',
  UPSTREAM_ERROR: 'UPSTREAM_ERROR: the country answered the change feed with an error',
} as const;

export function codedSyncError(raw: string | null): string | null {
  if (!raw) return null;
  if (/timeout|timed out/i.test(raw)) return ERROR_MESSAGES.TIMEOUT;
  if (/ECONNREFUSED|ECONNRESET|ENOTFOUND|fetch failed|connect|socket|circuit|breaker/i.test(raw)) return ERROR_MESSAGES.UNREACHABLE;
  return ERROR_MESSAGES.UPSTREAM_ERROR;
}

export async function storeSyncStatus(ctx: ExchangeContext) {
  const [statuses, byState] = await Promise.all([
    ctx.store.statuses(),
    ctx.store.db.selectFrom('vacancy').select(['country', 'state', sql<string>`count(*)`.as('n')]).groupBy(['country', 'state']).execute(),
  ]);
  const count = (country: string, state: string) => Number(byState.find((r) => r.country === country && r.state === state)?.n ?? 0);
  return statuses.map((s) => ({
    country: { code: s.country },
    state: s.state,
    asOf: s.asOf,
    lastSyncAt: s.lastStartedAt,
    lastSuccessAt: s.lastSuccessAt,
    lagSeconds: s.lagSeconds,
    records: s.records,
    open: count(s.country, 'OPEN'),
    closed: count(s.country, 'CLOSED'),
    withdrawn: count(s.country, 'WITHDRAWN'),
    lastChanges: s.lastChanges,
    lastError: codedSyncError(s.lastError),
  }));
}
