import { decodeCursorFor, queryFingerprint } from '../cursor.js';
import { countryVacancyFilter, normaliseVacancyFilter, type NormalisedVacancyFilter, type VacancyFilterInput } from '../filters.js';
import type { SearchPage, VacancyHit } from '../model.js';
import { VACANCY_FACTS, VACANCY_SEARCH } from '../operations.js';
import { answered, sourceStatus, type SourceOutcome, type SourceStatus } from '../outcome.js';
import { afterPosition, newestPage, relevancePage, type Page } from '../pages.js';
import { relevanceScorer } from '../relevance.js';
import { countryOfGlobalId } from '../../../kit/translation.js';
import { sourcesFor, sumTotals, validFirst, type EntityRef, type ExchangeContext, type VacancyRef } from './context.js';

/**
 * `vacancies`: one page of the cross-border list. NEWEST asks every country for one keyset page
 * (first + 1 hits after its own last edge, see pages.ts); RELEVANCE asks every country for all its matches (cached) and ranks them by
 * the exchange's text score. Either way: one call per country per page.
 */

export type VacancyOrder = 'NEWEST' | 'RELEVANCE';

export interface VacanciesArgs {
  filter?: VacancyFilterInput | null;
  first?: number | null;
  after?: string | null;
  orderBy?: VacancyOrder | null;
}

export interface Connection<Node> {
  edges: Array<{ cursor: string; node: Node; score: number | null }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
  sources: SourceStatus[];
}

type VacancyPage = SearchPage<VacancyHit>;

export async function vacancies(ctx: ExchangeContext, args: VacanciesArgs, requestId: string): Promise<Connection<VacancyRef>> {
  const first = validFirst(args.first);
  const filter = normaliseVacancyFilter(args.filter, ctx);
  // Without text there is nothing to be relevant to: RELEVANCE is then NEWEST.
  const order: VacancyOrder = args.orderBy === 'RELEVANCE' && filter.text ? 'RELEVANCE' : 'NEWEST';
  const query = queryFingerprint({ list: 'vacancies', order, filter });
  return order === 'NEWEST' ? newest(ctx, filter, first, args.after, query, requestId) : byRelevance(ctx, filter, first, args.after, query, requestId);
}

async function newest(ctx: ExchangeContext, filter: NormalisedVacancyFilter, first: number, after: string | null | undefined, query: string, requestId: string) {
  const cursor = after ? decodeCursorFor(after, 'NEWEST', query) : undefined;
  const positions = cursor?.positions ?? {};
  const outcomes = await ctx.fanOut<VacancyPage>(
    sourcesFor(ctx, filter.countries),
    VACANCY_SEARCH,
    (source) => ({ filter: countryVacancyFilter(filter, source, ctx.rates), first: first + 1, after: positions[source.country] ?? null }),
    requestId,
  );
  const ok = answered(outcomes);
  const lists = new Map(
    ok.map((o) => {
      const own = positions[o.source.country];
      const hits = own ? o.page.hits : afterPosition(o.page.hits, cursor?.after);
      return [o.source.country, { hits, full: o.page.hits.length > first }];
    }),
  );
  const totals = { ...sumTotals(ok), ...cursor?.totals };
  return connection(newestPage(lists, first, query, totals, positions), outcomes, cursor?.totals);
}

async function byRelevance(ctx: ExchangeContext, filter: NormalisedVacancyFilter, first: number, after: string | null | undefined, query: string, requestId: string) {
  const cursor = after ? decodeCursorFor(after, 'RELEVANCE', query) : undefined;
  const outcomes = await ctx.fanOut<VacancyPage>(
    sourcesFor(ctx, filter.countries),
    VACANCY_FACTS,
    (source) => ({ filter: countryVacancyFilter(filter, source, ctx.rates) }),
    requestId,
  );
  const ok = answered(outcomes);
  const all = ok.flatMap((o) => o.page.hits);
  const totals = { ...sumTotals(ok), ...cursor?.totals };
  const page = relevancePage(all, relevanceScorer(filter.text ?? ''), first, cursor?.after, query, totals);
  return connection(page, outcomes, cursor?.totals);
}

export function connection(page: Page<VacancyHit>, outcomes: ReadonlyArray<SourceOutcome<VacancyPage>>, totalsAtStart?: Record<string, number>): Connection<VacancyRef> {
  const edges = page.edges.map((e) => ({ cursor: e.cursor, node: vacancyRef(e.hit), score: e.score }));
  return {
    edges,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: answered(outcomes).reduce((sum, o) => sum + o.page.total, 0),
    sources: outcomes.map((o) => sourceStatus(o, totalsAtStart)),
  };
}

export function refOf(hit: { typename: string; id: string }): EntityRef {
  return { __typename: hit.typename, id: hit.id };
}

/** A vacancy reference carrying the fields the exchange provides itself (schema/sdl/provided.ts). */
export function vacancyRef(hit: VacancyHit): VacancyRef {
  return {
    ...refOf(hit),
    title: hit.title,
    postedAt: hit.postedAt,
    country: { code: countryOfGlobalId(hit.id) },
    occupation: hit.iscoCode ? { iscoCode: hit.iscoCode } : null,
    region: hit.regionCode ? { code: hit.regionCode } : null,
    skills: hit.skills.map((id) => ({ id })),
  };
}
