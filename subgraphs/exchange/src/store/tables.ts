import type { ColumnType, Generated } from 'kysely';

/** The store's tables as kysely sees them (migrations/*.sql is the source of truth). */

type Instant = ColumnType<Date, Date | string, Date | string>;

export interface VacancyRow {
  id: string;
  country: string;
  typename: string;
  title: string;
  national_system: string;
  national_code: string | null;
  isco_code: string | null;
  region_code: string | null;
  posted_at: Instant;
  posted_month: string;
  updated_at: Instant;
  state: 'OPEN' | 'CLOSED' | 'WITHDRAWN';
  closed_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  valid_through: ColumnType<Date | null, Date | string | null, Date | string | null>;
  positions: number;
  duplicate_of: string | null;
  wage_min: number | null;
  wage_max: number | null;
  wage_period: string | null;
  currency: string;
  monthly_wage: number | null;
  employment_type: string | null;
  first_seen: Instant;
  last_seen: Instant;
  record_key: number;
  /** The row's index in the column image (store/columns.ts), fixed at first insert. */
  slot: Generated<number>;
}

export type ChangeKind = 'ADDED' | 'UPDATED' | 'CLOSED' | 'WITHDRAWN';

export interface VacancyChangeRow {
  seq: Generated<string>;
  vacancy_id: string;
  typename: string;
  country: string;
  kind: ChangeKind;
  at: Instant;
  seen_at: Instant;
}

export type SyncState = 'NEVER' | 'SYNCING' | 'OK' | 'FAILED';

export interface CountrySyncRow {
  country: string;
  subgraph: string;
  state: SyncState;
  keyset_updated_at: string | null;
  keyset_id: string | null;
  as_of: ColumnType<Date | null, Date | string | null, Date | string | null>;
  full_sync_done: ColumnType<boolean, boolean | undefined, boolean>;
  last_started_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  last_success_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  last_error: string | null;
  failures: ColumnType<number, number | undefined, number>;
  last_changes: ColumnType<number, number | undefined, number>;
  records: ColumnType<number, number | undefined, number>;
  /** The replica syncing the country now (store/lease.ts, migration 004). */
  lease_owner: string | null;
  lease_until: ColumnType<Date | null, Date | string | null, Date | string | null>;
}

export interface StoreTables {
  vacancy: VacancyRow;
  vacancy_change: VacancyChangeRow;
  country_sync: CountrySyncRow;
  store_migration: { name: string; applied_at: ColumnType<Date, never, never> };
}
