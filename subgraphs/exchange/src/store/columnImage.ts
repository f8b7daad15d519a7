import { sql, type Kysely } from 'kysely';
import type { Logger } from '../../../../core/log.js';
import { VacancyColumns, type ColumnRow } from './columns.js';
import type { StoreTables } from './tables.js';

/**
 * Keeps the column image (store/columns.ts) equal to the database: loaded once, slot by slot,
 * then following the store's own change log (vacancy_change.seq) — every write to a vacancy
 * writes its events in the same transaction, and feed writers commit in seq order (the feed lock,
 * store/upsert.ts), so "every event up to the highest committed seq" is a complete, consistent
 * horizon. A followed event re-reads its vacancy's current row, so applying one twice is harmless.
 * The harvester pokes the image after each page it writes, so the image keeps up during a sync;
 * every statistics question calls `current()` first, which costs one indexed query when nothing
 * changed — and is what lets a replica that does not harvest see another replica's pages.
 */

export interface ColumnImage {
  readonly columns: VacancyColumns;
  /** Resolves when the image holds every change committed before the call. */
  current(): Promise<void>;
  /** Catch up in the background (the harvester after each page); failures are logged, retried at the next call. */
  poke(): void;
  /** What /ready shows. */
  status(): { rows: number; seq: number; bytes: number };
}

/** Rows per query while loading, and log events per query while following. */
const BATCH = 20_000;

export function columnImage(db: Kysely<StoreTables>, logger: Logger): ColumnImage {
  const columns = new VacancyColumns();
  let seq = -1;
  let queued: Promise<void> | undefined;
  let chain: Promise<void> = Promise.resolve();

  const catchUp = async () => {
    if (seq < 0) {
      const horizon = await highestSeq(db);
      const started = Date.now();
      for (let after = -1, more = true; more; ) {
        const rows = await readRows(db, sql`v.slot > ${after} ORDER BY v.slot LIMIT ${BATCH}`);
        rows.forEach((r) => columns.put(r));
        more = rows.length === BATCH;
        after = rows.at(-1)?.slot ?? after;
      }
      seq = horizon;
      if (columns.rows > 0) logger.info({ rows: columns.rows, ms: Date.now() - started }, 'store column image loaded');
    }
    for (let top = await highestSeq(db); seq < top; ) {
      const to = Math.min(top, seq + BATCH);
      const rows = await readRows(db, sql`v.id IN (SELECT c.vacancy_id FROM vacancy_change c WHERE c.seq > ${seq} AND c.seq <= ${to})`);
      rows.forEach((r) => columns.put(r));
      seq = to;
    }
  };

  // Each call gets a catch-up that starts after it was made; calls made while one waits to start share it.
  const current = (): Promise<void> => {
    if (queued) return queued;
    const next = chain.then(() => {
      queued = undefined;
      return catchUp();
    });
    queued = next;
    chain = next.catch(() => undefined);
    return next;
  };

  return {
    columns,
    current,
    poke: () => void current().catch((error: unknown) => logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'store column image fell behind; it catches up at the next question')),
    status: () => ({ rows: columns.rows, seq: Math.max(seq, 0), bytes: columns.bytes }),
  };
}

async function highestSeq(db: Kysely<StoreTables>): Promise<number> {
  const { rows } = await sql<{ top: string | number | null }>`SELECT max(seq) AS top FROM vacancy_change`.execute(db);
  return Number(rows[0]?.top ?? 0);
}

/** Instants as epoch milliseconds: extract() is exact (numeric), so whole milliseconds stay whole. */
const MS = (column: string) => sql`(extract(epoch FROM ${sql.raw(column)}) * 1000)::float8`;

type RawRow = Omit<ColumnRow, 'duplicate'> & { duplicate: boolean | string };

async function readRows(db: Kysely<StoreTables>, where: ReturnType<typeof sql>): Promise<ColumnRow[]> {
  const { rows } = await sql<RawRow>`
    SELECT v.slot, v.country, v.region_code AS region, v.isco_code AS isco, v.posted_month AS month,
      v.employment_type AS "employmentType", v.currency, v.state, v.duplicate_of IS NOT NULL AS duplicate,
      v.positions, v.record_key AS "recordKey", v.monthly_wage AS "monthlyWage",
      ${MS('v.posted_at')} AS "postedAt",
      ${MS("coalesce(v.closed_at, CASE WHEN v.state <> 'OPEN' THEN v.updated_at END)")} AS "closedAt",
      ${MS('v.valid_through')} AS "validThrough"
    FROM vacancy v WHERE ${where}`.execute(db);
  return rows.map((r) => ({ ...r, duplicate: r.duplicate === true || r.duplicate === 't' }));
}
