import { readFileSync } from 'node:fs';
import { fromRoot } from '../../../core/paths.js';
import { BadRequest, NotFound, type Route, type SimRequest, type SimResponse } from '../../core/index.js';
import { readParams, textScore } from './algolia.js';
import type { KarirhubHit, Pelatihan } from './native.js';
import { occupations } from './profile.js';

export const INDEX = 'karirhub_industrial_vacancies';
/** The replica sorted by recency, as Algolia setups keep one per sort order. */
export const INDEX_NEWEST = `${INDEX}_published_at_desc`;
const BROWSE_PAGE = 1000;

export interface KarirhubData {
  /** Newest first (published_at desc, objectID desc). */
  hits: KarirhubHit[];
  byId: Map<string, KarirhubHit>;
  courses: Pelatihan[];
}

export function karirhubRoutes(data: KarirhubData): Route[] {
  const openapi = readFileSync(fromRoot('simulators/indonesia/contract/openapi.json'), 'utf8');
  return [
    { name: 'search', method: 'POST', path: '/1/indexes/:index/query', handler: (req) => search(data, req.params.index ?? '', bodyObject(req)) },
    { name: 'search', method: 'GET', path: '/1/indexes/:index', handler: (req) => search(data, req.params.index ?? '', Object.fromEntries(req.query)) },
    { name: 'getObjects', method: 'POST', path: '/1/indexes/*/objects', handler: (req) => getObjects(data, bodyObject(req)) },
    { name: 'browse', method: 'GET', path: '/1/indexes/:index/browse', handler: (req) => browse(data, req.params.index ?? '', Object.fromEntries(req.query)) },
    { name: 'browse', method: 'POST', path: '/1/indexes/:index/browse', handler: (req) => browse(data, req.params.index ?? '', bodyObject(req)) },
    { name: 'training', method: 'GET', path: '/skillhub/v1/pelatihan', handler: (req) => trainingPage(data, req) },
    { name: 'trainingBatch', method: 'GET', path: '/skillhub/v1/pelatihan/batch', handler: (req) => trainingBatch(data, req) },
    { name: 'kbji', method: 'GET', path: '/api/v1/kbji', handler: () => ({ json: { data: occupations.map((o) => ({ kode: o.code, nama: o.title })) } }) },
    { name: 'openapi', method: 'GET', path: '/openapi.json', auth: false, handler: () => ({ text: openapi, contentType: 'application/json' }) },
  ];
}

function search(data: KarirhubData, index: string, raw: Record<string, unknown>): SimResponse {
  checkIndex(index);
  const started = process.hrtime.bigint();
  const params = readParams(raw);
  let matches = data.hits.filter((hit) => params.predicates.every((p) => p(hit)));
  if (params.query) {
    const scored = matches.map((hit) => ({ hit, score: textScore(hit, params.query) })).filter((s) => s.score > 0);
    // The default index ranks by text relevance; the replica keeps strict recency.
    if (index === INDEX) scored.sort((a, b) => b.score - a.score);
    matches = scored.map((s) => s.hit);
  }
  const start = params.page * params.hitsPerPage;
  return {
    json: {
      hits: matches.slice(start, start + params.hitsPerPage),
      nbHits: matches.length,
      page: params.page,
      nbPages: params.hitsPerPage === 0 ? 0 : Math.ceil(matches.length / params.hitsPerPage),
      hitsPerPage: params.hitsPerPage,
      processingTimeMS: Number((process.hrtime.bigint() - started) / 1_000_000n),
      query: params.query,
      params: new URLSearchParams(Object.entries(raw).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])).toString(),
    },
  };
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

/** Full export with a cursor (the offset, opaque to callers), 1000 hits a page. */
function browse(data: KarirhubData, index: string, raw: Record<string, unknown>): SimResponse {
  checkIndex(index);
  const params = readParams(raw);
  const offset = raw.cursor === undefined ? 0 : decodeCursor(String(raw.cursor));
  const matches = data.hits.filter((hit) => params.predicates.every((p) => p(hit)));
  const hits = matches.slice(offset, offset + BROWSE_PAGE);
  const next = offset + BROWSE_PAGE;
  return { json: { hits, nbHits: matches.length, ...(next < matches.length ? { cursor: Buffer.from(`o:${next}`).toString('base64') } : {}) } };
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
  if (index !== INDEX && index !== INDEX_NEWEST) throw new NotFound(`Index ${index} does not exist`);
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
