import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { everySubgraph, registeredCountries } from '../harness/countries.js';
import { startStack, type TestStack } from '../harness/stack.js';
import { RAW_FETCHERS } from './rawData.js';

/**
 * Issue 11 item 2 through the gateway: every filter agrees with the grouping over the same data.
 * The grouping is the graph's own reading of every posting (region code, employment type, skills,
 * ISCED level), and for ISCO major groups a brute-force count of the raw national data; each
 * cell must be what `vacancies(filter: …) { totalCount }` answers for it, in every registered
 * country — whose systems spell their regions by hand, each its own way (a country's own
 * spellings are tested in its folder).
 */
interface Node {
  country: { code: string };
  region: { code: string } | null;
  occupation: { iscoCode: string } | null;
  employmentType: string | null;
  skills: Array<{ id: string }>;
  education: { iscedLevel: number | null } | null;
}
type Paged = { vacancies: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: Node }> } };
const PAGE = `query($after: String) { vacancies(first: 100, after: $after) { pageInfo { hasNextPage endCursor }
  edges { node { country { code } region { code } occupation { iscoCode } employmentType skills { id } education { iscedLevel } } } } }`;
/** ISO code → simulator of every registered country that ships raw probes (subgraphs/<name>/probes.ts). */
const COUNTRY_SIMULATORS: Record<string, string> = Object.fromEntries(
  registeredCountries()
    .filter((c) => RAW_FETCHERS[c.simulator])
    .map((c) => [c.code, c.simulator]),
);
/** Skills checked per country: the most asked for. */
const SKILLS_PER_COUNTRY = 12;
/** Aliased counts asked in one request (the gateway allows 20 aliases). */
const PER_REQUEST = 10;

/** Counts per key, skipping postings without one. */
function countBy(nodes: readonly Node[], key: (n: Node) => string | null): Map<string, number> {
  const counts = new Map<string, number>();
  for (const n of nodes) {
    const k = key(n);
    if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

describe('filters agree with groupings (issue 11)', () => {
  let stack: TestStack;
  const nodes: Node[] = [];

  /** `totalCount` for each filter (a GraphQL object literal), several per request. */
  async function totals(filters: readonly string[]): Promise<number[]> {
    const out: number[] = [];
    for (let at = 0; at < filters.length; at += PER_REQUEST) {
      const batch = filters.slice(at, at + PER_REQUEST);
      const answer = await stack.query<Record<string, { totalCount: number }>>(`{ ${batch.map((f, i) => `c${i}: vacancies(first: 1, filter: ${f}) { totalCount }`).join(' ')} }`);
      expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
      out.push(...batch.map((_, i) => answer.data![`c${i}`]!.totalCount));
    }
    return out;
  }

  /** Each grouping cell beside the count its filter gives, for one readable comparison. */
  async function filterCounts(cells: Map<string, number>, filterOf: (key: string) => string): Promise<Record<string, number>> {
    const keys = [...cells.keys()].sort();
    const counts = await totals(keys.map(filterOf));
    return Object.fromEntries(keys.map((k, i) => [k, counts[i]!]));
  }

  beforeAll(async () => {
    stack = await startStack({ subgraphs: everySubgraph(), simulator: { size: 400, seed: 3 }, responseCacheTtlSeconds: 0 });
    let after: string | null = null;
    do {
      const answer: Awaited<ReturnType<typeof stack.query<Paged>>> = await stack.query<Paged>(PAGE, { after });
      expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
      nodes.push(...answer.data!.vacancies.edges.map((e) => e.node));
      after = answer.data!.vacancies.pageInfo.hasNextPage ? answer.data!.vacancies.pageInfo.endCursor : null;
    } while (after);
  }, 180_000);
  afterAll(async () => stack?.stop());

  it('groups every posting of the raw national data', async () => {
    for (const [code, simulator] of Object.entries(COUNTRY_SIMULATORS)) {
      const raw = await RAW_FETCHERS[simulator]!(stack.simulatorUrls[simulator]!);
      expect(nodes.filter((n) => n.country.code === code).length, code).toBe(raw.length);
    }
  });

  it('finds by region filter exactly the postings grouped under each region, in every country', async () => {
    const byRegion = countBy(nodes, (n) => n.region?.code ?? null);
    expect(byRegion.size).toBeGreaterThan(20);
    expect(await filterCounts(byRegion, (code) => `{ regions: ["${code}"] }`)).toEqual(Object.fromEntries([...byRegion].sort()));
  }, 120_000);

  it('finds by ISCO major group exactly the brute-force count of the raw national data', async () => {
    for (const [code, simulator] of Object.entries(COUNTRY_SIMULATORS)) {
      const raw = await RAW_FETCHERS[simulator]!(stack.simulatorUrls[simulator]!);
      const counts = new Map<string, number>();
      for (const r of raw) if (r.iscoMajor) counts.set(r.iscoMajor, (counts.get(r.iscoMajor) ?? 0) + 1);
      expect(await filterCounts(counts, (major) => `{ countries: ["${code}"], iscoCode: "${major}" }`), code).toEqual(Object.fromEntries([...counts].sort()));
    }
  }, 120_000);

  it('finds by employment type exactly the postings grouped under each type, in every country', async () => {
    const byType = countBy(nodes, (n) => (n.employmentType ? `${n.country.code} ${n.employmentType}` : null));
    const filterOf = (key: string) => {
      const [country, type] = key.split(' ');
      return `{ countries: ["${country}"], employmentTypes: [${type}] }`;
    };
    expect(await filterCounts(byType, filterOf)).toEqual(Object.fromEntries([...byType].sort()));
  }, 120_000);

  it('finds by skill exactly the postings that ask for it, in every country', async () => {
    const bySkill = new Map<string, number>();
    for (const code of Object.keys(COUNTRY_SIMULATORS)) {
      const counts = new Map<string, number>();
      for (const n of nodes.filter((x) => x.country.code === code)) for (const id of new Set(n.skills.map((s) => s.id))) counts.set(id, (counts.get(id) ?? 0) + 1);
      for (const [id, count] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, SKILLS_PER_COUNTRY)) bySkill.set(`${code} ${id}`, count);
    }
    expect(bySkill.size).toBe(SKILLS_PER_COUNTRY * Object.keys(COUNTRY_SIMULATORS).length);
    const filterOf = (key: string) => {
      const [country, id] = key.split(' ');
      return `{ countries: ["${country}"], skills: ["${id}"] }`;
    };
    expect(await filterCounts(bySkill, filterOf)).toEqual(Object.fromEntries([...bySkill].sort()));
  }, 120_000);

  it('finds by ISCED level exactly the postings grouped under each level, in every country', async () => {
    const byLevel = countBy(nodes, (n) => (n.education?.iscedLevel != null ? `${n.country.code} ${n.education.iscedLevel}` : null));
    expect(byLevel.size).toBeGreaterThan(6);
    const filterOf = (key: string) => {
      const [country, level] = key.split(' ');
      return `{ countries: ["${country}"], educationLevels: [${level}] }`;
    };
    expect(await filterCounts(byLevel, filterOf)).toEqual(Object.fromEntries([...byLevel].sort()));
  }, 120_000);
});
