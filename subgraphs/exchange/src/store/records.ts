import { createHash } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { PostingState, VacancyRecord } from '../../../kit/index.js';
import type { ChangeKind, VacancyRow } from './tables.js';

/**
 * What a country's change feed carries (the contract's ExchangeVacancyRecord) and how one becomes
 * a row of the store. Pure: the harvester does the I/O.
 */


/** One record of a country's change feed: the contract's ExchangeVacancyRecord, as the kit serves it. */
export type ChangeRecord = VacancyRecord;

export interface ChangePage {
  records: ChangeRecord[];
  hasMore: boolean;
  asOf: string;
}

/**
 * The cell key method's record key: fixed per vacancy (a hash of its global id, uniform in
 * [0, 1)), so the same set of vacancies always sums to the same cell key, whatever the query.
 */
export function recordKey(id: string): number {
  return createHash('sha256').update(id).digest().readUInt32BE(0) / 2 ** 32;
}

/** YYYY-MM as the source wrote the posting date (its own local month). */
export function localMonth(postedAt: string): string {
  const month = /^(\d{4}-\d{2})/.exec(postedAt)?.[1];
  if (!month) throw new RangeError(`postedAt is not ISO 8601: "${postedAt}"`);
  return month;
}

export function toRow(country: string, r: ChangeRecord, seenAt: Date): Insertable<VacancyRow> {
  return {
    id: r.id,
    country,
    typename: r.typename,
    title: r.title,
    national_system: r.nationalSystem,
    national_code: r.nationalCode,
    isco_code: r.iscoCode,
    region_code: r.regionCode,
    posted_at: r.postedAt,
    posted_month: localMonth(r.postedAt),
    updated_at: r.updatedAt,
    state: r.state,
    closed_at: r.closedAt,
    valid_through: r.validThrough,
    positions: Math.max(0, Math.trunc(r.positions)),
    duplicate_of: r.duplicateOf,
    wage_min: r.wageMin,
    wage_max: r.wageMax,
    wage_period: r.wagePeriod,
    currency: r.currency,
    monthly_wage: r.monthlyWage,
    employment_type: r.employmentType,
    first_seen: seenAt,
    last_seen: seenAt,
    record_key: recordKey(r.id),
  };
}

/**
 * The feed events one record makes, given the state the store had for it (undefined: never
 * seen). A vacancy first seen already closed gets ADDED and its closing, so a mirror that replays
 * the feed ends in the same state as the store.
 */
export function changeKinds(before: PostingState | undefined, r: ChangeRecord): Array<{ kind: ChangeKind; at: string }> {
  const closing: ChangeKind | undefined = r.state === 'CLOSED' ? 'CLOSED' : r.state === 'WITHDRAWN' ? 'WITHDRAWN' : undefined;
  if (before === undefined) return [{ kind: 'ADDED', at: r.postedAt }, ...(closing ? [{ kind: closing, at: r.closedAt ?? r.updatedAt }] : [])];
  if (closing && before === 'OPEN') return [{ kind: closing, at: r.closedAt ?? r.updatedAt }];
  return [{ kind: 'UPDATED', at: r.updatedAt }];
}
