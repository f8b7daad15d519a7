import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type TestStack } from '../../test/harness/stack.js';

/**
 * Indonesia's provinces: the 2022 Papua provinces through the gateway, and Karirhub's own
 * province spellings — typed by hand, doubled spaces and all, which the region filter (tested
 * for every country in test/e2e/filterAgreement.test.ts) must still find.
 */
describe('Indonesian provinces', () => {
  let stack: TestStack;
  beforeAll(async () => {
    // The seed and size filterAgreement reads the same data with.
    stack = await startStack({ subgraphs: ['taxonomy'], simulators: ['indonesia'], simulator: { size: 400, seed: 3 } });
  });
  afterAll(async () => stack?.stop());

  it('knows the new Papua provinces by their corrected names and BPS codes', async () => {
    const answer = await stack.query<{ regions: Array<{ code: string; name: string }> }>(`{ regions(country: "ID") { code name } }`);
    expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
    expect(answer.data!.regions.find((r) => r.code === 'ID-PE')?.name).toBe('Papua Pegunungan');
  });

  it('has provinces typed with doubled spaces in the native data', async () => {
    const res = await fetch(`${stack.simulatorUrls.indonesia}/1/indexes/karirhub_industrial_vacancies/query`, {
      method: 'POST',
      headers: { 'x-algolia-api-key': 'sim-karirhub-key', 'x-algolia-application-id': 'KARIRHUB', 'content-type': 'application/json' },
      body: JSON.stringify({ hitsPerPage: 0, facets: ['province_name'], maxValuesPerFacet: 1000 }),
    });
    const { facets } = (await res.json()) as { facets: { province_name: Record<string, number> } };
    expect(Object.keys(facets.province_name).filter((name) => /\S\s{2,}\S/.test(name)).length).toBeGreaterThan(0);
  });
});
