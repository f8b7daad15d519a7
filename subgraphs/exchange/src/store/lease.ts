import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql, type Kysely, type Updateable } from 'kysely';
import type { CountrySyncRow, StoreTables } from './tables.js';

/**
 * A country's harvest lease. Exchange replicas sharing one store each run a harvester, and two
 * syncs of one country at once would both read a new posting as unknown before their upserts:
 * two ADDED events, a double count, two writers of one keyset. So a replica syncs a country only
 * while it holds the country's lease.
 *
 * The lease is two columns of the country's sync row (migration 004), taken and kept by
 * conditional updates — not a held connection or a session advisory lock, because PGlite has one
 * connection and the pool four while every country syncs at once: a lock held for a whole sync
 * would starve the page writes. Expiry is on the database's clock, the one clock every replica
 * shares. The holder renews the lease with every page; a crashed holder's lease runs out.
 */

/** How long a lease lasts unless renewed: far longer than one page, so only a stalled holder loses it. */
export const LEASE_SECONDS = 60;
/** How often a replica waiting for a lease (POST /store/sync) asks again. */
export const LEASE_POLL_MS = 1000;

/** The lease passed to another replica while this one was syncing (it stalled past LEASE_SECONDS). */
export class LeaseLost extends Error {
  constructor(country: string) {
    super(`the harvest lease of ${country} passed to another replica`);
    this.name = 'LeaseLost';
  }
}

/** One harvester's name as a lease holder: the host says which pod holds it, the random part which process. */
export function leaseOwner(): string {
  return `${hostname()}/${randomBytes(4).toString('hex')}`;
}

const renewed = sql<Date>`now() + ${sql.lit(LEASE_SECONDS)} * interval '1 second'`;

/**
 * Takes the country's lease when it is free, expired or already `owner`'s. One statement, so two
 * replicas asking at once cannot both win: PostgreSQL makes the second wait for the first's row
 * and re-checks the condition against what the first wrote.
 */
export async function takeLease(db: Kysely<StoreTables>, country: string, owner: string): Promise<boolean> {
  const row = await db
    .updateTable('country_sync')
    .set({ lease_owner: owner, lease_until: renewed })
    .where('country', '=', country)
    .where((eb) => eb.or([eb('lease_owner', 'is', null), eb('lease_until', '<', sql<Date>`now()`), eb('lease_owner', '=', owner)]))
    .returning('country')
    .executeTakeFirst();
  return row !== undefined;
}

/** Takes the lease, asking again every LEASE_POLL_MS while another replica holds it, for at most `waitMs` (0: once). */
export async function awaitLease(db: Kysely<StoreTables>, country: string, owner: string, waitMs: number, cancelled: () => boolean): Promise<boolean> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    if (await takeLease(db, country, owner)) return true;
    if (Date.now() + LEASE_POLL_MS > deadline || cancelled()) return false;
    await sleep(LEASE_POLL_MS);
  }
}

/**
 * Writes the country's sync row only while `owner` holds the lease, and renews it; false when the
 * lease has passed to another replica, whose sync the row now describes. Inside a page's
 * transaction it also keeps the row locked to the commit, so no replica takes the lease over
 * between the check and the page's writes.
 */
export async function renewLease(db: Kysely<StoreTables>, country: string, owner: string, values: Updateable<CountrySyncRow> = {}): Promise<boolean> {
  const row = await db
    .updateTable('country_sync')
    .set({ ...values, lease_until: renewed })
    .where('country', '=', country)
    .where('lease_owner', '=', owner)
    .returning('country')
    .executeTakeFirst();
  return row !== undefined;
}

/** Frees the lease at the end of a sync (success or failure), so the next round need not wait for it to run out. */
export async function releaseLease(db: Kysely<StoreTables>, country: string, owner: string): Promise<void> {
  await db.updateTable('country_sync').set({ lease_owner: null, lease_until: null }).where('country', '=', country).where('lease_owner', '=', owner).execute();
}
