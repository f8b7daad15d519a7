import { convert } from '../currency.js';
import { ExchangeInputError } from '../errors.js';
import { countryTrainingFilter, normaliseCurrency, normaliseVacancyFilter, trainingFilterFor, type NormalisedVacancyFilter, type VacancyFilterInput } from '../filters.js';
import type { SearchPage, TrainingHit } from '../model.js';
import { TRAINING_FACTS } from '../operations.js';
import { sourceStatus, type SourceStatus } from '../outcome.js';
import { ratesOn } from '../periodRates.js';
import { grouping, trainingKeys, type CellKey, type StatsDimension } from '../stats.js';
import { ALL_MEASURES, type AggregateCell, type SortedMeasures } from '../store/aggregate.js';
import { publishCount, publishSum, type Disclosure } from '../store/disclosure.js';
import type { StoreScope } from '../store/selection.js';
import type { CountrySyncStatus } from '../store/syncState.js';
import { sourcesFor, type ExchangeContext } from './context.js';
import { codedSyncError } from './syncStatus.js';
import { STATS_DEFINITIONS } from './definitions.js';
import { storeWindow, type StoreWindow, type WindowArgs } from './window.js';

/**
 * `labourMarketStats` from the regional store: open stock on the reference date and new postings
 * in the period, postings and positions, duration of filled vacancies, wage quartiles — one pass
 * over the store's column image, no national call for vacancies. Training supply still comes live from the countries
 * (`exchangeTrainingFacts`), grouped by the offers' own start month. Every published count goes
 * through the cell key method (store/disclosure.ts), then suppression. A country never synced is
 * listed in `sources` as NOT_SYNCED and left out — never counted as zero.
 */

export interface StatsArgs extends WindowArgs {
  filter?: VacancyFilterInput | null;
  groupBy?: readonly StatsDimension[] | null;
  currency?: string | null;
  includeDuplicates?: boolean | null;
}

/** Separate noise per measure of one cell (postings and positions, stock and flow). */
const SHIFT = { open: 0, openPositions: 0.137, added: 0.371, addedPositions: 0.593, filled: 0.719, wages: 0.853 } as const;

/**
 * `training`: whether the question asks for training figures (only then are the countries called);
 * `measures`: which sorted measures (durations, wages) its cells select — the others are not computed.
 */
export function labourMarketStats(ctx: ExchangeContext, args: StatsArgs, requestId: string, training = true, measures: SortedMeasures = ALL_MEASURES) {
  return storeStatistics(ctx, args, requestId, { training, cells: measures });
}

export interface StatisticsOptions {
  /** False (the trend) answers from the store alone; training figures are then null. */
  training: boolean;
  /** The sorted measures to compute (default: all); `none`: no cells, only the answer's frame. */
  cells?: SortedMeasures | 'none';
}

/** What every store question settles before it reads the store: its countries, window, scope and data version. */
export interface StoreQuestion {
  currency: string;
  groupBy: StatsDimension[];
  filter: NormalisedVacancyFilter;
  statuses: CountrySyncStatus[];
  window: StoreWindow;
  /** The countries with a full sync: the only ones counted. */
  synced: string[];
  exchangeRates: ReturnType<typeof ratesOn>;
  scope: StoreScope;
  /** The synced countries' data version: kept cells are valid for it only. */
  version: string;
}

export async function storeQuestion(ctx: ExchangeContext, args: StatsArgs): Promise<StoreQuestion> {
  const currency = normaliseCurrency(args.currency ?? 'USD', ctx.rates, 'currency');
  const groupBy: StatsDimension[] = [...new Set(args.groupBy ?? (['COUNTRY'] as const))];
  const filter = normaliseVacancyFilter(args.filter, ctx);
  refuseUnstored(filter);
  const statuses = (await ctx.store.statuses()).filter((s) => filter.countries.includes(s.country));
  const window = storeWindow(args, storeAsOf(statuses));
  const synced = statuses.filter((s) => s.fullSyncDone).map((s) => s.country);
  const sources = sourcesFor(ctx, filter.countries);
  const exchangeRates = ratesOn(ctx.periodRates, window.referenceDate, sources.map((s) => s.currency), currency);
  const scope = storeScope(ctx, filter, synced, args.includeDuplicates ?? false);
  return { currency, groupBy, filter, statuses, window, synced, exchangeRates, scope, version: dataVersion(statuses, synced) };
}

export async function storeStatistics(ctx: ExchangeContext, args: StatsArgs, requestId: string, options: StatisticsOptions) {
  const question = await storeQuestion(ctx, args);
  const { groupBy, filter, statuses, window, synced, exchangeRates, scope } = question;
  const measures = options.cells ?? ALL_MEASURES;
  const [cells, training] = await Promise.all([
    synced.length === 0 || measures === 'none'
      ? Promise.resolve([])
      : ctx.storeCells.cells({ scope, groupBy, stockAt: window.stockAt, from: window.fromAt, to: window.toAt, rates: new Map(exchangeRates.map((r) => [r.from, r.rate])), measures }, question.version),
    options.training ? trainingSupply(ctx, filter, groupBy, synced, requestId) : { cells: new Map<string, TrainingCell>(), failures: [] },
  ]);
  return {
    ...answerFrame(ctx, question),
    groupBy,
    referenceDate: window.referenceDate,
    period: { from: window.from, to: window.to },
    includeDuplicates: args.includeDuplicates ?? false,
    exchangeRates,
    cells: publishCells(ctx.disclosure, cells, training, options.training),
    sources: [...statuses.map(storeSource), ...training.failures],
  };
}

/** What a statistics answer and a trend both state about their store question. */
export function answerFrame(ctx: ExchangeContext, q: StoreQuestion) {
  return {
    currency: q.currency,
    disclosureThreshold: ctx.disclosure.threshold,
    perturbed: ctx.disclosure.perturb,
    asOf: q.statuses.map((s) => ({ country: { code: s.country }, asOf: s.fullSyncDone ? s.asOf : null })),
    definitions: STATS_DEFINITIONS,
    sources: q.statuses.map(storeSource),
  };
}

/** Store cells published without training figures (a trend's), perturbed and suppressed like every cell. */
export function publishStoreCells(d: Disclosure, cells: AggregateCell[]) {
  return publishCells(d, cells, { cells: new Map() }, false);
}

/**
 * The latest instant at which the store holds every counted country's data: the earliest as-of of
 * the synced countries (a country whose last sync failed holds it back). Nothing synced: now.
 */
export function storeAsOf(statuses: readonly CountrySyncStatus[], now = new Date()): Date {
  const instants = statuses.flatMap((s) => (s.fullSyncDone && s.asOf ? [Date.parse(s.asOf)] : []));
  return instants.length ? new Date(Math.min(...instants)) : now;
}

/** What the synced countries' data is now. */
function dataVersion(statuses: readonly CountrySyncStatus[], synced: readonly string[]): string {
  return statuses.filter((s) => synced.includes(s.country)).map((s) => `${s.country}:${s.dataVersion}`).join(',');
}

/** The store keeps no skills or education levels; asking for them here would silently count everything. */
function refuseUnstored(f: NormalisedVacancyFilter): void {
  for (const [field, value] of [['skills', f.skills], ['educationLevels', f.educationLevels]] as const) {
    if (value?.length) {
      throw new ExchangeInputError('NOT_IN_STORE', `filter.${field} is not kept in the vacancy store; statistics cannot filter by it (vacancies can).`, `filter.${field}`);
    }
  }
}

function storeScope(ctx: ExchangeContext, f: NormalisedVacancyFilter, countries: string[], includeDuplicates: boolean): StoreScope {
  const min = f.minMonthlyWage;
  return {
    countries,
    iscoCode: f.iscoCode,
    regions: f.regions,
    text: f.text,
    postedSince: f.postedSince,
    employmentTypes: f.employmentTypes,
    minMonthlyWage: min ? new Map(sourcesFor(ctx, countries).map((s) => [s.currency, convert(ctx.rates, min.amount, min.currency, s.currency)])) : undefined,
    includeDuplicates,
  };
}

export function storeSource(s: CountrySyncStatus): SourceStatus {
  const base = { country: { code: s.country }, subgraph: s.subgraph, latencyMs: 0, total: s.records, ageSeconds: s.lagSeconds };
  if (!s.fullSyncDone) return { ...base, status: 'NOT_SYNCED', message: `not synced yet (${codedSyncError(s.lastError) ?? s.state}); left out of every cell, not counted as zero`, total: null };
  if (s.state === 'FAILED') return { ...base, status: 'STALE', message: `last sync failed (${codedSyncError(s.lastError)}); counted as of ${s.asOf}` };
  return { ...base, status: 'OK', message: null };
}

interface TrainingCell {
  key: CellKey;
  offers: number;
  seats: number;
}

/** Training supply, live from the synced countries, grouped like the vacancy cells. */
async function trainingSupply(ctx: ExchangeContext, f: NormalisedVacancyFilter, groupBy: StatsDimension[], countries: string[], requestId: string) {
  const sources = sourcesFor(ctx, countries);
  const outcomes = await ctx.fanOut<SearchPage<TrainingHit>>(sources, TRAINING_FACTS, (s) => ({ filter: countryTrainingFilter(trainingFilterFor(f), s) }), requestId);
  const g = grouping(groupBy);
  const cells = new Map<string, TrainingCell>();
  const failures: SourceStatus[] = [];
  for (const o of outcomes) {
    if (!o.ok) {
      const status = sourceStatus(o);
      failures.push({ ...status, message: `training offers: ${status.message}; training figures leave this country out` });
      continue;
    }
    for (const t of o.page.hits) {
      for (const key of trainingKeys(g, o.source.country, t)) {
        const id = JSON.stringify(key);
        const cell = cells.get(id) ?? { key, offers: 0, seats: 0 };
        cell.offers += 1;
        cell.seats += t.seats ?? 0;
        cells.set(id, cell);
      }
    }
  }
  return { cells, failures };
}

function publishCells(d: Disclosure, cells: AggregateCell[], training: { cells: Map<string, TrainingCell> }, withTraining: boolean) {
  const keyOf = (c: CellKey) => JSON.stringify({ country: c.country, region: c.region, iscoCode: c.iscoCode, month: c.month });
  const byKey = new Map(cells.map((c) => [keyOf(c), c]));
  for (const t of training.cells.values()) if (!byKey.has(keyOf(t.key))) byKey.set(keyOf(t.key), emptyCell(t.key));
  return [...byKey.entries()].map(([id, c]) => publishCell(d, c, withTraining, training.cells.get(id))).sort(compareCells);
}

function publishCell(d: Disclosure, c: AggregateCell, withTraining: boolean, t: TrainingCell | undefined) {
  const noTraining = !withTraining;
  const open = publishCount(d, c.open, c.openKeys, SHIFT.open);
  const added = publishCount(d, c.added, c.addedKeys, SHIFT.added);
  const filled = publishCount(d, c.filled, c.filledKeys, SHIFT.filled);
  const reasons = [
    open.suppressed && `fewer than ${d.threshold} open vacancies`,
    added.suppressed && `fewer than ${d.threshold} new postings`,
  ].filter(Boolean);
  const quartiles = !open.suppressed && c.wageQuartiles && c.distinctWages >= d.threshold ? c.wageQuartiles.map(Math.round) : null;
  return {
    country: c.country ? { code: c.country } : null,
    region: c.region ? { code: c.region } : null,
    iscoCode: c.iscoCode,
    occupation: c.iscoCode ? { iscoCode: c.iscoCode } : null,
    month: c.month,
    vacancies: open.value,
    openPositions: open.suppressed ? null : publishSum(d, c.openPositions, c.open, c.openKeys, SHIFT.openPositions),
    newPostings: added.value,
    newPositions: added.suppressed ? null : publishSum(d, c.addedPositions, c.added, c.addedKeys, SHIFT.addedPositions),
    duration: {
      filled: filled.value,
      meanDays: filled.suppressed || c.durationMean === null ? null : round1(c.durationMean),
      medianDays: filled.suppressed || c.durationMedian === null ? null : round1(c.durationMedian),
    },
    monthlyWage: {
      p25: quartiles?.[0] ?? null,
      p50: quartiles?.[1] ?? null,
      p75: quartiles?.[2] ?? null,
      sampleSize: quartiles ? publishCount(d, c.wages, c.openKeys, SHIFT.wages).value : null,
      suppressed: !quartiles && c.wages > 0,
      reason: quartiles || c.wages === 0 ? null : `fewer than ${d.threshold} distinct disclosed wages among published open vacancies (statistical disclosure control)`,
    },
    trainingOffers: noTraining || open.suppressed ? null : (t?.offers ?? 0),
    trainingSeats: noTraining || open.suppressed ? null : (t?.seats ?? 0),
    seatsPerVacancy: noTraining || open.suppressed || !open.value ? null : (t?.seats ?? 0) / open.value,
    suppressed: reasons.length > 0,
    suppressionReason: reasons.length ? `${reasons.join('; ')} in this cell (statistical disclosure control)` : null,
  };
}

function emptyCell(key: CellKey): AggregateCell {
  return { ...key, open: 0, openPositions: 0, openKeys: 0, added: 0, addedPositions: 0, addedKeys: 0, filled: 0, filledKeys: 0, durationMean: null, durationMedian: null, wages: 0, distinctWages: 0, wageQuartiles: null };
}

const round1 = (x: number) => Math.round(x * 10) / 10;

function compareCells(a: { country: { code: string } | null; region: { code: string } | null; iscoCode: string | null; month: string | null }, b: typeof a): number {
  const parts = (c: typeof a) => [c.country?.code ?? null, c.region?.code ?? null, c.iscoCode, c.month];
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < x.length; i++) {
    if (x[i] === y[i]) continue;
    if (x[i] === null) return 1;
    if (y[i] === null) return -1;
    return x[i]! < y[i]! ? -1 : 1;
  }
  return 0;
}

