import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { postgresAnswers, POSTGRES_URL } from './requirements.js';

/**
 * The exchange's vacancy store for one test stack: the real PostgreSQL in a schema of its own
 * (random name, dropped when the stack stops) when it answers, else the embedded PGlite in memory.
 */

export type StoreChoice = 'postgres' | 'pglite' | 'auto';

export interface TestStoreSettings {
  env: Record<string, string>;
  /** Drops the schema (PostgreSQL); nothing to do for PGlite in memory. */
  drop(): Promise<void>;
}

export async function testStoreSettings(choice: StoreChoice = 'auto'): Promise<TestStoreSettings> {
  const schema = `test_store_${randomBytes(6).toString('hex')}`;
  const usePostgres = choice === 'postgres' || (choice === 'auto' && (await postgresAnswers()));
  if (!usePostgres) return { env: { STORE_SCHEMA: schema }, drop: async () => undefined };
  return {
    env: { DATABASE_URL: POSTGRES_URL, STORE_SCHEMA: schema },
    drop: async () => {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}
