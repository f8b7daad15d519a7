import { sql, type Insertable, type Kysely } from 'kysely';
import { LeaseLost, renewLease } from './lease.js';
import { changeKinds, toRow, type ChangeRecord } from './records.js';
import type { StoreTables, VacancyChangeRow } from './tables.js';

/**
 * Writes one harvested page in one transaction: the vacancies as a multi-row upsert (first_seen
 * kept from the first sight), the feed events their changes make, and the country's count. A page is at most 1000
 * records, so one statement of ~25 000 parameters stays under PostgreSQL's limit of 65 535.
 */

/**
 * Feed writers take turns on this advisory lock (per schema) from drawing their events' seqs to
 * committing them. A seq is drawn at insert but visible only at commit: two countries' pages
 * committing out of seq order would let a mirror's cursor (vacancyChanges walks seq) pass events
 * that commit later, and the mirror would never see them.
 */
export const FEED_LOCK = 'lmis-store-feed:';

export interface PageOptions {
  seenAt?: Date;
  /**
   * The harvester's lease: the page is written only while it holds the country's lease (else
   * LeaseLost, nothing written). Checked in the page's own transaction, so a replica that stalled
   * past its lease cannot write beside the one that took it over.
   */
  leaseOwner?: string;
}

export interface PageWrite {
  added: number;
  updated: number;
  closed: number;
}

export async function writePage(db: Kysely<StoreTables>, country: string, records: readonly ChangeRecord[], options: PageOptions = {}): Promise<PageWrite> {
  const { seenAt = new Date(), leaseOwner } = options;
  const latest = latestPerId(records);
  if (latest.length === 0) return { added: 0, updated: 0, closed: 0 };
  return db.transaction().execute(async (tx) => {
    if (leaseOwner !== undefined && !(await renewLease(tx, country, leaseOwner))) throw new LeaseLost(country);
    const known = await tx.selectFrom('vacancy').select(['id', 'state', 'slot']).where('id', 'in', latest.map((r) => r.id)).execute();
    const before = new Map(known.map((r) => [r.id, r.state]));
    const slots = new Map(known.map((r) => [r.id, r.slot]));
    // A known vacancy's own slot goes back in, so only new ones draw a number (no gaps from updates).
    await tx
      .insertInto('vacancy')
      .values(latest.map((r) => ({ ...toRow(country, r, seenAt), ...(slots.has(r.id) ? { slot: slots.get(r.id)! } : {}) })))
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          ...Object.fromEntries(UPDATED_COLUMNS.map((c) => [c, eb.ref(`excluded.${c}`)])),
          first_seen: sql`vacancy.first_seen`,
        })),
      )
      .execute();
    const events: Array<Insertable<VacancyChangeRow>> = latest.flatMap((r) =>
      changeKinds(before.get(r.id), r).map((e) => ({ vacancy_id: r.id, typename: r.typename, country, kind: e.kind, at: e.at, seen_at: seenAt })),
    );
    await sql`SELECT pg_advisory_xact_lock(hashtext(${FEED_LOCK} || current_schema()))`.execute(tx);
    await tx.insertInto('vacancy_change').values(events).execute();
    const added = latest.filter((r) => !before.has(r.id)).length;
    // The country's count, in the same transaction as its rows (syncStatuses reads it, never count(*)).
    if (added > 0) await tx.updateTable('country_sync').set((eb) => ({ records: eb('records', '+', added) })).where('country', '=', country).execute();
    return {
      added,
      updated: latest.length - added,
      closed: events.filter((e) => e.kind === 'CLOSED' || e.kind === 'WITHDRAWN').length,
    };
  });
}

const UPDATED_COLUMNS = [
  'typename', 'title', 'national_system', 'national_code', 'isco_code', 'region_code', 'posted_at', 'posted_month',
  'updated_at', 'state', 'closed_at', 'valid_through', 'positions', 'duplicate_of', 'wage_min', 'wage_max', 'wage_period',
  'currency', 'monthly_wage', 'employment_type', 'last_seen', 'record_key',
] as const;

/** A page may list one posting twice (changed twice in the window); the later change wins. */
function latestPerId(records: readonly ChangeRecord[]): ChangeRecord[] {
  const byId = new Map<string, ChangeRecord>();
  for (const r of records) byId.set(r.id, r);
  return [...byId.values()];
}
