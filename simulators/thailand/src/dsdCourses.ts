import { XMLBuilder } from 'fast-xml-parser';
import { BadRequest, type Route, type SimRequest, type SimResponse } from '../../core/index.js';
import { integer } from './dataTables.js';
import type { DsdCourse } from './native.js';

/**
 * The Department of Skill Development's course web service: older than the job platform, it
 * answers XML (`<courses total page><course id>…</course></courses>`) and reports its own errors
 * as `<error><code/><message/></error>`, whatever the HTTP status. It shares the platform's
 * bearer token and province numbering.
 */

const MAX_PER_PAGE = 500;
const MAX_IDS = 200;
const xml = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', format: false });

export function dsdRoutes(courses: DsdCourse[], authorized: (req: SimRequest) => boolean): Route[] {
  // The dialect's JSON refusal would be wrong here: the XML service checks the token itself.
  const route = (name: string, path: string, answer: (query: URLSearchParams) => SimResponse): Route => ({
    name,
    method: 'GET',
    path,
    auth: false,
    handler: (req) => (authorized(req) ? guarded(() => answer(req.query)) : xmlError(401, 'AUTH', 'Unauthorized: bearer token required')),
  });
  return [route('courses', '/dsd/ws/courses.xml', (q) => coursesPage(courses, q)), route('coursesByIds', '/dsd/ws/courses_by_ids.xml', (q) => coursesByIds(courses, q))];
}

/** `page` (from 1), `per_page`, `province_id` (the platform's), `isco` (ISCO-88 prefix = DOE code prefix). */
function coursesPage(courses: DsdCourse[], query: URLSearchParams): SimResponse {
  const page = integer(query.get('page') || '1', 'page');
  const perPage = integer(query.get('per_page') || '20', 'per_page');
  if (page < 1 || perPage < 1 || perPage > MAX_PER_PAGE) throw new BadRequest(`page >= 1 and per_page 1-${MAX_PER_PAGE}`);
  const province = query.get('province_id') ? integer(query.get('province_id') ?? '', 'province_id') : undefined;
  const isco = (query.get('isco') ?? '').trim();
  if (!/^\d{0,6}$/.test(isco)) throw new BadRequest('isco must be up to 6 digits');
  const matches = courses.filter((c) => (province === undefined || c.province_id === province) && c.occupation_code.startsWith(isco));
  return coursesXml(matches.slice((page - 1) * perPage, page * perPage), matches.length, page);
}

function coursesByIds(courses: DsdCourse[], query: URLSearchParams): SimResponse {
  const ids = new Set((query.get('ids') ?? '').split(',').map((s) => s.trim()).filter(Boolean));
  if (ids.size === 0) throw new BadRequest('ids is required');
  if (ids.size > MAX_IDS) throw new BadRequest(`at most ${MAX_IDS} ids`);
  const found = courses.filter((c) => ids.has(c.id));
  return coursesXml(found, found.length, 1);
}

function coursesXml(list: DsdCourse[], total: number, page: number): SimResponse {
  const course = list.map(({ id, ...fields }) => ({ '@id': id, ...fields }));
  return xmlResponse({ courses: { '@total': total, '@page': page, course } });
}

function guarded(answer: () => SimResponse): SimResponse {
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
