import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regionsOfCountry } from '../../reference/index.js';
import { VACANCY_CHANGES } from '../../subgraphs/exchange/src/operations.js';
import { postGraphQL } from '../conformance/graphql.js';
import { oneCountry, registeredCountries } from '../harness/countries.js';
import { requirePostgres } from '../harness/requirements.js';
import { startStack, type TestStack } from '../harness/stack.js';

/**
 * The regional vacancy store through the gateway over HTTP: statistics equal a brute-force count
 * of every country's records (pulled independently, page by page, from each country subgraph's
 * change feed), before and after the simulated clock moves on; the trend, the change feed, the
 * sync status, bad input; a country down during a sync; and the differencing attacks an analyst
 * would try against the cell key method.
 */

const countries = registeredCountries();
/** The country taken down during a sync: any one will do. */
const downed = oneCountry();
/** The country an analyst differences: the one with the most regions, so the most cells to subtract. */
const differenced = countries.reduce((a, b) => (regionsOfCountry(b.code).length > regionsOfCountry(a.code).length ? b : a));
const DAY = 86_400_000;

interface Rec {
  id: string;
  postedAt: string;
  updatedAt: string;
  state: string;
  closedAt: string | null;
  validThrough: string | null;
  positions: number;
  duplicateOf: string | null;
  iscoCode: string | null;
  regionCode: string | null;
}

/** Every record of one country, newest version per id, walked through its contract feed. */
async function recordsOf(stack: TestStack, name: string): Promise<Rec[]> {
  const byId = new Map<string, Rec>();
  let after: { updatedAt: string; id: string } | null = null;
  for (;;) {
    const answer: { data?: { exchangeVacancyChanges: { hasMore: boolean; records: Rec[] } } | null } = await postGraphQL<{ exchangeVacancyChanges: { hasMore: boolean; records: Rec[] } }>(stack.subgraphUrls[name]!, VACANCY_CHANGES.document, { after, first: 1000 }, { secret: stack.config.gatewaySecret });
    const page: { hasMore: boolean; records: Rec[] } = answer.data!.exchangeVacancyChanges;
    for (const r of page.records) byId.set(r.id, r);
    const last: Rec | undefined = page.records.at(-1);
    if (!page.hasMore || !last) return [...byId.values()];
    after = { updatedAt: last.updatedAt, id: last.id };
  }
}

/** The stated definitions, by hand: open at an instant, new within [from, to). */
function bruteForce(records: readonly Rec[], at: number, from: number, to: number) {
  const closedAt = (r: Rec) => (r.closedAt ? Date.parse(r.closedAt) : r.state !== 'OPEN' ? Date.parse(r.updatedAt) : null);
  const kept = records.filter((r) => r.duplicateOf === null);
  const open = kept.filter((r) => {
    const c = closedAt(r);
    return Date.parse(r.postedAt) < at && (c === null || c >= at) && (r.validThrough === null || Date.parse(r.validThrough) >= at);
  });
  const added = kept.filter((r) => Date.parse(r.postedAt) >= from && Date.parse(r.postedAt) < to);
  const sum = (list: Rec[]) => list.reduce((a, r) => a + r.positions, 0);
  return { vacancies: open.length, openPositions: sum(open), newPostings: added.length, newPositions: sum(added), duplicates: records.length - kept.length };
}

const STATS = `query($at: String, $from: String, $to: String) { labourMarketStats(groupBy: [COUNTRY], at: $at, from: $from, to: $to) {
  referenceDate perturbed period { from to } asOf { country { code } asOf } definitions { term text } exchangeRates { from to rate date source }
  sources { country { code } status message }
  cells { country { code } vacancies openPositions newPostings newPositions duration { filled meanDays medianDays } suppressed } } }`;

type Cell = { country: { code: string } | null; region?: { code: string } | null; iscoCode?: string | null; vacancies: number | null; openPositions: number | null; newPostings: number | null; newPositions: number | null; suppressed: boolean };
type Stats = { labourMarketStats: { referenceDate: string; perturbed: boolean; period: { from: string; to: string }; asOf: Array<{ country: { code: string }; asOf: string | null }>; definitions: Array<{ term: string }>; exchangeRates: Array<{ from: string; date: string }>; sources: Array<{ country: { code: string }; status: string; message: string | null }>; cells: Cell[] } };

describe('vacancy store on PostgreSQL, through the gateway', async () => {
  const hasPostgres = await requirePostgres();
  let stack: TestStack;
  beforeAll(async () => {
    if (!hasPostgres) return;
    stack = await startStack({ subgraphs: ['taxonomy', 'exchange', ...countries.map((c) => c.name)], simulator: { size: 300 }, responseCacheTtlSeconds: 0, env: { DISCLOSURE_PERTURBATION: 'off' }, store: 'postgres' });
  }, 180_000);
  afterAll(async () => stack?.stop());

  const expectStatsEqualBruteForce = async () => {
    const at = new Date().toISOString();
    const [from, to] = ['2026-09-01', '2026-11-30'];
    const answer = await stack.query<Stats>(STATS, { at, from, to });
    expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
    const stats = answer.data!.labourMarketStats;
    expect(stats).toMatchObject({ referenceDate: at, perturbed: false, period: { from, to } });
    expect(stats.definitions.map((d) => d.term)).toContain('open vacancy stock');
    expect(stats.sources.every((s) => s.status === 'OK')).toBe(true);
    for (const c of countries) {
      const truth = bruteForce(await recordsOf(stack, c.name), Date.parse(at), Date.parse(from), Date.parse(to) + DAY);
      expect(truth.duplicates, `${c.code} has copies to leave out`).toBeGreaterThan(0);
      const cell = stats.cells.find((x) => x.country?.code === c.code);
      expect(cell, c.code).toMatchObject({ vacancies: truth.vacancies, openPositions: truth.openPositions, newPostings: truth.newPostings, newPositions: truth.newPositions });
      expect(truth.openPositions).toBeGreaterThan(truth.vacancies);
    }
    return stats;
  };

  it.runIf(hasPostgres)('counts open stock and flow (postings and positions, duplicates out) exactly as a brute force over every record', async () => {
    const stats = await expectStatsEqualBruteForce();
    expect(stats.asOf.every((a) => a.asOf !== null)).toBe(true);
    expect(stats.exchangeRates.length).toBeGreaterThan(0);
  });

  it.runIf(hasPostgres)('counts the default stock at the store`s as-of (the earliest country asOf), not at the wall clock, and says so', async () => {
    const answer = await stack.query<Stats>(STATS, {});
    expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
    const stats = answer.data!.labourMarketStats;
    const earliest = Math.min(...stats.asOf.map((a) => Date.parse(a.asOf ?? '')));
    expect(Date.parse(stats.referenceDate)).toBe(earliest);
    expect(stats.period.to).toBe(stats.referenceDate.slice(0, 10));
    expect(stats.definitions.map((d) => d.term)).toContain('reference date');
    const asked = await stack.query<Stats>(STATS, { at: stats.referenceDate, from: stats.period.from, to: stats.period.to });
    expect(asked.data!.labourMarketStats.cells).toEqual(stats.cells);
  });

  it.runIf(hasPostgres)('reflects closed, withdrawn and new postings after the clock advances and the store syncs', async () => {
    const before = await syncStatus(stack);
    await stack.advance(400);
    const sync = await stack.syncStore();
    expect(sync.reports.every((r) => r.ok), JSON.stringify(sync.reports)).toBe(true);
    for (const r of sync.reports) expect(r.changes, `${r.country} synced no change from its stored keyset`).toBeGreaterThan(0);
    const after = await syncStatus(stack);
    const total = (list: typeof after, pick: (s: (typeof after)[number]) => number) => list.reduce((a, s) => a + pick(s), 0);
    expect(total(after, (s) => s.records)).toBeGreaterThan(total(before, (s) => s.records));
    expect(total(after, (s) => s.closed + s.withdrawn)).toBeGreaterThan(total(before, (s) => s.closed + s.withdrawn));
    for (const a of after) {
      expect(a, a.country.code).toMatchObject({ state: 'OK', lastError: null });
      expect(a.open + a.closed + a.withdrawn).toBe(a.records);
      const b = before.find((s) => s.country.code === a.country.code)!;
      expect(a.records).toBeGreaterThanOrEqual(b.records);
    }
    await expectStatsEqualBruteForce();
  });

  it.runIf(hasPostgres)('pages the change feed without gaps or repeats, whatever the page size', async () => {
    const walk = async (first: number) => {
      const events: string[] = [];
      let after: string | null = null;
      for (;;) {
        const answer: { errors?: unknown; data?: { vacancyChanges: FeedPage } } = await stack.query<{ vacancyChanges: FeedPage }>(
          `query($after: String, $first: Int) { vacancyChanges(since: "2026-11-01", first: $first, after: $after) { edges { cursor node { kind at vacancy { id } } } pageInfo { hasNextPage endCursor } } }`,
          { after, first },
        );
        expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
        const page: FeedPage = answer.data!.vacancyChanges;
        for (const e of page.edges) {
          expect(Date.parse(e.node.at)).toBeGreaterThanOrEqual(Date.parse('2026-11-01'));
          events.push(`${e.cursor}|${e.node.kind}|${e.node.vacancy.id}`);
        }
        if (!page.pageInfo.hasNextPage) return events;
        after = page.pageInfo.endCursor;
      }
    };
    const big = await walk(500);
    expect(new Set(big).size).toBe(big.length);
    expect(await walk(137)).toEqual(big);
    const kinds = new Set(big.map((e) => e.split('|')[1]));
    for (const kind of ['ADDED', 'CLOSED', 'WITHDRAWN']) expect(kinds.has(kind), kind).toBe(true);
  });

  it.runIf(hasPostgres)('answers a monthly trend whose points agree with the statistics of the same interval', async () => {
    const answer = await stack.query<{ labourMarketTrend: { points: Array<{ period: string; start: string; end: string; openStock: number; newPostings: number }> } }>(
      `{ labourMarketTrend(interval: MONTH, from: "2026-08-01", to: "2026-10-31") { points { period start end openStock newPostings } } }`,
    );
    expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
    const points = answer.data!.labourMarketTrend.points;
    expect(points.map((p) => p.period)).toEqual(['2026-08', '2026-09', '2026-10']);
    const all = (await Promise.all(countries.map((c) => recordsOf(stack, c.name)))).flat();
    for (const p of points) {
      const truth = bruteForce(all, Date.parse(p.end) + DAY, Date.parse(p.start), Date.parse(p.end) + DAY);
      expect(p, p.period).toMatchObject({ openStock: truth.vacancies, newPostings: truth.newPostings });
    }
    const weeks = await stack.query<{ labourMarketTrend: { points: Array<{ period: string }> } }>(`{ labourMarketTrend(interval: WEEK, from: "2026-11-02", to: "2026-11-15") { points { period } } }`);
    expect(weeks.data!.labourMarketTrend.points.map((p) => p.period)).toEqual(['2026-W45', '2026-W46']);
  });

  it.runIf(hasPostgres)('answers bad input with coded errors', async () => {
    const cases: Array<[string, string]> = [
      ['{ labourMarketStats(at: "yesterday") { referenceDate } }', 'MALFORMED_DATE'],
      ['{ labourMarketStats(from: "2026-10-02", to: "2026-10-01") { referenceDate } }', 'INVALID_PERIOD'],
      ['{ labourMarketStats(from: "2000-01-01", to: "2026-01-01") { referenceDate } }', 'PERIOD_TOO_LONG'],
      ['{ labourMarketTrend(interval: WEEK, from: "2016-01-01", to: "2026-01-01") { interval } }', 'PERIOD_TOO_LONG'],
      ['{ labourMarketTrend(from: "soon", to: "2026-01-01") { interval } }', 'MALFORMED_DATE'],
      ['{ labourMarketStats(filter: { skills: ["x"] }) { referenceDate } }', 'NOT_IN_STORE'],
      ['{ vacancyChanges(since: "not a date") { pageInfo { hasNextPage } } }', 'MALFORMED_DATE'],
      ['{ vacancyChanges(since: "2026-01-01", first: 0) { pageInfo { hasNextPage } } }', 'FIRST_OUT_OF_RANGE'],
      ['{ vacancyChanges(since: "2026-01-01", first: 501) { pageInfo { hasNextPage } } }', 'FIRST_OUT_OF_RANGE'],
      ['{ vacancyChanges(since: "2026-01-01", after: "bm90LWEtY3Vyc29y") { pageInfo { hasNextPage } } }', 'MALFORMED_CURSOR'],
    ];
    for (const [query, reason] of cases) {
      const answer = await stack.query(query);
      expect(answer.errors?.[0]?.extensions, query).toMatchObject({ code: 'BAD_USER_INPUT', reason });
    }
  });

  it.runIf(hasPostgres)('costs a country down during a sync only that country, and says so', async () => {
    await stack.faults(downed.simulator, { down: true });
    await stack.advance(50).catch(() => undefined);
    const sync = await stack.syncStore();
    expect(sync.reports.find((r) => r.country === downed.code)?.ok).toBe(false);
    expect(sync.reports.filter((r) => r.country !== downed.code).every((r) => r.ok)).toBe(true);
    const status = (await syncStatus(stack)).find((s) => s.country.code === downed.code)!;
    expect(status.state).toBe('FAILED');
    expect(status.lastError).toMatch(/^(TIMEOUT|UNREACHABLE|UPSTREAM_ERROR): /);
    expect(status.records).toBeGreaterThan(0);
    const answer = await stack.query<Stats>(STATS, {});
    expect(answer.errors).toBeUndefined();
    const sources = answer.data!.labourMarketStats.sources;
    expect(sources.find((s) => s.country.code === downed.code)).toMatchObject({ status: 'STALE' });
    expect(sources.filter((s) => s.country.code !== downed.code).every((s) => s.status === 'OK')).toBe(true);
    await stack.faults(downed.simulator, { down: false });
  });
});

type FeedPage = { edges: Array<{ cursor: string; node: { kind: string; at: string; vacancy: { id: string } } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

async function syncStatus(stack: TestStack) {
  const answer = await stack.query<{ storeSyncStatus: Array<{ country: { code: string }; state: string; records: number; open: number; closed: number; withdrawn: number; lastError: string | null; lagSeconds: number | null }> }>(
    `{ storeSyncStatus { country { code } state records open closed withdrawn lastError lagSeconds lastSyncAt lastSuccessAt } }`,
  );
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  return answer.data!.storeSyncStatus;
}

describe('vacancy store on embedded PGlite, cell key method against differencing', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startStack({ subgraphs: ['taxonomy', 'exchange', ...countries.map((c) => c.name)], simulator: { size: 300 }, responseCacheTtlSeconds: 0, store: 'pglite' });
  }, 180_000);
  afterAll(async () => stack?.stop());

  const cells = async (groupBy: string[], filter: Record<string, unknown> = {}) => {
    const answer = await stack.query<{ labourMarketStats: { perturbed: boolean; cells: Cell[] } }>(
      `query($g: [StatsDimension!]!, $f: VacancyFilter) { labourMarketStats(groupBy: $g, filter: $f, at: "2026-11-20") { perturbed cells { country { code } region { code } iscoCode vacancies openPositions newPostings newPositions suppressed } } }`,
      { g: groupBy, f: filter },
    );
    expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
    expect(answer.data!.labourMarketStats.perturbed).toBe(true);
    return answer.data!.labourMarketStats.cells;
  };

  it('does not give a suppressed cell away: parent minus published children, A+B minus A, total minus the rest; one cell reads the same through two filters', async () => {
    const records = (await recordsOf(stack, differenced.name)).filter((r) => r.duplicateOf === null);
    const at = Date.parse('2026-11-21T00:00:00Z');
    const exact = (keep: (r: Rec) => boolean) => bruteForce(records.filter(keep), at, 0, 0).vacancies;
    const attempts: Array<{ attack: string; derived: number; truth: number }> = [];

    // A parent code minus its published children, where exactly one child is suppressed.
    const parents = await cells(['COUNTRY', 'ISCO_SUB_MAJOR'], { countries: [differenced.code] });
    const children = await cells(['COUNTRY', 'ISCO_MINOR'], { countries: [differenced.code] });
    for (const parent of parents.filter((p) => p.iscoCode && !p.suppressed)) {
      const kids = children.filter((c) => c.iscoCode?.startsWith(parent.iscoCode!));
      const hidden = kids.filter((k) => k.suppressed);
      if (hidden.length !== 1 || kids.some((k) => k.iscoCode === null)) continue;
      const derived = parent.vacancies! - kids.filter((k) => !k.suppressed).reduce((a, k) => a + k.vacancies!, 0);
      attempts.push({ attack: `parent ${parent.iscoCode}`, derived, truth: exact((r) => r.iscoCode?.startsWith(hidden[0]!.iscoCode!) ?? false) });
    }

    // Region A+B minus region A, for a suppressed B.
    const regions = await cells(['COUNTRY', 'REGION'], { countries: [differenced.code] });
    const published = regions.filter((c) => c.region && !c.suppressed);
    for (const b of regions.filter((c) => c.region && c.suppressed).slice(0, 6)) {
      const a = published[0]!;
      const [ab] = await cells(['COUNTRY'], { countries: [differenced.code], regions: [a.region!.code, b.region!.code] });
      attempts.push({ attack: `region ${b.region!.code}`, derived: ab!.vacancies! - a.vacancies!, truth: exact((r) => r.regionCode === b.region!.code) });
    }

    // The country total minus every published region: the suppressed regions together.
    const [total] = await cells(['COUNTRY'], { countries: [differenced.code] });
    const hiddenRegions = new Set(regions.filter((c) => c.suppressed).map((c) => c.region?.code ?? null));
    attempts.push({
      attack: 'total minus the rest',
      derived: total!.vacancies! - regions.filter((c) => !c.suppressed).reduce((x, c) => x + c.vacancies!, 0),
      truth: exact((r) => hiddenRegions.has(r.regionCode)),
    });

    expect(attempts.length).toBeGreaterThanOrEqual(4);
    // Noise 0 is the likeliest single value, so a derivation can land on the truth by chance;
    // what the method guarantees is that the analyst cannot rely on it.
    const recovered = attempts.filter((a) => a.derived === a.truth);
    expect(recovered.length, JSON.stringify(attempts)).toBeLessThan(attempts.length);

    // The same cell through two filters reads the same, so asking twice averages nothing away.
    const byMajor = await cells(['COUNTRY', 'ISCO_MAJOR'], { countries: [differenced.code] });
    const [seven] = await cells(['COUNTRY'], { countries: [differenced.code], iscoCode: '7' });
    expect(seven!.vacancies).toBe(byMajor.find((c) => c.iscoCode === '7')!.vacancies);
    expect((await cells(['COUNTRY'], { countries: [differenced.code], iscoCode: '7' }))[0]!.vacancies).toBe(seven!.vacancies);
  });

  it('asks the countries only for training figures that are selected, and answers a repeat from the store until a sync brings new data', async () => {
    const question = (fields: string) => `{ labourMarketStats(groupBy: [COUNTRY], at: "2026-12-31", from: "2026-11-01", to: "2026-12-31") { cells { country { code } newPostings ${fields} } } }`;
    const ask = async (fields = '') => {
      const answer = await stack.query<{ labourMarketStats: { cells: Array<{ newPostings: number | null }> } }>(question(fields));
      expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
      return answer.data!.labourMarketStats.cells;
    };
    const national = async () => Object.values(await stack.upstreamCalls()).reduce((a, b) => a + b, 0);
    const start = await national();
    const first = await ask();
    expect(await ask()).toEqual(first);
    expect(await national()).toBe(start);
    await ask('trainingOffers');
    expect(await national()).toBeGreaterThan(start);

    await stack.advance(300);
    await stack.syncStore();
    const total = (list: Array<{ newPostings: number | null }>) => list.reduce((a, c) => a + (c.newPostings ?? 0), 0);
    expect(total(await ask())).toBeGreaterThan(total(first));
  });
});
