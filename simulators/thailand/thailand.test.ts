import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_ANCHOR_MS, type RunningSimulator } from '../core/index.js';
import { generateData, serveData, type DoeJob } from './src/index.js';
import { parseBeDateTime } from './src/native.js';
import { readInChunks } from '../../test/harness/stream.js';

/** Thai Mee Ngan Tham's native contract over HTTP: DataTables form posts, BE dates, daily wages, XML courses, legacy errors, faults. */
const SEED = 3;
const SIZE = 1_500;
const data = generateData(SEED, SIZE);
let sim: RunningSimulator;
beforeAll(async () => {
  sim = await serveData(data, { port: 0, seed: SEED, size: SIZE, latencyMs: [0, 0], errorRate: 0 });
});
afterAll(async () => sim.close());

const AUTH = { authorization: 'Bearer sim-doe-token' };
type Body = { draw?: number; recordsTotal?: number; recordsFiltered?: number; status?: boolean; message?: string; data: DoeJob[] };
const post = async (path: string, form: Record<string, string>, headers: Record<string, string> = AUTH) => {
  const res = await fetch(`${sim.url}${path}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });
  return { status: res.status, body: (await res.json()) as Body };
};
const list = (form: Record<string, string>, headers?: Record<string, string>) => post('/api-server/JobAll/ajax_list_job', form, headers);
const getXml = async (path: string, headers: Record<string, string> = AUTH) => {
  const res = await fetch(`${sim.url}${path}`, { headers });
  return { status: res.status, type: res.headers.get('content-type'), doc: new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (n) => n === 'course' }).parse(await res.text()) as Record<string, Record<string, unknown>> };
};
const ids = (jobs: DoeJob[]) => jobs.map((j) => j.job_id);
const at = (job: DoeJob) => parseBeDateTime(job.anounce_date)!;

describe('Thai Mee Ngan Tham simulator: the DataTables job list', () => {
  it('pages with draw/start/length, newest first, the platform fields, BE dates and the misspelt anounce_date', async () => {
    const { status, body } = await list({ draw: '7', start: '10', length: '25' });
    expect(status).toBe(200);
    expect(body).toMatchObject({ draw: 7, recordsTotal: data.jobs.length, recordsFiltered: data.jobs.length });
    expect(ids(body.data)).toEqual(ids(data.jobs.slice(10, 35)));
    const instants = body.data.map(at);
    expect(instants).toEqual([...instants].sort((a, b) => b - a));
    expect(body.data[0]!.anounce_date).toMatch(/^\d{2}\/\d{2}\/25\d{2} \d{2}:\d{2}$/);
    expect(Object.keys(body.data[0]!)).toEqual(
      expect.arrayContaining(['job_id', 'job_from', 'position', 'employer_name', 'district_name', 'province_id', 'province_name', 'occupation_code', 'tsic_code', 'wage_min', 'wage_max', 'wage_type', 'salary_detail', 'description', 'contract_type_name', 'job_type', 'job_type_name', 'degree_name', 'anounce_date', 'expire_date', 'skills']),
    );
    expect((await list({ length: '-1' })).body.data).toHaveLength(data.jobs.length);
    expect((await list({ start: String(data.jobs.length - 10), length: '100' })).body.data).toHaveLength(10);
  });

  it('answers every criterion from its indexes exactly as a scan of the records would', async () => {
    const provinces = (await (await fetch(`${sim.url}/api/province`, { headers: AUTH })).json()) as { data: Array<{ province_id: number; province_name: string }> };
    expect(provinces.data[0]).toEqual({ province_id: 1, province_name: 'กรุงเทพมหานคร' });
    const songkhla = provinces.data.find((p) => p.province_name === 'สงขลา')!.province_id;
    expect(songkhla).not.toBe(90);
    const jobs = data.jobs;
    const skill = jobs.find((j) => j.skills?.length)!.skills![0]!;
    const keyset = jobs[200]!;
    const monthly = (j: DoeJob) => (j.wage_min ? j.wage_min * (j.wage_type === 'รายวัน' ? 26 : j.wage_type === 'รายชั่วโมง' ? 208 : 1) : -1);
    const cases: Array<[Record<string, string>, (j: DoeJob) => boolean]> = [
      [{ 'criteria[province_id]': `1,${songkhla}` }, (j) => j.province_name === 'กรุงเทพมหานคร' || j.province_name === 'สงขลา'],
      [{ 'criteria[occupation_code]': '72,91' }, (j) => /^(72|91)/.test(j.occupation_code ?? '')],
      [{ 'criteria[occupation_code]': '5', 'criteria[job_type]': '1' }, (j) => (j.occupation_code ?? '').startsWith('5') && j.job_type === 1],
      [{ 'criteria[degree_name]': 'ปวช.,ปวส.' }, (j) => ['ปวช.', 'ปวส.'].includes(j.degree_name)],
      [{ 'criteria[skill]': skill }, (j) => (j.skills ?? []).some((s) => s.toLowerCase() === skill.toLowerCase())],
      [{ 'criteria[announce_before]': keyset.anounce_date }, (j) => at(j) <= at(keyset)],
      [{ 'criteria[announce_since]': keyset.anounce_date, 'criteria[wage_min]': '15000' }, (j) => at(j) >= at(keyset) && monthly(j) >= 15_000],
      [{ 'search[value]': 'จำกัด' }, (j) => `${j.position} ${j.employer_name}`.includes('จำกัด')],
    ];
    for (const [form, test] of cases) {
      const expected = jobs.filter(test);
      const { body } = await list({ ...form, length: '-1' });
      expect(body.recordsFiltered, JSON.stringify(form)).toBe(expected.length);
      expect(ids(body.data), JSON.stringify(form)).toEqual(ids(expected));
    }
  });

  it('orders by a DataTables column (columns[n][data] or the page default), newest first otherwise', async () => {
    const byWage = (await list({ length: '-1', 'order[0][column]': '4', 'order[0][dir]': 'desc', 'criteria[occupation_code]': '1' })).body.data;
    const wages = byWage.map((j) => (j.wage_min ? j.wage_min * (j.wage_type === 'รายวัน' ? 26 : j.wage_type === 'รายชั่วโมง' ? 208 : 1) : -1));
    expect(wages).toEqual([...wages].sort((a, b) => b - a));
    const oldest = (await list({ length: '3', 'columns[0][data]': 'anounce_date', 'order[0][column]': '0', 'order[0][dir]': 'asc' })).body.data;
    expect(ids(oldest)).toEqual(ids(data.jobs.slice(-3).reverse()));
  });

  it('fetches a batch of ids, leaving unknown ones out', async () => {
    const wanted = ids(data.jobs.slice(0, 3));
    const { body } = await post('/api-server/JobAll/ajax_job_by_ids', { job_ids: `${wanted.join(',')},999999` });
    expect(body.status).toBe(true);
    expect(ids(body.data).sort()).toEqual([...wanted].sort());
  });

  it('serves its reference lists and its OpenAPI description', async () => {
    const types = (await (await fetch(`${sim.url}/api/job/type`, { headers: AUTH })).json()) as { data: Array<{ value: number; name: string }> };
    expect(types.data).toContainEqual({ value: 1, name: 'งานประจำ' });
    const codes = (await (await fetch(`${sim.url}/api/occupation`, { headers: AUTH })).json()) as { data: Array<{ occupation_code: string }> };
    expect(codes.data.length).toBeGreaterThan(500);
    expect(codes.data.every((o) => /^\d{6}$/.test(o.occupation_code))).toBe(true);
    const openapi = (await (await fetch(`${sim.url}/openapi.json`)).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(openapi.openapi).toMatch(/^3\./);
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/api-server/JobAll/ajax_list_job', '/api-server/JobAll/ajax_job_by_ids', '/api/province', '/api/job/type', '/api/occupation', '/dsd/ws/courses.xml', '/dsd/ws/courses_by_ids.xml']));
  });
});

describe('Thai Mee Ngan Tham simulator: DSD courses in legacy XML', () => {
  it('pages courses as XML with BE start dates, filtered by the platform province id and an ISCO-88 prefix', async () => {
    const page = await getXml('/dsd/ws/courses.xml?per_page=3&page=2');
    expect(page.type).toMatch(/application\/xml/);
    expect(page.doc.courses).toMatchObject({ total: String(data.courses.length), page: '2' });
    const course = (page.doc.courses!.course as Array<Record<string, unknown>>)[0]!;
    expect(course.id).toBe(data.courses[3]!.id);
    expect(String(course.start_date)).toMatch(/^\d{2}\/\d{2}\/25\d{2}$/);
    expect(String(course.institute)).toMatch(/^(สถาบันพัฒนาฝีมือแรงงาน \d+ |สำนักงานพัฒนาฝีมือแรงงาน)/);
    const c = data.courses[0]!;
    const filtered = await getXml(`/dsd/ws/courses.xml?per_page=500&province_id=${c.province_id}&isco=${c.occupation_code.slice(0, 2)}`);
    const expected = data.courses.filter((x) => x.province_id === c.province_id && x.occupation_code.startsWith(c.occupation_code.slice(0, 2)));
    expect((filtered.doc.courses!.course as Array<{ id: string }>).map((x) => x.id)).toEqual(expected.map((x) => x.id));
    const byIds = await getXml(`/dsd/ws/courses_by_ids.xml?ids=${c.id},DSD999999`);
    expect((byIds.doc.courses!.course as Array<{ id: string }>).map((x) => x.id)).toEqual([c.id]);
  });

  it('refuses in its own XML error shape', async () => {
    const cases: Array<[string, Record<string, string>, number, string]> = [
      ['/dsd/ws/courses.xml', {}, 401, 'AUTH'],
      ['/dsd/ws/courses.xml?per_page=9999', AUTH, 400, 'BAD_REQUEST'],
      ['/dsd/ws/courses.xml?page=zero', AUTH, 400, 'BAD_REQUEST'],
      ['/dsd/ws/courses.xml?isco=7x', AUTH, 400, 'BAD_REQUEST'],
      ['/dsd/ws/courses_by_ids.xml', AUTH, 400, 'BAD_REQUEST'],
    ];
    for (const [path, headers, status, code] of cases) {
      const answer = await getXml(path, headers);
      expect([answer.status, answer.doc.error?.code], path).toEqual([status, code]);
      expect(answer.doc.error?.message, path).toEqual(expect.any(String));
    }
  });
});

describe('Thai Mee Ngan Tham simulator: legacy errors and faults', () => {
  it('answers bad input on its AJAX endpoints with HTTP 200 and status false, and keeps serving', async () => {
    const bad: Array<[string, Record<string, string>]> = [
      ['/api-server/JobAll/ajax_list_job', { length: 'lots' }],
      ['/api-server/JobAll/ajax_list_job', { length: '500' }],
      ['/api-server/JobAll/ajax_list_job', { length: '0' }],
      ['/api-server/JobAll/ajax_list_job', { start: '-5' }],
      ['/api-server/JobAll/ajax_list_job', { 'criteria[announce_before]': '2026-01-01' }],
      ['/api-server/JobAll/ajax_list_job', { 'criteria[announce_before]': '31/13/2569 10:00' }],
      ['/api-server/JobAll/ajax_list_job', { 'criteria[province_id]': 'สงขลา' }],
      ['/api-server/JobAll/ajax_list_job', { 'criteria[wage_min]': 'มาก' }],
      ['/api-server/JobAll/ajax_list_job', { 'order[0][column]': '1' }],
      ['/api-server/JobAll/ajax_list_job', { 'order[0][column]': '5', 'order[0][dir]': 'sideways' }],
      ['/api-server/JobAll/ajax_job_by_ids', {}],
      ['/api-server/JobAll/ajax_job_by_ids', { job_ids: 'abc' }],
      ['/api-server/JobAll/ajax_job_by_ids', { job_ids: Array.from({ length: 201 }, (_, i) => 500_000 + i).join(',') }],
    ];
    for (const [path, form] of bad) {
      const answer = await post(path, form);
      expect(answer.status, JSON.stringify(form)).toBe(200);
      expect(answer.body, JSON.stringify(form)).toMatchObject({ status: false, message: expect.any(String), data: null });
    }
    expect(await list({}, { authorization: 'Bearer nope' })).toMatchObject({ status: 401, body: { status: false, data: null } });
    const missing = await fetch(`${sim.url}/api/nothing-here`, { headers: AUTH });
    expect([missing.status, await missing.json()]).toMatchObject([404, { status: false, data: null }]);
    expect((await fetch(`${sim.url}/api-server/JobAll/ajax_list_job`, { headers: AUTH })).status).toBe(405);
    expect((await list({ length: '1' })).body.data).toHaveLength(1);
  });

  it('changes behaviour under every fault, and recovers on reset', async () => {
    const faults = (body: unknown) => fetch(`${sim.url}/__sim/faults`, { method: 'POST', body: JSON.stringify(body) });
    const raw = (length = '1', signal?: AbortSignal) =>
      fetch(`${sim.url}/api-server/JobAll/ajax_list_job`, { method: 'POST', headers: { ...AUTH, 'content-type': 'application/x-www-form-urlencoded' }, body: `length=${length}`, ...(signal ? { signal } : {}) });
    try {
      await faults({ down: true });
      await expect(raw()).rejects.toThrow();
      await faults({ down: false, malformed: true });
      await expect((await raw()).json()).rejects.toThrow();
      const xml = await (await fetch(`${sim.url}/dsd/ws/courses.xml`, { headers: AUTH })).text();
      expect(xml).not.toMatch(/<\/courses>$/);
      await faults({ malformed: false, errorRate: 1 });
      const failed = await raw();
      expect([failed.status, await failed.json()]).toMatchObject([503, { status: false, data: null }]);
      await faults({ errorRate: 0, slowDripMs: 1 });
      const { chunks, text } = await readInChunks((await raw('5')).body!);
      expect(chunks).toBeGreaterThan(1);
      expect((JSON.parse(text) as Body).data).toHaveLength(5);
      await faults({ slowDripMs: 0, latencyMs: [400, 400] });
      await expect(raw('1', AbortSignal.timeout(100))).rejects.toThrow();
    } finally {
      await fetch(`${sim.url}/__sim/reset`, { method: 'POST' });
    }
    expect((await list({ length: '1' })).status).toBe(200);
  });

  it('answers 429 with Retry-After in its own shape when a client exceeds its rate', async () => {
    const limited = await serveData(data, { port: 0, seed: SEED, size: SIZE, latencyMs: [0, 0], errorRate: 0, rateLimit: { perSecond: 1, burst: 1 } });
    try {
      const call = () => fetch(`${limited.url}/api/province`, { headers: AUTH });
      expect((await call()).status).toBe(200);
      const refused = await call();
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await refused.json()).toMatchObject({ status: false, data: null });
    } finally {
      await limited.close();
    }
  });

  it('counts requests by route', async () => {
    sim.reset();
    await list({ length: '1' });
    await post('/api-server/JobAll/ajax_job_by_ids', { job_ids: String(data.jobs[0]!.job_id) });
    await getXml('/dsd/ws/courses.xml');
    expect(sim.stats()).toEqual({ total: 3, byRoute: { search: 1, jobsByIds: 1, courses: 1 } });
  });
});

describe('Thai Mee Ngan Tham simulator: generated data', () => {
  const jobs = generateData(5, 3_000).jobs;
  const share = (test: (j: DoeJob) => boolean) => jobs.filter(test).length / jobs.length;

  it('pays by the day, month or hour in plausible THB, and often hides the amount', () => {
    const daily = jobs.filter((j) => j.wage_type === 'รายวัน' && j.wage_min);
    expect(daily.length / jobs.length).toBeGreaterThan(0.15);
    expect(daily.every((j) => j.wage_min! >= 320 && j.wage_max! < 1_200 && j.salary_detail.includes('บาท/วัน'))).toBe(true);
    const monthly = jobs.filter((j) => j.wage_type === 'รายเดือน' && j.wage_min);
    expect(monthly.every((j) => j.wage_min! >= 11_000)).toBe(true);
    expect(monthly.some((j) => j.wage_max! >= 80_000)).toBe(true);
    expect(share((j) => j.wage_type === 'รายชั่วโมง' && (j.wage_min ?? 0) >= 45)).toBeGreaterThan(0.01);
    expect(share((j) => j.wage_min === null && /ตามตกลง|ตามโครงสร้างบริษัท|ตามประสบการณ์/.test(j.salary_detail))).toBeGreaterThan(0.08);
    expect(share((j) => j.wage_min === 0 && j.wage_max === 0)).toBeGreaterThan(0.05);
  });

  it('carries the platform\'s dirt at low rates: copies, odd codes, expired postings, odd whitespace', () => {
    const copies = jobs.filter((j) => j.ref_job_id !== null);
    expect(copies.length / jobs.length).toBeGreaterThan(0);
    expect(copies.length / jobs.length).toBeLessThan(0.05);
    expect(copies.every((j) => j.job_from === 'hundredbillion' && j.detail_path === `hundredbillion/detail/${j.job_id}`)).toBe(true);
    expect(share((j) => j.occupation_code === null)).toBeGreaterThan(0);
    expect(share((j) => j.occupation_code?.endsWith('99') === true)).toBeGreaterThan(0);
    expect(share((j) => j.occupation_code === null || j.occupation_code.endsWith('99'))).toBeLessThan(0.06);
    expect(share((j) => parseBeDateTime(j.expire_date)! < DATA_ANCHOR_MS)).toBeGreaterThan(0);
    expect(share((j) => j.position !== j.position.trim() || /\s{2}/.test(j.position))).toBeGreaterThan(0);
    expect(share((j) => j.skills === null)).toBeGreaterThan(0.05);
    expect(share((j) => (j.skills ?? []).some((s) => /[\u0E00-\u0E7F]/.test(s)))).toBeGreaterThan(0.05);
  });

  it('speaks Thai: employers, degrees, districts; provinces lean to Bangkok, the EEC and the IMT-GT south', () => {
    expect(share((j) => /^(บริษัท .+ จำกัด( \(มหาชน\))?|ห้างหุ้นส่วนจำกัด .+|ร้าน.+)$/.test(j.employer_name.trim()))).toBeGreaterThan(0.95);
    expect(new Set(jobs.map((j) => j.degree_name))).toEqual(new Set(['ไม่จำกัดวุฒิ', 'ประถมศึกษา', 'ม.3', 'ม.6', 'ปวช.', 'ปวส.', 'ปริญญาตรี', 'ปริญญาตรีขึ้นไป', 'ปริญญาโท']));
    expect(share((j) => j.province_id === 1 && j.district_name.startsWith('เขต'))).toBeGreaterThan(0.04);
    const south = ['สงขลา', 'สตูล', 'ตรัง', 'พัทลุง', 'ปัตตานี', 'ยะลา', 'นราธิวาส', 'นครศรีธรรมราช', 'กระบี่', 'พังงา', 'ภูเก็ต', 'สุราษฎร์ธานี', 'ระนอง', 'ชุมพร'];
    expect(share((j) => south.includes(j.province_name))).toBeGreaterThan(0.3);
    expect(jobs.every((j) => /^\d{6}$/.test(String(j.job_id)) && /^\d{5}$/.test(j.tsic_code))).toBe(true);
  });

  it('generates the same bytes from the same seed, other bytes from another; 200k generate', () => {
    const bytes = (seed: number) => JSON.stringify((({ jobs: j, courses }) => [j, courses])(generateData(seed, 300)));
    expect(bytes(9)).toBe(bytes(9));
    expect(bytes(9)).not.toBe(bytes(10));
    const big = generateData(1, 200_000);
    expect(big.changes).toHaveLength(200_000);
    expect(big.jobs).toHaveLength(big.changes.filter((j) => j.job_status === 'เปิดรับสมัคร').length);
  });
});
