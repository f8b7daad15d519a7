import type { Kysely } from 'kysely';
import type { Config } from '../../../../core/config.js';
import type { Logger } from '../../../../core/log.js';
import type { CountryClient } from '../countryClient.js';
import type { CountrySource } from '../registry.js';
import { columnImage, type ColumnImage } from './columnImage.js';
import { openStoreDb, type StoreDb } from './db.js';
import { createHarvester, type Harvester, type SyncReport } from './harvester.js';
import { migrate } from './migrations.js';
import { syncStatuses, type CountrySyncStatus } from './syncState.js';
import type { StoreTables } from './tables.js';

/**
 * The running store as the exchange owns it: the database (migrated), the harvester (first sync
 * at start, then every interval), the column image statistics read (kept up with every page
 * written) and what the graph, /ready and /store/sync read of it.
 */

export interface VacancyStore {
  db: Kysely<StoreTables>;
  engine: string;
  schema: string;
  image: ColumnImage;
  statuses(): Promise<CountrySyncStatus[]>;
  /** Sync every country now and wait (a sync already running, here or on another replica, is awaited first). */
  syncNow(): Promise<SyncReport[]>;
  close(): Promise<void>;
}

export interface VacancyStoreDeps {
  config: Config;
  countries: readonly CountrySource[];
  clients: ReadonlyMap<string, CountryClient>;
  logger: Logger;
}

export async function startVacancyStore(deps: VacancyStoreDeps): Promise<VacancyStore> {
  const { store: settings } = deps.config;
  const store: StoreDb = await openStoreDb({ databaseUrl: settings.databaseUrl, dir: settings.dir, schema: settings.schema });
  const logger = deps.logger.child({ engine: store.engine, schema: store.schema });
  let harvester: Harvester | undefined;
  const image = columnImage(store.db, logger);
  try {
    const applied = await migrate(store.db, store.schema);
    logger.info({ applied }, 'vacancy store open');
    image.poke();
    harvester = createHarvester({ db: store.db, countries: deps.countries, clients: deps.clients, logger, intervalMs: settings.syncIntervalMs, onPage: image.poke });
    harvester.start();
  } catch (error) {
    await store.close();
    throw error;
  }
  const running = harvester;
  return {
    db: store.db,
    engine: store.engine,
    schema: store.schema,
    image,
    statuses: () => syncStatuses(store.db),
    syncNow: () => running.syncNow(),
    close: async () => {
      await running.stop();
      // The last page's catch-up finishes before the database closes (else it fails, logged as falling behind).
      await image.current().catch(() => undefined);
      await store.close();
    },
  };
}
