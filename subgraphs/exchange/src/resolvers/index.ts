import type { GraphQLResolveInfo } from 'graphql';
import type { RequestBase } from '../../../kit/index.js';
import { reportPartial } from '../outcome.js';
import type { SortedMeasures } from '../store/aggregate.js';
import { selectsAny } from '../queries/selection.js';
import type { EntityRef, ExchangeContext } from '../queries/context.js';
import { labourMarketStats, type StatsArgs } from '../queries/storeStatistics.js';
import { vacancyChanges, type FeedArgs } from '../queries/changeFeed.js';
import { storeSyncStatus } from '../queries/syncStatus.js';
import { labourMarketTrend, type TrendArgs } from '../queries/trend.js';
import { matchVacancies, type MatchArgs } from '../queries/matching.js';
import { trainingOffers, type TrainingOffersArgs } from '../queries/trainingOffers.js';
import { vacancies, type Connection, type VacanciesArgs } from '../queries/vacancies.js';

/**
 * GraphQL wiring only: every resolver hands its arguments and the request id (forwarded to the
 * countries) to a query in ../queries, and reports a partial answer (`reportPartial`). The taxonomy entities get their cross-border lists by
 * fixing the matching filter field to the entity's key.
 */

type VacancyFilter = NonNullable<VacanciesArgs['filter']>;

/** A statistics cell's live figures: the countries are called for training supply only when one is selected. */
const TRAINING_FIELDS = new Set(['trainingOffers', 'trainingSeats', 'seatsPerVacancy']);

/** Sorted measures (each costs a sort of its postings) are computed only when a cell selects them. */
const DURATION_FIGURES = new Set(['meanDays', 'medianDays']);
const WAGE_FIGURES = new Set(['monthlyWage']);
const measuresUnder = (info: GraphQLResolveInfo, cells: readonly string[]): SortedMeasures => ({
  duration: selectsAny(info, [...cells, 'duration'], DURATION_FIGURES),
  wages: selectsAny(info, cells, WAGE_FIGURES),
});

const EMPTY: Connection<EntityRef> = { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0, sources: [] };

export function exchangeResolvers(ctx: ExchangeContext) {
  /** Taxonomy knows every ASEAN member; only registered countries have vacancies to list. */
  const registered = (code: string) => ctx.countries.some((c) => c.country === code.slice(0, 2).toUpperCase());

  const vacanciesWith =
    <Parent>(fix: (parent: Parent, filter: VacancyFilter) => VacancyFilter, applies: (parent: Parent) => boolean = () => true) =>
    (parent: Parent, args: VacanciesArgs, context: RequestBase) =>
      applies(parent) ? reportPartial(vacancies(ctx, { ...args, filter: fix(parent, args.filter ?? {}) }, context.requestId)) : EMPTY;

  return {
    Query: {
      vacancies: (_: unknown, args: VacanciesArgs, c: RequestBase) => reportPartial(vacancies(ctx, args, c.requestId)),
      trainingOffers: (_: unknown, args: TrainingOffersArgs, c: RequestBase) => reportPartial(trainingOffers(ctx, args, c.requestId)),
      matchVacancies: (_: unknown, args: MatchArgs, c: RequestBase) => reportPartial(matchVacancies(ctx, args, c.requestId)),
      labourMarketStats: (_: unknown, args: StatsArgs, c: RequestBase, info: GraphQLResolveInfo) =>
        reportPartial(labourMarketStats(ctx, args, c.requestId, selectsAny(info, ['cells'], TRAINING_FIELDS), measuresUnder(info, ['cells']))),
      labourMarketTrend: (_: unknown, args: TrendArgs, c: RequestBase, info: GraphQLResolveInfo) =>
        reportPartial(labourMarketTrend(ctx, args, c.requestId, measuresUnder(info, ['points', 'cells']))),
      storeSyncStatus: () => storeSyncStatus(ctx),
      vacancyChanges: (_: unknown, args: FeedArgs) => vacancyChanges(ctx, args),
    },
    Vacancy: { __resolveType: (ref: EntityRef) => ref.__typename },
    TrainingOffer: { __resolveType: (ref: EntityRef) => ref.__typename },
    Occupation: {
      __resolveReference: (ref: { iscoCode: string }) => ref,
      vacancies: vacanciesWith<{ iscoCode: string }>((o, filter) => ({ ...filter, iscoCode: o.iscoCode })),
      trainingOffers: (o: { iscoCode: string }, args: TrainingOffersArgs, c: RequestBase) =>
        reportPartial(trainingOffers(ctx, { ...args, filter: { ...args.filter, iscoCode: o.iscoCode } }, c.requestId)),
    },
    Skill: {
      __resolveReference: (ref: { id: string }) => ref,
      vacancies: vacanciesWith<{ id: string }>((s, filter) => ({ ...filter, skills: [s.id] })),
    },
    Region: {
      __resolveReference: (ref: { code: string }) => ref,
      vacancies: vacanciesWith<{ code: string }>((r, filter) => ({ ...filter, regions: [r.code] }), (r) => registered(r.code)),
    },
    Country: {
      __resolveReference: (ref: { code: string }) => ref,
      vacancies: vacanciesWith<{ code: string }>((c, filter) => ({ ...filter, countries: [c.code] }), (c) => registered(c.code)),
    },
  };
}
