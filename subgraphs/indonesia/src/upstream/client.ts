import { afterKeyset, everyPage, learned, slicesOf, trainingsMatching, unique, type AdapterContext, type CountryUpstream, type Keyset, type TrainingFilter, type VacancyFilter } from '../../../kit/index.js';
import { nativeKeysFor, nativeValues, occupationCodesFor, skillNames, spellingsByRegion } from '../../../kit/filters.js';
import { educationToIsced, regionsOf } from '../../../kit/reference.js';
import type { KarirhubHit, Pelatihan } from './native.js';
import { isoInOffset } from '../../../kit/translation.js';
import { JOB_TYPES, WIB, toTrainingOffer } from './toModel.js';

/**
 * Karirhub's Algolia-compatible search and Skillhub, spoken natively. One upstream call per
 * method, except the `all…` pulls, which page through the export.
 */

const INDEX = 'karirhub_industrial_vacancies_published_at_desc';
/** The sync replica: every status, oldest change first (updated_at_timestamp asc, objectID asc). */
const CHANGES_INDEX = 'karirhub_industrial_vacancies_updated_at_asc';
/** Algolia's largest page. */
const MAX_HITS_PER_PAGE = 1000;
/** Skillhub's page of the course catalogue. */
const TRAINING_PAGE = 500;
const APP_ID = 'KARIRHUB';
/** Over-fetch so that a keyset page can skip postings that share the keyset's second. */
const KEYSET_SLACK = 50;
const EDUCATION_LABELS = ['SD', 'SMP', 'SMA', 'SMK', 'SMA/SMK', 'D1', 'D2', 'D3', 'D4', 'S1', 'S2', 'S3'];
/** Karirhub spells some provinces its own way; other names are the ISO ones. */
const PORTAL_NAMES: Record<string, string> = { 'ID-JK': 'DKI Jakarta', 'ID-YO': 'DI Yogyakarta', 'ID-BB': 'Bangka Belitung' };
/** Employers type new spellings ("DKI  JAKARTA") as postings arrive: the learned list is renewed this often. */
const SPELLINGS_TTL_MS = 10 * 60_000;
const MAX_FACET_VALUES = 1000;

/** Province spellings Karirhub really holds, by ISO code. */
type Spellings = ReadonlyMap<string, readonly string[]>;

interface SearchResponse {
  hits: KarirhubHit[];
  nbHits: number;
  facets?: Record<string, Record<string, number>>;
}

export function createKarirhubUpstream(ctx: AdapterContext): CountryUpstream<KarirhubHit, Pelatihan> {
  const apiKey = ctx.setting('apiKey');
  const client = ctx.createClient({
    timeoutMs: 3_000,
    retries: 2,
    concurrency: 16,
    authHeaders: async () => ({ 'x-algolia-api-key': apiKey, 'x-algolia-application-id': APP_ID }),
  });
  const query = (params: Record<string, unknown>, route = 'search') =>
    client.request<SearchResponse>({ method: 'POST', path: `/1/indexes/${INDEX}/query`, json: params, idempotent: true, route });
  const spellings = learned(
    () => query({ query: '', hitsPerPage: 0, facets: ['province_name'], maxValuesPerFacet: MAX_FACET_VALUES }, 'facets').then((res) => spellingsByRegion('ID', Object.keys(res.facets?.province_name ?? {}))),
    SPELLINGS_TTL_MS,
  );
  /** Only a region filter needs the learned spellings; other filters never wait for them. */
  const nativeFilter = async (filter: VacancyFilter, after: Keyset | null = null) => algoliaFilter(filter, after, filter.regions?.length ? await spellings() : new Map());

  const allVacancies = async (filter: VacancyFilter): Promise<KarirhubHit[]> => {
    const out: KarirhubHit[] = [];
    const params = await nativeFilter(filter);
    if (!params) return out;
    let cursor: string | undefined;
    do {
      const page = await client.request<{ hits: KarirhubHit[]; cursor?: string }>({
        method: 'POST',
        path: `/1/indexes/${INDEX}/browse`,
        json: { ...params, ...(cursor ? { cursor } : {}) },
        idempotent: true,
        route: 'browse',
      });
      out.push(...page.hits);
      cursor = page.cursor;
    } while (cursor);
    return out;
  };

  const allTrainings = async (filter: TrainingFilter): Promise<Pelatihan[]> => {
    const out = await everyPage(TRAINING_PAGE, (n) =>
      client
        .request<{ data: Pelatihan[]; meta: { total: number } }>({ path: '/skillhub/v1/pelatihan', query: { page: n + 1, limit: TRAINING_PAGE }, route: 'training' })
        .then((res) => ({ items: res.data, total: res.meta.total })),
    );
    return trainingsMatching(out, filter, toTrainingOffer);
  };

  return {
    searchVacancies: async (filter, first, after) => {
      const params = await nativeFilter(filter, after);
      if (!params) return { total: 0, items: [] };
      const res = await query({ ...params, hitsPerPage: first + (after ? KEYSET_SLACK : 0) });
      return { total: res.nbHits, items: afterKeyset(res.hits, after, (h) => h.published_at * 1000, (h) => h.objectID).slice(0, first) };
    },
    allVacancies,
    vacanciesByIds: async (ids) => {
      const res = await client.request<{ results: Array<KarirhubHit | null> }>({
        method: 'POST',
        path: '/1/indexes/*/objects',
        json: { requests: ids.map((objectID) => ({ indexName: INDEX, objectID })) },
        idempotent: true,
        route: 'getObjects',
      });
      return res.results.filter((h): h is KarirhubHit => h !== null);
    },
    // Skillhub filters one province and one code at a time, and the catalogue is small: search
    // pages are slices of the whole pull.
    searchTrainings: slicesOf(allTrainings),
    allTrainings,
    trainingsByIds: async (ids) => {
      const res = await client.request<{ data: Pelatihan[] }>({ path: '/skillhub/v1/pelatihan/batch', query: { ids: ids.join(',') }, route: 'trainingBatch' });
      return res.data;
    },
    // Seconds are Karirhub's resolution: the filter is inclusive of the keyset's second, the kit skips what it has passed.
    changes: async (after, first) => {
      const res = await client.request<SearchResponse & { server_time: number }>({
        method: 'POST',
        path: `/1/indexes/${CHANGES_INDEX}/query`,
        json: { query: '', numericFilters: after ? [`updated_at_timestamp>=${Math.floor(Date.parse(after.updatedAt) / 1000)}`] : [], hitsPerPage: Math.min(MAX_HITS_PER_PAGE, first + KEYSET_SLACK) },
        idempotent: true,
        route: 'changes',
      });
      return { items: res.hits, hasMore: res.nbHits > res.hits.length, asOf: isoInOffset(res.server_time * 1000, WIB) };
    },
  };
}

/**
 * Our filter in Karirhub's vocabulary: KBJI codes, province names, skill labels, job types,
 * education labels (undefined: not asked; null: asked, but Karirhub has no word for it). Province
 * spellings are learned from the search's facet counts (the kit's `spellingsByRegion`): Algolia
 * folds only case, accents and surrounding spaces, so "DKI  JAKARTA" must be asked for as typed.
 */
function facetValues(filter: VacancyFilter, spellings: Spellings): Array<[attribute: string, values: string[] | null | undefined]> {
  return [
    // ISCO-08 prefixes reach KBJI 2014 through the taxonomy's crosswalk, never by guessing digits.
    ['kbji_code', nativeValues(filter.iscoCodes, (codes) => occupationCodesFor('KBJI-2014', codes))],
    ['province_name', nativeValues(filter.regions, (isos) => unique(isos.flatMap((iso) => [...provinceNames(iso), ...(spellings.get(iso) ?? [])])))],
    ['skills', nativeValues(filter.skills, (ids) => skillNames(ids, ['en']))],
    ['job_type', nativeValues(filter.employmentTypes, (types) => nativeKeysFor(JOB_TYPES, types))],
    ['education_min', nativeValues(filter.educationLevels, (levels) => EDUCATION_LABELS.filter((label) => levels.includes(educationToIsced('ID', label) ?? -1)))],
  ];
}

/**
 * Our filter in Algolia's words: facet clauses in `filters`, ranges in `numericFilters`. Null when
 * the filter asks only for codes, regions or skills Karirhub has no words for: it matches nothing,
 * no call needed.
 */
export function algoliaFilter(filter: VacancyFilter, after: Keyset | null = null, spellings: Spellings = new Map()): Record<string, unknown> | null {
  const facets = facetValues(filter, spellings);
  if (facets.some(([, values]) => values === null)) return null;
  const clauses = facets
    .map(([attribute, values]) => anyOf((values ?? []).map((v) => `${attribute}:"${v.replace(/"/g, '\\"')}"`)))
    .filter((c): c is string => c !== undefined);
  const numeric = [
    filter.minMonthlyWage ? `salary_min>=${Math.ceil(filter.minMonthlyWage)}` : undefined,
    filter.postedSince ? `published_at>=${Math.ceil(Date.parse(filter.postedSince) / 1000)}` : undefined,
    after ? `published_at<=${Math.floor(Date.parse(after.postedAt) / 1000)}` : undefined,
  ].filter((c): c is string => c !== undefined);
  return { query: filter.text ?? '', filters: clauses.join(' AND '), numericFilters: numeric };
}

function anyOf(alternatives: string[]): string | undefined {
  if (alternatives.length === 0) return undefined;
  return alternatives.length === 1 ? alternatives[0] : `(${alternatives.join(' OR ')})`;
}

function provinceNames(iso: string): string[] {
  const region = regionsOf('ID').find((r) => r.code === iso);
  return [PORTAL_NAMES[iso], region?.name].filter((n): n is string => Boolean(n));
}

