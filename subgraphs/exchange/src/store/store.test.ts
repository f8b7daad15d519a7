import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSTGRES_URL, requirePostgres } from '../../../../test/harness/requirements.js';
import { aggregate } from './aggregate.js';
import { columnImage } from './columnImage.js';
import { CLOSED } from './columns.js';
import { dropSchema, openStoreDb, type StoreDb } from './db.js';
import { publishCount } from './disclosure.js';
import { migrate } from './migrations.js';
import type { ChangeRecord } from './records.js';
import { writePage } from './upsert.js';
import { createLogger } from '../../../../core/log.js';

/**
 * The store layer against the real engines: PostgreSQL (random schema, dropped after) and the
 * embedded PGlite. Pages written as the harvester writes them; the aggregate compared with a
 * brute-force count over the same records.
 */

const record = (i: number, over: Partial<ChangeRecord> = {}): ChangeRecord => ({
  id: `ID:${i}`, typename: 'IndonesiaVacancy', postedAt: `2026-0${1 + (i % 3)}-1${i % 10}T08:00:00+07:00`, updatedAt: `2026-04-01T00:00:0${i % 10}Z`,
  state: 'OPEN', closedAt: null, validThrough: null, positions: 1 + (i % 4), duplicateOf: i % 10 === 9 ? `ID:${i - 1}` : null,
  title: `Welder ${i}`, nationalSystem: 'KBJI-2014', nationalCode: '7212.01', iscoCode: i % 2 ? '7212' : '2512', regionCode: 'ID-JK',
  wageMin: 5_000_000, wageMax: 6_000_000, wagePeriod: 'MONTH', currency: 'IDR', monthlyWage: 5_000_000 + i * 1000, employmentType: 'FULL_TIME', ...over,
});

const RECORDS = Array.from({ length: 120 }, (_, i) => record(i));

for (const engine of ['postgresql', 'pglite'] as const) {
  describe(`vacancy store on ${engine}`, () => {
    let store: StoreDb | undefined;
    beforeAll(async () => {
      if (engine === 'postgresql' && !(await requirePostgres())) return;
      store = await openStoreDb({ databaseUrl: engine === 'postgresql' ? POSTGRES_URL : undefined, schema: `t_store_${randomBytes(5).toString('hex')}` });
      await Promise.all([migrate(store.db, store.schema), migrate(store.db, store.schema)]);
    }, 60_000);
    afterAll(async () => {
      if (!store) return;
      await dropSchema(store);
      await store.close();
    });

    it('applies each migration once, even when two starts race', async () => {
      if (!store) return;
      expect(await migrate(store.db, store.schema)).toEqual([]);
      const names = await store.db.selectFrom('store_migration').select('name').execute();
      expect(names.map((n) => n.name)).toEqual(['001_vacancy_store.sql', '002_country_records.sql', '003_vacancy_slot.sql', '004_harvest_lease.sql']);
    });

    it('counts open stock and flow like a brute-force count, duplicates out, positions summed; closing is picked up', async () => {
      if (!store) return;
      const first = await writePage(store.db, 'ID', RECORDS);
      expect(first.added).toBe(120);
      // Loaded after the first page, following the log for the second.
      const image = columnImage(store.db, createLogger('store-test', 'silent'));
      await image.current();
      expect(image.status().rows).toBe(120);
      const closed = await writePage(store.db, 'ID', [record(1, { state: 'CLOSED', closedAt: '2026-03-20T00:00:00Z', updatedAt: '2026-05-01T00:00:00Z' }), record(2, { state: 'WITHDRAWN', closedAt: '2026-03-21T00:00:00Z', updatedAt: '2026-05-01T00:00:01Z' })]);
      expect(closed).toEqual({ added: 0, updated: 2, closed: 2 });
      const stockAt = new Date('2026-04-01T00:00:00Z');
      const [from, to] = [new Date('2026-02-01T00:00:00Z'), new Date('2026-03-01T00:00:00Z')];
      await image.current();
      const cells = aggregate(image.columns, { scope: { countries: ['ID'], includeDuplicates: false }, groupBy: ['ISCO_MAJOR'], stockAt, from, to, rates: new Map([['IDR', 1]]) });
      const live = RECORDS.filter((r) => r.duplicateOf === null && r.id !== 'ID:1' && r.id !== 'ID:2');
      for (const major of ['2', '7']) {
        const mine = live.filter((r) => r.iscoCode!.startsWith(major));
        const cell = cells.find((c) => c.iscoCode === major)!;
        expect(cell.open).toBe(mine.length);
        expect(cell.openPositions).toBe(mine.reduce((s, r) => s + r.positions, 0));
        const inFeb = RECORDS.filter((r) => r.duplicateOf === null && r.iscoCode!.startsWith(major) && r.postedAt.startsWith('2026-02'));
        expect(cell.added).toBe(inFeb.length);
      }
      const slots = await store.db.selectFrom('vacancy').select(['slot']).orderBy('slot').execute();
      expect(slots.map((r) => r.slot), 'an update keeps its slot and draws no new one').toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
      const closedSlot = (await store.db.selectFrom('vacancy').select('slot').where('id', '=', 'ID:1').executeTakeFirstOrThrow()).slot;
      expect(image.columns.state[closedSlot], 'the image follows the closing').toBe(CLOSED);
      const changes = await store.db.selectFrom('vacancy_change').select(['kind']).where('vacancy_id', 'in', ['ID:1', 'ID:2']).orderBy('seq').execute();
      expect(changes.map((c) => c.kind)).toEqual(['ADDED', 'ADDED', 'CLOSED', 'WITHDRAWN']);
    });
  });
}

describe('cell key perturbation', () => {
  it('gives the same cell the same figure and keeps a total minus its parts from recovering a suppressed part', () => {
    const d = { threshold: 5, perturb: true };
    expect(publishCount(d, 3, 1.234)).toEqual({ value: null, suppressed: true });
    expect(publishCount(d, 40, 7.5)).toEqual(publishCount(d, 40, 7.5));
    // Many (total, parts) pairs: the differencing attack recovers the suppressed part exactly only by chance.
    let exact = 0;
    for (let i = 0; i < 200; i += 1) {
      const small = 2 + (i % 3);
      const big = 30 + i;
      const keys = [(i * 0.37) % 1, (i * 0.71) % 1];
      const total = publishCount(d, small + big, keys[0]! + keys[1]!).value!;
      const part = publishCount(d, big, keys[1]!).value!;
      if (total - part === small) exact += 1;
    }
    expect(exact).toBeLessThan(120);
  });
});
