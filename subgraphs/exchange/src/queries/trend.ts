import { ExchangeInputError } from '../errors.js';
import type { StatsDimension } from '../stats.js';
import type { ExchangeContext } from './context.js';
import { ALL_MEASURES, type SortedMeasures } from '../store/aggregate.js';
import { answerFrame, publishStoreCells, storeQuestion, storeStatistics, type StatsArgs, type StoreQuestion } from './storeStatistics.js';
import { storeWindow } from './window.js';

/**
 * `labourMarketTrend`: the store's statistics per month or ISO week of the period — open stock at
 * the end of each interval, new postings within it — with the same definitions, perturbation and
 * suppression as labourMarketStats (each point's cells are a labourMarketStats answer for that
 * interval, so a point and the same question asked directly always agree: the same postings, so the
 * same counts and record keys).
 */

export type TrendInterval = 'MONTH' | 'WEEK';
export const MAX_TREND_POINTS = 260;
const DAY_MS = 86_400_000;

export interface TrendArgs extends Omit<StatsArgs, 'at'> {
  interval?: TrendInterval | null;
  from: string;
  to: string;
}

/**
 * `measures`: the sorted measures (durations, wages) the points' cells select. Without them every
 * point's counts come from one pass over the store for all periods (store/periodCounts.ts); with
 * them each point's cells are a statistics pass of their own.
 */
export async function labourMarketTrend(ctx: ExchangeContext, args: TrendArgs, requestId: string, measures: SortedMeasures = ALL_MEASURES) {
  // Both ends are given: the period alone makes the window, whatever the store's as-of.
  const window = storeWindow({ from: args.from, to: args.to }, new Date());
  const interval = args.interval ?? 'MONTH';
  const periods = intervals(interval, window.from, window.to);
  const groupBy: StatsDimension[] = [...new Set(args.groupBy ?? [])];
  const question = await storeQuestion(ctx, { ...args, groupBy: [], from: window.from, to: window.to, at: window.to });
  const sorted = groupBy.length > 0 && (measures.duration || measures.wages);
  // Totals always, and the cells too unless they need sorted measures, from one pass for all periods.
  const [counted, sortedCells] = await Promise.all([
    periodFigures(ctx, question, sorted ? [] : groupBy, periods),
    sorted ? Promise.all(periods.map(async (p) => (await storeStatistics(ctx, { ...args, groupBy, from: p.from, to: p.to, at: p.to }, requestId, { training: false, cells: measures })).cells)) : null,
  ]);
  const points = periods.map((p, i) => ({
    period: p.label,
    start: p.from,
    end: p.to,
    ...total(counted[i]!.total),
    cells: !groupBy.length ? null : (sortedCells?.[i] ?? counted[i]!.cells),
  }));
  const { currency, definitions, asOf, sources, disclosureThreshold, perturbed } = answerFrame(ctx, question);
  return { interval, groupBy, from: window.from, to: window.to, currency, definitions, asOf, sources, disclosureThreshold, perturbed, points };
}

type Published = ReturnType<typeof publishStoreCells>;

/** Every period's published total and cells from one pass: period i is [its first day, the day after its last), its stock counted at that end. */
async function periodFigures(ctx: ExchangeContext, q: StoreQuestion, groupBy: StatsDimension[], periods: readonly Interval[]): Promise<Array<{ total: Published[number] | undefined; cells: Published }>> {
  if (q.synced.length === 0) return periods.map(() => ({ total: undefined, cells: [] }));
  const boundaries = [dayStart(periods[0]!.from), ...periods.map((p) => new Date(dayStart(p.to).getTime() + DAY_MS))];
  const figures = await ctx.storeCells.periods({ scope: q.scope, groupBy, boundaries }, q.version);
  return figures.map((f) => ({ total: f.total && publishStoreCells(ctx.disclosure, [f.total])[0], cells: publishStoreCells(ctx.disclosure, f.cells) }));
}

/** The whole selection's figures for one interval, published like a cell. */
function total(cell: Published[number] | undefined) {
  return {
    openStock: cell ? cell.vacancies : 0,
    openPositions: cell ? cell.openPositions : 0,
    newPostings: cell ? cell.newPostings : 0,
    newPositions: cell ? cell.newPositions : 0,
  };
}

const dayStart = (day: string) => new Date(`${day}T00:00:00Z`);

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
