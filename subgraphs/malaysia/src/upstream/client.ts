import { afterKeyset, chunks, learned, orNaN, type AdapterContext, type CountryUpstream, type TrainingFilter, type VacancyFilter } from '../../../kit/index.js';
import { iscoToNational, regionsOf, skillLabel } from '../../../kit/reference.js';
import type { MfjChangePage, MfjJob, MfjProgramme } from './native.js';
import { clientCredentials } from './oauth.js';
import { CONTRACT_TYPES, MYT, mytInstant, toTrainingOffer } from './toModel.js';
import { isoInOffset } from '../../../kit/translation.js';
import { spellingsByRegion } from '../../../kit/filters.js';
import { slicesOf, trainingsMatching } from '../../../kit/catalogue.js';

/**
 * MYFutureJobs' REST API, spoken natively: facets (`STATE==Selangor`), offset/limit, OAuth2.
 * One upstream call per method, except the `all…` pulls, which page through at 500 a call.
 */

const MAX_LIMIT = 500;
/** Pages asked together when pulling every match. */
const PAGES_AT_ONCE = 8;
const MAX_BATCH_IDS = 100;
/** The changes feed's largest page. */
const MAX_CHANGES_SIZE = 1000;
const NEWEST_FIRST = 'postedDate,desc';
/** Over-fetch so that a keyset page can skip postings that share the keyset's instant. */
const KEYSET_SLACK = 20;
/** ISCED level → the portal's EDUCATION codes (PT3 2, SPM 3, SKM/STPM 4, Diploma/DKM 5, degree 6, master 7, PhD 8). */
const EDUCATION_CODES: Record<number, string[]> = { 2: ['2'], 3: ['3', '4'], 5: ['5'], 6: ['6'], 7: ['7'], 8: ['8'] };
/** A facet value nothing carries: a filter the portal cannot express must match nothing, not everything. */
const NOTHING = 'none';
/** Employers type new state spellings as postings arrive: the learned list is renewed this often. */
const SPELLINGS_TTL_MS = 10 * 60_000;

/** State spellings the portal really facets on, by ISO code. */
type Spellings = ReadonlyMap<string, readonly string[]>;

interface Page<T> {
  results: T[];
  total: number;
  facets?: Record<string, Array<{ value: string; count: number }>>;
}

export function createMfjUpstream(ctx: AdapterContext): CountryUpstream<MfjJob, MfjProgramme> {
  const [clientId, clientSecret] = [ctx.setting('clientId'), ctx.setting('clientSecret')];
  const tokens = clientCredentials(ctx.createClient({ name: 'malaysia-oauth', timeoutMs: 3_000, retries: 1 }), clientId, clientSecret);
  const client = ctx.createClient({ timeoutMs: 3_000, retries: 2, concurrency: 16, authHeaders: tokens.headers, onAuthRejected: tokens.invalidate });
  const jobs = (query: Record<string, string | number>) => client.request<Page<MfjJob>>({ path: '/api/jobs', query: { ...query, sort: NEWEST_FIRST }, route: 'search' });
  // Every search answers with the STATE facet's counts, each value as the portal holds it.
  const spellings = learned(() => jobs({ limit: 1 }).then((page) => spellingsByRegion('MY', (page.facets?.STATE ?? []).map((f) => f.value))), SPELLINGS_TTL_MS);
  const queryFor = async (filter: VacancyFilter) => queryOf(filter, filter.regions?.length ? await spellings() : new Map());
  const batches = <T>(path: string, route: string, ids: readonly string[]) =>
    Promise.all(chunks(ids, MAX_BATCH_IDS).map((chunk) => client.request<{ results: T[] }>({ path, query: { ids: chunk.join(',') }, route }))).then((answers) => answers.flatMap((a) => a.results));

  /**
   * Every page: the first tells the total, the rest go PAGES_AT_ONCE at a time (each call's
   * deadline starts when it is sent, so none waits out its deadline in a queue).
   */
  const allPages = async <T>(fetchPage: (offset: number) => Promise<Page<T>>): Promise<T[]> => {
    const pages = [await fetchPage(0)];
    const total = pages[0]!.total;
    for (let offset = MAX_LIMIT; offset < total && pages.at(-1)!.results.length === MAX_LIMIT; offset += MAX_LIMIT * PAGES_AT_ONCE) {
      const offsets = Array.from({ length: PAGES_AT_ONCE }, (_, n) => offset + n * MAX_LIMIT).filter((o) => o < total);
      pages.push(...(await Promise.all(offsets.map(fetchPage))));
    }
    return pages.flatMap((page) => page.results);
  };
  const programmes = (offset: number, limit: number) => client.request<Page<MfjProgramme>>({ path: '/api/training-programmes', query: { offset, limit }, route: 'training' });
  const allTrainings = async (filter: TrainingFilter) => trainingsMatching(await allPages((offset) => programmes(offset, MAX_LIMIT)), filter, toTrainingOffer, programmeText);

  return {
    searchVacancies: async (filter, first, after) => {
      if (!after) {
        const page = await jobs({ ...(await queryFor(filter)), limit: first });
        return { total: page.total, items: page.results };
      }
      // postedBefore is inclusive, so postings at the keyset's own instant come back and are dropped
      // here. Only when more of them share it than the slack covers does the page need another call.
      const query = { ...(await queryFor(filter)), postedBefore: after.postedAt, limit: Math.min(MAX_LIMIT, first + KEYSET_SLACK) };
      const items: MfjJob[] = [];
      for (let offset = 0; ; offset += query.limit) {
        const page = await jobs({ ...query, offset });
        items.push(...afterKeyset(page.results, after, (j) => safeInstant(j.postedDate), (j) => j.id));
        if (items.length >= first || page.results.length < query.limit) return { total: page.total, items: items.slice(0, first) };
      }
    },
    // modifiedSince is inclusive (to the second): the kit skips the changes at the keyset's instant it has passed.
    changes: async (after, first) => {
      const page = await client.request<MfjChangePage>({
        path: '/api/v1/jobs/changes',
        query: { ...(after ? { modifiedSince: after.updatedAt } : {}), page: 0, size: Math.min(MAX_CHANGES_SIZE, first + KEYSET_SLACK) },
        route: 'changes',
      });
      return { items: page.content, hasMore: !page.last, asOf: isoInOffset(mytInstant(page.serverTime), MYT) };
    },
    allVacancies: async (filter) => {
      const query = await queryFor(filter);
      return allPages((offset) => jobs({ ...query, offset, limit: MAX_LIMIT }));
    },
    vacanciesByIds: (ids) => batches<MfjJob>('/api/jobs/batch', 'batch', ids),
    // The programme catalogue is small: search pages are slices of the whole pull.
    searchTrainings: slicesOf(allTrainings),
    allTrainings,
    trainingsByIds: (ids) => batches<MfjProgramme>('/api/training-programmes/batch', 'trainingBatch', ids),
  };
}

/** Our filter in the portal's words: facets (OR within one, AND across), keywords, bounds. */
export function queryOf(filter: VacancyFilter, spellings: Spellings = new Map()): Record<string, string | number> {
  const facet = (name: string, values: string[] | undefined) => (values?.length ? values : [NOTHING]).map((v) => `${name}==${encodeURIComponent(v)}`);
  const facets = [
    ...(filter.iscoCodes?.length ? facet('MASCO', filter.iscoCodes.flatMap(mascoPrefixes)) : []),
    ...(filter.regions?.length ? facet('STATE', [...new Set(filter.regions.flatMap((iso) => [...stateNames(iso), ...(spellings.get(iso) ?? [])]))]) : []),
    ...(filter.employmentTypes?.length ? facet('CONTRACT_TYPE', filter.employmentTypes.flatMap(contractCodes)) : []),
    ...(filter.educationLevels?.length ? facet('EDUCATION', filter.educationLevels.flatMap((l) => EDUCATION_CODES[l] ?? [])) : []),
    // A skill is listed with its ESCO URI, or (when the employer typed it) by its name only.
    ...(filter.skills?.length ? facet('SKILL', filter.skills.flatMap((id) => [`http://data.europa.eu/esco/skill/${id}`, skillLabel(id) ?? []].flat())) : []),
  ];
  return {
    ...(facets.length ? { facets: facets.join(',') } : {}),
    ...(filter.text ? { keywords: filter.text } : {}),
    ...(filter.minMonthlyWage ? { minWage: Math.ceil(filter.minMonthlyWage) } : {}),
    ...(filter.postedSince ? { postedSince: isoInstant(filter.postedSince) } : {}),
  };
}

/**
 * MASCO follows ISCO-08 to four digits, so a group prefix is a MASCO prefix; an unknown ISCO
 * group (no MASCO code under it) keeps an impossible facet so that nothing matches.
 */
function mascoPrefixes(isco: string): string[] {
  return iscoToNational('MASCO-2020', isco).length > 0 ? [isco.slice(0, 4)] : [];
}

/** The ISO name, which the portal uses for most states; its other spellings are learned. */
function stateNames(iso: string): string[] {
  const state = regionsOf('MY').find((r) => r.code === iso);
  return state ? [state.name] : [];
}

function contractCodes(type: string): string[] {
  return Object.entries(CONTRACT_TYPES).flatMap(([code, t]) => (t === type ? [code] : []));
}

/** The kit has checked the filter's dates parse. */
function isoInstant(text: string): string {
  return new Date(Date.parse(text)).toISOString();
}

const safeInstant = orNaN(mytInstant);

/** Text search finds a programme by its Malay name too, not only by the English title the model shows. */
function programmeText(p: MfjProgramme): string {
  return `${p.programmeNameMs} ${p.programmeNameEn ?? ''} ${p.provider.name}`;
}

