import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countries, minimumWages, wageConversion } from '../../reference/index.js';
import { readSubgraphList } from '../../schema/registry.js';
import { startStack, type TestStack } from '../harness/stack.js';

/**
 * Issue 11 through the gateway: what a labour-market statistician checks — the ISCO-88
 * correspondence, legal wage floors, the stated wage conversion, outdated codes, local time.
 */
interface Node {
  id: string;
  postedAt: string;
  region: { code: string } | null;
  nationalOccupationCode: { code: string; mapped: boolean; mappedFromOutdated: boolean; edition: string | null } | null;
  occupation: { iscoCode: string } | null;
  salary: { period: string; min: number | null; monthlyAmount: number | null; conversion: { factor: number; from: string; fullTimeEquivalent: boolean; effective: string } | null } | null;
}
const PAGE = `query($after: String) { vacancies(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node {
  id postedAt region { code } occupation { iscoCode }
  ... on Vacancy { nationalOccupationCode { code mapped mappedFromOutdated edition }
    salary { period min monthlyAmount conversion { factor from fullTimeEquivalent effective } } } } } } }`;

/** Regional floors (national where a country has one rate) of every registered country, a day wage as the country's month. */
function provincialFloors(): Map<string, number> {
  const floors = new Map<string, number>();
  for (const { code } of countries()) {
    for (const row of minimumWages(code)) {
      if (row.locality) continue;
      const monthly = row.amount * (row.period === 'DAY' ? wageConversion(code, 'DAY').factor : 1);
      const key = row.region ?? code;
      floors.set(key, Math.max(floors.get(key) ?? 0, monthly));
    }
  }
  return floors;
}

describe('domain fidelity through the gateway', () => {
  let stack: TestStack;
  const nodes: Node[] = [];
  beforeAll(async () => {
    stack = await startStack({ subgraphs: readSubgraphList().subgraphs.map((s) => s.name), simulator: { size: 1200 }, responseCacheTtlSeconds: 0 });
    let after: string | null = null;
    do {
      const answer: Awaited<ReturnType<typeof stack.query<{ vacancies: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: Node }> } }>>> =
        await stack.query(PAGE, { after });
      expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
      nodes.push(...answer.data!.vacancies.edges.map((e) => e.node));
      after = answer.data!.vacancies.pageInfo.hasNextPage ? answer.data!.vacancies.pageInfo.endCursor : null;
    } while (after);
  }, 180_000);
  afterAll(async () => stack?.stop());

  it('maps Thai DOE codes by the ILO correspondence (ISCO-88 6112 tree and shrub crop growers → ISCO-08 6112)', async () => {
    const answer = await stack.query<{ a: { iscoCode: string } | null; b: { iscoCode: string } | null }>(
      `{ a: occupationByNationalCode(system: "TH-DOE-ISCO88", code: "611210") { iscoCode } b: occupationByNationalCode(system: "TH-DOE-ISCO88", code: "611310") { iscoCode } }`,
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ a: { iscoCode: '6112' }, b: { iscoCode: '6113' } });
  });

  it('no disclosed wage is below the legal floor of its region, and every amount states its conversion', () => {
    const floors = provincialFloors();
    const paid = nodes.filter((n) => n.salary?.monthlyAmount != null && n.region);
    expect(paid.length).toBeGreaterThan(300);
    for (const n of paid) {
      const floor = floors.get(n.region!.code) ?? floors.get(n.id.slice(0, 2)) ?? 0;
      expect(floor, n.region!.code).toBeGreaterThan(0);
      expect(n.salary!.monthlyAmount!, `${n.id} in ${n.region!.code}`).toBeGreaterThanOrEqual(Math.floor(floor));
      expect(n.salary!.conversion!.from).toBe(n.salary!.period);
    }
    const daily = paid.find((n) => n.id.startsWith('TH:') && n.salary!.period === 'DAY');
    expect(daily?.salary?.conversion).toMatchObject({ factor: 26, fullTimeEquivalent: true, effective: '2025-01-01' });
    const hourly = paid.find((n) => n.salary!.period === 'HOUR');
    expect(hourly?.salary?.conversion?.fullTimeEquivalent).toBe(true);
    expect(paid.find((n) => n.salary!.period === 'MONTH')?.salary?.conversion).toMatchObject({ factor: 1, fullTimeEquivalent: false });
  });

  it('maps outdated codes that correspond wholly, flagged with their edition', () => {
    const outdated = nodes.filter((n) => n.nationalOccupationCode?.mappedFromOutdated);
    expect(outdated.length).toBeGreaterThan(0);
    for (const n of outdated) {
      expect(n.nationalOccupationCode!.mapped).toBe(true);
      expect(n.nationalOccupationCode!.edition).toMatch(/KBJI-2002|MASCO-2008|withdrawn/);
      expect(n.occupation?.iscoCode).toMatch(/^\d{4}$/);
    }
  });

  it('shows Indonesian postings in their province\'s legal time (WIB +07, WITA +08, WIT +09)', () => {
    const zone: Record<string, string> = { 'ID-JK': '+07:00', 'ID-BA': '+08:00', 'ID-SN': '+08:00', 'ID-PA': '+09:00', 'ID-MA': '+09:00' };
    const seen = new Set<string>();
    for (const n of nodes.filter((x) => x.id.startsWith('ID:') && x.region && zone[x.region.code])) {
      expect(n.postedAt.slice(-6), n.region!.code).toBe(zone[n.region!.code]);
      seen.add(n.postedAt.slice(-6));
    }
    expect(seen.has('+07:00')).toBe(true);
  });

  it('knows the new Papua provinces by their corrected names and BPS codes', async () => {
    const answer = await stack.query<{ regions: Array<{ code: string; name: string }> }>(`{ regions(country: "ID") { code name } }`);
    expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
    expect(answer.data!.regions.find((r) => r.code === 'ID-PE')?.name).toBe('Papua Pegunungan');
  });
});
