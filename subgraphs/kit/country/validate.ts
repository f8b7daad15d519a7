import { badInput } from '../errors.js';
import type { ChangeKeyset, Keyset, VacancyFilter } from './adapter.js';

/** Argument checks of the contract's search fields; failures are BAD_USER_INPUT. */

export const MAX_FIRST = 200;
/** A change-feed page: large, because a first full sync walks every posting of a country. */
export const MAX_CHANGES_FIRST = 1000;

export function checkFirst(first: number, max = MAX_FIRST): number {
  if (!Number.isInteger(first) || first < 1 || first > max) throw badInput(`first must be between 1 and ${max}, got ${first}`, 'first');
  return first;
}

export function checkOffset(offset: number | null | undefined): number {
  const value = offset ?? 0;
  if (!Number.isInteger(value) || value < 0) throw badInput(`offset must be 0 or more, got ${value}`, 'offset');
  return value;
}

/** The native id inside a global id of this country, or a BAD_USER_INPUT error. */
export function nativeIdOf(globalId: string, country: string, argument = 'id'): string {
  const prefix = `${country}:`;
  if (typeof globalId !== 'string' || !globalId.startsWith(prefix) || globalId.length === prefix.length) {
    throw badInput(`"${String(globalId).slice(0, 80)}" is not a ${country} id (expected ${prefix}<native id>)`, argument);
  }
  return globalId.slice(prefix.length);
}

export function checkKeyset(after: { postedAt: string; id: string } | null | undefined, country: string): Keyset | null {
  if (!after) return null;
  if (Number.isNaN(Date.parse(after.postedAt))) throw badInput(`after.postedAt is not an ISO 8601 instant: "${after.postedAt.slice(0, 80)}"`, 'after');
  return { postedAt: after.postedAt, id: after.id, nativeId: nativeIdOf(after.id, country, 'after') };
}

/** The filter, once its dates are known to parse: adapters may then read them with Date.parse. */
export function checkVacancyFilter<F extends Pick<VacancyFilter, 'postedSince'>>(filter: F): F {
  if (filter.postedSince && Number.isNaN(Date.parse(filter.postedSince))) {
    throw badInput(`postedSince must be an ISO 8601 date-time, got "${filter.postedSince.slice(0, 80)}"`, 'postedSince');
  }
  return filter;
}


export function checkChangeKeyset(after: { updatedAt: string; id: string } | null | undefined, country: string): ChangeKeyset | null {
  if (!after) return null;
  if (Number.isNaN(Date.parse(after.updatedAt))) throw badInput(`after.updatedAt is not an ISO 8601 instant: "${after.updatedAt.slice(0, 80)}"`, 'after');
  return { updatedAt: after.updatedAt, id: after.id, nativeId: nativeIdOf(after.id, country, 'after') };
}
