import { readdirSync, readFileSync } from 'node:fs';
import { sql, type Kysely } from 'kysely';
import { fromRoot } from '../../../../core/paths.js';
import type { StoreTables } from './tables.js';

/**
 * Plain SQL migrations (`migrations/NNN_name.sql`), applied in name order at start and recorded
 * in `store_migration`. Two exchange replicas starting at once take turns on an advisory lock
 * held on one connection, so each file runs exactly once; each file runs in a transaction.
 */

const DIR = fromRoot('subgraphs/exchange/src/store/migrations');

export function migrationFiles(dir = DIR): string[] {
  return readdirSync(dir).filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f)).sort();
}

/** Applies the pending migrations; returns the names applied now. */
export async function migrate(db: Kysely<StoreTables>, schema: string, dir = DIR): Promise<string[]> {
  return db.connection().execute(async (conn) => {
    const lock = sql`SELECT pg_advisory_lock(hashtext(${`lmis-store:${schema}`}))`;
    await lock.execute(conn);
    try {
      await sql`CREATE TABLE IF NOT EXISTS store_migration (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`.execute(conn);
      const done = new Set((await conn.selectFrom('store_migration').select('name').execute()).map((r) => r.name));
      const applied: string[] = [];
      for (const file of migrationFiles(dir).filter((f) => !done.has(f))) {
        await conn.transaction().execute(async (tx) => {
          for (const statement of statements(readFileSync(`${dir}/${file}`, 'utf8'))) await sql.raw(statement).execute(tx);
          await tx.insertInto('store_migration').values({ name: file }).execute();
        });
        applied.push(file);
      }
      return applied;
    } finally {
      await sql`SELECT pg_advisory_unlock(hashtext(${`lmis-store:${schema}`}))`.execute(conn);
    }
  });
}

/** One statement per call: the extended protocol (PGlite, prepared statements) takes one at a time.
 * Statements end with `;` at the end of a line; the files keep to that. */
export function statements(text: string): string[] {
  return text
    .split(/;[ \t]*(?:--[^\n]*)?\n/)
    .map((s) => s.replace(/^\s*--[^\n]*\n/gm, '').trim())
    .filter(Boolean);
}
