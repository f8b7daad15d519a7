import { ExchangeInputError } from '../errors.js';
import type { StatsDimension } from '../stats.js';
import type { ExchangeContext } from './context.js';
import { storeStatistics, type StatsArgs } from './storeStatistics.js';
import { storeWindow } from './window.js';

/**
 * `labourMarketTrend`: the store's statistics per month or ISO week of the period — open stock at
 * the end of each interval, new postings within it — with the same definitions, perturbation and
 * suppression as labourMarketStats (each point's cells are a labourMarketStats answer for that
 * interval, so a point and the same question asked directly always agree).
 */

export type TrendInterval = 'MONTH' | 'WEEK';
export const MAX_TREND_POINTS = 260;
const DAY_MS = 86_400_000;
/** A trend is the store's alone: no live training call per point (training figures are null). */
const NO_TRAINING = { training: false };

export interface TrendArgs extends Omit<StatsArgs, 'at'> {
  interval?: TrendInterval | null;
  from: string;
  to: string;
}

export async function labourMarketTrend(ctx: ExchangeContext, args: TrendArgs, requestId: string) {
  // Both ends are given: the period alone makes the window, whatever the store's as-of.
  const window = storeWindow({ from: args.from, to: args.to }, new Date());
  const interval = args.interval ?? 'MONTH';
  const periods = intervals(interval, window.from, window.to);
  const groupBy: StatsDimension[] = [...new Set(args.groupBy ?? [])];
  const totals = await Promise.all(periods.map((p) => total(ctx, args, p)));
  const points = await Promise.all(
    periods.map(async (p, i) => ({
      period: p.label,
      start: p.from,
      end: p.to,
      ...totals[i]!,
      cells: groupBy.length ? (await storeStatistics(ctx, { ...args, groupBy, from: p.from, to: p.to, at: p.to }, requestId, NO_TRAINING)).cells : null,
    })),
  );
  // The answer's frame (currency, definitions, asOf, sources): no cells, so no pass over the store.
  const head = await storeStatistics(ctx, { ...args, groupBy: [], from: window.from, to: window.to, at: window.to }, requestId, { ...NO_TRAINING, cells: 'none' });
  return { interval, groupBy, from: window.from, to: window.to, currency: head.currency, definitions: head.definitions, asOf: head.asOf, sources: head.sources, disclosureThreshold: head.disclosureThreshold, perturbed: head.perturbed, points };
}

interface Interval {
  label: string;
  from: string;
  to: string;
}

/** Calendar months, or ISO weeks (Monday to Sunday), covering [from, to], clipped to it. */
export function intervals(kind: TrendInterval, from: string, to: string): Interval[] {
  const out: Interval[] = [];
  let start = Date.parse(`${from}T00:00:00Z`);
  if (kind === 'WEEK') start -= ((new Date(start).getUTCDay() + 6) % 7) * DAY_MS;
  const last = Date.parse(`${to}T00:00:00Z`);
  while (start <= last) {
    const d = new Date(start);
    const next = kind === 'MONTH' ? Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) : start + 7 * DAY_MS;
    out.push({ label: kind === 'MONTH' ? iso(start).slice(0, 7) : isoWeek(start), from: iso(Math.max(start, Date.parse(`${from}T00:00:00Z`))), to: iso(Math.min(next - DAY_MS, last)) });
    if (out.length > MAX_TREND_POINTS) {
      throw new ExchangeInputError('PERIOD_TOO_LONG', `A trend has at most ${MAX_TREND_POINTS} points; ${from} to ${to} by ${kind} has more.`, 'from');
    }
    start = next;
  }
  return out;
}

/** The whole selection's figures for one interval, published like a cell. */
async function total(ctx: ExchangeContext, args: TrendArgs, p: Interval) {
  const answer = await storeStatistics(ctx, { ...args, groupBy: [], from: p.from, to: p.to, at: p.to }, 'trend', { ...NO_TRAINING, cells: 'counts' });
  const cell = answer.cells[0];
  return {
    openStock: cell ? cell.vacancies : 0,
    openPositions: cell ? cell.openPositions : 0,
    newPostings: cell ? cell.newPostings : 0,
    newPositions: cell ? cell.newPositions : 0,
  };
}

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** "2026-W47": the ISO week of the Monday at ms. */
function isoWeek(ms: number): string {
  const thursday = new Date(ms + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}
