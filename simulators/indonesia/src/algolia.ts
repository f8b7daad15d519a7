import { BadRequest } from '../../core/index.js';

/**
 * The slice of Algolia's query language Karirhub's front end uses, parsed into conditions the
 * search index can plan: `query`, `page`, `hitsPerPage`, `filters` (clauses joined by AND, each a
 * condition or a parenthesised OR of conditions; `attr:"value"`, `NOT attr:value`, `attr >= n`,
 * `attr:lo TO hi`), `numericFilters` (array or comma list of `attr<=n` …), `facetFilters` (array of
 * "attr:value" or arrays of them, OR-ed). Anything else is refused the way Algolia refuses it.
 */

export const FACETS = new Set([
  'province_name', 'city_name', 'job_type', 'education_min', 'kbji_code', 'kbli_code', 'industry_name', 'skills', 'company_name',
  'inclusive_workplace', 'status', 'kbji_hierarchy.lvl0', 'kbji_hierarchy.lvl1', 'kbji_hierarchy.lvl2', 'kbji_hierarchy.lvl3',
]);
export const NUMERIC = new Set(['published_at', 'updated_at_timestamp', 'closed_at', 'expired_at', 'salary_min', 'salary_max', 'experience_min_years', 'job_id']);

export type Operator = '<' | '<=' | '=' | '!=' | '>=' | '>';
export type Condition =
  | { kind: 'facet'; attribute: string; value: string; negated: boolean }
  | { kind: 'numeric'; attribute: string; op: Operator; value: number }
  | { kind: 'range'; attribute: string; lo: number; hi: number };
/** Conditions OR-ed together; a query is the AND of its clauses. */
export type Clause = Condition[];

export interface AlgoliaParams {
  query: string;
  page: number;
  hitsPerPage: number;
  clauses: Clause[];
  /** Facet attributes whose value counts over all matches come back in `facets` (Algolia's `facets`). */
  facets: string[];
  maxValuesPerFacet: number;
}

const MAX_HITS_PER_PAGE = 1000;
const MAX_VALUES_PER_FACET = 1000;

/** Algolia takes params as a JSON object, or as a url-encoded `params` string inside it. */
export function readParams(raw: Record<string, unknown>, defaults: { hitsPerPage: number } = { hitsPerPage: 20 }): AlgoliaParams {
  const merged: Record<string, unknown> = { ...raw };
  if (typeof raw.params === 'string') for (const [k, v] of new URLSearchParams(raw.params)) merged[k] = parseMaybeJson(v);
  // From a query string, list parameters arrive as JSON text.
  for (const key of ['numericFilters', 'facetFilters', 'facets']) if (typeof merged[key] === 'string') merged[key] = parseMaybeJson(merged[key] as string);
  const page = int(merged.page, 0, 'page');
  const hitsPerPage = int(merged.hitsPerPage, defaults.hitsPerPage, 'hitsPerPage');
  if (hitsPerPage < 0 || hitsPerPage > MAX_HITS_PER_PAGE) throw new BadRequest(`hitsPerPage must be between 0 and ${MAX_HITS_PER_PAGE}`);
  if (page < 0) throw new BadRequest('page must be >= 0');
  const maxValuesPerFacet = int(merged.maxValuesPerFacet, 100, 'maxValuesPerFacet');
  if (maxValuesPerFacet < 1 || maxValuesPerFacet > MAX_VALUES_PER_FACET) throw new BadRequest(`maxValuesPerFacet must be between 1 and ${MAX_VALUES_PER_FACET}`);
  if (merged.query !== undefined && typeof merged.query !== 'string') throw new BadRequest('query must be a string');
  return {
    query: typeof merged.query === 'string' ? merged.query : '',
    page,
    hitsPerPage,
    clauses: [...filterClauses(merged.filters), ...numericClauses(merged.numericFilters), ...facetFilterClauses(merged.facetFilters)],
    facets: facetList(merged.facets),
    maxValuesPerFacet,
  };
}

/** The echo of the parameters Algolia puts in every answer (`params`). */
export function paramsEcho(raw: Record<string, unknown>): string {
  return new URLSearchParams(Object.entries(raw).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])).toString();
}

// ---- filters ------------------------------------------------------------------------------------

const TOKEN = /\s*("(?:[^"\\]|\\.)*"|\(|\)|<=|>=|!=|<|>|=|:|[^\s():<>=!"]+)/y;

function filterClauses(filters: unknown): Clause[] {
  if (filters === undefined || filters === '') return [];
  if (typeof filters !== 'string') throw new BadRequest('filters must be a string');
  const tokens = tokenize(filters);
  const clauses: Clause[] = [];
  let at = 0;
  const fail = (why: string): never => {
    throw new BadRequest(`filters: ${why} at token ${at + 1} of "${filters.slice(0, 120)}"`);
  };
  while (at < tokens.length) {
    if (tokens[at] === '(') {
      const alternatives: Condition[] = [];
      at++;
      for (;;) {
        const [condition, next] = readCondition(tokens, at, fail);
        alternatives.push(condition);
        at = next;
        if (tokens[at] === ')') break;
        if (tokens[at] !== 'OR') fail('expected OR or ")"');
        at++;
      }
      at++;
      clauses.push(alternatives);
    } else {
      const [condition, next] = readCondition(tokens, at, fail);
      clauses.push([condition]);
      at = next;
    }
    if (at < tokens.length) {
      if (tokens[at] !== 'AND') fail('expected AND (combine OR only inside parentheses)');
      at++;
      if (at >= tokens.length) fail('dangling AND');
    }
  }
  return clauses;
}

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const match = TOKEN.exec(text);
    if (!match) throw new BadRequest(`filters: unexpected character near "${text.slice(TOKEN.lastIndex, TOKEN.lastIndex + 20)}"`);
    tokens.push(match[1] ?? '');
  }
  return tokens;
}

/** `[NOT] attr:value` | `attr:lo TO hi` | `attr <op> number`; returns the condition and the next token. */
function readCondition(tokens: string[], start: number, fail: (why: string) => never): [Condition, number] {
  let at = start;
  const negated = tokens[at] === 'NOT';
  if (negated) at++;
  const attribute = tokens[at] ?? fail('expected an attribute');
  const op = tokens[at + 1];
  const value = tokens[at + 2] ?? fail(`expected a value after ${attribute}`);
  if (op === ':' && tokens[at + 3] === 'TO') {
    const hi = tokens[at + 4] ?? fail('expected the upper bound of TO');
    numericAttribute(attribute, fail);
    return [{ kind: 'range', attribute, lo: number(value, fail), hi: number(hi, fail) }, at + 5];
  }
  if (op === ':') {
    if (!FACETS.has(attribute)) fail(`unknown facet attribute "${attribute}"`);
    return [{ kind: 'facet', attribute, value: unquote(value), negated }, at + 3];
  }
  if (op && ['<', '<=', '=', '!=', '>=', '>'].includes(op)) {
    if (negated) fail('NOT applies to facets only');
    numericAttribute(attribute, fail);
    return [{ kind: 'numeric', attribute, op: op as Operator, value: number(value, fail) }, at + 3];
  }
  return fail(`expected ":" or a comparison after ${attribute}`);
}

function numericAttribute(attribute: string, fail: (why: string) => never): void {
  if (!NUMERIC.has(attribute)) fail(`"${attribute}" is not a numeric attribute`);
}

function number(text: string, fail: (why: string) => never): number {
  const n = Number(text);
  return Number.isFinite(n) && text.trim() !== '' ? n : fail(`"${text}" is not a number`);
}

function unquote(value: string): string {
  return value.startsWith('"') ? value.slice(1, -1).replace(/\\(.)/g, '$1') : value;
}

// ---- numericFilters and facetFilters ------------------------------------------------------------

function numericClauses(numericFilters: unknown): Clause[] {
  if (numericFilters === undefined || numericFilters === '') return [];
  const list = Array.isArray(numericFilters) ? numericFilters : String(numericFilters).split(',');
  return list.map((entry) => {
    // An inner array is OR-ed, as in Algolia.
    const alternatives = Array.isArray(entry) ? entry : [entry];
    return alternatives.map((expression) => numericCondition(String(expression)));
  });
}

function numericCondition(expression: string): Condition {
  const match = /^\s*([\w.]+)\s*(<=|>=|!=|<|>|=)\s*(-?\d+(?:\.\d+)?)\s*$/.exec(expression);
  if (!match || !NUMERIC.has(match[1] ?? '')) throw new BadRequest(`numericFilters: invalid expression "${expression}"`);
  return { kind: 'numeric', attribute: match[1] ?? '', op: match[2] as Operator, value: Number(match[3]) };
}

function facetFilterClauses(facetFilters: unknown): Clause[] {
  if (facetFilters === undefined) return [];
  const list = typeof facetFilters === 'string' ? [facetFilters] : facetFilters;
  if (!Array.isArray(list)) throw new BadRequest('facetFilters must be an array');
  return list.map((entry) => (Array.isArray(entry) ? entry : [entry]).map((e) => facetCondition(String(e))));
}

function facetCondition(text: string): Condition {
  const match = /^\s*(-?)([\w.]+):(.*)$/.exec(text);
  if (!match || !FACETS.has(match[2] ?? '')) throw new BadRequest(`facetFilters: invalid facet "${text}"`);
  return { kind: 'facet', attribute: match[2] ?? '', value: unquote((match[3] ?? '').trim()), negated: match[1] === '-' };
}

/** `facets`: an array of facet attributes, a comma list, or "*" for all of them. */
function facetList(facets: unknown): string[] {
  if (facets === undefined || facets === '') return [];
  const list = Array.isArray(facets) ? facets.map(String) : String(facets).split(',').map((f) => f.trim());
  if (list.includes('*')) return [...FACETS];
  for (const f of list) if (!FACETS.has(f)) throw new BadRequest(`facets: unknown facet attribute "${f}"`);
  return list;
}

// ---- helpers ------------------------------------------------------------------------------------

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
