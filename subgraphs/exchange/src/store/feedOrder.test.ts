import { randomBytes } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSTGRES_URL, requirePostgres } from '../../../../test/harness/requirements.js';
import type { ExchangeContext } from '../queries/context.js';
import { vacancyChanges } from '../queries/changeFeed.js';
import { dropSchema, openStoreDb, type StoreDb } from './db.js';
import { migrate } from './migrations.js';
import type { ChangeRecord } from './records.js';
import type { StoreTables } from './tables.js';
import { FEED_LOCK, writePage } from './upsert.js';

/**
 * The store's change feed while countries sync concurrently, on the real PostgreSQL (PGlite has
 * one connection, so its writers never overlap). A feed event's seq is drawn when it is inserted
 * but seen only when its page commits: if a page that drew lower seqs committed after one that
 * drew higher seqs, a mirror following the cursor would already be past the late events and never
 * see them. The interleaving is made, not hoped for: one country's page is held before its commit.
 */

const record = (country: 'MY' | 'TH', i: number): ChangeRecord => ({
  id: `${country}:${i}`, typename: country === 'MY' ? 'MalaysiaVacancy' : 'ThailandVacancy', postedAt: '2026-11-19T08:00:00Z', updatedAt: '2026-11-20T00:00:00Z',
  state: i % 3 === 0 ? 'CLOSED' : 'OPEN', closedAt: i % 3 === 0 ? '2026-11-20T00:00:00Z' : null, validThrough: null, positions: 1, duplicateOf: null,
  title: `Welder ${i}`, nationalSystem: 'X', nationalCode: '7212', iscoCode: '7212', regionCode: null,
  wageMin: null, wageMax: null, wagePeriod: null, currency: 'MYR', monthlyWage: null, employmentType: null,
});
const page = (country: 'MY' | 'TH') => Array.from({ length: 30 }, (_, i) => record(country, i));

/** The store, except that a page's transaction, its writes done (`written`), waits for `release()` to commit. */
function commitHeld(db: Kysely<StoreTables>) {
  let release!: () => void;
  let written!: () => void;
  const released = new Promise<void>((r) => (release = r));
  const done = new Promise<void>((r) => (written = r));
  const transaction = () => ({
    execute: <T>(work: (tx: Transaction<StoreTables>) => Promise<T>) =>
      db.transaction().execute(async (tx) => {
        const out = await work(tx);
        written();
        await released;
        return out;
      }),
  });
  return { db: { transaction } as unknown as Kysely<StoreTables>, written: done, release };
}

describe('store change feed under concurrent syncs (PostgreSQL)', () => {
  let store: StoreDb | undefined;
  beforeAll(async () => {
    if (!(await requirePostgres())) return;
    store = await openStoreDb({ databaseUrl: POSTGRES_URL, schema: `t_feed_${randomBytes(5).toString('hex')}` });
    await migrate(store.db, store.schema);
  }, 60_000);
  afterAll(async () => {
    if (!store) return;
    await dropSchema(store);
    await store.close();
  });

  /** Every event after the cursor, walked 7 at a time as a mirror does; the cursor after the last. */
  const walk = async (ctx: ExchangeContext, from: string | null) => {
    const events: string[] = [];
    let after = from;
    for (;;) {
      const answer = await vacancyChanges(ctx, { since: '2026-01-01', first: 7, after });
      events.push(...answer.edges.map((e) => `${e.node.kind} ${e.node.vacancy.id}`));
      after = answer.pageInfo.endCursor;
      if (!answer.pageInfo.hasNextPage) return { events, after };
    }
  };

  it('never lets a mirror`s cursor pass events a slower sync commits later', async () => {
    if (!store) return;
    const db = store.db;
    const ctx = { store: { db } } as unknown as ExchangeContext;
    const waitingForFeed = async () => {
      const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
        AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND objid::text::bigint = (hashtext(${FEED_LOCK} || ${store!.schema})::bigint & 4294967295)`.execute(db);
      return Number(rows[0]!.n) > 0;
    };

    // Malaysia's page has drawn its seqs and waits to commit; Thailand's page comes after it.
    const slow = commitHeld(db);
    const malaysia = writePage(slow.db, 'MY', page('MY'));
    await slow.written;
    let thailandDone = false;
    const thailand = writePage(db, 'TH', page('TH')).then(() => (thailandDone = true));
    while (!thailandDone && !(await waitingForFeed())) await new Promise((r) => setTimeout(r, 10));

    const early = await walk(ctx, null);
    slow.release();
    await Promise.all([malaysia, thailand]);
    const late = await walk(ctx, early.after);

    const all = await walk(ctx, null);
    expect(all.events).toHaveLength(2 * (30 + 10));
    expect([...early.events, ...late.events].sort()).toEqual([...all.events].sort());
  });
});
