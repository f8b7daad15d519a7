import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateData, startSimulator } from './src/index.js';
import type { KarirhubHit } from './src/native.js';
import { occupations } from './src/profile.js';
import type { RunningSimulator } from '../core/index.js';

/** Karirhub's native contract, quirks included, over HTTP. */
const KEYS = { 'x-algolia-api-key': 'sim-karirhub-key', 'x-algolia-application-id': 'KARIRHUB', 'content-type': 'application/json' };
const MAIN = 'karirhub_industrial_vacancies';
const INDEX = `${MAIN}_published_at_desc`;
const SEED = 11;
const SIZE = 600;
const data = generateData(SEED, SIZE);

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: SEED, size: SIZE, latencyMs: [0, 0], errorRate: 0 });
});
afterAll(async () => sim.close());

interface Answer {
  status: number;
  body: Record<string, unknown>;
}
const call = async (path: string, init: RequestInit = {}): Promise<Answer> => {
  const res = await fetch(`${sim.url}${path}`, { headers: KEYS, ...init });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};
const post = (path: string, body: unknown, headers: Record<string, string> = KEYS) => call(path, { method: 'POST', headers, body: JSON.stringify(body) });
const query = async (params: Record<string, unknown>, index = INDEX) => {
  const answer = await post(`/1/indexes/${index}/query`, { hitsPerPage: 1000, ...params });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body as { hits: KarirhubHit[]; nbHits: number };
};
const ids = (hits: KarirhubHit[]) => hits.map((h) => h.objectID);
const fold = (s: string | null) => (s ?? '').toLowerCase().trim();

describe('Karirhub simulator: the native contract', () => {
  it('answers Algolia-style: hits, page, nbPages, nbHits, processingTimeMS, query, params; the replica newest first', async () => {
    const { status, body } = await post(`/1/indexes/${INDEX}/query`, { hitsPerPage: 30, page: 1 });
    expect(status).toBe(200);
    expect(body).toMatchObject({ page: 1, hitsPerPage: 30, nbHits: data.hits.length, nbPages: Math.ceil(data.hits.length / 30), query: '', params: 'hitsPerPage=30&page=1' });
    expect(typeof body.processingTimeMS).toBe('number');
    const hits = body.hits as KarirhubHit[];
    expect(ids(hits)).toEqual(ids(data.hits.slice(30, 60)));
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.published_at).toBeGreaterThanOrEqual(hits[i]!.published_at);
    expect(Object.keys(hits[0]!)).toEqual(expect.arrayContaining([
      'objectID', 'id', 'job_id', 'title', 'company_name', 'city_name', 'province_name', 'industry_name', 'kbli_code', 'job_function_name',
      'kbji_code', 'skills', 'platform_link', 'published_at', 'expired_at', 'job_type', 'education_min', 'experience_min_years', 'age_range',
      'inclusive_workplace', 'salary_min', 'salary_max', 'salary_text', 'description',
    ]));
    expect(Number.isInteger(hits[0]!.published_at)).toBe(true);
    expect(hits[0]!.kbli_code).toMatch(/^\d{5}$/);
  });

  it('takes the same search as GET with query parameters and as the url-encoded `params` string', async () => {
    const byGet = await call(`/1/indexes/${INDEX}?hitsPerPage=5&facetFilters=${encodeURIComponent('[["job_type:Kontrak"]]')}`);
    const byParams = await post(`/1/indexes/${INDEX}/query`, { params: `hitsPerPage=5&filters=${encodeURIComponent('job_type:"Kontrak"')}` });
    expect(byGet.status).toBe(200);
    expect(ids(byGet.body.hits as KarirhubHit[])).toEqual(ids(byParams.body.hits as KarirhubHit[]));
    expect((byGet.body.hits as KarirhubHit[]).every((h) => h.job_type === 'Kontrak')).toBe(true);
  });

  it('ranks text matches in the main index by title relevance, and keeps the replica in recency order', async () => {
    const word = 'operator';
    const main = await query({ query: word }, MAIN);
    const replica = await query({ query: word });
    expect(main.nbHits).toBeGreaterThan(0);
    expect(new Set(ids(main.hits))).toEqual(new Set(ids(replica.hits)));
    const inTitle = (h: KarirhubHit) => fold(h.title).includes(word);
    const firstNotInTitle = main.hits.findIndex((h) => !inTitle(h));
    if (firstNotInTitle >= 0) expect(main.hits.slice(firstNotInTitle).some(inTitle)).toBe(false);
    for (let i = 1; i < replica.hits.length; i++) expect(replica.hits[i - 1]!.published_at).toBeGreaterThanOrEqual(replica.hits[i]!.published_at);
  });

  it('filters exactly like a scan of the data would: facets, OR groups, NOT, numbers, ranges, facetFilters', async () => {
    const province = data.hits[0]!.province_name.trim();
    const codes = data.hits.slice(3, 5).map((h) => h.kbji_code ?? '7212.01');
    const cases: Array<[Record<string, unknown>, (h: KarirhubHit) => boolean]> = [
      [{ filters: `province_name:"${province}"` }, (h) => fold(h.province_name) === fold(province)],
      [
        { filters: '(kbji_hierarchy.lvl0:"7" OR kbji_hierarchy.lvl0:"8") AND job_type:"Penuh Waktu"', numericFilters: ['salary_min>=3000000', 'published_at<=1795000000'] },
        (h) => /^[78]/.test(h.kbji_code ?? '') && h.job_type === 'Penuh Waktu' && (h.salary_min ?? -1) >= 3_000_000 && h.published_at <= 1_795_000_000,
      ],
      [{ filters: 'NOT job_type:"Penuh Waktu" AND salary_max < 6000000' }, (h) => h.job_type !== 'Penuh Waktu' && h.salary_max !== null && h.salary_max < 6_000_000],
      [{ filters: 'experience_min_years:1 TO 3 AND inclusive_workplace:true' }, (h) => h.experience_min_years >= 1 && h.experience_min_years <= 3 && h.inclusive_workplace],
      [{ facetFilters: [['education_min:SMK', 'education_min:SMA'], 'job_type:Kontrak'] }, (h) => ['SMK', 'SMA'].includes(h.education_min) && h.job_type === 'Kontrak'],
      [{ numericFilters: 'published_at>1794000000,published_at<=1795500000' }, (h) => h.published_at > 1_794_000_000 && h.published_at <= 1_795_500_000],
      [{ filters: `(kbji_code:"${codes[0]}" OR kbji_code:"${codes[1]}")` }, (h) => codes.includes(h.kbji_code ?? '')],
    ];
    for (const [params, expected] of cases) {
      const { hits, nbHits } = await query(params);
      const want = data.hits.filter(expected);
      expect(want.length, JSON.stringify(params)).toBeGreaterThan(0);
      expect(nbHits, JSON.stringify(params)).toBe(want.length);
      expect(ids(hits)).toEqual(ids(want));
    }
  });

  it('counts facet values as stored over all matches (Algolia `facets`), most frequent first', async () => {
    const res = await post(`/1/indexes/${INDEX}/query`, { hitsPerPage: 0, filters: 'job_type:"Penuh Waktu"', facets: ['province_name', 'job_type'], maxValuesPerFacet: 1000 });
    expect(res.status).toBe(200);
    const { facets, nbHits, hits } = res.body as { facets: Record<string, Record<string, number>>; nbHits: number; hits: unknown[] };
    const matching = data.hits.filter((h) => h.job_type === 'Penuh Waktu');
    expect(hits).toEqual([]);
    expect(facets.job_type).toEqual({ 'Penuh Waktu': matching.length });
    const byProvince = new Map<string, number>();
    for (const h of matching) byProvince.set(h.province_name, (byProvince.get(h.province_name) ?? 0) + 1);
    expect(facets.province_name).toEqual(Object.fromEntries(byProvince));
    expect(Object.values(facets.province_name!)).toEqual([...byProvince.values()].sort((a, b) => b - a));
    expect(nbHits).toBe(matching.length);
    expect((await post(`/1/indexes/${INDEX}/query`, { facets: ['salary_min'] })).status).toBe(400);
    expect((await post(`/1/indexes/${INDEX}/query`, { facets: '*', maxValuesPerFacet: 2 })).status).toBe(200);
  });

  it('fetches a batch of ids with getObjects (null for missing), answers multi-queries, and exports through browse with a cursor', async () => {
    const some = ids(data.hits.slice(0, 3));
    const objects = await post('/1/indexes/*/objects', { requests: [...some, 'missing'].map((objectID) => ({ indexName: INDEX, objectID })) });
    expect((objects.body.results as Array<KarirhubHit | null>).map((r) => r?.objectID ?? null)).toEqual([...some, null]);

    const multi = await post('/1/indexes/*/queries', { requests: [{ indexName: INDEX, hitsPerPage: 2 }, { indexName: MAIN, params: 'hitsPerPage=1' }] });
    expect((multi.body.results as Array<{ hits: unknown[]; index: string }>).map((r) => [r.index, r.hits.length])).toEqual([[INDEX, 2], [MAIN, 1]]);

    const exported: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await post(`/1/indexes/${INDEX}/browse`, { hitsPerPage: 250, ...(cursor ? { cursor } : {}) });
      exported.push(...ids(page.body.hits as KarirhubHit[]));
      cursor = page.body.cursor as string | undefined;
    } while (cursor);
    expect(exported).toEqual(ids(data.hits));
  });

  it('serves Skillhub BLK training with Indonesian dates, by page and by ids; its KBJI list; its OpenAPI without a key', async () => {
    const page = await call('/skillhub/v1/pelatihan?page=1&limit=5');
    const first = (page.body.data as Array<Record<string, unknown>>)[0]!;
    expect(first).toMatchObject({ lembaga: expect.stringMatching(/B(B)?PVP|BLK/), metode: expect.stringMatching(/^(luring|daring|blended)$/) });
    expect(first.tanggal_mulai).toMatch(/^\d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4}$/);
    const batch = await call(`/skillhub/v1/pelatihan/batch?ids=${first.id},PLT-999999`);
    expect((batch.body.data as unknown[]).length).toBe(1);
    const kbji = await call('/api/v1/kbji');
    expect((kbji.body.data as unknown[]).length).toBe(occupations.length);
    const openapi = await fetch(`${sim.url}/openapi.json`);
    expect(((await openapi.json()) as { openapi: string }).openapi).toMatch(/^3\./);
  });
});

describe('Karirhub simulator: the data', () => {
  it('has the dirt and quirks of the real portal', () => {
    const big = generateData(3, 4000).hits;
    const kbji2014 = new Set(occupations.map((o) => o.code));
    // Hidden wages, as text only.
    expect(big.some((h) => h.salary_min === null && h.salary_text === 'Gaji nego')).toBe(true);
    expect(big.some((h) => h.salary_min === null && h.salary_text === 'Gaji Kompetitif')).toBe(true);
    // Codes: mostly KBJI 2014; some KBJI 2002 (5 digits on ISCO-88), some missing.
    expect(big.filter((h) => h.kbji_code !== null && kbji2014.has(h.kbji_code)).length / big.length).toBeGreaterThan(0.95);
    expect(big.some((h) => h.kbji_code !== null && /^\d{5}$/.test(h.kbji_code))).toBe(true);
    expect(big.some((h) => h.kbji_code === null)).toBe(true);
    // Syndication: a partner copy points at a native original that has no platform_link.
    const byId = new Map(big.map((h) => [h.objectID, h]));
    const copies = big.filter((h) => h.original_object_id !== null);
    expect(copies.length).toBeGreaterThan(0);
    for (const copy of copies) {
      expect(copy.platform_link).toMatch(/^https:\/\/(hiredtoday|toploker|redy|glints)\./);
      expect(byId.get(copy.original_object_id!)?.platform_link).toBeNull();
    }
    // Manual-entry dirt and expired postings.
    expect(big.some((h) => h.province_name !== h.province_name.trim() || / {2}/.test(h.province_name) || h.province_name === h.province_name.toUpperCase())).toBe(true);
    expect(big.some((h) => h.expired_at - h.published_at < 21 * 86_400)).toBe(true);
    // Skills: English ESCO labels, sometimes free text typed in Indonesian.
    expect(big.some((h) => h.skills.some((s) => /^[a-z]/.test(s)))).toBe(true);
    expect(big.some((h) => h.skills.includes('Jujur dan disiplin') || h.skills.includes('Memiliki SIM A'))).toBe(true);
  });

  it('pays plausibly: managers far above elementary work, Jakarta above Central Java', () => {
    const big = generateData(3, 4000).hits.filter((h) => h.salary_min !== null && h.kbji_code && /^\d{4}\./.test(h.kbji_code));
    const median = (list: KarirhubHit[]) => list.map((h) => h.salary_min!).sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? 0;
    const managers = median(big.filter((h) => h.kbji_code!.startsWith('1')));
    const elementary = median(big.filter((h) => h.kbji_code!.startsWith('9')));
    expect(elementary).toBeGreaterThanOrEqual(2_000_000);
    expect(elementary).toBeLessThanOrEqual(5_000_000);
    expect(managers).toBeGreaterThanOrEqual(12_000_000);
    const jakarta = median(big.filter((h) => fold(h.province_name).replace(/\s+/g, ' ') === 'dki jakarta' && h.kbji_code!.startsWith('9')));
    const centralJava = median(big.filter((h) => fold(h.province_name).replace(/\s+/g, ' ') === 'jawa tengah' && h.kbji_code!.startsWith('9')));
    expect(jakarta).toBeGreaterThan(centralJava);
  });

  it('generates the same bytes from the same seed, and other bytes from another seed — over HTTP too', async () => {
    const bytes = (seed: number) => JSON.stringify([generateData(seed, 300).hits, generateData(seed, 300).courses]);
    expect(bytes(5)).toBe(bytes(5));
    expect(bytes(6)).not.toBe(bytes(5));
    const twin = await startSimulator({ port: 0, seed: SEED, size: SIZE, latencyMs: [0, 0], errorRate: 0 });
    try {
      const page = async (url: string) => (await fetch(`${url}/1/indexes/${INDEX}/browse`, { headers: KEYS })).text();
      expect(await page(twin.url)).toBe(await page(sim.url));
    } finally {
      await twin.close();
    }
  });

  // A long deadline: on a loaded machine the generation alone can outlast the default 30 s.
  it('generates 200k vacancies (speed is shown by npm run bench, not asserted here)', { timeout: 180_000 }, () => {
    const big = generateData(1, 200_000);
    expect(big.changes).toHaveLength(200_000);
    expect(big.hits).toHaveLength(big.changes.filter((h) => h.status === 'aktif').length);
  });

  it('can deliver broken partner records (no title) when asked, at the given rate', () => {
    const broken = generateData(2, 2000, 0.01).hits.filter((h) => h.title === null);
    expect(broken.length).toBeGreaterThan(5);
    expect(broken.length).toBeLessThan(60);
    expect(generateData(2, 2000).hits.some((h) => h.title === null)).toBe(false);
  });
});

describe('Karirhub simulator: refusals and faults, in Algolia`s error shape', () => {
  it('refuses bad keys, malformed filters, unknown indexes, bad paging and broken JSON — and keeps serving', async () => {
    expect(await post(`/1/indexes/${INDEX}/query`, {}, { ...KEYS, 'x-algolia-api-key': 'nope' })).toEqual({ status: 403, body: { message: 'Invalid Application-ID or API key', status: 403 } });
    expect((await post(`/1/indexes/${INDEX}/query`, {}, { 'x-algolia-api-key': 'sim-karirhub-key' })).status).toBe(403);
    for (const filters of ['salary:>>', 'province_name:"Aceh" OR job_type:"Magang"', 'unknown_attr:"x"', 'published_at >= soon', '(job_type:"Magang"', 'AND', 42]) {
      const bad = await post(`/1/indexes/${INDEX}/query`, { filters });
      expect(bad.status, String(filters)).toBe(400);
      expect(bad.body, String(filters)).toEqual({ message: expect.any(String), status: 400 });
    }
    expect((await post(`/1/indexes/${INDEX}/query`, { numericFilters: ['salary_min>>1'] })).status).toBe(400);
    expect((await post(`/1/indexes/${INDEX}/query`, { facetFilters: 'nope' })).status).toBe(400);
    expect(await post('/1/indexes/unknown/query', {})).toEqual({ status: 404, body: { message: 'Index unknown does not exist', status: 404 } });
    expect((await post(`/1/indexes/${INDEX}/query`, { hitsPerPage: 5000 })).status).toBe(400);
    expect((await post(`/1/indexes/${INDEX}/query`, { page: -1 })).status).toBe(400);
    expect((await post(`/1/indexes/${INDEX}/browse`, { cursor: 'not-a-cursor' })).status).toBe(400);
    expect((await post('/1/indexes/*/objects', { requests: [{ objectID: 7 }] })).status).toBe(400);
    expect((await post('/1/indexes/*/queries', { requests: [] })).status).toBe(400);
    expect((await call('/skillhub/v1/pelatihan?page=zero')).status).toBe(400);
    const broken = await fetch(`${sim.url}/1/indexes/${INDEX}/query`, { method: 'POST', headers: KEYS, body: '{"query":' });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { status: number }).status).toBe(400);
    expect(await call('/no/such/route')).toMatchObject({ status: 404, body: { status: 404 } });
    expect((await call(`/1/indexes/${INDEX}/query`)).status).toBe(405);
    expect((await query({ hitsPerPage: 1 })).hits).toHaveLength(1);
  });

  it('shows every fault: 503 at an error rate, 429 with Retry-After, reset connections, cut bodies, slow drip, latency', async () => {
    const faults = (body: unknown) => fetch(`${sim.url}/__sim/faults`, { method: 'POST', body: JSON.stringify(body) });
    const search = () => fetch(`${sim.url}/1/indexes/${INDEX}/query`, { method: 'POST', headers: KEYS, body: '{"hitsPerPage":20}' });
    try {
      await faults({ errorRate: 1 });
      const failed = await search();
      expect(failed.status).toBe(503);
      expect(await failed.json()).toEqual({ message: expect.any(String), status: 503 });
      await faults({ errorRate: 0, down: true });
      await expect(search()).rejects.toThrow();
      await faults({ down: false, malformed: true });
      await expect((await search()).json()).rejects.toThrow();
      await faults({ malformed: false, slowDripMs: 5 });
      const dripStart = Date.now();
      const dripped = await search();
      expect(((await dripped.json()) as { hits: unknown[] }).hits).toHaveLength(20);
      expect(Date.now() - dripStart).toBeGreaterThanOrEqual(50);
      await faults({ slowDripMs: 0, latencyMs: [120, 120] });
      const t0 = Date.now();
      await search();
      expect(Date.now() - t0).toBeGreaterThanOrEqual(110);
    } finally {
      await fetch(`${sim.url}/__sim/reset`, { method: 'POST' });
    }
    const limited = await startSimulator({ port: 0, seed: 1, size: 50, latencyMs: [0, 0], errorRate: 0, rateLimit: { perSecond: 1, burst: 1 } });
    try {
      const ask = () => fetch(`${limited.url}/1/indexes/${INDEX}/query`, { method: 'POST', headers: KEYS, body: '{}' });
      expect((await ask()).status).toBe(200);
      const refused = await ask();
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(await refused.json()).toEqual({ message: expect.any(String), status: 429 });
    } finally {
      await limited.close();
    }
  });

  it('counts requests by route for /__sim/stats, and zeroes them on reset', async () => {
    await fetch(`${sim.url}/__sim/reset`, { method: 'POST' });
    await query({ hitsPerPage: 1 });
    await post('/1/indexes/*/objects', { requests: [] });
    expect(await (await fetch(`${sim.url}/__sim/stats`)).json()).toEqual({ total: 2, byRoute: { getObjects: 1, search: 1 } });
    await fetch(`${sim.url}/__sim/reset`, { method: 'POST' });
    expect(sim.stats().total).toBe(0);
  });
});
