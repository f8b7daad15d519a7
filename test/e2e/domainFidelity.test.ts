import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countries, countryReferences, minimumWages, regionsOfCountry, utcOffsetOf, wageConversion, type ConvertiblePeriod } from '../../reference/index.js';
import { everySubgraph } from '../harness/countries.js';
import { startStack, type TestStack } from '../harness/stack.js';

/**
 * Issue 11 through the gateway, for every registered country: what a labour-market statistician
 * checks — legal wage floors, the stated wage conversion, outdated codes, local time. Each
 * country's own cases (its code list, its zones, its regions) are tested in its folder.
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

/** The country of a posting: its global id's prefix (`ID:…`). */
const countryOf = (n: Node) => n.id.slice(0, n.id.indexOf(':'));

/** A UTC offset in hours as ISO 8601 writes it: 7 → "+07:00", -3.5 → "-03:30". */
function isoOffset(hours: number): string {
  const minutes = Math.round(Math.abs(hours) * 60);
  return `${hours < 0 ? '-' : '+'}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

describe('domain fidelity through the gateway', () => {
  let stack: TestStack;
  const nodes: Node[] = [];
  beforeAll(async () => {
    stack = await startStack({ subgraphs: everySubgraph(), simulator: { size: 1200 }, responseCacheTtlSeconds: 0 });
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

  it('no disclosed wage is below the legal floor of its region, and every amount states its conversion', () => {
    const floors = provincialFloors();
    const paid = nodes.filter((n) => n.salary?.monthlyAmount != null && n.region);
    expect(paid.length).toBeGreaterThan(300);
    for (const n of paid) {
      const floor = floors.get(n.region!.code) ?? floors.get(countryOf(n)) ?? 0;
      expect(floor, n.region!.code).toBeGreaterThan(0);
      expect(n.salary!.monthlyAmount!, `${n.id} in ${n.region!.code}`).toBeGreaterThanOrEqual(Math.floor(floor));
      expect(n.salary!.conversion!.from).toBe(n.salary!.period);
    }
  });

  it('states for every amount its country\'s legal conversion rule (day, hour and month wages all seen)', () => {
    const paid = nodes.filter((n) => n.salary?.conversion);
    for (const period of ['DAY', 'HOUR', 'MONTH']) expect(paid.some((n) => n.salary!.period === period), period).toBe(true);
    for (const n of paid) {
      const rule = wageConversion(countryOf(n), n.salary!.period as ConvertiblePeriod, n.postedAt.slice(0, 10));
      expect(n.salary!.conversion, `${n.id} ${n.salary!.period}`).toEqual({ factor: rule.factor, from: n.salary!.period, fullTimeEquivalent: rule.fullTimeEquivalent, effective: rule.effective });
    }
    expect(paid.find((n) => n.salary!.period === 'MONTH')?.salary?.conversion).toMatchObject({ factor: 1, fullTimeEquivalent: false });
    expect(paid.find((n) => n.salary!.period === 'DAY')?.salary?.conversion?.fullTimeEquivalent).toBe(true);
  });

  it('maps outdated codes that correspond wholly, flagged with an edition their country declares', () => {
    const editions = new Map(countryReferences().map((r) => [r.country.code, r.country.occupationSystem.outdated.map((e) => e.edition)]));
    const outdated = nodes.filter((n) => n.nationalOccupationCode?.mappedFromOutdated);
    expect(outdated.length).toBeGreaterThan(0);
    for (const n of outdated) {
      expect(n.nationalOccupationCode!.mapped).toBe(true);
      expect(editions.get(countryOf(n)), n.id).toContain(n.nationalOccupationCode!.edition);
      expect(n.occupation?.iscoCode).toMatch(/^\d{4}$/);
    }
  });

  it('shows every posting in its region\'s legal time, and a country of several zones in more than one', () => {
    for (const n of nodes) expect(n.postedAt.slice(-6), `${n.id} in ${n.region?.code ?? 'no region'}`).toBe(isoOffset(utcOffsetOf(countryOf(n), n.region?.code)));
    for (const { code } of countries()) {
      const zones = new Set(regionsOfCountry(code).map((r) => utcOffsetOf(code, r.code)));
      const shown = new Set(nodes.filter((n) => countryOf(n) === code).map((n) => n.postedAt.slice(-6)));
      expect(shown.size, code).toBeGreaterThan(zones.size > 1 ? 1 : 0);
    }
  });
});
