import { cachedValue } from '../../../../core/cache/index.js';
import { canonicalJson } from '../../../kit/country/keys.js';
import { convert, rateBetween, type AppliedRate } from '../currency.js';
import { countryTrainingFilter, countryVacancyFilter, normaliseCurrency, normaliseVacancyFilter, trainingFilterFor, type VacancyFilterInput } from '../filters.js';
import type { SearchPage, TrainingHit, VacancyColumns } from '../model.js';
import { TRAINING_FACTS, VACANCY_COLUMNS } from '../operations.js';
import { sourceStatus, type SourceOutcome, type SourceStatus } from '../outcome.js';
import { computeStats, type CountryFacts, type StatsCell, type StatsDimension, type VacancyFact } from '../stats.js';
import { sourcesFor, type ExchangeContext } from './context.js';

/**
 * `labourMarketStats`: exact counts and wage quantiles over every matching vacancy, with the
 * training supply for the same occupations and places. A country contributes only when both its
 * vacancy and its training facts arrived, so every published cell is internally consistent; a
 * country that did not is listed in `sources` and left out of every cell.
 */

export interface StatsArgs {
  filter?: VacancyFilterInput | null;
  groupBy?: readonly StatsDimension[] | null;
  currency?: string | null;
}

export interface StatsAnswer {
  groupBy: StatsDimension[];
  currency: string;
  exchangeRates: AppliedRate[];
  disclosureThreshold: number;
  cells: Array<Omit<StatsCell, 'country' | 'region'> & { country: { code: string } | null; region: { code: string } | null; occupation: { iscoCode: string } | null }>;
  sources: SourceStatus[];
}

/**
 * Statistics pull every match of every country, so the answer is computed once per question and
 * shared: concurrent askers wait for the same computation (single flight) and later ones read the
 * cached answer until it expires — a burst of analysts cannot multiply the pulls or the memory.
 */
export async function labourMarketStats(ctx: ExchangeContext, args: StatsArgs, requestId: string): Promise<StatsAnswer> {
  const key = `stats:${canonicalJson({ filter: args.filter ?? null, groupBy: args.groupBy ?? null, currency: args.currency ?? null })}`;
  const answer = (await cachedValue(ctx.cache, key, ctx.statsPolicy, () => computeStatsAnswer(ctx, args, requestId))).value;
  // A partial or stale answer is shared with those who asked at the same time, never kept for later ones.
  if (answer.sources.some((s) => s.status !== 'OK')) await ctx.cache.delete(key);
  return answer;
}

async function computeStatsAnswer(ctx: ExchangeContext, args: StatsArgs, requestId: string): Promise<StatsAnswer> {
  const currency = normaliseCurrency(args.currency ?? 'USD', ctx.rates, 'currency');
  const groupBy: StatsDimension[] = [...new Set(args.groupBy ?? (['COUNTRY'] as const))];
  const filter = normaliseVacancyFilter(args.filter, ctx);
  const training = trainingFilterFor(filter);
  const sources = sourcesFor(ctx, filter.countries);
  const [vacancyOutcomes, trainingOutcomes] = await Promise.all([
    ctx.fanOut<ColumnsPage>(sources, VACANCY_COLUMNS, (s) => ({ filter: countryVacancyFilter(filter, s, ctx.rates) }), requestId),
    ctx.fanOut<SearchPage<TrainingHit>>(sources, TRAINING_FACTS, (s) => ({ filter: countryTrainingFilter(training, s) }), requestId),
  ]);
  const facts: CountryFacts[] = [];
  const statuses = vacancyOutcomes.map((v, i) => {
    const t = trainingOutcomes[i]!;
    if (v.ok && t.ok) facts.push({ country: v.source.country, vacancies: rowsOf(v.page), trainings: t.page.hits });
    return combinedStatus(v, t);
  });
  const cells = computeStats(facts, {
    groupBy,
    threshold: ctx.disclosureThreshold,
    toTarget: (amount, from) => convert(ctx.rates, amount, from, currency),
  });
  return {
    groupBy,
    currency,
    exchangeRates: [...new Set(sources.map((s) => s.currency))].map((from) => rateBetween(ctx.rates, from, currency)),
    disclosureThreshold: ctx.disclosureThreshold,
    cells: cells.map((c) => ({
      ...c,
      country: c.country ? { code: c.country } : null,
      region: c.region ? { code: c.region } : null,
      occupation: c.iscoCode ? { iscoCode: c.iscoCode } : null,
    })),
    sources: statuses,
  };
}

/** One status per country: the vacancy answer's, unless the training answer failed. */
type ColumnsPage = VacancyColumns & { stale: boolean; ageSeconds: number };

/** The country's columns as one fact per vacancy. */
function rowsOf(columns: VacancyColumns): VacancyFact[] {
  return columns.currencies.map((currency, i) => ({
    iscoCode: columns.iscoCodes[i] ?? null,
    regionCode: columns.regionCodes[i] ?? null,
    month: columns.months[i] ?? null,
    monthlyWage: columns.monthlyWages[i] ?? null,
    currency,
  }));
}

function combinedStatus(v: SourceOutcome<ColumnsPage>, t: SourceOutcome<SearchPage<TrainingHit>>): SourceStatus {
  const vacancyStatus = sourceStatus(v);
  if (!v.ok || t.ok) {
    if (t.ok && t.stale && vacancyStatus.status === 'OK') return { ...vacancyStatus, status: 'STALE', message: `training offers: ${sourceStatus(t).message}` };
    return vacancyStatus;
  }
  const trainingStatus = sourceStatus(t);
  return { ...trainingStatus, total: vacancyStatus.total, message: `training offers: ${trainingStatus.message}; country left out of the statistics` };
}
