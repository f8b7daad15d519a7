import { readFileSync } from 'node:fs';
import { fromRoot } from '../../../core/paths.js';
import { BadRequest, type Route, type SimRequest, type SimResponse } from '../../core/index.js';
import { legacyAjaxError } from './dialect.js';
import { integer, listJobs, listUpdates } from './dataTables.js';
import { dsdRoutes } from './dsdCourses.js';
import type { DoeData } from './jobIndex.js';
import { JOB_TYPES, type DoeJob } from './native.js';
import { occupations, platformProvinces } from './profile.js';

const MAX_BATCH_IDS = 200;

/**
 * Thai Mee Ngan Tham's routes: the web page's AJAX endpoints (form posts; they report bad input
 * with HTTP 200 and `status: false`, as the page's DataTables widget expects), the small JSON
 * reference API, and the DSD XML course service.
 */
export function doeRoutes(data: DoeData, token: string): Route[] {
  const openapi = readFileSync(fromRoot('simulators/thailand/contract/openapi.json'), 'utf8');
  const authorized = (req: SimRequest) => req.headers.authorization === `Bearer ${token}`;
  const ajax = (name: string, path: string, answer: (form: URLSearchParams) => SimResponse): Route => ({ name, method: 'POST', path, handler: (req) => legacy(() => answer(req.form())) });
  return [
    ajax('search', '/api-server/JobAll/ajax_list_job', (form) => listJobs(data, form)),
    ajax('updates', '/api-server/JobAll/ajax_list_job_update', (form) => listUpdates(data, form)),
    ajax('jobsByIds', '/api-server/JobAll/ajax_job_by_ids', (form) => jobsByIds(data, form)),
    { name: 'provinces', method: 'GET', path: '/api/province', handler: () => ok(platformProvinces.map((p) => ({ province_id: p.id, province_name: p.province.nameLocal }))) },
    { name: 'jobTypes', method: 'GET', path: '/api/job/type', handler: () => ok(Object.entries(JOB_TYPES).map(([name, value]) => ({ value, name }))) },
    { name: 'occupations', method: 'GET', path: '/api/occupation', handler: () => ok(occupations.map((o) => ({ occupation_code: o.code, occupation_name: o.title }))) },
    ...dsdRoutes(data.courses, authorized),
    { name: 'openapi', method: 'GET', path: '/openapi.json', auth: false, handler: () => ({ text: openapi, contentType: 'application/json' }) },
  ];
}

/** `job_ids=500001,500002` (at most 200); unknown ids are left out. */
function jobsByIds(data: DoeData, form: URLSearchParams): SimResponse {
  const ids = (form.get('job_ids') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (ids.length === 0) throw new BadRequest('กรุณาระบุ job_ids');
  if (ids.length > MAX_BATCH_IDS) throw new BadRequest(`job_ids ได้ไม่เกิน ${MAX_BATCH_IDS} รายการ`);
  return ok(ids.map((id) => data.byId.get(integer(id, 'job_ids'))).filter((j): j is DoeJob => j !== undefined));
}

function legacy(answer: () => SimResponse): SimResponse {
  try {
    return answer();
  } catch (error) {
    if (error instanceof BadRequest) return legacyAjaxError(error.message);
    throw error;
  }
}

function ok(data: unknown): SimResponse {
  return { json: { status: true, message: 'success', data } };
}
