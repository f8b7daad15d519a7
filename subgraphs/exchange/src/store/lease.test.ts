import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../../core/log.js';
import { POSTGRES_URL, requirePostgres } from '../../../../test/harness/requirements.js';
import type { CountryClient } from '../countryClient.js';
import type { CountrySource } from '../registry.js';
import { dropSchema, openStoreDb, type StoreDb } from './db.js';
import { createHarvester, LEASE_LOST, LEASED } from './harvester.js';
import { migrate } from './migrations.js';
import type { ChangePage, ChangeRecord } from './records.js';
import { ensureCountries } from './syncState.js';

/**
 * Two exchange replicas on one store: two harvesters (each its own lease owner) over the same
 * database, on both engines. The countries are fakes serving a fixed change feed by keyset, and
 * a gate holds one replica's first page so its sync is still running when the other one asks.
 */

const POSTINGS = 2500;
const COUNTRIES = ['ID', 'MY', 'TH', 'BN'] as const;
const sources: CountrySource[] = COUNTRIES.map((country) => ({ name: `fake-${country}`, country, currency: 'XXX', typePrefix: 'Fake', url: 'http://127.0.0.1:9/graphql' }));

const record = (country: string, i: number): ChangeRecord => ({
  id: `${country}:${String(i).padStart(5, '0')}`, typename: 'FakeVacancy', postedAt: '2026-03-01T08:00:00Z', updatedAt: '2026-04-01T00:00:00Z',
  state: 'OPEN', closedAt: null, validThrough: null, positions: 1, duplicateOf: null, title: `Welder ${i}`, nationalSystem: 'X', nationalCode: null,
  iscoCode: '7212', regionCode: null, wageMin: null, wageMax: null, wagePeriod: null, currency: 'XXX', monthlyWage: null, employmentType: null,
});
const feeds = new Map(COUNTRIES.map((c) => [c, Array.from({ length: POSTINGS }, (_, i) => record(c, i))]));

/** A page opens once `gate` resolves (tell the test through `entered`); each page takes `pageMs`. */
function fakeCountry(country: string, options: { gate?: Promise<void>; entered?: () => void; pageMs?: number } = {}): CountryClient {
  return {
    async call<T>(_operation: unknown, variables: Record<string, unknown>): Promise<T> {
      options.entered?.();
      await options.gate;
      await sleep(options.pageMs ?? 0);
      const after = variables.after as { updatedAt: string; id: string } | null;
      const all = feeds.get(country as (typeof COUNTRIES)[number])!;
      const rest = all.filter((r) => !after || r.updatedAt > after.updatedAt || (r.updatedAt === after.updatedAt && r.id > after.id));
      const records = rest.slice(0, variables.first as number);
      const page: ChangePage = { records, hasMore: rest.length > records.length, asOf: '2026-04-02T00:00:00Z' };
      return page as T;
    },
  };
}

function gate() {
  let open!: () => void;
  let entered!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  const reached = new Promise<void>((r) => (entered = r));
  return { open, reached, options: { gate: opened, entered } };
}

for (const engine of ['postgresql', 'pglite'] as const) {
  describe(`harvest lease on ${engine}`, () => {
    let store: StoreDb | undefined;
    const logger = createLogger('lease-test', 'silent');
    const replica = (country: string, client: CountryClient) =>
      createHarvester({ db: store!.db, countries: sources.filter((s) => s.country === country), clients: new Map([[`fake-${country}`, client]]), logger, intervalMs: 0 });
    const syncRow = (country: string) => store!.db.selectFrom('country_sync').selectAll().where('country', '=', country).executeTakeFirstOrThrow();
    const expectWrittenOnce = async (country: string) => {
      const added = await store!.db.selectFrom('vacancy_change').select(['vacancy_id', (eb) => eb.fn.countAll<string>().as('n')]).where('country', '=', country).where('kind', '=', 'ADDED').groupBy('vacancy_id').execute();
      expect(added.length, 'every vacancy has an ADDED event').toBe(POSTINGS);
      expect(added.filter((a) => Number(a.n) !== 1), 'and only one').toEqual([]);
      const rows = await store!.db.selectFrom('vacancy').select((eb) => eb.fn.countAll<string>().as('n')).where('country', '=', country).executeTakeFirstOrThrow();
      expect(Number(rows.n)).toBe(POSTINGS);
      expect((await syncRow(country)).records, 'the kept count is the row count').toBe(POSTINGS);
    };

    beforeAll(async () => {
      if (engine === 'postgresql' && !(await requirePostgres())) return;
      store = await openStoreDb({ databaseUrl: engine === 'postgresql' ? POSTGRES_URL : undefined, schema: `t_lease_${randomBytes(5).toString('hex')}` });
      await migrate(store.db, store.schema);
      await ensureCountries(store.db, sources);
    }, 60_000);
    afterAll(async () => {
      if (!store) return;
      await dropSchema(store);
      await store.close();
    });

    it('a round on a second replica skips the country another is syncing; a sync asked for now waits, then runs its own', async () => {
      if (!store) return;
      const held = gate();
      const [a, b] = [replica('ID', fakeCountry('ID', held.options)), replica('ID', fakeCountry('ID'))];
      const first = a.syncNow(['ID']);
      await held.reached;
      const [skipped] = await b.syncNow(['ID'], { wait: false });
      expect(skipped).toMatchObject({ country: 'ID', ok: true, changes: 0, skipped: LEASED });
      expect(await syncRow('ID'), "the skipping replica leaves the country's state alone").toMatchObject({ state: 'SYNCING', failures: 0, last_error: null });
      const waiting = b.syncNow(['ID']);
      held.open();
      const [done] = await first;
      expect(done).toMatchObject({ ok: true, added: POSTINGS });
      expect(done!.skipped).toBeUndefined();
      const [after] = await waiting;
      expect(after, 'its own incremental sync, from the keyset the first left').toMatchObject({ ok: true, changes: 0, added: 0 });
      expect(after!.skipped).toBeUndefined();
      await expectWrittenOnce('ID');
      expect(await syncRow('ID')).toMatchObject({ state: 'OK', lease_owner: null, lease_until: null });
      await Promise.all([a.stop(), b.stop()]);
    }, 60_000);

    it('two replicas starting the same sync at once: one syncs, the other skips, every vacancy written once', async () => {
      if (!store) return;
      const [a, b] = [replica('TH', fakeCountry('TH', { pageMs: 20 })), replica('TH', fakeCountry('TH', { pageMs: 20 }))];
      const reports = (await Promise.all([a.syncNow(['TH'], { wait: false }), b.syncNow(['TH'], { wait: false })])).flat();
      expect(reports.map((r) => r.skipped ?? 'synced').sort()).toEqual([LEASED, 'synced']);
      expect(reports.every((r) => r.ok)).toBe(true);
      await expectWrittenOnce('TH');
      await Promise.all([a.stop(), b.stop()]);
    }, 60_000);

    it("a crashed holder's lease is taken over once it has run out, not before", async () => {
      if (!store) return;
      const harvester = replica('MY', fakeCountry('MY'));
      await sql`UPDATE country_sync SET lease_owner = 'crashed', lease_until = now() + interval '1 hour' WHERE country = 'MY'`.execute(store.db);
      const [live] = await harvester.syncNow(['MY'], { wait: false });
      expect(live!.skipped).toBe(LEASED);
      expect(await syncRow('MY')).toMatchObject({ state: 'NEVER', failures: 0, lease_owner: 'crashed' });
      await sql`UPDATE country_sync SET lease_until = now() - interval '1 second' WHERE country = 'MY'`.execute(store.db);
      const [taken] = await harvester.syncNow(['MY'], { wait: false });
      expect(taken).toMatchObject({ ok: true, added: POSTINGS });
      expect(taken!.skipped).toBeUndefined();
      expect(await syncRow('MY')).toMatchObject({ state: 'OK', lease_owner: null });
      await harvester.stop();
    }, 60_000);

    it('a replica whose lease passed to another stops without error and writes nothing more', async () => {
      if (!store) return;
      const held = gate();
      const harvester = replica('BN', fakeCountry('BN', held.options));
      const sync = harvester.syncNow(['BN']);
      await held.reached;
      await sql`UPDATE country_sync SET lease_owner = 'successor', lease_until = now() + interval '1 hour' WHERE country = 'BN'`.execute(store.db);
      held.open();
      const [report] = await sync;
      expect(report).toMatchObject({ ok: true, changes: 0, skipped: LEASE_LOST });
      expect(report!.error).toBeUndefined();
      expect(await syncRow('BN'), "not FAILED; the successor's lease kept").toMatchObject({ state: 'SYNCING', failures: 0, records: 0, lease_owner: 'successor' });
      await harvester.stop();
    }, 60_000);
  });
}
