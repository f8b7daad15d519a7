import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../core/index.js';
import { generateData, startSimulator } from './src/index.js';

/** MYFutureJobs' native contract over HTTP: OAuth2, facets, bands, Spring errors. */
let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 5, size: 600, latencyMs: [0, 0], errorRate: 0, tokenTtlSeconds: 1 });
});
afterAll(async () => sim.close());

const token = async () => {
  const body = 'grant_type=client_credentials&client_id=lmis-gateway&client_secret=sim-myfuturejobs-secret';
  const res = await fetch(`${sim.url}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
  return ((await res.json()) as { access_token: string }).access_token;
};
const get = async (path: string, bearer: string) => {
  const res = await fetch(`${sim.url}${path}`, { headers: { authorization: `Bearer ${bearer}` } });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { results: Array<Record<string, unknown>> } };
};

describe('MYFutureJobs simulator', () => {
  it('issues client-credentials tokens that expire (401 invalid_token), and refuses bad clients', async () => {
    const t = await token();
    expect((await get('/api/jobs?limit=1', t)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1_100));
    expect(await get('/api/jobs?limit=1', t)).toMatchObject({ status: 401, body: { error: 'invalid_token' } });
    const bad = await fetch(`${sim.url}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials&client_id=x&client_secret=y' });
    expect(bad.status).toBe(401);
  });

  it('pages with offset/limit, newest first, camelCase fields and facet counts', async () => {
    const { body } = await get('/api/jobs?offset=20&limit=30', await token());
    expect(body).toMatchObject({ total: 600, offset: 20, limit: 30 });
    expect(body.results).toHaveLength(30);
    expect(Object.keys(body.results[0]!)).toEqual(expect.arrayContaining(['positionTitle', 'companyName', 'actualWages', 'contractType', 'mascoCode', 'salaryBand']));
    expect((body.facets as Record<string, unknown[]>).STATE!.length).toBeGreaterThan(3);
  });

  it('filters with FACET==value (MASCO prefix, STATE, CONTRACT_TYPE) and bounds', async () => {
    const t = await token();
    const { body } = await get('/api/jobs?limit=500&facets=MASCO==7,MASCO==8,CONTRACT_TYPE==1&minWage=1800', t);
    expect(body.results.length).toBeGreaterThan(0);
    expect(body.results.every((j) => /^[78]/.test(String(j.mascoCode)) && (j.contractType as { code: number }).code === 1 && (j.actualWages as { min: number }).min >= 1800)).toBe(true);
    expect(await get('/api/jobs?facets=COLOUR==blue', t)).toMatchObject({ status: 400, body: { status: 400, error: 'Bad Request' } });
    expect((await get('/api/jobs?limit=9999', t)).status).toBe(400);
  });

  it('has salary bands, state-name variants, outdated MASCO 2008 codes and re-listings', () => {
    const jobs = generateData(5, 2_000).jobs;
    expect(jobs.some((j) => j.actualWages === null)).toBe(true);
    expect(jobs.some((j) => /^[A-N]$/.test(j.salaryBand ?? ''))).toBe(true);
    expect(jobs.some((j) => j.location.state === 'Penang') && jobs.some((j) => j.location.state === 'Pulau Pinang')).toBe(true);
    expect(jobs.some((j) => j.mascoCode !== null && /^\d{4}$/.test(j.mascoCode))).toBe(true);
    expect(jobs.some((j) => j.sourceJobId !== null)).toBe(true);
  });

  it('fetches a batch of ids and answers 404 for an unknown one', async () => {
    const t = await token();
    const ids = generateData(5, 600).jobs.slice(0, 3).map((j) => j.id);
    expect((await get(`/api/jobs/batch?ids=${ids.join(',')},nope`, t)).body.results).toHaveLength(3);
    expect((await get('/api/jobs/nope', t)).status).toBe(404);
  });

  it('generates the same bytes from the same seed; 200k generate', () => {
    expect(JSON.stringify(generateData(9, 300).jobs)).toBe(JSON.stringify(generateData(9, 300).jobs));
    expect(generateData(1, 200_000).jobs).toHaveLength(200_000);
  });
});
