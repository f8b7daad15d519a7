import { everyPage, type AdapterContext, type CountryUpstream, type Keyset, type QueryValue, type SearchResult, type TrainingFilter, type VacancyFilter } from '../../../kit/index.js';
import { nativeValues } from '../../../kit/filters.js';
import { instantFromLocal, localFromInstant, nativeEducation, nativeJobTypes, nativeOccupations, nativeProvinces, nativeSkills } from './toModel.js';

/**
 * The national system's REST API, spoken natively (no GraphQL). Each method is ONE upstream
 * call, except allVacancies / allTrainings, which walk every page (the kit's `everyPage`).
 * Retries, deadlines, 429 handling, the circuit breaker and metrics come from the kit's client
 * (`ctx.createClient`); the filter values in this API's words from `toModel.ts`.
 */

// ---- the records as the national API documents them -------------------------------------------

export type WagePer = 'hour' | 'day' | 'month';

export interface TemplateJobRecord {
  job_no: string;
  headline: string;
  company: string | null;
  /** This system stores ISCO-08 unit codes; some are retired codes the crosswalk does not know. */
  occupation_code: string;
  /** Native province name. */
  province: string;
  /** Local wall-clock time (UTC+07:00) without an offset: "2026-03-01 10:00:00". */
  posted: string;
  /** Local date; null when open-ended. */
  closing: string | null;
  /** amount null = "negotiable". */
  wage: { amount: number | null; per: WagePer };
  job_type: 'FT' | 'PT' | 'CT' | 'DL';
  education: string | null;
  /** English skill labels. */
  skills: string[];
  /** open | filled | withdrawn. */
  status: string;
  /** Local wall-clock time of the last change (posting, edit, closing). */
  changed: string;
  /** Local wall-clock time it was filled or withdrawn; null while open. */
  closed: string | null;
  /** Openings the posting offers. */
  openings: number;
}

export interface TemplateCourseRecord {
  course_no: string;
  course_title: string;
  institute: string;
  occupation_code: string;
  province: string;
  /** Local date "2026-04-01". */
  starts: string;
  weeks: number;
  seats: number;
  online: boolean;
  skills: string[];
}

interface RecordPage<R> {
  count: number;
  records: R[];
}

/** The changes feed's page: `count` is how many changes remain from `changed_since` on; `now` the system's clock (local time). */
interface ChangePage extends RecordPage<TemplateJobRecord> {
  now: string;
}

type Params = Record<string, QueryValue>;

// ---- the client ---------------------------------------------------------------------------------

const PAGE = 200;
/** The changes feed's largest page (a first full sync walks every posting). */
const CHANGES_PAGE = 1000;
/** Over-fetch so that a page can skip the changes at the keyset's own second it has passed. */
const KEYSET_SLACK = 20;

export function createTemplateUpstream(ctx: AdapterContext): CountryUpstream<TemplateJobRecord, TemplateCourseRecord> {
  // Credentials, when your system needs them, are declared in subgraph.json's `settings` and read
  // here with `ctx.setting('apiKey')`; they go in `authHeaders` (never in a log line: the logger
  // redacts authorization / apiKey / secret).
  const client = ctx.createClient({ timeoutMs: 3_000, retries: 2, concurrency: 8 });

  const jobsPage = (params: Params) => client.request<RecordPage<TemplateJobRecord>>({ path: '/api/v1/vacancies', query: params }).then(nativePage);
  const coursesPage = (params: Params) => client.request<RecordPage<TemplateCourseRecord>>({ path: '/api/v1/courses', query: params }).then(nativePage);

  return {
    searchVacancies: async (filter, first, after) => {
      const params = vacancyParams(filter);
      if (!params) return NOTHING_FOUND;
      return jobsPage({ ...params, ...keysetParams(after), limit: first });
    },
    // The kit walks the pages: this API pages vacancies by keyset (the last record of a page) ...
    allVacancies: async (filter) => {
      const params = vacancyParams(filter);
      if (!params) return [];
      return everyPage(PAGE, (_, last) => jobsPage({ ...params, ...(last ? { before_posted: last.posted, before_no: last.job_no } : {}), limit: PAGE }));
    },
    vacanciesByIds: async (ids) => (await client.request<RecordPage<TemplateJobRecord>>({ path: '/api/v1/vacancies/batch', query: { job_no: ids } })).records,
    searchTrainings: async (filter, first, offset) => {
      const params = trainingParams(filter);
      if (!params) return NOTHING_FOUND;
      return coursesPage({ ...params, limit: first, offset });
    },
    // ... and courses by offset (the page's number).
    allTrainings: async (filter) => {
      const params = trainingParams(filter);
      if (!params) return [];
      return everyPage(PAGE, (n) => coursesPage({ ...params, offset: n * PAGE, limit: PAGE }));
    },
    trainingsByIds: async (ids) => (await client.request<RecordPage<TemplateCourseRecord>>({ path: '/api/v1/courses/batch', query: { course_no: ids } })).records,
    // The changes feed: every status, oldest change first, ties by job_no. `changed_since` is
    // inclusive; the kit drops what the keyset has passed and orders the page.
    changes: async (after, first) => {
      const limit = Math.min(CHANGES_PAGE, first + KEYSET_SLACK);
      const page = await client.request<ChangePage>({ path: '/api/v1/vacancies/changes', query: { changed_since: after ? localFromInstant(after.updatedAt) : undefined, limit } });
      return { items: page.records, hasMore: page.count > page.records.length, asOf: instantFromLocal(page.now) };
    },
  };
}

const NOTHING_FOUND: SearchResult<never> = { total: 0, items: [] };

/** The API's `{ count, records }` as the kit's page (and search result). */
const nativePage = <R>(page: RecordPage<R>) => ({ total: page.count, items: page.records });

/** The keyset in the upstream's terms: its local timestamp and its native id. */
function keysetParams(after: Keyset | null): Params {
  return after ? { before_posted: localFromInstant(after.postedAt), before_no: after.nativeId } : {};
}

/**
 * A filter in the upstream's vocabulary, or null when no record can match (a requested value
 * the upstream has no word for — sending no parameter instead would match everything).
 */
function vacancyParams(f: VacancyFilter): Params | null {
  const lists = {
    occupation: nativeValues(f.iscoCodes, nativeOccupations),
    province: nativeValues(f.regions, nativeProvinces),
    skill: nativeValues(f.skills, nativeSkills),
    job_type: nativeValues(f.employmentTypes, nativeJobTypes),
    education: nativeValues(f.educationLevels, nativeEducation),
  };
  if (Object.values(lists).includes(null)) return null;
  return {
    ...lists,
    q: f.text ?? undefined,
    since: f.postedSince ? localFromInstant(f.postedSince) : undefined,
    // The contract's amount is already in this country's currency (the exchange converts).
    min_monthly: f.minMonthlyWage ?? undefined,
  };
}

function trainingParams(f: TrainingFilter): Params | null {
  const lists = {
    occupation: nativeValues(f.iscoCodes, nativeOccupations),
    province: nativeValues(f.regions, nativeProvinces),
    skill: nativeValues(f.skills, nativeSkills),
  };
  if (Object.values(lists).includes(null)) return null;
  // Courses are dated, not timed: a course starting on the local day of `startsAfter` counts.
  return { ...lists, q: f.text ?? undefined, starts_from: f.startsAfter ? localFromInstant(f.startsAfter).slice(0, 10) : undefined };
}
