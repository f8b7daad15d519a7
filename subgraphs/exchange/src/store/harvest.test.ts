import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredCountries } from '../../../../test/harness/countries.js';
import { startStack, type TestStack } from '../../../../test/harness/stack.js';
import { createKitMetrics, createUpstreamClient } from '../../../kit/index.js';
import { countryClient } from '../countryClient.js';
import { discoverCountries, type CountrySource } from '../registry.js';
import { columnImage } from './columnImage.js';
import { STATES } from './columns.js';
import { openStoreDb, type StoreDb } from './db.js';
import { createHarvester } from './harvester.js';
import { migrate } from './migrations.js';
import { syncStatuses } from './syncState.js';

/**
 * The harvester over the real country subgraphs and simulators (HTTP, signed calls), into the
 * embedded PGlite store: a full sync, an incremental sync after the simulated clock advanced, and
 * a country that cannot be reached failing alone.
 */
describe('store harvest from the country subgraphs', () => {
  let stack: TestStack;
  let store: StoreDb;
  const logger = pino({ level: 'silent' });
  const harvesterFor = (countries: CountrySource[], onPage?: () => void) => {
    const metrics = createKitMetrics('harvest_test');
    const clients = new Map(
      countries.map((c) => [c.name, countryClient(c, createUpstreamClient({ name: c.name, baseUrl: c.url, timeoutMs: 10_000, retries: 0, logger, metrics }), stack.config.gatewaySecret, { pageMs: 10_000, bulkMs: 10_000 })]),
    );
    return createHarvester({ db: store.db, countries, clients, logger, intervalMs: 0, ...(onPage ? { onPage } : {}) });
  };

  beforeAll(async () => {
    stack = await startStack({ subgraphs: ['taxonomy', ...registeredCountries().map((c) => c.name)], simulator: { size: 300 } });
    store = await openStoreDb({ schema: 'harvest_test' });
    await migrate(store.db, store.schema);
  }, 120_000);
  afterAll(async () => {
    await store?.close();
    await stack?.stop();
  });

  it('syncs every country fully, then picks up new, closed and withdrawn postings after the clock advances', async () => {
    const countries = discoverCountries(stack.subgraphUrls);
    const image = columnImage(store.db, logger);
    const harvester = harvesterFor(countries, image.poke);
    const first = await harvester.syncNow();
    expect(first.map((r) => [r.country, r.ok, r.added])).toEqual(countries.map((c) => [c.country, true, 300]));
    const advanced = await fetch(`${stack.simulatorUrls.indonesia}/__sim/advance`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ changes: 60 }) });
    expect(advanced.status).toBe(200);
    const [again] = await harvester.syncNow(['ID']);
    expect(again!.ok).toBe(true);
    expect(again!.changes).toBeGreaterThan(0);
    expect(again!.added + again!.closed).toBeGreaterThan(0);
    const kinds = await store.db.selectFrom('vacancy_change').select('kind').distinct().where('country', '=', 'ID').execute();
    expect(kinds.map((k) => k.kind).sort()).toEqual(expect.arrayContaining(['ADDED', 'CLOSED']));
    const statuses = await syncStatuses(store.db);
    expect(statuses.every((s) => s.state === 'OK' && s.fullSyncDone)).toBe(true);
    expect(statuses.find((s) => s.country === 'ID')!.records).toBe(300 + again!.added);
    // The column image statistics read followed both syncs: the same rows in the same states as the table.
    await image.current();
    expect(image.status().rows).toBe(statuses.reduce((n, s) => n + s.records, 0));
    const stored = await store.db.selectFrom('vacancy').select(['slot', 'state']).execute();
    expect(stored.filter((r) => image.columns.state[r.slot] !== STATES.indexOf(r.state)).length).toBe(0);
    await harvester.stop();
  }, 120_000);

  it('a country that cannot be reached fails alone and is recorded', async () => {
    const countries = discoverCountries(stack.subgraphUrls).map((c) => (c.country === 'MY' ? { ...c, url: 'http://127.0.0.1:9/graphql' } : c));
    const harvester = harvesterFor(countries);
    const reports = await harvester.syncNow();
    expect(reports.find((r) => r.country === 'MY')!.ok).toBe(false);
    expect(reports.filter((r) => r.country !== 'MY').every((r) => r.ok)).toBe(true);
    const my = (await syncStatuses(store.db)).find((s) => s.country === 'MY')!;
    expect(my.state).toBe('FAILED');
    expect(my.failures).toBe(1);
    expect(my.records).toBe(300);
    await harvester.stop();
  }, 120_000);
});
