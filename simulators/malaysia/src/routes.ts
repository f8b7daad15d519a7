import { readFileSync } from 'node:fs';
import { fromRoot } from '../../../core/paths.js';
import { BadRequest, NotFound, type BearerTokens, type OAuthClient, type Route, type SimRequest, type SimResponse } from '../../core/index.js';
import { springError } from './dialect.js';
import { facetCounts, firstChangedSince, matchJobs, type Facet, type JobQuery, type MfjData } from './jobIndex.js';
import type { MfjJob } from './native.js';
import { occupations } from './profile.js';

/** Larger than the real portal's page so that statistics pulls stay few calls; see README. */
const MAX_LIMIT = 500;
const MAX_BATCH_IDS = 100;
/** The changes feed pages larger: partner systems mirror the whole portal through it. */
const MAX_CHANGES_SIZE = 1000;
const DAY_MS = 86_400_000;
const RECENCY_DAYS: Record<string, number> = { TODAY: 1, '3DAYSAGO': 3, '1WEEKAGO': 7, '2WEEKSAGO': 14, '1MONTHAGO': 30 };
const INDEXED: ReadonlySet<string> = new Set<Facet>(['CONTRACT_TYPE', 'SALARY', 'EDUCATION', 'STATE', 'MASCO', 'SKILL']);
const SORTS = ['postedDate,desc', 'postedDate,asc'];

export function mfjRoutes(data: MfjData, oauth: OAuthClient, tokens: BearerTokens): Route[] {
  const openapi = readFileSync(fromRoot('simulators/malaysia/contract/openapi.json'), 'utf8');
  const route = (name: string, method: Route['method'], path: string, handler: Route['handler'], auth = true): Route => ({ name, method, path, auth, handler: spring(handler) });
  return [
    route('token', 'POST', '/oauth/token', (req) => issueToken(req, oauth, tokens), false),
    route('search', 'GET', '/api/jobs', (req) => searchJobs(data, req.query)),
    route('batch', 'GET', '/api/jobs/batch', (req) => ({ json: { results: idList(req.query).flatMap((id) => data.byId.get(id) ?? []) } })),
    route('changes', 'GET', '/api/v1/jobs/changes', (req) => changedJobs(data, req.query)),
    route('job', 'GET', '/api/jobs/:id', (req) => ({ json: jobById(data, req.params.id ?? '') })),
    route('training', 'GET', '/api/training-programmes', (req) => programmes(data, req.query)),
    route('trainingBatch', 'GET', '/api/training-programmes/batch', (req) => {
      const ids = new Set(idList(req.query));
      return { json: { results: data.programmes.filter((p) => ids.has(p.programmeId)) } };
    }),
    route('masco', 'GET', '/api/reference/masco', () => ({ json: { results: occupations.map((o) => ({ code: o.code, titleMs: o.title, titleEn: o.titleEn, isco08: o.iscoCode })) } })),
    route('openapi', 'GET', '/openapi.json', () => ({ text: openapi, contentType: 'application/json' }), false),
  ];
}

/** Spring Boot names the request path in its errors; the core's dialect cannot, so handlers do. */
function spring(handler: Route['handler']): Route['handler'] {
  return async (req) => {
    try {
      return await handler(req);
    } catch (error) {
      if (error instanceof BadRequest) return springError(400, error.message, req.path);
      if (error instanceof NotFound) return springError(404, error.message, req.path);
      throw error;
    }
  };
}

function issueToken(req: SimRequest, oauth: OAuthClient, tokens: BearerTokens): SimResponse {
  const form = req.form();
  if (form.get('grant_type') !== 'client_credentials') return { status: 400, json: { error: 'unsupported_grant_type', error_description: 'Only client_credentials is supported' } };
  if (form.get('client_id') !== oauth.clientId || form.get('client_secret') !== oauth.clientSecret) return { status: 401, json: { error: 'invalid_client', error_description: 'Bad client credentials' } };
  return { json: { access_token: tokens.issue(oauth.tokenTtlSeconds), token_type: 'Bearer', expires_in: oauth.tokenTtlSeconds, scope: 'jobs.read training.read' } };
}

function searchJobs(data: MfjData, query: URLSearchParams): SimResponse {
  const { offset, limit } = paging(query, MAX_LIMIT);
  const sort = query.get('sort') ?? SORTS[0]!;
  if (!SORTS.includes(sort)) throw new BadRequest(`Unsupported sort "${sort}"; use one of ${SORTS.join(', ')}`);
  const positions = matchJobs(data, jobQuery(query, data.now()));
  const ordered = sort === SORTS[0] ? positions : positions.slice().reverse();
  const results = Array.from(ordered.subarray(offset, offset + limit), (p) => data.jobs[p]!);
  return { json: { results, total: positions.length, offset, limit, facets: facetCounts(data, positions) } };
}

/**
 * Spring Data's Page over every posting changed at or after `modifiedSince` (all of them without
 * it), oldest change first (lastModifiedDate asc, id asc), every status; `page` is 0-based.
 */
function changedJobs(data: MfjData, query: URLSearchParams): SimResponse {
  const page = int(query.get('page') ?? '0', 'page');
  const size = int(query.get('size') ?? '20', 'size');
  if (page < 0) throw new BadRequest('page must not be negative');
  if (size < 1 || size > MAX_CHANGES_SIZE) throw new BadRequest(`size must be between 1 and ${MAX_CHANGES_SIZE}`);
  const since = instant(query.get('modifiedSince'), 'modifiedSince');
  const from = since === undefined ? 0 : firstChangedSince(data, since);
  const totalElements = data.changes.length - from;
  const content = data.changes.slice(from + page * size, from + (page + 1) * size);
  const totalPages = Math.ceil(totalElements / size);
  return {
    json: {
      content,
      pageable: { pageNumber: page, pageSize: size, offset: page * size, sort: { sorted: true, unsorted: false, empty: false }, paged: true, unpaged: false },
      totalElements,
      totalPages,
      number: page,
      size,
      numberOfElements: content.length,
      first: page === 0,
      last: page >= totalPages - 1,
      empty: content.length === 0,
      sort: { sorted: true, unsorted: false, empty: false },
      serverTime: isoMyt(data.now()),
    },
  };
}

/** Malaysia time (UTC+8), ISO 8601 with its offset, to the second. */
function isoMyt(ms: number): string {
  return `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

/** The query string in the index's terms: facets, date bounds (RECENCY is one, counted back from the portal's today), and the rest checked per posting. */
function jobQuery(query: URLSearchParams, today: number): JobQuery {
  const { facets, recencyDays } = parseFacets(query.get('facets') ?? '');
  const since = Math.max(instant(query.get('postedSince'), 'postedSince') ?? -Infinity, recencyDays === undefined ? -Infinity : today - recencyDays * DAY_MS);
  const before = instant(query.get('postedBefore'), 'postedBefore');
  const minWage = query.has('minWage') ? Number(query.get('minWage')) : undefined;
  if (minWage !== undefined && !Number.isFinite(minWage)) throw new BadRequest('minWage must be a number');
  const words = (query.get('keywords') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const residual = (job: MfjJob) =>
    (minWage === undefined || (job.actualWages !== null && job.actualWages.min >= minWage)) &&
    words.every((w) => `${job.positionTitle} ${job.positionTitleMs} ${job.companyName}`.toLowerCase().includes(w));
  return {
    criteria: facets,
    ...(before === undefined ? {} : { before }),
    ...(Number.isFinite(since) ? { since } : {}),
    ...(minWage !== undefined || words.length > 0 ? { residual } : {}),
  };
}

/** `STATE==Selangor,STATE==Johor,MASCO==2512,RECENCY==2WEEKSAGO` (values may be percent-encoded). */
function parseFacets(text: string): { facets: Map<Facet, string[]>; recencyDays?: number } {
  const facets = new Map<Facet, string[]>();
  let recencyDays: number | undefined;
  for (const clause of text.split(',').filter((c) => c.trim())) {
    const [name = '', value, extra] = clause.trim().split('==');
    if (!value || extra !== undefined) throw new BadRequest(`Malformed facet "${clause}": expected FACET==value`);
    const decoded = decode(value);
    if (name === 'RECENCY') {
      const days = RECENCY_DAYS[decoded];
      if (days === undefined) throw new BadRequest(`Unknown RECENCY "${decoded}"; use one of ${Object.keys(RECENCY_DAYS).join(', ')}`);
      recencyDays = Math.min(recencyDays ?? Infinity, days);
    } else if (INDEXED.has(name)) {
      facets.set(name as Facet, [...(facets.get(name as Facet) ?? []), decoded]);
    } else {
      throw new BadRequest(`Unknown facet "${name}"`);
    }
  }
  return { facets, ...(recencyDays === undefined ? {} : { recencyDays }) };
}

function programmes(data: MfjData, query: URLSearchParams): SimResponse {
  const { offset, limit } = paging(query, MAX_LIMIT);
  const state = query.get('state')?.trim().toLowerCase();
  const masco = query.get('masco') ?? '';
  const matches = data.programmes.filter((p) => (!state || p.state.toLowerCase() === state) && p.mascoCode.startsWith(masco));
  return { json: { results: matches.slice(offset, offset + limit), total: matches.length, offset, limit } };
}

function jobById(data: MfjData, id: string): MfjJob {
  if (!/^[0-9a-f]{32}$/.test(id)) throw new BadRequest(`jobId must be 32 hexadecimal characters, got "${id}"`);
  const job = data.byId.get(id);
  if (!job) throw new NotFound(`Job ${id} not found`);
  return job;
}

function paging(query: URLSearchParams, max: number): { offset: number; limit: number } {
  const offset = int(query.get('offset') ?? '0', 'offset');
  const limit = int(query.get('limit') ?? '20', 'limit');
  if (offset < 0) throw new BadRequest('offset must not be negative');
  if (limit < 1 || limit > max) throw new BadRequest(`limit must be between 1 and ${max}`);
  return { offset, limit };
}

function idList(query: URLSearchParams): string[] {
  const ids = (query.get('ids') ?? '').split(',').map((id) => id.trim()).filter(Boolean);
  if (ids.length === 0) throw new BadRequest('ids is required');
  if (ids.length > MAX_BATCH_IDS) throw new BadRequest(`at most ${MAX_BATCH_IDS} ids per batch`);
  return ids;
}

function instant(text: string | null, name: string): number | undefined {
  if (!text) return undefined;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new BadRequest(`${name} must be an ISO 8601 date-time`);
  return ms;
}

function int(text: string, name: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isInteger(n)) throw new BadRequest(`${name} must be an integer`);
  return n;
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new BadRequest(`Facet value "${value}" is not valid percent-encoding`);
  }
}
