import { BadRequest, NotFound, type BearerTokens, type OAuthClient, type Route, type SimRequest, type SimResponse } from '../../core/index.js';
import { odataError } from './dialect.js';
import { metadataDocument } from './metadata.js';
import { SERVICE_ROOT, odataDate, type JcbCourse, type JcbVacancy } from './native.js';
import { compile, parseFilter, type Expr, type Properties } from './odata.js';
import { COURSE_PROPERTIES, VACANCY_PROPERTIES, changesPlan, matchVacancies, type JcbData } from './store.js';

/** Server-driven paging: at most this many entities an answer; `__next` carries on. */
export const MAX_PAGE = 500;
/** The change feed pages larger: partner systems mirror JobCentre through it. */
export const MAX_CHANGES_PAGE = 2000;
const OPTIONS = new Set(['$filter', '$orderby', '$top', '$skip', '$skiptoken', '$inlinecount', '$expand', '$format']);
const NEWEST_FIRST = 'PostedOn desc,VacancyId desc';
const OLDEST_FIRST = 'PostedOn asc,VacancyId asc';
const CHANGE_ORDER = 'LastModified asc,VacancyId asc';
const COURSE_ORDER = 'StartDate asc,CourseId asc';

/**
 * JobCentre Brunei's OData v2 service (`/odata/v2/`) and its OAuth2 token endpoint: `Vacancies`
 * (every posting in every state — a listing asks for `Status eq 'Open'`), `VacancyChanges` (the
 * same postings in change order: the "changed since" feed), `TrainingCourses`, keyed access
 * `Vacancies('JCB-0000001')`, the service document and `$metadata`.
 */
export function jcbRoutes(data: JcbData, client: OAuthClient, tokens: BearerTokens): Route[] {
  const get = (name: string, path: string, handler: Route['handler'], auth = true): Route => ({ name, method: 'GET', path, auth, handler: odata(handler) });
  return [
    { name: 'token', method: 'POST', path: '/connect/token', auth: false, handler: (req) => issueToken(req, client, tokens) },
    get('service', '/odata/v2/', () => ({ json: { d: { EntitySets: ['Vacancies', 'VacancyChanges', 'TrainingCourses'] } } })),
    get('metadata', '/odata/v2/$metadata', () => ({ text: metadataDocument(), contentType: 'application/xml; charset=utf-8' })),
    get('vacancies', '/odata/v2/Vacancies', (req) => listVacancies(data, req)),
    get('changes', '/odata/v2/VacancyChanges', (req) => listChanges(data, req)),
    get('courses', '/odata/v2/TrainingCourses', (req) => listCourses(data, req)),
    get('entity', '/odata/v2/:key', (req) => entityByKey(data, req)),
  ];
}

/** RFC 6749 client credentials, the client authenticated with HTTP Basic (client_secret_basic). */
function issueToken(req: SimRequest, client: OAuthClient, tokens: BearerTokens): SimResponse {
  const form = req.form();
  if (form.get('grant_type') !== 'client_credentials') return { status: 400, json: { error: 'unsupported_grant_type', error_description: 'grant_type must be client_credentials' } };
  const basic = /^Basic (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
  const [id, secret] = basic ? Buffer.from(basic, 'base64').toString('utf8').split(':') : [];
  if (id !== client.clientId || secret !== client.clientSecret) {
    return { status: 401, headers: { 'www-authenticate': 'Basic realm="JobCentre Brunei"' }, json: { error: 'invalid_client', error_description: 'Client authentication failed' } };
  }
  return { json: { access_token: tokens.issue(client.tokenTtlSeconds), token_type: 'Bearer', expires_in: client.tokenTtlSeconds, scope: 'vacancies.read courses.read' } };
}

/** The service's own error body for what a handler refuses (the core answers with it too). */
function odata(handler: Route['handler']): Route['handler'] {
  return async (req) => {
    try {
      return await handler(req);
    } catch (error) {
      if (error instanceof BadRequest) return odataError(400, error.message);
      if (error instanceof NotFound) return odataError(404, error.message);
      throw error;
    }
  };
}

interface QueryOptions {
  filter: Expr | undefined;
  orderby: string;
  top: number | undefined;
  skip: number;
  count: boolean;
  expandSkills: boolean;
}

function queryOptions<T>(req: SimRequest, properties: Properties<T>, orders: string[]): QueryOptions {
  const q = req.query;
  for (const key of q.keys()) if (key.startsWith('$') && !OPTIONS.has(key)) throw new BadRequest(`The query option '${key}' is not supported`);
  if ((q.get('$format') ?? 'json') !== 'json') throw new BadRequest("Only $format=json is supported");
  const orderby = (q.get('$orderby') ?? orders[0]!).replace(/\s*,\s*/g, ',').replace(/\s+/g, ' ').trim();
  if (!orders.includes(orderby)) throw new BadRequest(`The $orderby '${orderby}' is not supported; use one of: ${orders.join(' | ')}`);
  const inlinecount = q.get('$inlinecount') ?? 'none';
  if (inlinecount !== 'none' && inlinecount !== 'allpages') throw new BadRequest("$inlinecount must be 'allpages' or 'none'");
  const expand = q.get('$expand') ?? '';
  if (expand !== '' && expand !== 'Skills') throw new BadRequest(`Navigation property '${expand}' cannot be expanded`);
  const filterText = q.get('$filter');
  return {
    filter: filterText ? parseFilter(filterText, properties) : undefined,
    orderby,
    top: q.has('$top') ? count(q.get('$top') ?? '', '$top') : undefined,
    skip: q.has('$skiptoken') ? skipOf(q.get('$skiptoken') ?? '') : q.has('$skip') ? count(q.get('$skip') ?? '', '$skip') : 0,
    count: inlinecount === 'allpages',
    expandSkills: expand === 'Skills',
  };
}

function listVacancies(data: JcbData, req: SimRequest): SimResponse {
  const options = queryOptions(req, VACANCY_PROPERTIES, [NEWEST_FIRST, OLDEST_FIRST]);
  const positions = matchVacancies(data, options.filter);
  const ordered = options.orderby === NEWEST_FIRST ? positions : positions.slice().reverse();
  const { page, next } = pageOf(ordered.length, options, MAX_PAGE);
  const items = Array.from(ordered.subarray(page.start, page.end), (p) => data.vacancies[p]!);
  return collection(req, 'Vacancies', items.map((v) => served(v, options.expandSkills)), ordered.length, options, next, data.now());
}

/** Every posting changed at or after the filter's `LastModified ge …` (all without it), oldest change first, every state. */
function listChanges(data: JcbData, req: SimRequest): SimResponse {
  const options = queryOptions(req, VACANCY_PROPERTIES, [CHANGE_ORDER]);
  const { from, keep } = changesPlan(data, options.filter);
  const matches: JcbVacancy[] = [];
  for (let n = from; n < data.changes.length; n++) if (keep(data.changes[n]!)) matches.push(data.changes[n]!);
  const { page, next } = pageOf(matches.length, options, MAX_CHANGES_PAGE);
  return collection(req, 'VacancyChanges', matches.slice(page.start, page.end).map((v) => served(v, options.expandSkills)), matches.length, options, next, data.now());
}

function listCourses(data: JcbData, req: SimRequest): SimResponse {
  const options = queryOptions(req, COURSE_PROPERTIES, [COURSE_ORDER]);
  if (options.expandSkills) throw new BadRequest("Navigation property 'Skills' cannot be expanded on TrainingCourses");
  const keep = options.filter ? compile(options.filter, COURSE_PROPERTIES) : () => true;
  const matches = data.courses.filter(keep);
  const { page, next } = pageOf(matches.length, options, MAX_PAGE);
  return collection(req, 'TrainingCourses', matches.slice(page.start, page.end), matches.length, options, next, data.now());
}

/** `Vacancies('JCB-0000001')` or `TrainingCourses('SP-00001')`: one entity, `{ d: entity }`. */
function entityByKey(data: JcbData, req: SimRequest): SimResponse {
  const m = /^(Vacancies|TrainingCourses)\('((?:[^']|'')*)'\)$/.exec(req.params.key ?? '');
  if (!m) throw new NotFound(`Resource not found for the segment '${req.params.key}'`);
  const key = m[2]!.replace(/''/g, "'");
  const entity: JcbVacancy | JcbCourse | undefined = m[1] === 'Vacancies' ? data.vacancies.find((v) => v.VacancyId === key) : data.courses.find((c) => c.CourseId === key);
  if (!entity) throw new NotFound(`Resource not found for the segment '${req.params.key}'`);
  const expand = req.query.get('$expand') === 'Skills';
  return { json: { d: 'VacancyId' in entity ? served(entity, expand) : entity } };
}

/** A page of `total` matches: `$skip`/`$skiptoken`, `$top`, and the server's page limit; `next` skips past it when more remain. */
function pageOf(total: number, options: QueryOptions, limit: number): { page: { start: number; end: number }; next: { skip: number; top: number | undefined } | undefined } {
  const start = Math.min(options.skip, total);
  const wanted = options.top ?? Infinity;
  const end = Math.min(total, start + Math.min(wanted, limit));
  const left = wanted - (end - start);
  return { page: { start, end }, next: end < total && left > 0 ? { skip: end, top: options.top === undefined ? undefined : left } : undefined };
}

/**
 * `{ d: { results, __count?, __next?, __serverTime } }`. `__next` is the same request from where
 * this page ends, absolute as OData writes it; `__serverTime` (JobCentre's own addition) is the
 * service's clock.
 */
function collection(req: SimRequest, set: string, results: unknown[], total: number, options: QueryOptions, next: { skip: number; top: number | undefined } | undefined, nowMs: number): SimResponse {
  const d: Record<string, unknown> = { results };
  if (options.count) d.__count = String(total);
  if (next) {
    const query = new URLSearchParams(req.query);
    query.delete('$skip');
    query.set('$skiptoken', skipTokenOf(next.skip));
    if (next.top === undefined) query.delete('$top');
    else query.set('$top', String(next.top));
    // Written as OData writes it: system query options keep their `$`.
    const search = [...query].map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&');
    d.__next = `http://${req.headers.host ?? 'localhost'}/odata/v2/${set}?${search}`;
  }
  d.__serverTime = odataDate(nowMs);
  return { json: { d } };
}

/** A vacancy with its skills expanded or deferred, as the request asked. */
function served(vacancy: JcbVacancy, expandSkills: boolean): JcbVacancy {
  if (expandSkills) return vacancy;
  return { ...vacancy, Skills: { __deferred: { uri: `${SERVICE_ROOT}/Vacancies('${vacancy.VacancyId}')/Skills` } } };
}

function skipTokenOf(skip: number): string {
  return Buffer.from(`skip=${skip}`).toString('base64url');
}

function skipOf(token: string): number {
  const m = /^skip=(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (!m) throw new BadRequest('The $skiptoken is not valid');
  return Number(m[1]);
}

function count(text: string, name: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isInteger(n) || n < 0) throw new BadRequest(`${name} must be a non-negative integer`);
  return n;
}
