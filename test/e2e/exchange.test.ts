import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countrySubgraphs } from '../../schema/registry.js';
import { postGraphQL } from '../conformance/graphql.js';
import { startStack, type TestStack } from '../harness/stack.js';
import { RAW_FETCHERS } from './rawData.js';

/**
 * The regional exchange through the gateway, over every registered country and its simulator:
 * order, paging, upstream cost, partial failure, exact statistics, matching, nested lists.
 */
const countries = countrySubgraphs().map((c) => ({ name: c.name, code: c.manifest.country ?? '' }));
const PAGE = `query($first: Int!, $after: String, $filter: VacancyFilter) {
  vacancies(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    sources { subgraph status message total }
    edges { node { id postedAt title occupation { title } region { name } skills { label } } } } }`;

interface Page {
  vacancies: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    sources: Array<{ subgraph: string; status: string; message: string | null; total: number | null }>;
    edges: Array<{ node: { id: string; postedAt: string; title: string; occupation: { title: string } | null; region: { name: string } | null; skills: Array<{ label: string }> } }>;
  };
}

describe('regional exchange through the gateway', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startStack({ subgraphs: ['taxonomy', 'exchange', ...countries.map((c) => c.name)], simulator: { size: 300 }, responseCacheTtlSeconds: 0, env: { DISCLOSURE_PERTURBATION: 'off' } });
  }, 120_000);
  afterAll(async () => stack?.stop());

  const page = async (variables: Record<string, unknown>) => {
    const answer = await stack.query<Page>(PAGE, variables);
    expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
    return answer.data!.vacancies;
  };

  it('interleaves every country, newest first', async () => {
    const p = await page({ first: 60 });
    // Newest first by instant (each source's own offset honoured), ties by id descending.
    const keys = p.edges.map((e) => ({ at: Date.parse(e.node.postedAt), id: e.node.id }));
    const expected = [...keys].sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
    expect(keys).toEqual(expected);
    expect(new Set(p.edges.map((e) => e.node.id.split(':')[0]))).toEqual(new Set(countries.map((c) => c.code)));
    expect(p.sources.every((s) => s.status === 'OK')).toBe(true);
  });

  it('costs each country at most 2 upstream calls for a page of 50 with occupation, region and skills, and 0 when repeated', async () => {
    const filter = { postedSince: '2026-08-01' };
    const before = await stack.upstreamCalls();
    const first = await page({ first: 50, filter });
    expect(first.edges).toHaveLength(50);
    expect(first.edges.filter((e) => e.node.occupation && e.node.region).length).toBeGreaterThan(25);
    const middle = await stack.upstreamCalls();
    for (const c of countries) expect(middle[c.name]! - before[c.name]!, c.name).toBeLessThanOrEqual(2);
    await page({ first: 50, filter });
    const after = await stack.upstreamCalls();
    for (const c of countries) expect(after[c.name]! - middle[c.name]!, c.name).toBe(0);
  });

  it('provides the fields a search hit carries exactly as each country serves them itself', async () => {
    const PROVIDED = 'id title postedAt country { code } occupation { iscoCode } region { code } skills { id }';
    const answer = await stack.query<{ vacancies: { edges: Array<{ node: Record<string, unknown> & { id: string } }> } }>(`{ vacancies(first: 60) { edges { node { ${PROVIDED} } } } }`);
    expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
    const provided = answer.data!.vacancies.edges.map((e) => e.node);
    for (const c of countries) {
      const own = provided.filter((v) => v.id.startsWith(`${c.code}:`));
      expect(own.length, c.name).toBeGreaterThan(0);
      const typename = `${countrySubgraphs().find((x) => x.name === c.name)!.manifest.typePrefix}Vacancy`;
      const direct = await postGraphQL<{ _entities: unknown[] }>(
        stack.subgraphUrls[c.name]!,
        `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on ${typename} { ${PROVIDED} } } }`,
        { reps: own.map((v) => ({ __typename: typename, id: v.id })) },
        { secret: stack.config.gatewaySecret },
      );
      expect(direct.data?._entities, c.name).toEqual(own);
    }
  });

  it('walks every page of a filter: exactly totalCount distinct vacancies', async () => {
    const filter = { iscoCode: '5' };
    const walked: Array<{ at: number; id: string }> = [];
    let after: string | null = null;
    let total = 0;
    for (let i = 0; i < 100; i++) {
      const p = await page({ first: 25, after, filter });
      total = p.totalCount;
      walked.push(...p.edges.map((e) => ({ at: Date.parse(e.node.postedAt), id: e.node.id })));
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    expect(total).toBeGreaterThan(25);
    expect(new Set(walked.map((w) => w.id)).size).toBe(walked.length);
    expect(walked).toHaveLength(total);
    expect(walked).toEqual([...walked].sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)));
  });

  it('keeps the other countries when one simulator stops mid-walk, and marks that source FAILED', async () => {
    const victim = countries[countries.length - 1]!;
    const filter = { iscoCode: '4' };
    const first = await page({ first: 10, filter });
    await stack.faults(victim.name, { down: true });
    try {
      const second = await page({ first: 10, after: first.pageInfo.endCursor, filter });
      const source = second.sources.find((s) => s.subgraph === victim.name);
      // A new page is a new question: no cache can answer it, so the source failed.
      expect(source?.status).toBe('FAILED');
      expect(source?.message).toBeTruthy();
      const others = countries.filter((c) => c !== victim).map((c) => c.code);
      expect(second.edges.every((e) => others.includes(e.node.id.split(':')[0] ?? ''))).toBe(true);
      const othersTotal = second.sources.filter((s) => s.subgraph !== victim.name).reduce((sum, s) => sum + (s.total ?? 0), 0);
      expect(second.totalCount).toBe(othersTotal);
      if (others.length > 0) expect(second.edges.length).toBeGreaterThan(0);
    } finally {
      await stack.faults(victim.name, { down: false });
    }
  });

  it('computes statistics (the store\'s open stock, exact counts) equal to a brute-force count of the raw national listings, suppressing small cells', async () => {
    // The native searches list the postings open now (expired ones stay listed), copies included:
    // the store's open stock now with duplicates counted is that set without the expired ones.
    const { countries: synced } = await stack.syncStore();
    expect(synced.every((s) => s.state === 'OK' && s.fullSyncDone)).toBe(true);
    const at = new Date().toISOString();
    const answer = await stack.query<{ labourMarketStats: { disclosureThreshold: number; perturbed: boolean; cells: Array<{ country: { code: string }; iscoCode: string | null; vacancies: number | null; suppressed: boolean }> } }>(
      `query($at: String) { labourMarketStats(groupBy: [COUNTRY, ISCO_MAJOR], at: $at, includeDuplicates: true) { disclosureThreshold perturbed cells { country { code } iscoCode vacancies suppressed } } }`,
      { at },
    );
    expect(answer.errors).toBeUndefined();
    const stats = answer.data!.labourMarketStats;
    expect(stats.perturbed).toBe(false);
    for (const c of countries.filter((x) => RAW_FETCHERS[x.name])) {
      const raw = (await RAW_FETCHERS[c.name]!(stack.simulatorUrls[c.name]!)).filter((r) => r.expiresAtMs === null || r.expiresAtMs >= Date.parse(at));
      const counts = new Map<string | null, number>();
      for (const r of raw) counts.set(r.iscoMajor, (counts.get(r.iscoMajor) ?? 0) + 1);
      for (const [major, count] of counts) {
        const cell = stats.cells.find((x) => x.country.code === c.code && x.iscoCode === major);
        expect(cell, `${c.code} ${major}`).toBeDefined();
        if (count < stats.disclosureThreshold) expect(cell).toMatchObject({ suppressed: true, vacancies: null });
        else expect(cell, `${c.code} ${major}`).toMatchObject({ vacancies: count });
      }
    }
    const units = await stack.query<{ labourMarketStats: { cells: Array<{ vacancies: number | null; newPostings: number | null; suppressed: boolean; monthlyWage: { p50: number | null } }> } }>(
      `{ labourMarketStats(groupBy: [COUNTRY, ISCO_UNIT]) { cells { vacancies newPostings suppressed monthlyWage { p50 } } } }`,
    );
    // A cell is suppressed when its stock or its flow is small: that measure is withheld (a true
    // zero is published), and no wage is shown beside a withheld measure.
    const small = units.data!.labourMarketStats.cells.filter((x) => x.suppressed);
    expect(small.length).toBeGreaterThan(0);
    expect(small.every((x) => (x.vacancies === null || x.newPostings === null) && x.monthlyWage.p50 === null)).toBe(true);
    expect(small.some((x) => x.vacancies === null)).toBe(true);
  });

  it('ranks a vacancy needing all the given essential skills above one needing none of them', async () => {
    type Match = { score: number; vacancy: { id: string }; matchedEssentialSkills: Array<{ id: string }> };
    const match = async (skills: string[]) => {
      const answer = await stack.query<{ matchVacancies: { matches: Match[] } }>(
        `query($s: [ID!]!) { matchVacancies(skills: $s, first: 100) { matches { score vacancy { id } matchedEssentialSkills { id } } } }`,
        { s: skills },
      );
      expect(answer.errors).toBeUndefined();
      return answer.data!.matchVacancies.matches;
    };
    const sample = await stack.query<{ vacancies: { edges: Array<{ node: { id: string; skills: Array<{ id: string }> } }> } }>(
      `{ vacancies(filter: { iscoCode: "7" }, first: 50) { edges { node { id skills { id } } } } }`,
    );
    // Pick a vacancy and give exactly the skills it marks essential.
    let target: Match | undefined;
    let essential: string[] = [];
    for (const node of sample.data!.vacancies.edges.map((e) => e.node).filter((n) => n.skills.length > 0)) {
      target = (await match(node.skills.map((s) => s.id))).find((m) => m.vacancy.id === node.id);
      essential = target?.matchedEssentialSkills.map((s) => s.id) ?? [];
      if (essential.length > 0) break;
    }
    expect(essential.length).toBeGreaterThan(0);
    const ranked = await match(essential);
    const needsAll = ranked.find((m) => m.vacancy.id === target!.vacancy.id)!;
    expect(needsAll.matchedEssentialSkills).toHaveLength(essential.length);
    for (const other of ranked.filter((m) => m.matchedEssentialSkills.length === 0)) expect(needsAll.score).toBeGreaterThan(other.score);
    const empty = await stack.query(`{ matchVacancies(skills: []) { totalCount } }`);
    expect(empty.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('lists vacancies of a major group under the occupation, across every country', async () => {
    const answer = await stack.query<{ occupation: { vacancies: { totalCount: number; sources: unknown[]; edges: Array<{ node: { id: string } }> } } }>(
      `{ occupation(iscoCode: "5") { vacancies(first: 100) { totalCount sources { subgraph status message } edges { node { id } } } } }`,
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.occupation.vacancies.sources.every((s) => (s as { status: string }).status === 'OK'), JSON.stringify(answer.data!.occupation.vacancies.sources)).toBe(true);
    expect(new Set(answer.data!.occupation.vacancies.edges.map((e) => e.node.id.split(':')[0]))).toEqual(new Set(countries.map((c) => c.code)));
  });

  it('ranks by text relevance when asked, and lists through Country, Region and Skill', async () => {
    const top = (await page({ first: 1 })).edges[0]!.node;
    const word = top.title.split(/\s+/)[0]!;
    const ranked = await stack.query<{ vacancies: { edges: Array<{ score: number; node: { id: string } }> } }>(
      `query($t: String!) { vacancies(first: 40, orderBy: RELEVANCE, filter: { text: $t }) { edges { score node { id } } } }`,
      { t: word },
    );
    expect(ranked.errors).toBeUndefined();
    const scores = ranked.data!.vacancies.edges.map((e) => e.score);
    expect(scores.length).toBeGreaterThan(0);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores[0]).toBeGreaterThan(0);

    const code = countries[0]!.code;
    const nested = await stack.query<{ country: { vacancies: { totalCount: number; edges: Array<{ node: { id: string; region: { code: string } | null } }> } } }>(
      `query($c: ID!) { country(code: $c) { vacancies(first: 20) { totalCount edges { node { id region { code } } } } } }`,
      { c: code },
    );
    expect(nested.errors).toBeUndefined();
    const inCountry = nested.data!.country.vacancies;
    expect(inCountry.edges.every((e) => e.node.id.startsWith(`${code}:`))).toBe(true);
    const regionCode = inCountry.edges.find((e) => e.node.region)?.node.region?.code;
    expect(regionCode).toBeDefined();
    const inRegion = await page({ first: 100, filter: { regions: [regionCode] } });
    expect(inRegion.sources.map((s) => s.subgraph)).toEqual([countries[0]!.name]);
    expect(inRegion.totalCount).toBeGreaterThan(0);
    const viaRegion = await stack.query<{ region: { vacancies: { totalCount: number } } }>(`query($r: ID!) { region(code: $r) { vacancies { totalCount } } }`, { r: regionCode });
    expect(viaRegion.errors).toBeUndefined();
    expect(viaRegion.data!.region.vacancies.totalCount).toBe(inRegion.totalCount);
  });

  it('answers bad input with coded errors', async () => {
    const bad = async (q: string) => (await stack.query(q)).errors?.[0]?.extensions?.code;
    expect(await bad('{ vacancies(filter: { countries: ["XX"] }) { totalCount } }')).toBe('BAD_USER_INPUT');
    expect(await bad('{ vacancies(after: "not-a-cursor") { totalCount } }')).toBe('BAD_USER_INPUT');
    expect(await bad('{ vacancies(first: 1000) { totalCount } }')).toBe('BAD_USER_INPUT');
    expect(await bad('{ vacancies(filter: { iscoCode: "7x" }) { totalCount } }')).toBe('BAD_USER_INPUT');
  });
});
