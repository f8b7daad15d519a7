import { sql, type Kysely, type Updateable } from 'kysely';
import type { Logger } from '../../../../core/log.js';
import type { CountryClient } from '../countryClient.js';
import { VACANCY_CHANGES } from '../operations.js';
import type { CountrySource } from '../registry.js';
import { awaitLease, leaseOwner, LeaseLost, releaseLease, renewLease } from './lease.js';
import type { ChangePage } from './records.js';
import { ensureCountries, readSync } from './syncState.js';
import type { CountrySyncRow, StoreTables } from './tables.js';
import { writePage } from './upsert.js';

/**
 * One harvester per country, through the contract's `exchangeVacancyChanges` (never the national
 * API directly): the first sync walks every posting from the start (keyset null), later syncs walk
 * from the stored keyset, so closings, withdrawals and new postings all arrive as changes. The
 * keyset is saved after every page, so a sync cut short resumes where it stopped. A country that
 * fails costs only its own sync: it is marked FAILED and retried with backoff. Replicas sharing
 * the store take turns per country on its lease (lease.ts): a round finding another replica
 * syncing the country skips it, a sync asked for now waits for that sync and then runs its own.
 */

export const PAGE_SIZE = 1000;
/** A long first sync logs a progress line every this many records. */
export const PROGRESS_EVERY = 20_000;
/** A sync writing at least this many records refreshes the planner's statistics (ANALYZE) before it reports OK. */
export const ANALYZE_AFTER = 20_000;
const BACKOFF_BASE_MS = 5_000;
const BACKOFF_MAX_MS = 5 * 60_000;
/** A sync asked for now waits at most this long for another replica's sync of the country (a first full sync takes minutes). */
export const LEASE_WAIT_MS = 10 * 60_000;
export const LEASED = 'leased by another replica';
export const LEASE_LOST = 'lease passed to another replica during the sync';

export interface SyncReport {
  country: string;
  ok: boolean;
  changes: number;
  added: number;
  closed: number;
  ms: number;
  error?: string;
  /** Why this replica did not sync the country, or stopped: another replica held its lease. Not a failure. */
  skipped?: string;
}

export interface Harvester {
  /**
   * Sync now (all countries, or the given codes) and wait; a sync already running is awaited
   * first, here or (up to LEASE_WAIT_MS) on another replica. `wait: false` skips a country another
   * replica is syncing, as the timer's rounds do.
   */
  syncNow(countries?: readonly string[], options?: { wait?: boolean }): Promise<SyncReport[]>;
  /** Start syncing every country now and then every interval (0: start only, plus retries). */
  start(): void;
  stop(): Promise<void>;
}

export interface HarvesterDeps {
  db: Kysely<StoreTables>;
  countries: readonly CountrySource[];
  clients: ReadonlyMap<string, CountryClient>;
  logger: Logger;
  intervalMs: number;
  /** Called after each page is committed (the column image follows it). */
  onPage?: () => void;
}

export function createHarvester(deps: HarvesterDeps): Harvester {
  const running = new Map<string, Promise<SyncReport>>();
  const timers = new Map<string, NodeJS.Timeout>();
  let stopped = false;
  const ready = ensureCountries(deps.db, deps.countries);
  const owner = leaseOwner();

  const syncOne = (source: CountrySource, waitMs = 0): Promise<SyncReport> => {
    const previous = running.get(source.country) ?? Promise.resolve(undefined);
    const next = previous.then(async () => {
      await ready;
      return syncLeased(deps, source, { owner, waitMs, cancelled: () => stopped });
    });
    running.set(source.country, next);
    void next.finally(() => running.get(source.country) === next && running.delete(source.country));
    return next;
  };

  const schedule = (source: CountrySource, report: SyncReport | undefined, failures: number) => {
    if (stopped) return;
    const delay = report && !report.ok ? Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1)) : deps.intervalMs;
    if (delay <= 0) return;
    const timer = setTimeout(() => void loop(source), delay);
    timer.unref();
    timers.set(source.country, timer);
  };

  const loop = async (source: CountrySource) => {
    const report = await syncOne(source);
    const failures = (await readSync(deps.db, source.country).catch(() => undefined))?.failures ?? 1;
    schedule(source, report, failures);
  };

  return {
    syncNow: (codes, { wait = true } = {}) =>
      Promise.all(deps.countries.filter((c) => !codes || codes.includes(c.country)).map((c) => syncOne(c, wait ? LEASE_WAIT_MS : 0))),
    start: () => deps.countries.forEach((c) => void loop(c)),
    stop: async () => {
      stopped = true;
      for (const timer of timers.values()) clearTimeout(timer);
      await Promise.allSettled(running.values());
    },
  };
}

interface LeaseTerms {
  owner: string;
  /** How long to wait for another replica's sync of the country (0: skip the country instead). */
  waitMs: number;
  cancelled: () => boolean;
}

/** Syncs the country while holding its lease, freed at the end; without the lease, a skipped report that leaves the country's state alone. */
async function syncLeased(deps: HarvesterDeps, source: CountrySource, lease: LeaseTerms): Promise<SyncReport> {
  const started = Date.now();
  if (!(await awaitLease(deps.db, source.country, lease.owner, lease.waitMs, lease.cancelled))) {
    deps.logger.debug({ store: 'harvest', country: source.country }, 'sync skipped: the country is leased by another replica');
    return { country: source.country, ok: true, changes: 0, added: 0, closed: 0, ms: Date.now() - started, skipped: LEASED };
  }
  try {
    return await syncCountry(deps, source, lease.owner);
  } finally {
    // Not fatal: an unreleased lease runs out after LEASE_SECONDS.
    await releaseLease(deps.db, source.country, lease.owner).catch(() => undefined);
  }
}

async function syncCountry(deps: HarvesterDeps, source: CountrySource, owner: string): Promise<SyncReport> {
  const started = Date.now();
  const client = deps.clients.get(source.name);
  const logger = deps.logger.child({ store: 'harvest', country: source.country });
  // Read under the lease: the keyset is where the previous holder, on any replica, stopped.
  const state = await readSync(deps.db, source.country);
  const report: SyncReport = { country: source.country, ok: false, changes: 0, added: 0, closed: 0, ms: 0 };
  // Every write of the country's sync row goes through the lease, so a replica that lost it cannot overwrite its successor's state.
  const updateSync = async (values: Updateable<CountrySyncRow>) => {
    if (!(await renewLease(deps.db, source.country, owner, values))) throw new LeaseLost(source.country);
  };
  let keyset = state?.keyset_updated_at && state.keyset_id ? { updatedAt: state.keyset_updated_at, id: state.keyset_id } : null;
  const full = !state?.full_sync_done;
  try {
    await updateSync({ state: 'SYNCING', last_started_at: new Date(started) });
    if (!client) throw new Error(`no client for ${source.name}`);
    let asOf: string | null = null;
    for (let hasMore = true; hasMore; ) {
      const page = await client.call<ChangePage>(VACANCY_CHANGES, { after: keyset, first: PAGE_SIZE }, `store-sync-${source.country}-${started}`);
      const written = await writePage(deps.db, source.country, page.records, { leaseOwner: owner });
      deps.onPage?.();
      const last = page.records.at(-1);
      if (last) keyset = { updatedAt: last.updatedAt, id: last.id };
      asOf = page.asOf;
      hasMore = page.hasMore && page.records.length > 0;
      report.changes += page.records.length;
      report.added += written.added;
      report.closed += written.closed;
      await updateSync({ keyset_updated_at: keyset?.updatedAt ?? null, keyset_id: keyset?.id ?? null });
      if (full && Math.floor(report.changes / PROGRESS_EVERY) > Math.floor((report.changes - page.records.length) / PROGRESS_EVERY)) {
        logger.info({ records: report.changes, seconds: Math.round((Date.now() - started) / 1000) }, 'first sync in progress');
      }
    }
    if (full || report.changes >= ANALYZE_AFTER) await refreshPlannerStatistics(deps.db);
    report.ok = true;
    report.ms = Date.now() - started;
    await updateSync({
      state: 'OK', as_of: asOf, full_sync_done: true, last_success_at: new Date(), last_error: null, failures: 0, last_changes: report.changes,
    });
    logger.info({ changes: report.changes, added: report.added, closed: report.closed, ms: report.ms, full }, 'sync done');
  } catch (error) {
    report.ms = Date.now() - started;
    if (error instanceof LeaseLost) return leaseLost(report, logger);
    report.error = error instanceof Error ? error.message : String(error);
    // Recorded only while the lease is held: otherwise the row is the successor's.
    await renewLease(deps.db, source.country, owner, { state: 'FAILED', last_error: report.error, failures: (state?.failures ?? 0) + 1, last_changes: report.changes });
    logger.warn({ err: report.error, changes: report.changes }, 'sync failed; the country keeps its stored data and is retried');
  }
  return report;
}

/** The replica that took the lease over goes on from the saved keyset; the pages written here stay. */
function leaseLost(report: SyncReport, logger: Logger): SyncReport {
  logger.warn({ changes: report.changes }, 'sync stopped: the lease passed to another replica, which goes on from here');
  return { ...report, ok: true, skipped: LEASE_LOST };
}

/**
 * After a first sync (or any large one) the planner must know the table's new size: without it
 * PostgreSQL, and PGlite always (it has no autovacuum), plans a statistics question as if the
 * store were empty — sorting every posting where a hash aggregate would do. A sample of the
 * table, so it costs a fraction of a second, not a scan.
 */
async function refreshPlannerStatistics(db: Kysely<StoreTables>): Promise<void> {
  await sql`ANALYZE vacancy`.execute(db);
}
