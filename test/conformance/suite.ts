import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/config.js';
import type { RunningService } from '../../core/service.js';
import { readManifest } from '../../schema/registry.js';
import { codes, postGraphQL, type GraphQLAnswer } from './graphql.js';

/**
 * The suite every country subgraph passes. A country test file is one line:
 *   runCountryConformance('indonesia', () => startIndonesiaForTest());
 * `startCountry` starts the country's simulator and subgraph (port 0, a fresh cache namespace,
 * a modest simulator size) and reports the simulator's request count so the suite can prove
 * the batching and caching claims by counting upstream calls.
 */

export interface UpstreamStats {
  /** Requests the simulator has served so far. */
  requests: number;
}

export interface CountryUnderTest {
  subgraph: RunningService;
  simulator: RunningService;
  stats(): Promise<UpstreamStats>;
}

export interface ConformanceOptions {
  /** The gateway secret the subgraph was started with; default: the config default. */
  secret?: string;
  /** Pages walked at most in the keyset test (first = 200 each). Default 25. */
  maxPages?: number;
  /** The manifest, when the country is not in the registry (the kit's own test country). */
  manifest?: { typePrefix: string; country: string };
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

const ID_FORMAT = /^(ID|MY|TH|[A-Z]{2}):.+/;
const SEARCH = `query($filter: ExchangeVacancyFilter!, $first: Int!, $after: ExchangeKeyset) {
  exchangeVacancySearch(filter: $filter, first: $first, after: $after) { total stale ageSeconds hits { id typename postedAt title } } }`;
const FACTS = `query($filter: ExchangeVacancyFilter!) { exchangeVacancyFacts(filter: $filter) { total hits { id typename postedAt title } } }`;
const TRAININGS = `query($first: Int!, $offset: Int) {
  exchangeTrainingSearch(filter: {}, first: $first, offset: $offset) { total hits { id typename startDate } } }`;

interface ChangeRecord {
  id: string;
  typename: string;
  postedAt: string;
  updatedAt: string;
  state: 'OPEN' | 'CLOSED' | 'WITHDRAWN';
  closedAt: string | null;
  positions: number;
  nationalSystem: string;
  currency: string;
}
interface ChangePage {
  records: ChangeRecord[];
  hasMore: boolean;
  asOf: string;
}
const CHANGES = `query($after: ExchangeChangeKeyset, $first: Int!) { exchangeVacancyChanges(after: $after, first: $first) {
  hasMore asOf records { id typename postedAt updatedAt state closedAt positions nationalSystem currency } } }`;

/** Oldest change first, ties by id ascending (code-unit order), as the contract says. */
function inChangeOrder(a: ChangeRecord, b: ChangeRecord): boolean {
  const ta = Date.parse(a.updatedAt);
  const tb = Date.parse(b.updatedAt);
  return ta < tb || (ta === tb && a.id < b.id);
}

/** Newest first, ties by id descending (code-unit order), as the contract says. */
function inContractOrder(a: Hit, b: Hit): boolean {
  const ta = Date.parse(a.postedAt);
  const tb = Date.parse(b.postedAt);
  return ta > tb || (ta === tb && a.id > b.id);
}

export function runCountryConformance(name: string, startCountry: () => Promise<CountryUnderTest>, options: ConformanceOptions = {}): void {
  const manifest = options.manifest ?? readManifest(name);
  const prefix = manifest.typePrefix ?? '';
  const country = manifest.country ?? '';
  const vacancyType = `${prefix}Vacancy`;
  const trainingType = `${prefix}TrainingOffer`;
  const secret = options.secret ?? loadConfig({ NODE_ENV: 'test' }).gatewaySecret;
  const entitiesQuery = (type: string) => `query($reps: [_Any!]!) { _entities(representations: $reps) {
    ... on ${type} { id title country { code } source { nativeId stale } } } }`;

  describe(`country conformance: ${name}`, () => {
    let c: CountryUnderTest;
    const gql = <D>(query: string, variables: Record<string, unknown> = {}) => postGraphQL<D>(c.subgraph.url, query, variables, { secret });
    const search = (variables: Record<string, unknown>) => gql<{ exchangeVacancySearch: Page }>(SEARCH, { filter: {}, ...variables });
    const entities = (type: string, ids: string[]) =>
      gql<{ _entities: Entity[] }>(entitiesQuery(type), { reps: ids.map((id) => ({ __typename: type, id })) });
    const upstreamCalls = async (during: () => Promise<unknown>): Promise<number> => {
      const before = (await c.stats()).requests;
      await during();
      return (await c.stats()).requests - before;
    };
    const ok = <D>(answer: GraphQLAnswer<D>): D => {
      expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
      expect(answer.status).toBe(200);
      return answer.data as D;
    };

    beforeAll(async () => {
      c = await startCountry();
    });
    afterAll(async () => {
      await c?.subgraph.close();
      await c?.simulator.close();
    });

    it('publishes the contract and its entity types with @key in _service.sdl', async () => {
      const { _service } = ok(await gql<{ _service: { sdl: string } }>('{ _service { sdl } }'));
      for (const type of ['interface Vacancy', 'interface TrainingOffer', 'type Salary', 'type SourceInfo', 'input ExchangeVacancyFilter', 'exchangeVacancySearch', 'exchangeVacancyChanges', 'type ExchangeVacancyRecord']) {
        expect(_service.sdl).toContain(type);
      }
      expect(_service.sdl).toMatch(new RegExp(`type ${vacancyType} implements Vacancy[^{]*@key\\(fields: "id"\\)`));
      expect(_service.sdl).toMatch(new RegExp(`type ${trainingType} implements TrainingOffer[^{]*@key\\(fields: "id"\\)`));
    });

    it('refuses unsigned calls with 401 UNAUTHENTICATED, but not /health and /ready', async () => {
      const unsigned = await postGraphQL(c.subgraph.url, '{ __typename }');
      expect(unsigned.status).toBe(401);
      expect(codes(unsigned)).toEqual(['UNAUTHENTICATED']);
      const forged = await postGraphQL(c.subgraph.url, '{ __typename }', {}, { secret: 'not-the-gateway-secret-at-all' });
      expect(forged.status).toBe(401);
      const base = c.subgraph.url.replace(/\/graphql$/, '');
      expect((await fetch(`${base}/health`)).status).toBe(200);
      expect((await fetch(`${base}/ready`)).status).toBe(200);
    });

    it('resolves 50 uncached entities with ONE upstream call, and ids its own search just cached with none', async () => {
      const facts = ok(await gql<{ exchangeVacancyFacts: { total: number; hits: Hit[] } }>(FACTS, { filter: {} })).exchangeVacancyFacts;
      expect(facts.hits.length, 'the simulator needs at least 70 vacancies').toBeGreaterThanOrEqual(70);
      // The newest ~50 may be on a cached search page from another test; take older ones.
      const ids = facts.hits.slice(-50).map((h) => h.id);
      let answer: GraphQLAnswer<{ _entities: Entity[] }> | undefined;
      expect(await upstreamCalls(async () => (answer = await entities(vacancyType, ids)))).toBe(1);
      const resolved = ok(answer!)._entities;
      expect(resolved.map((e) => e?.id)).toEqual(ids);
      expect(resolved.every((e) => e?.country.code === country)).toBe(true);

      const page = ok(await search({ first: 20 })).exchangeVacancySearch;
      const pageIds = page.hits.map((h) => h.id);
      expect(await upstreamCalls(async () => ok(await entities(vacancyType, pageIds)))).toBe(0);
    });

    it('walks every page with the keyset: newest first, no duplicates, count equals total', async () => {
      const seen = new Set<string>();
      let after: { postedAt: string; id: string } | null = null;
      let total = -1;
      let last: Hit | undefined;
      for (let pageNo = 0; pageNo < (options.maxPages ?? 25); pageNo++) {
        const page: Page = ok(await search({ first: 200, after })).exchangeVacancySearch;
        if (total < 0) total = page.total;
        expect(page.total).toBe(total);
        for (const hit of page.hits) {
          expect(seen.has(hit.id), `duplicate ${hit.id}`).toBe(false);
          if (last) expect(inContractOrder(last, hit), `${last.id} before ${hit.id}`).toBe(true);
          expect(hit.typename).toBe(vacancyType);
          seen.add(hit.id);
          last = hit;
        }
        if (page.hits.length < 200 || !last) break;
        after = { postedAt: last.postedAt, id: last.id };
      }
      expect(seen.size).toBe(total);
    });

    const changes = (variables: Record<string, unknown>) => gql<{ exchangeVacancyChanges: ChangePage }>(CHANGES, variables);
    /** The whole change feed from the start, `first` at a time: every record, and the pages' last keyset. */
    const walkChanges = async (first: number) => {
      const records: ChangeRecord[] = [];
      let after: { updatedAt: string; id: string } | null = null;
      for (let pageNo = 0; pageNo < 1_000; pageNo++) {
        const page: ChangePage = ok(await changes({ first, after })).exchangeVacancyChanges;
        records.push(...page.records);
        const last = page.records.at(-1);
        if (!page.hasMore || !last) return records;
        after = { updatedAt: last.updatedAt, id: last.id };
      }
      throw new Error('the change feed never ended');
    };

    it('walks the change feed from the start: every posting once, oldest change first, closed and withdrawn with closedAt', async () => {
      const records = await walkChanges(97);
      const ids = records.map((r) => r.id);
      expect(new Set(ids).size, 'a posting appeared twice').toBe(ids.length);
      records.forEach((r, n) => {
        if (n > 0) expect(inChangeOrder(records[n - 1]!, r), `${records[n - 1]!.id} before ${r.id}`).toBe(true);
        expect(r.typename).toBe(vacancyType);
        expect(r.id.startsWith(`${country}:`)).toBe(true);
        expect(Date.parse(r.updatedAt)).toBeGreaterThanOrEqual(Date.parse(r.postedAt));
        expect(r.positions).toBeGreaterThanOrEqual(1);
        expect(r.closedAt === null, `${r.id} is ${r.state} with closedAt ${r.closedAt}`).toBe(r.state === 'OPEN');
      });
      expect(records.some((r) => r.state === 'CLOSED')).toBe(true);
      expect(records.some((r) => r.state === 'WITHDRAWN')).toBe(true);
      // Everything the search lists is in the feed (which also holds what the search no longer lists).
      const listed = ok(await gql<{ exchangeVacancyFacts: { hits: Hit[] } }>(FACTS, { filter: {} })).exchangeVacancyFacts.hits;
      const inFeed = new Set(ids);
      expect(listed.filter((h) => !inFeed.has(h.id))).toEqual([]);
    });

    it('returns after a keyset exactly the later changes, and the same walk at any page size', async () => {
      const all = await walkChanges(1000);
      for (const cut of [1, Math.floor(all.length / 3), all.length - 2]) {
        const from = all[cut]!;
        const page = ok(await changes({ first: 1000, after: { updatedAt: from.updatedAt, id: from.id } })).exchangeVacancyChanges;
        expect(page.records.map((r) => r.id)).toEqual(all.slice(cut + 1, cut + 1 + 1000).map((r) => r.id));
        expect(page.hasMore).toBe(all.length > cut + 1 + 1000);
        expect(Number.isNaN(Date.parse(page.asOf))).toBe(false);
      }
      expect((await walkChanges(7)).map((r) => r.id)).toEqual(all.map((r) => r.id));
    });

    it('answers bad change-feed arguments with coded errors', async () => {
      for (const first of [0, 1001]) expect(codes(await changes({ first }))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await changes({ first: 5, after: { updatedAt: 'yesterday', id: `${country}:1` } }))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await changes({ first: 5, after: { updatedAt: '2026-01-01T00:00:00Z', id: 'XX:elsewhere' } }))).toEqual(['BAD_USER_INPUT']);
    });

    it('gives every id the form <country>:<native id>', async () => {
      const page = ok(await search({ first: 50 })).exchangeVacancySearch;
      const trainings = ok(await gql<{ exchangeTrainingSearch: { hits: TrainingHit[] } }>(TRAININGS, { first: 50 })).exchangeTrainingSearch;
      for (const id of [...page.hits, ...trainings.hits].map((h) => h.id)) {
        expect(id).toMatch(ID_FORMAT);
        expect(id.startsWith(`${country}:`)).toBe(true);
      }
    });

    it('resolves its training offers by id from its own training search', async () => {
      const { exchangeTrainingSearch: page } = ok(await gql<{ exchangeTrainingSearch: { total: number; hits: TrainingHit[] } }>(TRAININGS, { first: 30 }));
      expect(page.hits.length).toBeGreaterThan(0);
      expect(page.total).toBeGreaterThanOrEqual(page.hits.length);
      const ids = page.hits.map((h) => h.id);
      const resolved = ok(await entities(trainingType, ids))._entities;
      expect(resolved.map((e) => e?.id)).toEqual(ids);
      const next = ok(await gql<{ exchangeTrainingSearch: { hits: TrainingHit[] } }>(TRAININGS, { first: 30, offset: 30 })).exchangeTrainingSearch;
      expect(next.hits.filter((h) => ids.includes(h.id))).toEqual([]);
    });

    it('answers bad arguments with coded errors and unknown ids with null', async () => {
      for (const first of [0, 201]) expect(codes(await search({ first }))).toEqual(['BAD_USER_INPUT']);
      const malformed = await entities(vacancyType, ['not-an-id']);
      expect(malformed.data?._entities).toEqual([null]);
      expect(codes(malformed)).toEqual(['BAD_USER_INPUT']);
      const unknown = await entities(vacancyType, [`${country}:no-such-vacancy-000`]);
      expect(unknown.data?._entities).toEqual([null]);
      expect(unknown.errors).toBeUndefined();
      const badAfter = await search({ first: 5, after: { postedAt: 'yesterday', id: `${country}:1` } });
      expect(codes(badAfter)).toEqual(['BAD_USER_INPUT']);
    });
  });
}
