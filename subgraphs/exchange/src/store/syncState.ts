import { type Kysely, type Selectable } from 'kysely';
import type { CountrySource } from '../registry.js';
import type { CountrySyncRow, StoreTables, SyncState } from './tables.js';

/**
 * Each country's harvest as the store remembers it: where the last sync stopped (the keyset),
 * how complete the data is (as-of), and how the last attempt went. Shared by the harvester
 * (writes, only while it holds the country's lease: lease.ts), /ready and the graph's syncStatus (read).
 */

export interface CountrySyncStatus {
  country: string;
  subgraph: string;
  state: SyncState;
  /** The country's data is complete up to this instant (its asOf at the end of the last sync). */
  asOf: string | null;
  lastStartedAt: string | null;
  lastSuccessAt: string | null;
  /** Seconds between now and asOf; null before the first sync. */
  lagSeconds: number | null;
  /** Vacancies of this country in the store. */
  records: number;
  /** Changes taken in the last sync. */
  lastChanges: number;
  failures: number;
  lastError: string | null;
  fullSyncDone: boolean;
  /**
   * Changes whenever the country's stored data may have changed (the keyset moves after every
   * harvested page, the count with every new posting): answers computed from the store are kept
   * under it, so a kept answer never outlives the data it was computed from.
   */
  dataVersion: string;
}

export async function ensureCountries(db: Kysely<StoreTables>, countries: readonly CountrySource[]): Promise<void> {
  if (countries.length === 0) return;
  await db
    .insertInto('country_sync')
    .values(countries.map((c) => ({ country: c.country, subgraph: c.name, state: 'NEVER' as const })))
    .onConflict((oc) => oc.column('country').doNothing())
    .execute();
}

export async function readSync(db: Kysely<StoreTables>, country: string): Promise<Selectable<CountrySyncRow> | undefined> {
  return db.selectFrom('country_sync').selectAll().where('country', '=', country).executeTakeFirst();
}

export async function syncStatuses(db: Kysely<StoreTables>, now = Date.now()): Promise<CountrySyncStatus[]> {
  const rows = await db.selectFrom('country_sync').selectAll().orderBy('country').execute();
  return rows.map((r) => ({
    country: r.country,
    subgraph: r.subgraph,
    state: r.state,
    asOf: iso(r.as_of),
    lastStartedAt: iso(r.last_started_at),
    lastSuccessAt: iso(r.last_success_at),
    lagSeconds: r.as_of ? Math.max(0, Math.round((now - new Date(r.as_of).getTime()) / 1000)) : null,
    records: r.records,
    lastChanges: r.last_changes,
    failures: r.failures,
    lastError: r.last_error,
    fullSyncDone: r.full_sync_done,
    dataVersion: [r.keyset_updated_at, r.keyset_id, r.records, r.full_sync_done].join('|'),
  }));
}

function iso(value: Date | string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}
