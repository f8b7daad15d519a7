import { readFileSync } from 'node:fs';
import { XMLBuilder } from 'fast-xml-parser';
import { fromRoot } from '../../../core/paths.js';
import { BadRequest, type Route, type SimRequest, type SimResponse } from '../../core/index.js';
import { JOB_TYPES, parseBeDateTime, type DoeJob, type DsdCourse } from './native.js';
import { occupations, platformProvinces } from './profile.js';

export interface DoeData {
  /** Newest first: announce minute desc, job_id desc. */
  jobs: DoeJob[];
  announcedMs: Map<number, number>;
  byId: Map<number, DoeJob>;
  courses: DsdCourse[];
}

const MAX_LENGTH = 500;
const xml = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', format: false });

export function doeRoutes(data: DoeData, token: string): Route[] {
  const openapi = readFileSync(fromRoot('simulators/thailand/contract/openapi.json'), 'utf8');
  const authorized = (req: SimRequest) => req.headers.authorization === `Bearer ${token}`;
  return [
    { name: 'search', method: 'POST', path: '/api-server/JobAll/ajax_list_job', handler: (req) => listJobs(data, req.form()) },
    { name: 'jobsByIds', method: 'POST', path: '/api-server/JobAll/ajax_job_by_ids', handler: (req) => jobsByIds(data, req.form()) },
    { name: 'provinces', method: 'GET', path: '/api/province', handler: () => ok(platformProvinces.map((p) => ({ province_id: p.id, province_name: p.province.nameTh }))) },
    { name: 'jobTypes', method: 'GET', path: '/api/job/type', handler: () => ok(Object.entries(JOB_TYPES).map(([name, value]) => ({ value, name }))) },
    { name: 'occupations', method: 'GET', path: '/api/occupation', handler: () => ok(occupations.map((o) => ({ occupation_code: o.code, occupation_name: o.title }))) },
    // The DSD web service is older than the platform: XML in and out, its own errors.
    { name: 'courses', method: 'GET', path: '/dsd/ws/courses.xml', auth: false, handler: (req) => xmlGuard(req, authorized, () => coursesPage(data, req.query)) },
    { name: 'coursesByIds', method: 'GET', path: '/dsd/ws/courses_by_ids.xml', auth: false, handler: (req) => xmlGuard(req, authorized, () => coursesByIds(data, req.query)) },
    { name: 'openapi', method: 'GET', path: '/openapi.json', auth: false, handler: () => ({ text: openapi, contentType: 'application/json' }) },
  ];
}

/** DataTables server-side processing, with the platform's criteria[...] filters. */
function listJobs(data: DoeData, form: URLSearchParams): SimResponse {
  const draw = integer(form.get('draw') ?? '1', 'draw');
  const start = integer(form.get('start') ?? '0', 'start');
  const length = integer(form.get('length') ?? '10', 'length');
  if (start < 0 || (length !== -1 && (length < 0 || length > MAX_LENGTH))) throw new BadRequest(`length ต้องอยู่ระหว่าง 0-${MAX_LENGTH} หรือ -1`);
  const matches = data.jobs.filter(jobFilter(data, form));
  return {
    json: { draw, recordsTotal: data.jobs.length, recordsFiltered: matches.length, data: length === -1 ? matches.slice(start) : matches.slice(start, start + length) },
  };
}

function jobFilter(data: DoeData, form: URLSearchParams): (job: DoeJob) => boolean {
  const list = (key: string) => (form.get(key) ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const provinces = list('criteria[province_id]').map((v) => integer(v, 'province_id'));
  const codes = list('criteria[occupation_code]');
  const types = list('criteria[job_type]').map((v) => integer(v, 'job_type'));
  const skills = list('criteria[skill]').map((s) => s.toLowerCase());
  const degrees = list('criteria[degree_name]');
  const before = beCriterion(form.get('criteria[announce_before]'), 'announce_before');
  const since = beCriterion(form.get('criteria[announce_since]'), 'announce_since');
  const wageMin = form.get('criteria[wage_min]') ? integer(form.get('criteria[wage_min]') ?? '', 'wage_min') : undefined;
  const text = (form.get('search[value]') ?? '').trim().toLowerCase();
  return (job) => {
    const at = data.announcedMs.get(job.job_id) ?? 0;
    return (
      (provinces.length === 0 || provinces.includes(job.province_id)) &&
      (codes.length === 0 || codes.some((c) => (job.occupation_code ?? '').startsWith(c))) &&
      (types.length === 0 || types.includes(job.job_type)) &&
      (degrees.length === 0 || degrees.includes(job.degree_name)) &&
      (skills.length === 0 || (job.skills ?? []).some((s) => skills.includes(s.toLowerCase()))) &&
      (before === undefined || at <= before) &&
      (since === undefined || at >= since) &&
      (wageMin === undefined || monthlyEquivalent(job) >= wageMin) &&
      (!text || `${job.position} ${job.employer_name}`.toLowerCase().includes(text))
    );
  };
}

/** criteria[wage_min] compares what a month of the job pays: daily × 26, hourly × 208. */
function monthlyEquivalent(job: DoeJob): number {
  if (job.wage_min === null) return -1;
  return job.wage_min * (job.wage_type === 'รายวัน' ? 26 : job.wage_type === 'รายชั่วโมง' ? 208 : 1);
}

function jobsByIds(data: DoeData, form: URLSearchParams): SimResponse {
  const ids = (form.get('job_ids') ?? '').split(',').filter(Boolean).map((v) => integer(v, 'job_ids'));
  if (ids.length > 200) throw new BadRequest('job_ids ได้ไม่เกิน 200 รายการ');
  return ok(ids.map((id) => data.byId.get(id)).filter((j): j is DoeJob => j !== undefined));
}

function coursesPage(data: DoeData, query: URLSearchParams): SimResponse {
  const page = integer(query.get('page') ?? '1', 'page');
  const perPage = integer(query.get('per_page') ?? '20', 'per_page');
  if (page < 1 || perPage < 1 || perPage > 500) throw new BadRequest('page/per_page out of range');
  const province = query.get('province_id');
  const code = query.get('occupation_code') ?? '';
  const matches = data.courses.filter((c) => (!province || String(c.province_id) === province) && c.occupation_code.startsWith(code));
  const slice = matches.slice((page - 1) * perPage, page * perPage);
  return xmlResponse({ courses: { '@total': matches.length, '@page': page, course: slice.map(courseXml) } });
}

function coursesByIds(data: DoeData, query: URLSearchParams): SimResponse {
  const ids = new Set((query.get('ids') ?? '').split(',').filter(Boolean));
  const found = data.courses.filter((c) => ids.has(c.id));
  return xmlResponse({ courses: { '@total': found.length, '@page': 1, course: found.map(courseXml) } });
}

function courseXml(c: DsdCourse): Record<string, unknown> {
  const { id, ...fields } = c;
  return { '@id': id, ...fields };
}

function xmlGuard(req: SimRequest, authorized: (req: SimRequest) => boolean, answer: () => SimResponse): SimResponse {
  if (!authorized(req)) return xmlError(401, 'AUTH', 'Unauthorized');
  try {
    return answer();
  } catch (error) {
    if (error instanceof BadRequest) return xmlError(400, 'BAD_REQUEST', error.message);
    throw error;
  }
}

function xmlResponse(body: unknown, status = 200): SimResponse {
  return { status, text: `<?xml version="1.0" encoding="UTF-8"?>${xml.build(body)}`, contentType: 'application/xml; charset=utf-8' };
}

function xmlError(status: number, code: string, message: string): SimResponse {
  return xmlResponse({ error: { code, message } }, status);
}

function ok(data: unknown): SimResponse {
  return { json: { status: true, message: 'success', data } };
}

function beCriterion(value: string | null, name: string): number | undefined {
  if (!value) return undefined;
  const ms = parseBeDateTime(value);
  if (ms === undefined) throw new BadRequest(`${name} ต้องเป็นวันที่ พ.ศ. รูปแบบ dd/mm/yyyy HH:MM`);
  return ms;
}

function integer(text: string, name: string): number {
  const n = Number(text);
  if (!Number.isInteger(n)) throw new BadRequest(`${name} ไม่ถูกต้อง`);
  return n;
}
