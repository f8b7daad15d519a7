import { BadRequest } from '../../core/index.js';
import type { KarirhubHit } from './native.js';

/**
 * The slice of Algolia's query language Karirhub's front end uses: `query`, `page`,
 * `hitsPerPage`, `filters` (facet clauses joined by AND, alternatives in parentheses joined by
 * OR), `numericFilters` (array or comma list of `attr<=n` …), `facetFilters` (array of
 * "attr:value" or arrays of them, OR-ed). Anything else is refused the way Algolia refuses it.
 */
export interface AlgoliaParams {
  query: string;
  page: number;
  hitsPerPage: number;
  predicates: Array<(hit: KarirhubHit) => boolean>;
}

const MAX_HITS_PER_PAGE = 1000;
const FACETS = new Set(['province_name', 'city_name', 'job_type', 'education_min', 'kbji_code', 'kbji_hierarchy.lvl0', 'kbji_hierarchy.lvl1', 'kbji_hierarchy.lvl2', 'kbji_hierarchy.lvl3', 'industry_name', 'skills', 'company_name']);
const NUMERIC = new Set(['published_at', 'expired_at', 'salary_min', 'salary_max', 'experience_min_years']);

/** Algolia takes params as a JSON object, or as a url-encoded `params` string inside it. */
export function readParams(raw: Record<string, unknown>): AlgoliaParams {
  const merged: Record<string, unknown> = { ...raw };
  if (typeof raw.params === 'string') for (const [k, v] of new URLSearchParams(raw.params)) merged[k] = parseMaybeJson(v);
  const page = int(merged.page, 0, 'page');
  const hitsPerPage = int(merged.hitsPerPage, 20, 'hitsPerPage');
  if (hitsPerPage < 0 || hitsPerPage > MAX_HITS_PER_PAGE) throw new BadRequest(`hitsPerPage must be between 0 and ${MAX_HITS_PER_PAGE}`);
  if (page < 0) throw new BadRequest('page must be >= 0');
  return {
    query: typeof merged.query === 'string' ? merged.query : '',
    page,
    hitsPerPage,
    predicates: [...facetClauses(merged.filters), ...numericClauses(merged.numericFilters), ...facetFilterClauses(merged.facetFilters)],
  };
}

/** Words of the query that appear in the title, company or skills: Algolia-like typo-free match. */
export function textScore(hit: KarirhubHit, query: string): number {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return 1;
  const haystack = fold(`${hit.title} ${hit.company_name} ${hit.job_function_name} ${hit.skills.join(' ')}`);
  return words.filter((w) => haystack.includes(w)).length / words.length;
}

function facetClauses(filters: unknown): Array<(hit: KarirhubHit) => boolean> {
  if (filters === undefined || filters === '') return [];
  if (typeof filters !== 'string') throw new BadRequest('filters must be a string');
  return filters.split(/\s+AND\s+/).map((clause) => {
    const alternatives = clause.replace(/^\(|\)$/g, '').split(/\s+OR\s+/).map(parseFacet);
    return (hit: KarirhubHit) => alternatives.some((test) => test(hit));
  });
}

function facetFilterClauses(facetFilters: unknown): Array<(hit: KarirhubHit) => boolean> {
  if (facetFilters === undefined) return [];
  if (!Array.isArray(facetFilters)) throw new BadRequest('facetFilters must be an array');
  return facetFilters.map((entry) => {
    const alternatives = (Array.isArray(entry) ? entry : [entry]).map((e) => parseFacet(String(e)));
    return (hit: KarirhubHit) => alternatives.some((test) => test(hit));
  });
}

function parseFacet(text: string): (hit: KarirhubHit) => boolean {
  const match = /^\s*([\w.]+)\s*:\s*"?(.*?)"?\s*$/.exec(text);
  if (!match || !FACETS.has(match[1] ?? '')) throw new BadRequest(`filters: invalid syntax or unknown attribute near "${text.trim()}"`);
  const [, attribute = '', value = ''] = match;
  const wanted = fold(value);
  return (hit) => facetValues(hit, attribute).some((v) => fold(v) === wanted);
}

function facetValues(hit: KarirhubHit, attribute: string): string[] {
  if (attribute.startsWith('kbji_hierarchy.')) {
    const level = attribute.split('.')[1] as keyof NonNullable<KarirhubHit['kbji_hierarchy']>;
    return hit.kbji_hierarchy ? [hit.kbji_hierarchy[level]] : [];
  }
  const value = hit[attribute as keyof KarirhubHit];
  if (Array.isArray(value)) return value.map(String);
  return value === null || value === undefined ? [] : [String(value)];
}

function numericClauses(numericFilters: unknown): Array<(hit: KarirhubHit) => boolean> {
  if (numericFilters === undefined || numericFilters === '') return [];
  const list = Array.isArray(numericFilters) ? numericFilters.map(String) : String(numericFilters).split(',');
  return list.map((expression) => {
    const match = /^\s*(\w+)\s*(<=|>=|<|>|=|!=)\s*(-?\d+(?:\.\d+)?)\s*$/.exec(expression);
    if (!match || !NUMERIC.has(match[1] ?? '')) throw new BadRequest(`numericFilters: invalid expression "${expression}"`);
    const [, attribute = '', op, raw] = match;
    const n = Number(raw);
    return (hit: KarirhubHit) => {
      const v = hit[attribute as keyof KarirhubHit];
      if (typeof v !== 'number') return false;
      return op === '<=' ? v <= n : op === '>=' ? v >= n : op === '<' ? v < n : op === '>' ? v > n : op === '=' ? v === n : v !== n;
    };
  });
}

function int(value: unknown, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n)) throw new BadRequest(`${name} must be an integer`);
  return n;
}

function parseMaybeJson(value: string): unknown {
  if (!/^[[{]/.test(value)) return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    throw new BadRequest(`invalid JSON in parameter: ${value.slice(0, 40)}`);
  }
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim();
}
