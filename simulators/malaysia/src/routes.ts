import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fromRoot } from '../../../core/paths.js';
import { BadRequest, DATA_ANCHOR_MS, NotFound, type Route, type SimRequest, type SimResponse } from '../../core/index.js';
import type { MfjJob, MfjProgramme } from './native.js';
import { occupations } from './profile.js';

export interface MfjData {
  /** Newest first (posted instant desc, id desc). */
  jobs: MfjJob[];
  postedMs: Map<string, number>;
  byId: Map<string, MfjJob>;
  programmes: MfjProgramme[];
}

export interface OAuthSettings {
  clientId: string;
  clientSecret: string;
  tokenTtlSeconds: number;
}

const MAX_LIMIT = 500;
const DAY_MS = 86_400_000;
const RECENCY: Record<string, number> = { TODAY: 1, '3DAYSAGO': 3, '1WEEKAGO': 7, '2WEEKSAGO': 14, '1MONTHAGO': 30 };
type Facet = 'CONTRACT_TYPE' | 'SALARY' | 'EDUCATION' | 'STATE' | 'MASCO' | 'RECENCY' | 'SKILL';
const FACET_VALUE: Record<Facet, (job: MfjJob, value: string, data: MfjData) => boolean> = {
  CONTRACT_TYPE: (j, v) => String(j.contractType.code) === v,
  SALARY: (j, v) => j.salaryBand === v,
  EDUCATION: (j, v) => String(j.educationLevel.code) === v,
  STATE: (j, v) => j.location.state.trim().toLowerCase() === v.toLowerCase(),
  MASCO: (j, v) => (j.mascoCode ?? '').startsWith(v),
  RECENCY: (j, v, d) => (d.postedMs.get(j.id) ?? 0) >= DATA_ANCHOR_MS - (RECENCY[v] ?? 0) * DAY_MS,
  SKILL: (j, v) => j.skills.some((s) => s.code === v || s.name.toLowerCase() === v.toLowerCase()),
};

export function mfjRoutes(data: MfjData, oauth: OAuthSettings, tokens: Map<string, number>): Route[] {
  const openapi = readFileSync(fromRoot('simulators/malaysia/contract/openapi.json'), 'utf8');
  return [
    { name: 'token', method: 'POST', path: '/oauth/token', auth: false, handler: (req) => issueToken(req, oauth, tokens) },
    { name: 'search', method: 'GET', path: '/api/jobs', handler: (req) => searchJobs(data, req.query) },
    { name: 'batch', method: 'GET', path: '/api/jobs/batch', handler: (req) => ({ json: { results: idList(req.query, 100).map((id) => data.byId.get(id)).filter(Boolean) } }) },
    { name: 'job', method: 'GET', path: '/api/jobs/:id', handler: (req) => ({ json: found(data.byId.get(req.params.id ?? ''), 'Job') }) },
    { name: 'training', method: 'GET', path: '/api/training-programmes', handler: (req) => programmes(data, req.query) },
    { name: 'trainingBatch', method: 'GET', path: '/api/training-programmes/batch', handler: (req) => {
      const ids = new Set(idList(req.query, 200));
      return { json: { results: data.programmes.filter((p) => ids.has(p.programmeId)) } };
    } },
    { name: 'masco', method: 'GET', path: '/api/reference/masco', handler: () => ({ json: { results: occupations.map((o) => ({ code: o.code, titleMs: o.title, titleEn: o.titleEn })) } }) },
    { name: 'openapi', method: 'GET', path: '/openapi.json', auth: false, handler: () => ({ text: openapi, contentType: 'application/json' }) },
  ];
}

function issueToken(req: SimRequest, oauth: OAuthSettings, tokens: Map<string, number>): SimResponse {
  const form = req.form();
  if (form.get('grant_type') !== 'client_credentials') return { status: 400, json: { error: 'unsupported_grant_type', error_description: 'Only client_credentials is supported' } };
  if (form.get('client_id') !== oauth.clientId || form.get('client_secret') !== oauth.clientSecret) return { status: 401, json: { error: 'invalid_client', error_description: 'Bad client credentials' } };
  const token = randomBytes(24).toString('base64url');
  tokens.set(token, Date.now() + oauth.tokenTtlSeconds * 1000);
  return { json: { access_token: token, token_type: 'Bearer', expires_in: oauth.tokenTtlSeconds, scope: 'jobs.read training.read' } };
}

function searchJobs(data: MfjData, query: URLSearchParams): SimResponse {
  const offset = int(query.get('offset') ?? '0', 'offset');
  const limit = int(query.get('limit') ?? '20', 'limit');
  if (offset < 0 || limit < 0 || limit > MAX_LIMIT) throw new BadRequest(`limit must be between 0 and ${MAX_LIMIT}`);
  const test = jobFilter(data, query);
  const matches = data.jobs.filter(test);
  return { json: { results: matches.slice(offset, offset + limit), total: matches.length, offset, limit, facets: facetCounts(matches) } };
}

function jobFilter(data: MfjData, query: URLSearchParams): (job: MfjJob) => boolean {
  const facets = parseFacets(query.get('facets') ?? '');
  const before = instant(query.get('postedBefore'), 'postedBefore');
  const since = instant(query.get('postedSince'), 'postedSince');
  const minWage = query.get('minWage') ? Number(query.get('minWage')) : undefined;
  if (minWage !== undefined && !Number.isFinite(minWage)) throw new BadRequest('minWage must be a number');
  const words = (query.get('keywords') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  return (job) => {
    const at = data.postedMs.get(job.id) ?? 0;
    return (
      [...facets].every(([facet, values]) => values.some((v) => FACET_VALUE[facet](job, v, data))) &&
      (before === undefined || at <= before) &&
      (since === undefined || at >= since) &&
      (minWage === undefined || (job.actualWages !== null && job.actualWages.min >= minWage)) &&
      words.every((w) => `${job.positionTitle} ${job.positionTitleMs} ${job.companyName}`.toLowerCase().includes(w))
    );
  };
}

/** `STATE==Selangor,STATE==Johor,MASCO==2512` → facet → values (OR within a facet, AND across). */
function parseFacets(text: string): Map<Facet, string[]> {
  const facets = new Map<Facet, string[]>();
  for (const clause of text.split(',').filter(Boolean)) {
    const [name, value] = clause.split('==');
    if (!name || value === undefined || !(name in FACET_VALUE)) throw new BadRequest(`Unknown or malformed facet: ${clause}`);
    facets.set(name as Facet, [...(facets.get(name as Facet) ?? []), decodeURIComponent(value)]);
  }
  return facets;
}

function facetCounts(jobs: MfjJob[]): Record<string, Array<{ value: string; count: number }>> {
  const count = (key: (j: MfjJob) => string) => {
    const counts = new Map<string, number>();
    for (const j of jobs) counts.set(key(j), (counts.get(key(j)) ?? 0) + 1);
    return [...counts].map(([value, c]) => ({ value, count: c })).sort((a, b) => b.count - a.count);
  };
  return { STATE: count((j) => j.location.state), CONTRACT_TYPE: count((j) => String(j.contractType.code)), SALARY: count((j) => j.salaryBand ?? 'NONE') };
}

function programmes(data: MfjData, query: URLSearchParams): SimResponse {
  const offset = int(query.get('offset') ?? '0', 'offset');
  const limit = int(query.get('limit') ?? '20', 'limit');
  if (limit > 500) throw new BadRequest('limit must be at most 500');
  const state = query.get('state')?.toLowerCase();
  const masco = query.get('masco') ?? '';
  const matches = data.programmes.filter((p) => (!state || p.state.toLowerCase() === state) && p.mascoCode.startsWith(masco));
  return { json: { results: matches.slice(offset, offset + limit), total: matches.length, offset, limit } };
}

function idList(query: URLSearchParams, max: number): string[] {
  const ids = (query.get('ids') ?? '').split(',').filter(Boolean);
  if (ids.length > max) throw new BadRequest(`at most ${max} ids`);
  return ids;
}

function found<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new NotFound(`${what} not found`);
  return value;
}

function instant(text: string | null, name: string): number | undefined {
  if (!text) return undefined;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new BadRequest(`${name} must be an ISO 8601 date-time`);
  return ms;
}

function int(text: string, name: string): number {
  const n = Number(text);
  if (!Number.isInteger(n)) throw new BadRequest(`${name} must be an integer`);
  return n;
}
