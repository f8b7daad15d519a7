import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { StoreTables } from './tables.js';

/**
 * The store's one database handle: PostgreSQL through `pg` when a URL is given, otherwise an
 * embedded PostgreSQL (PGlite, WebAssembly) in memory or under a data directory. Both speak the
 * same SQL through kysely, so every query and migration is written once. Every table lives in
 * one schema (`search_path`), so a test or a second deployment can share a database safely.
 */

export interface StoreOptions {
  databaseUrl?: string | undefined;
  /** PGlite data directory; without it the embedded store lives in memory. */
  dir?: string | undefined;
  schema: string;
}

export interface StoreDb {
  db: Kysely<StoreTables>;
  /** "postgresql" or "pglite (memory)" / "pglite (<dir>)", for logs and /ready. */
  engine: string;
  schema: string;
  close(): Promise<void>;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
/**
 * Memory per sort: a statistics question's medians and quartiles sort up to every posting of the
 * store (a few hundred thousand narrow rows); PostgreSQL's default 4 MB spills them to disk.
 */
const WORK_MEM = '64MB';
/**
 * PostgreSQL's JIT compiles a query whose estimated cost is high — every statistics question over
 * a large store — and the compiling took seconds, longer than running the query (measured with
 * EXPLAIN ANALYZE at 200,000 postings per country). PGlite has no JIT.
 */
const SESSION = `-c work_mem=${WORK_MEM} -c jit=off`;

export async function openStoreDb(options: StoreOptions): Promise<StoreDb> {
  if (!SCHEMA_NAME.test(options.schema)) throw new Error(`not a schema name: "${options.schema}"`);
  const schema = options.schema;
  if (options.databaseUrl) {
    await createSchema(options.databaseUrl, schema);
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 4, options: `-c search_path=${schema} ${SESSION}` });
    const db = new Kysely<StoreTables>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: 'postgresql', schema, close: () => db.destroy() };
  }
  const lite = options.dir ? new PGlite(options.dir) : new PGlite();
  await lite.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}; SET search_path TO ${schema}; SET work_mem TO '${WORK_MEM}';`);
  const db = new Kysely<StoreTables>({ dialect: new PGliteDialect(lite) });
  return { db, engine: `pglite (${options.dir ?? 'memory'})`, schema, close: () => db.destroy() };
}

/** The pool's connections set search_path, so the schema must exist before the first of them. */
async function createSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  } catch (error) {
    // Two replicas creating it at once: the loser sees a unique violation; the schema exists.
    if ((error as { code?: string }).code !== '23505') throw error;
  } finally {
    await client.end();
  }
}

/** Drops the store's schema with everything in it (tests). */
export async function dropSchema(store: StoreDb): Promise<void> {
  await sql`DROP SCHEMA IF EXISTS ${sql.id(store.schema)} CASCADE`.execute(store.db);
}
