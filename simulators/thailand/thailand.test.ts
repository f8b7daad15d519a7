import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../core/index.js';
import { generateData, startSimulator } from './src/index.js';

/** Thai Mee Ngan Tham's native contract over HTTP: DataTables form posts, BE dates, XML courses. */
let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 3, size: 600, latencyMs: [0, 0], errorRate: 0 });
});
afterAll(async () => sim.close());

const AUTH = { authorization: 'Bearer sim-doe-token' };
const list = async (form: Record<string, string>, headers: Record<string, string> = AUTH) => {
  const res = await fetch(`${sim.url}/api-server/JobAll/ajax_list_job`, { method: 'POST', headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { data: Array<Record<string, unknown>> } };
};

describe('Thai Mee Ngan Tham simulator', () => {
  it('pages DataTables-style (draw, start, length, recordsTotal, recordsFiltered) with BE dates and the misspelt anounce_date', async () => {
    const { status, body } = await list({ draw: '7', start: '10', length: '25' });
    expect(status).toBe(200);
    expect(body).toMatchObject({ draw: 7, recordsTotal: 600, recordsFiltered: 600 });
    expect(body.data).toHaveLength(25);
    const first = body.data[0]!;
    expect(first.anounce_date).toMatch(/^\d{2}\/\d{2}\/25\d{2} \d{2}:\d{2}$/);
    expect(Object.keys(first)).toEqual(expect.arrayContaining(['position', 'employer_name', 'wage_min', 'wage_max', 'salary_detail', 'province_id']));
    expect((await list({ length: '-1' })).body.data).toHaveLength(600);
  });

  it('has daily wages, hidden wages, syndicated copies and odd codes', () => {
    const jobs = generateData(3, 600).jobs;
    expect(jobs.some((j) => j.wage_type === 'รายวัน' && (j.wage_min ?? 0) >= 300 && (j.wage_min ?? 0) < 1_000)).toBe(true);
    expect(jobs.some((j) => j.wage_min === null && /ตามตกลง|ตามโครงสร้าง/.test(j.salary_detail))).toBe(true);
    expect(jobs.some((j) => j.job_from === 'hundredbillion' && j.ref_job_id !== null)).toBe(true);
    expect(jobs.some((j) => j.occupation_code === null || j.occupation_code.endsWith('99'))).toBe(true);
  });

  it('filters by its own province ids, DOE code prefixes and BE announce dates', async () => {
    const provinces = (await (await fetch(`${sim.url}/api/province`, { headers: AUTH })).json()) as { data: Array<{ province_id: number; province_name: string }> };
    expect(provinces.data[0]).toEqual({ province_id: 1, province_name: 'กรุงเทพมหานคร' });
    const { body } = await list({ length: '-1', 'criteria[province_id]': '1', 'criteria[occupation_code]': '5,9' });
    expect(body.data.length).toBeGreaterThan(0);
    expect(body.data.every((j) => j.province_id === 1 && /^[59]/.test(String(j.occupation_code)))).toBe(true);
    const before = await list({ length: '-1', 'criteria[announce_before]': '01/10/2569 00:00' });
    expect(before.body.recordsFiltered).toBeLessThan(600);
  });

  it('serves DSD courses as legacy XML, with XML errors', async () => {
    const res = await fetch(`${sim.url}/dsd/ws/courses.xml?per_page=3`, { headers: AUTH });
    expect(res.headers.get('content-type')).toMatch(/xml/);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(await res.text());
    expect(doc.courses.course).toHaveLength(3);
    expect(doc.courses.course[0].start_date).toMatch(/^\d{2}\/\d{2}\/25\d{2}$/);
    const refused = await fetch(`${sim.url}/dsd/ws/courses.xml`);
    expect(refused.status).toBe(401);
    expect(await refused.text()).toContain('<error><code>AUTH</code>');
    expect((await fetch(`${sim.url}/dsd/ws/courses.xml?per_page=9999`, { headers: AUTH })).status).toBe(400);
  });

  it('refuses bad tokens and malformed criteria in its own shape', async () => {
    expect(await list({}, { authorization: 'Bearer nope' })).toMatchObject({ status: 401, body: { status: false, data: null } });
    expect(await list({ length: 'lots' })).toMatchObject({ status: 400, body: { status: false } });
    expect((await list({ 'criteria[announce_before]': '2026-01-01' })).status).toBe(400);
  });

  it('generates the same bytes from the same seed; 200k generate', () => {
    expect(JSON.stringify(generateData(9, 300).jobs)).toBe(JSON.stringify(generateData(9, 300).jobs));
    expect(generateData(1, 200_000).jobs).toHaveLength(200_000);
  });
});
