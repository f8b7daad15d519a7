import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_ANCHOR_MS, type RunningSimulator } from '../core/index.js';
import { generateData, serveData, type MfjJob } from './src/index.js';
import { postedInstant } from './src/jobIndex.js';
import { SALARY_BANDS, bandOf } from './src/native.js';
import { readInChunks } from '../../test/harness/stream.js';

/** MYFutureJobs' native contract over HTTP: OAuth2 with expiring tokens, facets, bands, sort, Spring errors, faults. */
const SEED = 5;
const SIZE = 1_500;
const data = generateData(SEED, SIZE);
let sim: RunningSimulator;
beforeAll(async () => {
  sim = await serveData(data, { port: 0, seed: SEED, size: SIZE, latencyMs: [0, 0], errorRate: 0, tokenTtlSeconds: 1 });
});
afterAll(async () => sim.close());

type Body = Record<string, unknown> & { results: MfjJob[]; total: number; facets: Record<string, Array<{ value: string; count: number }>> };
const tokenAnswer = (form: string) => fetch(`${sim.url}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
const token = async () => ((await (await tokenAnswer('grant_type=client_credentials&client_id=lmis-gateway&client_secret=sim-myfuturejobs-secret')).json()) as { access_token: string }).access_token;
const get = async (path: string, bearer?: string) => {
  const res = await fetch(`${sim.url}${path}`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Body };
};
/** Searches with a fresh token (tokens here live one second). */
const search = async (query: string) => {
  const answer = await get(`/api/jobs?${query}`, await token());
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
};
const ids = (jobs: MfjJob[]) => jobs.map((j) => j.id);

describe('MYFutureJobs simulator: OAuth2 client credentials', () => {
  it('issues bearer tokens that expire with 401 invalid_token, and a new token works again', async () => {
    const res = await tokenAnswer('grant_type=client_credentials&client_id=lmis-gateway&client_secret=sim-myfuturejobs-secret');
    const issued = (await res.json()) as { access_token: string; token_type: string; expires_in: number };
    expect(issued).toMatchObject({ token_type: 'Bearer', expires_in: 1 });
    expect((await get('/api/jobs?limit=1', issued.access_token)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1_100));
    const stale = await get('/api/jobs?limit=1', issued.access_token);
    expect(stale).toMatchObject({ status: 401, body: { error: 'invalid_token', error_description: 'Access token expired' } });
    expect(stale.headers.get('www-authenticate')).toContain('invalid_token');
    expect((await get('/api/jobs?limit=1', await token())).status).toBe(200);
  });

  it('refuses missing and unknown tokens, bad clients and other grants in the OAuth shapes', async () => {
    expect(await get('/api/jobs')).toMatchObject({ status: 401, body: { error: 'invalid_token' } });
    expect(await get('/api/jobs', 'forged')).toMatchObject({ status: 401, body: { error: 'invalid_token', error_description: 'Invalid access token' } });
    const badClient = await tokenAnswer('grant_type=client_credentials&client_id=x&client_secret=y');
    expect([badClient.status, await badClient.json()]).toMatchObject([401, { error: 'invalid_client' }]);
    const badGrant = await tokenAnswer('grant_type=password&username=a');
    expect([badGrant.status, await badGrant.json()]).toMatchObject([400, { error: 'unsupported_grant_type' }]);
  });
});

describe('MYFutureJobs simulator: search', () => {
  it('pages with offset/limit, newest first (or oldest with sort), camelCase fields and facet counts', async () => {
    const body = await search('offset=20&limit=30');
    expect(body).toMatchObject({ total: data.jobs.length, offset: 20, limit: 30 });
    expect(ids(body.results)).toEqual(ids(data.jobs.slice(20, 50)));
    const instants = body.results.map(postedInstant);
    expect(instants).toEqual([...instants].sort((a, b) => b - a));
    expect(Object.keys(body.results[0]!)).toEqual(expect.arrayContaining(['id', 'positionTitle', 'positionTitleMs', 'companyName', 'location', 'actualWages', 'salaryBand', 'contractType', 'mascoCode', 'msicCode', 'educationLevel', 'skills', 'postedDate', 'closingDate', 'jobUrl']));
    for (const facet of ['STATE', 'CONTRACT_TYPE', 'SALARY', 'EDUCATION']) expect(body.facets[facet]!.reduce((n, r) => n + r.count, 0)).toBe(data.jobs.length);
    const oldest = await search('limit=5&sort=postedDate,asc');
    expect(ids(oldest.results)).toEqual(ids(data.jobs.slice(-5).reverse()));
  });

  it('answers every facet from its indexes exactly as a scan of the records would', async () => {
    const jobs = data.jobs;
    const someSkill = jobs.find((j) => j.skills[0]?.code)!.skills[0]!;
    const cases: Array<[string, (j: MfjJob) => boolean]> = [
      ['facets=STATE==penang', (j) => j.location.state === 'Penang'],
      ['facets=STATE==Selangor,STATE==WP%20Kuala%20Lumpur', (j) => ['Selangor', 'WP Kuala Lumpur'].includes(j.location.state)],
      ['facets=SALARY==F', (j) => j.salaryBand === 'F'],
      ['facets=EDUCATION==6,CONTRACT_TYPE==1', (j) => j.educationLevel.code === 6 && j.contractType.code === 1],
      ['facets=MASCO==2512', (j) => (j.mascoCode ?? '').startsWith('2512')],
      ['facets=MASCO==7,MASCO==8,CONTRACT_TYPE==2&minWage=1800', (j) => /^[78]/.test(j.mascoCode ?? '') && j.contractType.code === 2 && (j.actualWages?.min ?? 0) >= 1800],
      [`facets=SKILL==${encodeURIComponent(someSkill.code!)}`, (j) => j.skills.some((s) => s.code === someSkill.code)],
      [`facets=SKILL==${encodeURIComponent(someSkill.name)}`, (j) => j.skills.some((s) => s.name.toLowerCase() === someSkill.name.toLowerCase())],
      ['facets=RECENCY==2WEEKSAGO', (j) => postedInstant(j) >= data.now() - 14 * 86_400_000],
      [`postedBefore=${encodeURIComponent(jobs[100]!.postedDate)}&keywords=sdn`, (j) => postedInstant(j) <= postedInstant(jobs[100]!) && /sdn/i.test(`${j.positionTitle} ${j.positionTitleMs} ${j.companyName}`)],
    ];
    for (const [query, test] of cases) {
      const expected = jobs.filter(test);
      const body = await search(`${query}&limit=500`);
      expect(body.total, query).toBe(expected.length);
      expect(ids(body.results), query).toEqual(ids(expected.slice(0, 500)));
    }
  });

  it('pins the salary band table: band = the band of the minimum monthly wage', async () => {
    const body = await search('facets=SALARY==F&limit=500');
    expect(body.results.length).toBeGreaterThan(0);
    expect(body.results.every((j) => j.actualWages!.min >= 3_500 && j.actualWages!.min < 4_000)).toBe(true);
    expect(SALARY_BANDS.map(([band]) => band).join('')).toBe('ABCDEFGHIJKLMN');
    expect([1_499, 1_500, 1_700, 3_999, 4_000, 19_999, 20_000, 55_000].map(bandOf)).toEqual(['A', 'B', 'B', 'F', 'G', 'M', 'N', 'N']);
  });

  it('fetches a batch of ids (missing ones omitted), one job by its 32-hex id, 404 for an unknown one', async () => {
    const t = await token();
    const wanted = ids(data.jobs.slice(0, 3));
    expect(ids((await get(`/api/jobs/batch?ids=${wanted.join(',')},${'f'.repeat(32)}`, t)).body.results).sort()).toEqual([...wanted].sort());
    expect((await get(`/api/jobs/${wanted[0]}`, t)).body).toMatchObject({ id: wanted[0] });
    expect(await get(`/api/jobs/${'0'.repeat(32)}`, t)).toMatchObject({ status: 404, body: { status: 404, error: 'Not Found' } });
  });

  it('serves TVET programmes with filters and batches, its MASCO list and its OpenAPI description', async () => {
    const t = await token();
    const all = (await get('/api/training-programmes?limit=500', t)).body;
    expect(all.total).toBe(data.programmes.length);
    const p = data.programmes[0]!;
    const filtered = (await get(`/api/training-programmes?limit=500&state=${encodeURIComponent(p.state)}&masco=${p.mascoCode.slice(0, 2)}`, t)).body.results as unknown as typeof data.programmes;
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.every((x) => x.state === p.state && x.mascoCode.startsWith(p.mascoCode.slice(0, 2)))).toBe(true);
    expect((await get(`/api/training-programmes/batch?ids=${p.programmeId},TVET-99999`, t)).body.results).toEqual([p]);
    const masco = (await get('/api/reference/masco', t)).body.results as unknown as Array<{ code: string }>;
    expect(masco.some((o) => o.code === '2512-01')).toBe(true);
    const openapi = (await (await fetch(`${sim.url}/openapi.json`)).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(openapi.openapi).toMatch(/^3\./);
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/oauth/token', '/api/jobs', '/api/jobs/batch', '/api/jobs/{id}', '/api/training-programmes', '/api/reference/masco']));
  });
});

describe('MYFutureJobs simulator: malformed requests and faults', () => {
  it('answers malformed requests in the Spring error shape, naming the path, and keeps serving', async () => {
    const t = await token();
    const bad = [
      '/api/jobs?facets=COLOUR==blue',
      '/api/jobs?facets=STATE=Selangor',
      '/api/jobs?facets=RECENCY==YESTERYEAR',
      '/api/jobs?facets=STATE%3D%3D%25E0%25A4%25A',
      '/api/jobs?limit=9999',
      '/api/jobs?limit=0',
      '/api/jobs?offset=-1',
      '/api/jobs?offset=abc',
      '/api/jobs?postedBefore=kelmarin',
      '/api/jobs?minWage=banyak',
      '/api/jobs?sort=salary,desc',
      '/api/jobs/batch',
      `/api/jobs/batch?ids=${Array.from({ length: 101 }, (_, i) => i).join(',')}`,
      '/api/jobs/not-a-job-id',
    ];
    for (const path of bad) {
      const answer = await get(path, t);
      expect(answer.status, path).toBe(400);
      expect(answer.body, path).toMatchObject({ status: 400, error: 'Bad Request', path: path.split('?')[0], message: expect.any(String), timestamp: expect.any(String) });
    }
    expect(await get('/api/nothing-here', t)).toMatchObject({ status: 404, body: { status: 404, error: 'Not Found' } });
    expect((await fetch(`${sim.url}/api/jobs`, { method: 'POST', headers: { authorization: `Bearer ${t}` } })).status).toBe(405);
    expect((await get('/api/jobs?limit=1', t)).status).toBe(200);
  });

  it('changes behaviour under every fault, and recovers on reset', async () => {
    const faults = (body: unknown) => fetch(`${sim.url}/__sim/faults`, { method: 'POST', body: JSON.stringify(body) });
    const t = await token();
    try {
      await faults({ down: true });
      await expect(fetch(`${sim.url}/api/jobs?limit=1`, { headers: { authorization: `Bearer ${t}` } })).rejects.toThrow();
      await faults({ down: false, malformed: true });
      await expect((await fetch(`${sim.url}/api/jobs?limit=1`, { headers: { authorization: `Bearer ${t}` } })).json()).rejects.toThrow();
      await faults({ malformed: false, errorRate: 1 });
      expect(await get('/api/jobs?limit=1', t)).toMatchObject({ status: 503, body: { status: 503, error: 'Service Unavailable' } });
      await faults({ errorRate: 0, slowDripMs: 1 });
      const dripped = await fetch(`${sim.url}/api/jobs?limit=5`, { headers: { authorization: `Bearer ${t}` } });
      const { chunks, text } = await readInChunks(dripped.body!);
      expect(chunks).toBeGreaterThan(1);
      expect((JSON.parse(text) as Body).results).toHaveLength(5);
      await faults({ slowDripMs: 0, latencyMs: [400, 400] });
      await expect(fetch(`${sim.url}/api/jobs?limit=1`, { headers: { authorization: `Bearer ${t}` }, signal: AbortSignal.timeout(100) })).rejects.toThrow();
    } finally {
      await fetch(`${sim.url}/__sim/reset`, { method: 'POST' });
    }
    expect((await get('/api/jobs?limit=1', await token())).status).toBe(200);
  });

  it('counts requests by route, the token endpoint apart', async () => {
    await fetch(`${sim.url}/__sim/reset`, { method: 'POST' });
    const t = await token();
    await get('/api/jobs?limit=1', t);
    await get(`/api/jobs/batch?ids=${data.jobs[0]!.id}`, t);
    expect(sim.stats()).toEqual({ total: 3, byRoute: { batch: 1, search: 1, token: 1 } });
  });
});

describe('MYFutureJobs simulator: generated data', () => {
  it('carries the quirks of the real portal at low rates', () => {
    const jobs = generateData(5, 3_000).jobs;
    const share = (test: (j: MfjJob) => boolean) => jobs.filter(test).length / jobs.length;
    expect(share((j) => j.actualWages === null)).toBeGreaterThan(0.1);
    expect(share((j) => j.actualWages === null && j.salaryBand === 'NEGO')).toBeGreaterThan(0.03);
    expect(jobs.every((j) => j.actualWages === null || j.salaryBand === bandOf(j.actualWages.min))).toBe(true);
    expect(jobs.every((j) => j.actualWages === null || j.actualWages.min >= 1_700)).toBe(true);
    expect(share((j) => j.location.state === 'Penang') > 0 && share((j) => j.location.state === 'Pulau Pinang') > 0).toBe(true);
    expect(share((j) => j.mascoCode !== null && /^\d{4}-\d{2}$/.test(j.mascoCode))).toBeGreaterThan(0.9);
    expect(share((j) => j.mascoCode !== null && /^\d{4}$/.test(j.mascoCode))).toBeGreaterThan(0);
    expect(share((j) => j.mascoCode === null)).toBeGreaterThan(0);
    expect(share((j) => j.sourceJobId !== null)).toBeLessThan(0.05);
    expect(share((j) => j.sourceJobId !== null)).toBeGreaterThan(0);
    expect(share((j) => /^\d{4}-\d{2}-\d{2}$/.test(j.postedDate))).toBeGreaterThan(0);
    expect(share((j) => j.postedDate.endsWith('+08:00'))).toBeGreaterThan(0.9);
    expect(share((j) => Date.parse(`${j.closingDate}T23:59:59+08:00`) < DATA_ANCHOR_MS)).toBeGreaterThan(0);
    expect(share((j) => j.positionTitle === j.positionTitleMs)).toBeGreaterThan(0.2);
    expect(share((j) => j.positionTitle !== j.positionTitle.trim() || /\s{2}/.test(j.positionTitle))).toBeGreaterThan(0);
    expect(share((j) => j.skills.some((s) => s.code === null))).toBeGreaterThan(0);
    expect(share((j) => /Sdn\. Bhd\.|Berhad|Enterprise/.test(j.companyName))).toBeGreaterThan(0.5);
    expect(jobs.every((j) => /^[0-9a-f]{32}$/.test(j.id) && /^\d{5}$/.test(j.msicCode))).toBe(true);
    const programmes = generateData(5, 3_000).programmes;
    expect(programmes.filter((p) => p.feeMyr === 0).length / programmes.length).toBeGreaterThan(0.5);
    expect(new Set(programmes.map((p) => p.mode))).toEqual(new Set(['FIZIKAL', 'DALAM TALIAN', 'HIBRID']));
  });

  it('generates the same bytes from the same seed, other bytes from another; 200k generate', () => {
    const bytes = (seed: number) => JSON.stringify((({ jobs, programmes }) => [jobs, programmes])(generateData(seed, 300)));
    expect(bytes(9)).toBe(bytes(9));
    expect(bytes(9)).not.toBe(bytes(10));
    const big = generateData(1, 200_000);
    expect(big.changes).toHaveLength(200_000);
    expect(big.jobs).toHaveLength(big.changes.filter((j) => j.status === 'ACTIVE').length);
  });
});
