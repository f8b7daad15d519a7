import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type TestStack } from '../harness/stack.js';
import { everySubgraph } from '../harness/countries.js';

/**
 * Issue 11 item 5 through the gateway: every unit group's skills profile is built from the ESCO
 * occupations that belong to it, weighted, so a niche skill of one specialised occupation is not
 * essential; a group ESCO files no occupation under (3221 nursing associate professionals) takes
 * its minor group's, says so, and its vacancies can be matched.
 */
interface Profile {
  skillProfileBasis: string | null;
  essentialSkills: Array<{ id: string; label: string }>;
  optionalSkills: Array<{ id: string }>;
}
const PROFILE = 'skillProfileBasis essentialSkills { id label } optionalSkills { id }';
type Paged = { vacancies: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: { occupation: { iscoCode: string } | null } }> } };
/** Aliased occupations asked in one request (the gateway allows 20 aliases). */
const PER_REQUEST = 10;

describe('skill profiles (issue 11)', () => {
  let stack: TestStack;
  const unitsWithVacancies = new Map<string, number>();

  async function profiles(codes: readonly string[]): Promise<Map<string, Profile>> {
    const out = new Map<string, Profile>();
    for (let at = 0; at < codes.length; at += PER_REQUEST) {
      const batch = codes.slice(at, at + PER_REQUEST);
      const answer = await stack.query<Record<string, Profile | null>>(`{ ${batch.map((c, i) => `o${i}: occupation(iscoCode: "${c}") { ${PROFILE} }`).join(' ')} }`);
      expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
      batch.forEach((c, i) => out.set(c, answer.data![`o${i}`]!));
    }
    return out;
  }

  beforeAll(async () => {
    stack = await startStack({ subgraphs: everySubgraph(), simulator: { size: 400 }, responseCacheTtlSeconds: 0 });
    let after: string | null = null;
    do {
      const answer: Awaited<ReturnType<typeof stack.query<Paged>>> = await stack.query<Paged>(
        `query($after: String) { vacancies(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { occupation { iscoCode } } } } }`,
        { after },
      );
      expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
      for (const { node } of answer.data!.vacancies.edges) if (node.occupation) unitsWithVacancies.set(node.occupation.iscoCode, (unitsWithVacancies.get(node.occupation.iscoCode) ?? 0) + 1);
      after = answer.data!.vacancies.pageInfo.hasNextPage ? answer.data!.vacancies.pageInfo.endCursor : null;
    } while (after);
  }, 180_000);
  afterAll(async () => stack?.stop());

  it('gives 3221 the skills of its minor group, flagged, and matches its vacancies by them', async () => {
    const nursing = (await profiles(['3221'])).get('3221')!;
    expect(nursing.skillProfileBasis).toBe('MINOR');
    expect(nursing.essentialSkills.length).toBeGreaterThan(0);
    expect(unitsWithVacancies.get('3221') ?? 0).toBeGreaterThan(0);
    const answer = await stack.query<{ matchVacancies: { totalCount: number; matches: Array<{ matchedSkills: Array<{ id: string }>; vacancy: { occupation: { iscoCode: string } | null } }> } }>(
      `query($skills: [ID!]!) { matchVacancies(skills: $skills, filter: { iscoCode: "3221" }, first: 50) { totalCount matches { matchedSkills { id } vacancy { occupation { iscoCode } } } } }`,
      { skills: nursing.essentialSkills.map((s) => s.id) },
    );
    expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
    const { totalCount, matches } = answer.data!.matchVacancies;
    expect(totalCount).toBeGreaterThan(0);
    for (const m of matches) {
      expect(m.vacancy.occupation?.iscoCode).toBe('3221');
      expect(m.matchedSkills.length).toBeGreaterThan(0);
    }
  });

  it('keeps the niche skills of one specialised welder or electrician occupation out of the essential ones', async () => {
    const found = await profiles(['7212', '7411']);
    const essential = (code: string) => found.get(code)!.essentialSkills.map((s) => s.label);
    expect(found.get('7212')!.skillProfileBasis).toBe('UNIT');
    expect(essential('7212')).toContain('operate brazing equipment');
    expect(essential('7212')).not.toContain('weld in hyperbaric conditions');
    expect(essential('7411')).toContain('building systems monitoring technology');
    expect(essential('7411')).not.toContain('solar energy');
    expect(essential('7411')).not.toContain('mount photovoltaic panels');
  });

  it('has a non-empty profile for every unit group with vacancies', async () => {
    expect(unitsWithVacancies.size).toBeGreaterThan(50);
    const empty = [...(await profiles([...unitsWithVacancies.keys()].sort()))].filter(([, p]) => p.essentialSkills.length + p.optionalSkills.length === 0 || p.skillProfileBasis === null);
    expect(empty.map(([code]) => code)).toEqual([]);
  }, 120_000);

  it('titles minor groups in each label language (id, ms, th), none a fallback', async () => {
    const answer = await stack.query<{ occupation: Record<string, { text: string; language: string; isFallback: boolean }> }>(
      `{ occupation(iscoCode: "322") { id: label(lang: "id") { text language isFallback } ms: label(lang: "ms") { text language isFallback } th: label(lang: "th") { text language isFallback } } }`,
    );
    expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
    expect(answer.data!.occupation).toEqual({
      id: { text: 'Asisten Ahli Keperawatan dan Kebidanan', language: 'id', isFallback: false },
      ms: { text: 'Profesional Bersekutu Kejururawatan dan Perbidanan', language: 'ms', isFallback: false },
      th: { text: 'ผู้ปฏิบัติงานด้านการพยาบาลและการผดุงครรภ์ระดับเทคนิค', language: 'th', isFallback: false },
    });
  });
});
