import type { VacancyRecord } from '../../subgraphs/kit/index.js';
import { codes, postGraphQL, type GraphQLAnswer } from './graphql.js';

/**
 * The checks every country subgraph passes, written once and run two ways: by vitest
 * (suite.ts, against the simulator, counting its calls) and by a partner against their own
 * running subgraph (`npm run conformance`, cli.ts). Each check says what to fix when it fails.
 */

export interface ConformanceTarget {
  /** The subgraph's GraphQL endpoint. */
  url: string;
  /** The gateway secret the subgraph verifies signatures with. */
  secret: string;
  /** ISO 3166-1 alpha-2: the id prefix. */
  country: string;
  /** Type names are `<typePrefix>Vacancy` and `<typePrefix>TrainingOffer`. */
  typePrefix: string;
  /** Requests the upstream has served so far; without it, the batching claims are not counted. */
  upstreamRequests?: () => Promise<number>;
  /** The taxonomy subgraph to ask whether it knows the country; without it that check is left out. */
  taxonomyUrl?: string;
  /** Pages walked at most in the keyset check (first = 200 each). Default 25. */
  maxPages?: number;
  /**
   * Makes the national system change (a simulator's POST /__sim/advance); without it, the check
   * that a harvester sees new changes from its stored keyset is left out.
   */
  advance?: (changes: number) => Promise<void>;
}

export interface Check {
  name: string;
  /** What to change when the check fails. */
  fix: string;
  /** Resolves with notes (e.g. what could not be counted); throws ConformanceFailure when the check fails. */
  run(target: ConformanceTarget): Promise<string[]>;
}

export class ConformanceFailure extends Error {}

/** Fails the check with `message` unless `condition` holds. */
export function ensure(condition: unknown, message: string): asserts condition {
  if (!condition) throw new ConformanceFailure(message);
}

interface Hit {
  id: string;
  typename: string;
  postedAt: string;
  title: string;
}
interface Page {
  total: number;
  hits: Hit[];
  stale: boolean;
  ageSeconds: number;
}
interface TrainingHit {
  id: string;
  typename: string;
  startDate: string | null;
}
type Entity = { id: string; title: string; country: { code: string }; source: { nativeId: string; stale: boolean } } | null;

const SEARCH = `query($filter: ExchangeVacancyFilter!, $first: Int!, $after: ExchangeKeyset) {
  exchangeVacancySearch(filter: $filter, first: $first, after: $after) { total stale ageSeconds hits { id typename postedAt title } } }`;
const FACTS = `query($filter: ExchangeVacancyFilter!) { exchangeVacancyFacts(filter: $filter) { total hits { id typename postedAt title } } }`;
const TRAININGS = `query($first: Int!, $offset: Int) {
  exchangeTrainingSearch(filter: {}, first: $first, offset: $offset) { total hits { id typename startDate } } }`;
const entitiesQuery = (type: string) => `query($reps: [_Any!]!) { _entities(representations: $reps) {
  ... on ${type} { id title country { code } source { nativeId stale } } } }`;

const gql = <D>(t: ConformanceTarget, query: string, variables: Record<string, unknown> = {}) => postGraphQL<D>(t.url, query, variables, { secret: t.secret });
const search = (t: ConformanceTarget, variables: Record<string, unknown>) => gql<{ exchangeVacancySearch: Page }>(t, SEARCH, { filter: {}, ...variables });
const entities = (t: ConformanceTarget, type: string, ids: string[]) =>
  gql<{ _entities: Entity[] }>(t, entitiesQuery(type), { reps: ids.map((id) => ({ __typename: type, id })) });
const vacancyType = (t: ConformanceTarget) => `${t.typePrefix}Vacancy`;
const trainingType = (t: ConformanceTarget) => `${t.typePrefix}TrainingOffer`;

/** The answer's data, failing the check on any error or non-200 status. */
function ok<D>(answer: GraphQLAnswer<D>, what: string): D {
  ensure(answer.status === 200 && !answer.errors, `${what} answered HTTP ${answer.status} with errors ${JSON.stringify(answer.errors ?? [])}`);
  return answer.data as D;
}

/** Upstream requests made during `during`, or undefined when the target cannot count them. */
async function upstreamCalls(t: ConformanceTarget, during: () => Promise<unknown>): Promise<number | undefined> {
  const before = await t.upstreamRequests?.();
  await during();
  const after = await t.upstreamRequests?.();
  return before === undefined || after === undefined ? undefined : after - before;
}

/** Newest first, ties by id descending (code-unit order), as the contract says. */
function inContractOrder(a: Hit, b: Hit): boolean {
  const ta = Date.parse(a.postedAt);
  const tb = Date.parse(b.postedAt);
  return ta > tb || (ta === tb && a.id > b.id);
}

const NOT_COUNTED = 'upstream calls not counted (no upstream request counter given)';

/** What the change-feed checks ask of each record (the contract's ExchangeVacancyRecord). */
export type ChangeRecord = Pick<VacancyRecord, 'id' | 'typename' | 'postedAt' | 'updatedAt' | 'state' | 'closedAt' | 'positions'>;
export interface ChangePage {
  records: ChangeRecord[];
  hasMore: boolean;
  asOf: string;
}
const CHANGES = `query($after: ExchangeChangeKeyset, $first: Int!) { exchangeVacancyChanges(after: $after, first: $first) {
  hasMore asOf records { id typename postedAt updatedAt state closedAt positions } } }`;
const changes = (t: ConformanceTarget, variables: Record<string, unknown>) => gql<{ exchangeVacancyChanges: ChangePage }>(t, CHANGES, variables);

/** Oldest change first, ties by id ascending (code-unit order), as the contract says. */
function inChangeOrder(a: Pick<ChangeRecord, 'updatedAt' | 'id'>, b: Pick<ChangeRecord, 'updatedAt' | 'id'>): boolean {
  const ta = Date.parse(a.updatedAt);
  const tb = Date.parse(b.updatedAt);
  return ta < tb || (ta === tb && a.id < b.id);
}

type ChangeKeyset = { updatedAt: string; id: string } | null;

/** The whole change feed from the start (or after `from`), `first` at a time; each record with the asOf of its page. */
async function walkChanges(t: ConformanceTarget, first: number, from: ChangeKeyset = null): Promise<Array<ChangeRecord & { pageAsOf: string }>> {
  const records: Array<ChangeRecord & { pageAsOf: string }> = [];
  let after = from;
  for (let pageNo = 0; pageNo < 1_000; pageNo++) {
    const page: ChangePage = ok(await changes(t, { first, after }), 'exchangeVacancyChanges').exchangeVacancyChanges;
    records.push(...page.records.map((r) => ({ ...r, pageAsOf: page.asOf })));
    const last = page.records.at(-1);
    if (!page.hasMore || !last) return records;
    after = { updatedAt: last.updatedAt, id: last.id };
  }
  throw new ConformanceFailure('the change feed never ended (hasMore stayed true for 1,000 pages)');
}

const keysetOf = (r: ChangeRecord | undefined): ChangeKeyset => (r ? { updatedAt: r.updatedAt, id: r.id } : null);
const idsOf = (records: readonly ChangeRecord[]) => JSON.stringify(records.map((r) => r.id));

const CHANGE_CHECKS: readonly Check[] = [
  {
    name: 'walks the change feed from the start: every posting once, oldest change first, closed and withdrawn with closedAt',
    fix: "changes(after, first) must return the national system's changed postings by updatedAt asc, id asc, closed and withdrawn ones included (use afterChangeKeyset from the kit); toLifecycle gives closedAt exactly when the state is not OPEN",
    run: async (t) => {
      const records = await walkChanges(t, 97);
      const ids = new Set<string>();
      records.forEach((r, n) => {
        ensure(!ids.has(r.id), `${r.id} appears twice in one walk`);
        ids.add(r.id);
        ensure(n === 0 || inChangeOrder(records[n - 1]!, r), `${records[n - 1]?.id} comes before ${r.id}, against the feed's order`);
        ensure(r.typename === vacancyType(t), `a record's typename is ${r.typename}, not ${vacancyType(t)}`);
        ensure(r.id.startsWith(`${t.country}:`), `${r.id} does not start with ${t.country}:`);
        ensure(Date.parse(r.updatedAt) >= Date.parse(r.postedAt), `${r.id} changed before it was posted`);
        ensure(r.positions >= 1, `${r.id} offers ${r.positions} positions`);
        ensure((r.closedAt === null) === (r.state === 'OPEN'), `${r.id} is ${r.state} with closedAt ${r.closedAt}`);
      });
      ensure(records.some((r) => r.state !== 'OPEN'), 'the feed holds no closed or withdrawn posting');
      // Everything the search lists is in the feed (which also holds what the search no longer lists).
      const listed = ok(await gql<{ exchangeVacancyFacts: { hits: Hit[] } }>(t, FACTS, { filter: {} }), 'exchangeVacancyFacts').exchangeVacancyFacts.hits;
      const missing = listed.filter((h) => !ids.has(h.id));
      ensure(missing.length === 0, `${missing.length} listed vacancies are missing from the change feed, e.g. ${missing[0]?.id}`);
      return [];
    },
  },
  {
    name: 'returns after a keyset exactly the later changes, and the same walk at any page size',
    fix: 'return only records strictly after (updatedAt, id) of the keyset, exact through postings changed in the same instant; hasMore must say whether more follow',
    run: async (t) => {
      const all = await walkChanges(t, 1000);
      for (const cut of [1, Math.floor(all.length / 3), all.length - 2].filter((n) => n >= 0 && n < all.length)) {
        const from = all[cut]!;
        const page = ok(await changes(t, { first: 1000, after: { updatedAt: from.updatedAt, id: from.id } }), 'exchangeVacancyChanges').exchangeVacancyChanges;
        const expected = all.slice(cut + 1, cut + 1 + 1000).map((r) => r.id);
        ensure(JSON.stringify(page.records.map((r) => r.id)) === JSON.stringify(expected), `after ${from.id} the feed did not return exactly the later changes`);
        ensure(page.hasMore === all.length > cut + 1 + 1000, `hasMore is ${page.hasMore} after ${from.id}`);
        ensure(!Number.isNaN(Date.parse(page.asOf)), `asOf "${page.asOf}" is not a date`);
      }
      const small = await walkChanges(t, 7);
      ensure(JSON.stringify(small.map((r) => r.id)) === JSON.stringify(all.map((r) => r.id)), 'a walk 7 at a time differs from one 1000 at a time');
      return [];
    },
  },
  {
    // A change stamped after the system's own clock lets a later change be stamped before it: a
    // harvester's keyset is then past that later change, and an incremental sync never sees it.
    name: "stamps no change after the national system's own clock (asOf)",
    fix: "asOf must be the national system's clock when it answered, and no record may carry an updatedAt after it (a simulator's clock starts at its latest change)",
    run: async (t) => {
      const late = (await walkChanges(t, 1000)).find((r) => Date.parse(r.updatedAt) > Date.parse(r.pageAsOf));
      ensure(!late, `${late?.id} changed at ${late?.updatedAt}, after the system's clock ${late?.pageAsOf}`);
      return [];
    },
  },
  {
    name: 'answers bad change-feed arguments with coded errors',
    fix: "do not catch the kit's validation of first (1..1000) and of the keyset",
    run: async (t) => {
      for (const first of [0, 1001])
        ensure(JSON.stringify(codes(await changes(t, { first }))) === '["BAD_USER_INPUT"]', `first: ${first} was not refused with BAD_USER_INPUT`);
      for (const after of [{ updatedAt: 'yesterday', id: `${t.country}:1` }, { updatedAt: '2026-01-01T00:00:00Z', id: 'XX:elsewhere' }])
        ensure(JSON.stringify(codes(await changes(t, { first: 5, after }))) === '["BAD_USER_INPUT"]', `the keyset ${JSON.stringify(after)} was not refused`);
      return [];
    },
  },
];

export const COUNTRY_CHECKS: readonly Check[] = [
  {
    name: 'publishes the contract and its entity types with @key in _service.sdl',
    fix: 'build the subgraph with defineCountrySubgraph (the kit prepends the contract) and name the types <typePrefix>Vacancy / <typePrefix>TrainingOffer with @key(fields: "id")',
    run: async (t) => {
      const { _service } = ok(await gql<{ _service: { sdl: string } }>(t, '{ _service { sdl } }'), '_service { sdl }');
      for (const part of [
        'interface Vacancy',
        'interface TrainingOffer',
        'type Salary',
        'type SourceInfo',
        'input ExchangeVacancyFilter',
        'exchangeVacancySearch',
        'exchangeVacancyChanges',
        'type ExchangeVacancyRecord',
      ]) {
        ensure(_service.sdl.includes(part), `the SDL lacks "${part}" from the contract`);
      }
      for (const type of [vacancyType(t), trainingType(t)]) {
        const kind = type.endsWith('Vacancy') ? 'Vacancy' : 'TrainingOffer';
        ensure(
          new RegExp(`type ${type} implements ${kind}[^{]*@key\\(fields: "id"\\)`).test(_service.sdl),
          `no "type ${type} implements ${kind} @key(fields: "id")" in the SDL`,
        );
      }
      return [];
    },
  },
  {
    name: 'refuses unsigned calls with 401 UNAUTHENTICATED, but not /health and /ready',
    fix: 'start the subgraph with the kit (startSubgraph verifies x-lmis-signature) and the same GATEWAY_SHARED_SECRET as the gateway; keep /health and /ready open',
    run: async (t) => {
      const unsigned = await postGraphQL(t.url, '{ __typename }');
      ensure(
        unsigned.status === 401 && JSON.stringify(codes(unsigned)) === '["UNAUTHENTICATED"]',
        `an unsigned call answered HTTP ${unsigned.status} ${JSON.stringify(codes(unsigned))}`,
      );
      const forged = await postGraphQL(t.url, '{ __typename }', {}, { secret: 'not-the-gateway-secret-at-all' });
      ensure(forged.status === 401, `a call signed with the wrong secret answered HTTP ${forged.status}`);
      const signed = await gql(t, '{ __typename }');
      ensure(signed.status === 200, `a call signed with the given secret answered HTTP ${signed.status}: is --secret the subgraph's GATEWAY_SHARED_SECRET?`);
      const base = t.url.replace(/\/graphql$/, '');
      for (const path of ['/health', '/ready']) {
        const status = (await fetch(`${base}${path}`)).status;
        ensure(status === 200, `${path} answered HTTP ${status}`);
      }
      return [];
    },
  },
  {
    name: 'resolves 50 uncached entities with ONE upstream call, and ids its own search just cached with none',
    fix: "implement vacanciesByIds as one batch call to the national system, and keep the kit's record cache (do not bypass ctx.createClient)",
    run: async (t) => {
      const facts = ok(
        await gql<{ exchangeVacancyFacts: { total: number; hits: Hit[] } }>(t, FACTS, { filter: {} }),
        'exchangeVacancyFacts',
      ).exchangeVacancyFacts;
      ensure(facts.hits.length >= 70, `needs at least 70 vacancies upstream to check batching, found ${facts.hits.length}`);
      // The newest ~50 may be on a cached search page from another check; take older ones.
      const ids = facts.hits.slice(-50).map((h) => h.id);
      let answer: GraphQLAnswer<{ _entities: Entity[] }> | undefined;
      const calls = await upstreamCalls(t, async () => (answer = await entities(t, vacancyType(t), ids)));
      ensure(calls === undefined || calls === 1, `resolving 50 entities made ${calls} upstream calls`);
      const resolved = ok(answer!, '_entities')._entities;
      ensure(JSON.stringify(resolved.map((e) => e?.id)) === JSON.stringify(ids), 'the entities came back in another order or some are missing');
      ensure(
        resolved.every((e) => e?.country.code === t.country),
        `an entity's country.code is not ${t.country}`,
      );
      const pageIds = ok(await search(t, { first: 20 }), 'exchangeVacancySearch').exchangeVacancySearch.hits.map((h) => h.id);
      const again = await upstreamCalls(t, async () => ok(await entities(t, vacancyType(t), pageIds), '_entities'));
      ensure(again === undefined || again === 0, `entities of a search page just answered made ${again} upstream calls`);
      return calls === undefined ? [NOT_COUNTED] : [];
    },
  },
  {
    name: 'walks every page with the keyset: newest first, no duplicates, count equals total',
    fix: 'searchVacancies must sort by postedAt desc, id desc and return only records strictly after the keyset (use afterKeyset from the kit); total must not depend on the page',
    run: async (t) => {
      const seen = new Set<string>();
      let after: { postedAt: string; id: string } | null = null;
      let total = -1;
      let last: Hit | undefined;
      for (let pageNo = 0; pageNo < (t.maxPages ?? 25); pageNo++) {
        const page: Page = ok(await search(t, { first: 200, after }), 'exchangeVacancySearch').exchangeVacancySearch;
        if (total < 0) total = page.total;
        ensure(page.total === total, `total changed from ${total} to ${page.total} between pages`);
        for (const hit of page.hits) {
          ensure(!seen.has(hit.id), `${hit.id} appears twice`);
          ensure(!last || inContractOrder(last, hit), `${last?.id} comes before ${hit.id}, against the contract's order`);
          ensure(hit.typename === vacancyType(t), `a hit's typename is ${hit.typename}, not ${vacancyType(t)}`);
          seen.add(hit.id);
          last = hit;
        }
        if (page.hits.length < 200 || !last) break;
        after = { postedAt: last.postedAt, id: last.id };
      }
      ensure(seen.size === total, `walked ${seen.size} vacancies but total says ${total}`);
      return [];
    },
  },
  {
    name: 'gives every id the form <country>:<native id>',
    fix: 'let the kit build ids from the manifest\'s "country" (toVacancy/toTrainingOffer return the native id only)',
    run: async (t) => {
      const page = ok(await search(t, { first: 50 }), 'exchangeVacancySearch').exchangeVacancySearch;
      const trainings = ok(
        await gql<{ exchangeTrainingSearch: { hits: TrainingHit[] } }>(t, TRAININGS, { first: 50 }),
        'exchangeTrainingSearch',
      ).exchangeTrainingSearch;
      for (const { id } of [...page.hits, ...trainings.hits])
        ensure(id.startsWith(`${t.country}:`) && id.length > 3, `id "${id}" is not ${t.country}:<native id>`);
      return [];
    },
  },
  {
    name: 'resolves its training offers by id from its own training search',
    fix: "implement trainingsByIds and keep searchTrainings' offset paging stable (soonest start first, ties by id)",
    run: async (t) => {
      const page = ok(
        await gql<{ exchangeTrainingSearch: { total: number; hits: TrainingHit[] } }>(t, TRAININGS, { first: 30 }),
        'exchangeTrainingSearch',
      ).exchangeTrainingSearch;
      ensure(page.hits.length > 0, 'the training search found nothing');
      ensure(page.total >= page.hits.length, `total ${page.total} is less than the ${page.hits.length} hits`);
      const ids = page.hits.map((h) => h.id);
      const resolved = ok(await entities(t, trainingType(t), ids), '_entities')._entities;
      ensure(JSON.stringify(resolved.map((e) => e?.id)) === JSON.stringify(ids), 'training offers resolved by id differ from the search hits');
      const next = ok(
        await gql<{ exchangeTrainingSearch: { hits: TrainingHit[] } }>(t, TRAININGS, { first: 30, offset: 30 }),
        'exchangeTrainingSearch',
      ).exchangeTrainingSearch;
      ensure(
        next.hits.every((h) => !ids.includes(h.id)),
        'the second page repeats hits of the first',
      );
      return [];
    },
  },
  {
    name: 'answers bad arguments with coded errors and unknown ids with null',
    fix: "do not catch the kit's validation; a vacanciesByIds without the id must simply omit it (never throw)",
    run: async (t) => {
      for (const first of [0, 201])
        ensure(JSON.stringify(codes(await search(t, { first }))) === '["BAD_USER_INPUT"]', `first: ${first} was not refused with BAD_USER_INPUT`);
      const malformed = await entities(t, vacancyType(t), ['not-an-id']);
      ensure(
        JSON.stringify(malformed.data?._entities) === '[null]' && JSON.stringify(codes(malformed)) === '["BAD_USER_INPUT"]',
        `a malformed id answered ${JSON.stringify(malformed)}`,
      );
      const unknown = await entities(t, vacancyType(t), [`${t.country}:no-such-vacancy-000`]);
      ensure(JSON.stringify(unknown.data?._entities) === '[null]' && !unknown.errors, `an unknown id answered ${JSON.stringify(unknown)}`);
      const badAfter = await search(t, { first: 5, after: { postedAt: 'yesterday', id: `${t.country}:1` } });
      ensure(JSON.stringify(codes(badAfter)) === '["BAD_USER_INPUT"]', 'a keyset with a bad date was not refused with BAD_USER_INPUT');
      return [];
    },
  },
  ...CHANGE_CHECKS,
  // Last: it changes the national system's data under the checks above.
  {
    name: 'gives a harvester, from its last keyset, the changes the national system makes after it (change feeds are never cached)',
    fix: 'changes(after) must ask the national system for what changed at or after the keyset instant, in the instant the system means (its own offset or UTC), and must not go through a response cache',
    run: async (t) => {
      if (!t.advance) return ['not run: no way to make the national system change (give advance, e.g. a simulator`s /__sim/advance)'];
      const keyset = keysetOf((await walkChanges(t, 1000)).at(-1));
      ensure(idsOf(await walkChanges(t, 1000, keyset)) === '[]', 'the feed after its own last record is not empty');
      await t.advance(200);
      const later = await walkChanges(t, 1000, keyset);
      ensure(later.length > 0, 'after the national system changed, the feed from the last keyset returned no change');
      const all = await walkChanges(t, 1000);
      const tail = all.filter((r) => !keyset || inChangeOrder(keyset, r));
      ensure(idsOf(later) === idsOf(tail), `from the last keyset the feed returned ${later.length} changes, a walk from the start ${tail.length} after it`);
      return [];
    },
  },
];

/** Asked only when a taxonomy URL is given: without the country there, its vacancies cannot name it. */
export const TAXONOMY_CHECK: Check = {
  name: 'the taxonomy knows the country (code, name, regions)',
  fix: 'ship subgraphs/<name>/reference/ (country.json, regions.csv) and register the country in schema/supergraph.yaml: the taxonomy serves the registered countries — see docs/ADDING_A_COUNTRY.md',
  run: async (t) => {
    ensure(t.taxonomyUrl, 'no taxonomy URL');
    const answer = await postGraphQL<{ country: { code: string; name: string } | null; regions: Array<{ code: string }> }>(
      t.taxonomyUrl,
      'query($code: ID!) { country(code: $code) { code name } regions(country: $code) { code } }',
      { code: t.country },
      { secret: t.secret },
    );
    const data = ok(answer, `the taxonomy at ${t.taxonomyUrl}`);
    ensure(data.country?.code === t.country, `the taxonomy has no country ${t.country}`);
    ensure(data.regions.length > 0, `the taxonomy has no regions of ${t.country}`);
    return [];
  },
};

export interface CheckResult {
  check: Check;
  passed: boolean;
  /** The failure, or notes on a pass. */
  details: string[];
}

/** Runs the checks one after another (they share the subgraph's caches, as in production). */
export async function runChecks(target: ConformanceTarget, checks: readonly Check[] = checksFor(target)): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const check of checks) {
    try {
      results.push({ check, passed: true, details: await check.run(target) });
    } catch (error) {
      results.push({ check, passed: false, details: [(error as Error).message] });
    }
  }
  return results;
}

/** The country checks, plus the taxonomy check when the target names a taxonomy. */
export function checksFor(target: ConformanceTarget): readonly Check[] {
  return target.taxonomyUrl ? [...COUNTRY_CHECKS, TAXONOMY_CHECK] : COUNTRY_CHECKS;
}
