import { decodeCursorFor, queryFingerprint } from '../cursor.js';
import { countryTrainingFilter, normaliseTrainingFilter, type TrainingFilterInput } from '../filters.js';
import type { SearchPage, TrainingHit } from '../model.js';
import { TRAINING_SEARCH } from '../operations.js';
import { answered, sourceStatus } from '../outcome.js';
import { trainingPage } from '../pages.js';
import { sourcesFor, sumTotals, validFirst, type EntityRef, type ExchangeContext } from './context.js';
import { refOf, type Connection } from './vacancies.js';

/**
 * `trainingOffers`: soonest start first across countries. The training contract pages by offset,
 * so the cursor carries one offset per country (an offer published mid-walk can shift a country's
 * later pages by one; training catalogues change rarely, vacancies often — hence keysets there).
 */

export interface TrainingOffersArgs {
  filter?: TrainingFilterInput | null;
  first?: number | null;
  after?: string | null;
}

export async function trainingOffers(ctx: ExchangeContext, args: TrainingOffersArgs, requestId: string): Promise<Connection<EntityRef>> {
  const first = validFirst(args.first);
  const filter = normaliseTrainingFilter(args.filter, ctx);
  const query = queryFingerprint({ list: 'training', filter });
  const cursor = args.after ? decodeCursorFor(args.after, 'SOONEST', query) : undefined;
  const offsets = cursor?.offsets ?? {};
  const outcomes = await ctx.fanOut<SearchPage<TrainingHit>>(
    sourcesFor(ctx, filter.countries),
    TRAINING_SEARCH,
    (source) => ({ filter: countryTrainingFilter(filter, source), first: first + 1, offset: offsets[source.country] ?? 0 }),
    requestId,
  );
  const ok = answered(outcomes);
  const totals = { ...sumTotals(ok), ...cursor?.totals };
  const page = trainingPage(new Map(ok.map((o) => [o.source.country, o.page.hits])), offsets, first, query, totals);
  const edges = page.edges.map((e) => ({ cursor: e.cursor, node: refOf(e.hit), score: null }));
  return {
    edges,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: ok.reduce((sum, o) => sum + o.page.total, 0),
    sources: outcomes.map((o) => sourceStatus(o, cursor?.totals)),
  };
}
