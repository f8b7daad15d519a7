import { ExchangeInputError } from '../errors.js';
import { normaliseInstant } from '../filters.js';

/**
 * The reference date and the period of a store question. `at`: a date (stock at the end of that
 * day, UTC) or an instant (stock at that instant); default: the end of the period's last day, else
 * the store's as-of instant — not the wall clock, which runs ahead of what the store holds (a
 * national system's clock, a simulator's anchored data, a lagging sync), so that the default
 * stock never counts postings as still open only because their closing has not been harvested yet.
 * `from`/`to`: the flow period, whole days from `from` 00:00 to the end of `to` (UTC); default:
 * the first of the reference month to the reference day. A period longer than MAX_PERIOD_YEARS is
 * refused (it would read the whole history for an answer nobody can check).
 */

export const MAX_PERIOD_YEARS = 10;
const DAY_MS = 86_400_000;

export interface StoreWindow {
  /** The reference date as asked (YYYY-MM-DD, or the instant). */
  referenceDate: string;
  /** Stock is counted at this instant (exclusive). */
  stockAt: Date;
  /** The flow period as stated (YYYY-MM-DD, inclusive). */
  from: string;
  to: string;
  /** The flow period as instants [fromAt, toAt). */
  fromAt: Date;
  toAt: Date;
}

export interface WindowArgs {
  at?: string | null;
  from?: string | null;
  to?: string | null;
}

/** `storeAsOf`: the instant up to which the store holds every counted country's data. */
export function storeWindow(args: WindowArgs, storeAsOf: Date): StoreWindow {
  const asked = args.at ? normaliseInstant(args.at, 'at')! : undefined;
  const at = asked ?? (args.to ? undefined : storeAsOf.toISOString());
  const atIsDay = !!args.at && /^\d{4}-\d{2}-\d{2}$/.test(args.at.trim());
  const to = day(args.to ? normaliseInstant(args.to, 'to')! : at!);
  const from = day(args.from ? normaliseInstant(args.from, 'from')! : `${to.slice(0, 7)}-01`);
  if (from > to) throw new ExchangeInputError('INVALID_PERIOD', `from (${from}) is after to (${to}).`, 'from');
  const fromAt = new Date(`${from}T00:00:00Z`);
  const toAt = new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS);
  if (toAt.getTime() - fromAt.getTime() > MAX_PERIOD_YEARS * 366 * DAY_MS) {
    throw new ExchangeInputError('PERIOD_TOO_LONG', `The period may span at most ${MAX_PERIOD_YEARS} years; got ${from} to ${to}.`, 'from');
  }
  if (!at) return { referenceDate: to, stockAt: toAt, from, to, fromAt, toAt };
  const stockAt = atIsDay ? new Date(Date.parse(at) + DAY_MS) : new Date(at);
  return { referenceDate: atIsDay ? day(at) : at, stockAt, from, to, fromAt, toAt };
}

function day(instant: string): string {
  return instant.slice(0, 10);
}
