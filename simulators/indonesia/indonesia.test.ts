import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateData, startSimulator } from './src/index.js';
import type { RunningSimulator } from '../core/index.js';

/** Karirhub's native contract, quirks included, over HTTP. */
const KEYS = { 'x-algolia-api-key': 'sim-karirhub-key', 'x-algolia-application-id': 'KARIRHUB', 'content-type': 'application/json' };
const INDEX = 'karirhub_industrial_vacancies_published_at_desc';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 11, size: 600, latencyMs: [0, 0], errorRate: 0 });
});
afterAll(async () => sim.close());

const post = async (path: string, body: unknown, headers: Record<string, string> = KEYS) => {
  const res = await fetch(`${sim.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};
type Hit = Record<string, unknown> & { published_at: number; objectID: string };

describe('Karirhub simulator', () => {
  it('answers Algolia-style: hits, page, nbPages, nbHits; newest first; snake_case Indonesian fields', async () => {
    const { status, body } = await post(`/1/indexes/${INDEX}/query`, { hitsPerPage: 30, page: 1 });
    expect(status).toBe(200);
    expect(body).toMatchObject({ page: 1, hitsPerPage: 30, nbHits: 600, nbPages: 20 });
    const hits = body.hits as Hit[];
    expect(hits).toHaveLength(30);
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.published_at).toBeGreaterThanOrEqual(hits[i]!.published_at);
    expect(Object.keys(hits[0]!)).toEqual(expect.arrayContaining(['province_name', 'city_name', 'kbji_code', 'kbli_code', 'platform_link', 'salary_text', 'education_min']));
    expect(Number.isInteger(hits[0]!.published_at)).toBe(true);
  });

  it('has the dirt and quirks of the real portal: hidden wages, partner links, syndicated copies, odd codes', async () => {
    const all = generateData(11, 600).hits;
    expect(all.some((h) => h.salary_min === null && /nego|Kompetitif/.test(h.salary_text))).toBe(true);
    expect(all.some((h) => h.platform_link?.includes('glints') || h.platform_link?.includes('toploker'))).toBe(true);
    expect(all.some((h) => h.original_object_id !== null)).toBe(true);
    expect(all.some((h) => h.kbji_code === null || h.kbji_code.endsWith('.99'))).toBe(true);
    expect(all.every((h) => /^\d{4}\.\d{2}$/.test(h.kbji_code ?? '0000.00'))).toBe(true);
  });

  it('filters by facets (hierarchical KBJI, province) and numbers (published_at, salary_min)', async () => {
    const { body } = await post(`/1/indexes/${INDEX}/query`, {
      hitsPerPage: 1000,
      filters: '(kbji_hierarchy.lvl0:"7" OR kbji_hierarchy.lvl0:"8") AND job_type:"Penuh Waktu"',
      numericFilters: ['salary_min>=3000000', 'published_at<=1795000000'],
    });
    const hits = body.hits as Hit[];
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => /^[78]/.test(String(h.kbji_code)) && h.job_type === 'Penuh Waktu' && Number(h.salary_min) >= 3_000_000 && h.published_at <= 1_795_000_000)).toBe(true);
  });

  it('fetches a batch of ids (null for missing) and exports everything through browse', async () => {
    const some = (generateData(11, 600).hits.slice(0, 3)).map((h) => h.objectID);
    const { body } = await post('/1/indexes/*/objects', { requests: [...some, 'missing'].map((objectID) => ({ indexName: INDEX, objectID })) });
    expect((body.results as Array<Hit | null>).map((r) => r?.objectID ?? null)).toEqual([...some, null]);
    const browse = await (await fetch(`${sim.url}/1/indexes/${INDEX}/browse`, { headers: KEYS })).json();
    expect(browse.hits).toHaveLength(600);
    expect(browse.cursor).toBeUndefined();
  });

  it('refuses bad keys, bad filters, unknown indexes and broken JSON in Algolia`s error shape', async () => {
    expect(await post(`/1/indexes/${INDEX}/query`, {}, { ...KEYS, 'x-algolia-api-key': 'nope' })).toEqual({ status: 403, body: { message: 'Invalid Application-ID or API key', status: 403 } });
    const bad = await post(`/1/indexes/${INDEX}/query`, { filters: 'salary:>>' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/filters/);
    expect((await post('/1/indexes/unknown/query', {})).status).toBe(404);
    expect((await post(`/1/indexes/${INDEX}/query`, { hitsPerPage: 5000 })).status).toBe(400);
    const broken = await fetch(`${sim.url}/1/indexes/${INDEX}/query`, { method: 'POST', headers: KEYS, body: '{"query":' });
    expect(broken.status).toBe(400);
  });

  it('serves Skillhub BLK training with Indonesian dates, and its KBJI list', async () => {
    const res = await (await fetch(`${sim.url}/skillhub/v1/pelatihan?page=1&limit=5`, { headers: KEYS })).json();
    expect(res.data[0].tanggal_mulai).toMatch(/^\d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4}$/);
    const kbji = await (await fetch(`${sim.url}/api/v1/kbji`, { headers: KEYS })).json();
    expect(kbji.data.length).toBeGreaterThan(400);
  });

  it('generates the same bytes from the same seed, and other bytes from another seed', () => {
    expect(JSON.stringify(generateData(5, 300))).toBe(JSON.stringify(generateData(5, 300)));
    expect(JSON.stringify(generateData(6, 300))).not.toBe(JSON.stringify(generateData(5, 300)));
  });

  it('generates 200k vacancies (speed is shown by npm run bench, not asserted here)', () => {
    expect(generateData(1, 200_000).hits).toHaveLength(200_000);
  });
});
