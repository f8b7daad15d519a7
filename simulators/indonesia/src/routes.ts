import { readFileSync } from 'node:fs';
import { fromRoot } from '../../../core/paths.js';
import { BadRequest, NotFound, type Route, type SimRequest, type SimResponse } from '../../core/index.js';
import { paramsEcho, readParams } from './algolia.js';
import type { KarirhubHit, Pelatihan } from './native.js';
import { occupations } from './profile.js';
import type { KarirhubIndex } from './searchIndex.js';

export const INDEX = 'karirhub_industrial_vacancies';
/** The replica sorted by recency, as Algolia setups keep one per sort order. */
export const INDEX_NEWEST = `${INDEX}_published_at_desc`;
/** The sync replica partner systems mirror Karirhub from: every status, oldest change first. */
export const INDEX_CHANGES = `${INDEX}_updated_at_asc`;
const BROWSE_PAGE = 1000;
const MAX_QUERIES = 50;

export interface KarirhubData {
  /** What the portal lists (status aktif), newest first (published_at desc, objectID desc). */
  hits: KarirhubHit[];
  /** Every posting in every status (a filled posting's page still answers "lowongan sudah terisi"). */
  byId: Map<string, KarirhubHit>;
  index: KarirhubIndex;
  /** Every posting, oldest change first (updated_at_timestamp asc, objectID asc): the sync replica. */
  changes: KarirhubHit[];
  changeIndex: KarirhubIndex;
  courses: Pelatihan[];
  /** The system's clock (epoch ms). */
  now(): number;
}

export function karirhubRoutes(data: KarirhubData): Route[] {
  const openapi = readFileSync(fromRoot('simulators/indonesia/contract/openapi.json'), 'utf8');
  return [
    { name: 'search', method: 'POST', path: '/1/indexes/:index/query', handler: (req) => ({ json: search(data, req.params.index ?? '', bodyObject(req)) }) },
    { name: 'search', method: 'GET', path: '/1/indexes/:index', handler: (req) => ({ json: search(data, req.params.index ?? '', Object.fromEntries(req.query)) }) },
    { name: 'multiQuery', method: 'POST', path: '/1/indexes/*/queries', handler: (req) => multiQuery(data, bodyObject(req)) },
    { name: 'getObjects', method: 'POST', path: '/1/indexes/*/objects', handler: (req) => getObjects(data, bodyObject(req)) },
    { name: 'browse', method: 'GET', path: '/1/indexes/:index/browse', handler: (req) => browse(data, req.params.index ?? '', Object.fromEntries(req.query)) },
    { name: 'browse', method: 'POST', path: '/1/indexes/:index/browse', handler: (req) => browse(data, req.params.index ?? '', bodyObject(req)) },
    { name: 'training', method: 'GET', path: '/skillhub/v1/pelatihan', handler: (req) => trainingPage(data, req) },
    { name: 'trainingBatch', method: 'GET', path: '/skillhub/v1/pelatihan/batch', handler: (req) => trainingBatch(data, req) },
    { name: 'kbji', method: 'GET', path: '/api/v1/kbji', handler: () => ({ json: { data: occupations.map((o) => ({ kode: o.code, nama: o.title })) } }) },
    { name: 'openapi', method: 'GET', path: '/openapi.json', auth: false, handler: () => ({ text: openapi, contentType: 'application/json' }) },
  ];
}

/** One Algolia query: the index plans it; the default index ranks by text relevance, the replica by recency only. */
function search(data: KarirhubData, index: string, raw: Record<string, unknown>): Record<string, unknown> {
  const { hits, engine } = indexNamed(data, index);
  const started = process.hrtime.bigint();
  const params = readParams(raw);
  let ranks = engine.match(params.clauses, params.query);
  if (params.query && index === INDEX) {
    const all = ranks.toArray();
    const score = new Map(all.map((r) => [r, engine.titleScore(r, params.query)]));
    const ranked = [...all].sort((a, b) => (score.get(b) ?? 0) - (score.get(a) ?? 0) || a - b);
    ranks = { length: ranked.length, slice: (a, b) => ranked.slice(a, b), toArray: () => ranked };
  }
  const start = params.page * params.hitsPerPage;
  return {
    hits: ranks.slice(start, start + params.hitsPerPage).map((r) => hits[r]),
    nbHits: ranks.length,
    ...(params.facets.length ? { facets: data.index.facetCounts(ranks, params.facets, params.maxValuesPerFacet) } : {}),
    page: params.page,
    nbPages: params.hitsPerPage === 0 ? 0 : Math.ceil(ranks.length / params.hitsPerPage),
    hitsPerPage: params.hitsPerPage,
    processingTimeMS: Number((process.hrtime.bigint() - started) / 1_000_000n),
    query: params.query,
    params: paramsEcho(raw),
    ...(index === INDEX_CHANGES ? syncClock(data) : {}),
  };
}

/** The sync replica says how current it is: the system's clock when it answered. */
function syncClock(data: KarirhubData): Record<string, number> {
  return { server_time: Math.floor(data.now() / 1000) };
}

/** The multi-query endpoint (`indexes/*` + `/queries`), what Karirhub's front end actually calls: several queries in one request. */
function multiQuery(data: KarirhubData, body: Record<string, unknown>): SimResponse {
  const requests = body.requests;
  if (!Array.isArray(requests) || requests.length === 0) throw new BadRequest('requests must be a non-empty array');
  if (requests.length > MAX_QUERIES) throw new BadRequest(`too many queries (max ${MAX_QUERIES})`);
  const results = requests.map((r: unknown) => {
    if (!r || typeof r !== 'object' || Array.isArray(r)) throw new BadRequest('each request must be an object');
    const { indexName, ...params } = r as Record<string, unknown>;
    if (typeof indexName !== 'string') throw new BadRequest('each request needs an indexName');
    return { ...search(data, indexName, params), index: indexName };
  });
  return { json: { results } };
}

function getObjects(data: KarirhubData, body: Record<string, unknown>): SimResponse {
  const requests = body.requests;
  if (!Array.isArray(requests)) throw new BadRequest('requests must be an array');
  if (requests.length > 1000) throw new BadRequest('too many objects requested (max 1000)');
  const results = requests.map((r: unknown) => {
    const { indexName, objectID } = (r ?? {}) as { indexName?: unknown; objectID?: unknown };
    if (typeof objectID !== 'string') throw new BadRequest('each request needs an objectID');
    if (typeof indexName === 'string') checkIndex(indexName);
    return data.byId.get(objectID) ?? null;
  });
  return { json: { results } };
}

/** Full export with a cursor (opaque to callers), up to 1000 hits a page, recency order. */
function browse(data: KarirhubData, index: string, raw: Record<string, unknown>): SimResponse {
  const { hits, engine } = indexNamed(data, index);
  const params = readParams(raw, { hitsPerPage: BROWSE_PAGE });
  const offset = raw.cursor === undefined ? 0 : decodeCursor(String(raw.cursor));
  const ranks = engine.match(params.clauses, params.query);
  const next = offset + params.hitsPerPage;
  return {
    json: {
      hits: ranks.slice(offset, next).map((r) => hits[r]),
      nbHits: ranks.length,
      ...(next < ranks.length ? { cursor: Buffer.from(`o:${next}`).toString('base64') } : {}),
      ...(index === INDEX_CHANGES ? syncClock(data) : {}),
    },
  };
}

function trainingPage(data: KarirhubData, req: SimRequest): SimResponse {
  const page = positiveInt(req.query.get('page') ?? '1', 'page');
  const limit = positiveInt(req.query.get('limit') ?? '20', 'limit');
  if (limit > 500) throw new BadRequest('limit maksimal 500');
  const provinsi = req.query.get('provinsi')?.toLowerCase();
  const kbji = req.query.get('kbji') ?? '';
  const matches = data.courses.filter((c) => (!provinsi || c.provinsi.toLowerCase() === provinsi) && c.kbji_code.startsWith(kbji));
  return { json: { data: matches.slice((page - 1) * limit, page * limit), meta: { page, limit, total: matches.length } } };
}

function trainingBatch(data: KarirhubData, req: SimRequest): SimResponse {
  const ids = new Set((req.query.get('ids') ?? '').split(',').filter(Boolean));
  if (ids.size > 200) throw new BadRequest('ids maksimal 200');
  return { json: { data: data.courses.filter((c) => ids.has(c.id)) } };
}

function checkIndex(index: string): void {
  if (index !== INDEX && index !== INDEX_NEWEST && index !== INDEX_CHANGES) throw new NotFound(`Index ${index} does not exist`);
}

/** The records and search engine behind an index name: the published indices, or the sync replica. */
function indexNamed(data: KarirhubData, index: string): { hits: readonly KarirhubHit[]; engine: KarirhubIndex } {
  checkIndex(index);
  return index === INDEX_CHANGES ? { hits: data.changes, engine: data.changeIndex } : { hits: data.hits, engine: data.index };
}

function bodyObject(req: SimRequest): Record<string, unknown> {
  const body = req.json();
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new BadRequest('Request body must be a JSON object');
  return body as Record<string, unknown>;
}

function decodeCursor(cursor: string): number {
  const match = /^o:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  if (!match) throw new BadRequest('invalid cursor');
  return Number(match[1]);
}

function positiveInt(text: string, name: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new BadRequest(`${name} harus bilangan bulat positif`);
  return n;
}
