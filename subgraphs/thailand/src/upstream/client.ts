import { XMLParser } from 'fast-xml-parser';
import { UpstreamError, afterKeyset, chunks, everyPage, learned, orNaN, slicesOf, trainingsMatching, type AdapterContext, type CountryUpstream, type TrainingFilter, type UpstreamClient, type VacancyFilter } from '../../../kit/index.js';
import { nativeKeysFor, nativeValues, occupationCodesFor, skillNames } from '../../../kit/filters.js';
import { educationToIsced, regionByName } from '../../../kit/reference.js';
import type { DoeJob, DsdCourse } from './native.js';
import { isoInOffset } from '../../../kit/translation.js';
import { ICT, JOB_TYPES, beToEpochMs, epochMsToBe, epochMsToBeSeconds, toTrainingOffer } from './toModel.js';

/**
 * Thai Mee Ngan Tham's AJAX job list (form-encoded DataTables POST) and the DSD XML course
 * service, spoken natively. One upstream call per method, except: a search page longer than the
 * platform's 100 (or a keyset page crowded by postings of the keyset's own minute) takes another,
 * the course catalogue is pulled whole, and the province numbering is learned once per process.
 */

const MAX_LENGTH = 100;
const MAX_BATCH_IDS = 200;
const COURSES_PER_PAGE = 500;
/** Over-fetch so that a keyset page can skip postings of the keyset's own minute in the same call. */
const KEYSET_SLACK = 10;
/** The update feed's largest page. */
const MAX_UPDATE_LENGTH = 1000;
const DEGREES = ['ประถมศึกษา', 'ม.3', 'ม.6', 'ปวช.', 'ปวส.', 'ปริญญาตรี', 'ปริญญาตรีขึ้นไป', 'ปริญญาโท', 'ปริญญาเอก'];
const JOB_TYPE_IDS: Record<string, number> = { งานประจำ: 1, งานชั่วคราว: 2, งานพาร์ทไทม์: 3, สัญญาจ้าง: 4, ฝึกงาน: 5 };
/** A value no record carries: a filter the platform cannot express must match nothing, not everything. */
const NOTHING = '-1';
/** The platform's province numbering changes with a new province, not with postings: learned once a day. */
const PROVINCES_TTL_MS = 24 * 3_600_000;
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, isArray: (name) => name === 'course' });

interface Legacy<T> {
  status?: boolean;
  message?: string;
  data: T;
}
interface ListPage extends Legacy<DoeJob[]> {
  recordsFiltered: number;
}
interface UpdatePage extends ListPage {
  /** The platform's clock, BE local time. */
  server_time: string;
}

export function createDoeUpstream(ctx: AdapterContext): CountryUpstream<DoeJob, DsdCourse> {
  const token = ctx.setting('token');
  const client = ctx.createClient({ timeoutMs: 3_000, retries: 2, concurrency: 16, authHeaders: async () => ({ authorization: `Bearer ${token}` }) });
  const ajax = <T extends Legacy<unknown>>(path: string, form: Record<string, string>, route: string, bulk = false) =>
    client.request<T>({ method: 'POST', path, form, idempotent: true, route, bulk }).then((body) => legacyChecked(client, body));
  const list = (form: Record<string, string>, bulk = false) => ajax<ListPage>('/api-server/JobAll/ajax_list_job', { draw: '1', ...form }, 'search', bulk);
  const provinceIds = learnProvinces(client);
  const criteria = async (filter: VacancyFilter) => formOf(filter, filter.regions?.length ? await provinceIds() : new Map());
  const courses = (path: string, query: Record<string, string | number>) => client.request<string>({ path, query, parse: 'text', route: 'courses' }).then((text) => coursesOf(client, text));

  const allTrainings = async (filter: TrainingFilter): Promise<DsdCourse[]> => {
    const out = await everyPage(COURSES_PER_PAGE, (n) => courses('/dsd/ws/courses.xml', { page: n + 1, per_page: COURSES_PER_PAGE }));
    return trainingsMatching(out, filter, toTrainingOffer);
  };

  return {
    searchVacancies: async (filter, first, after) => {
      const form = { ...(await criteria(filter)), ...(after ? { 'criteria[announce_before]': epochMsToBe(Date.parse(after.postedAt)) } : {}) };
      const length = Math.min(MAX_LENGTH, first + (after ? KEYSET_SLACK : 0));
      const items: DoeJob[] = [];
      for (let start = 0; ; start += length) {
        const page = await list({ ...form, start: String(start), length: String(length) });
        // Announce dates are whole minutes: the keyset's own minute comes again and is skipped here.
        items.push(...afterKeyset(page.data, after, (j) => safeBe(j.anounce_date), (j) => String(j.job_id)));
        if (items.length >= first || page.data.length < length) return { total: page.recordsFiltered, items: items.slice(0, first) };
      }
    },
    // criteria[update_since] is inclusive (to the second): the kit skips the updates at the keyset's instant it has passed.
    changes: async (after, first) => {
      const length = Math.min(MAX_UPDATE_LENGTH, first + KEYSET_SLACK);
      const form = { draw: '1', start: '0', length: String(length), ...(after ? { 'criteria[update_since]': epochMsToBeSeconds(Date.parse(after.updatedAt)) } : {}) };
      const page = await ajax<UpdatePage>('/api-server/JobAll/ajax_list_job_update', form, 'updates');
      return { items: page.data, hasMore: page.recordsFiltered > page.data.length, asOf: isoInOffset(beToEpochMs(page.server_time), ICT) };
    },
    // DataTables' length=-1: every match in one answer, the platform's own way to export a list.
    allVacancies: async (filter) => (await list({ ...(await criteria(filter)), length: '-1' }, true)).data,
    vacanciesByIds: async (ids) => {
      // The platform's ids are numbers; anything else cannot exist there.
      const numeric = ids.filter((id) => /^\d{1,15}$/.test(id));
      const batches = chunks(numeric, MAX_BATCH_IDS).map((chunk) => ajax<Legacy<DoeJob[]>>('/api-server/JobAll/ajax_job_by_ids', { job_ids: chunk.join(',') }, 'jobsByIds'));
      return (await Promise.all(batches)).flatMap((answer) => answer.data);
    },
    // The DSD catalogue is small and filterable only by one province and code: search pages are
    // slices of the whole pull.
    searchTrainings: slicesOf(allTrainings),
    allTrainings,
    trainingsByIds: async (ids) => (ids.length === 0 ? [] : (await courses('/dsd/ws/courses_by_ids.xml', { ids: ids.join(',') })).items),
  };
}

/** The platform numbers provinces its own way: learned from GET /api/province (the kit's `learned`: shared, renewed, a failure not remembered). */
function learnProvinces(client: UpstreamClient): () => Promise<Map<string, number>> {
  return learned(
    () =>
      client
        .request<Legacy<Array<{ province_id: number; province_name: string }>>>({ path: '/api/province', route: 'provinces' })
        .then((body) => new Map(legacyChecked(client, body).data.map((p) => [regionByName('TH', p.province_name) ?? '', p.province_id]))),
    PROVINCES_TTL_MS,
  );
}

/** The AJAX endpoints report bad input as HTTP 200 with `status: false`. */
function legacyChecked<T extends Legacy<unknown>>(client: UpstreamClient, body: T): T {
  if (body?.status === false || body?.data === null || body?.data === undefined) {
    throw new UpstreamError(client.name, 'BAD_RESPONSE', `refused the request: ${body?.message ?? 'no data'}`);
  }
  return body;
}

/** Our filter as the platform's form criteria (unknown values become a criterion nothing matches). */
export function formOf(filter: VacancyFilter, provinceIds: ReadonlyMap<string, number>): Record<string, string> {
  const form: Record<string, string> = {};
  // Not asked: no criterion; asked but inexpressible (null): a criterion nothing matches.
  const set = (key: string, values: string[] | null | undefined) => {
    if (values !== undefined) form[key] = (values ?? [NOTHING]).join(',');
  };
  const known = (ids: ReadonlyArray<number | undefined>) => ids.flatMap((id) => (id === undefined ? [] : [String(id)]));
  // An ISCO-08 group becomes every DOE code whose ISCO-88 unit maps into it.
  set('criteria[occupation_code]', nativeValues(filter.iscoCodes, (codes) => occupationCodesFor('TH-DOE-ISCO88', codes)));
  set('criteria[province_id]', nativeValues(filter.regions, (isos) => known(isos.map((iso) => provinceIds.get(iso)))));
  set('criteria[job_type]', nativeValues(filter.employmentTypes, (types) => known(nativeKeysFor(JOB_TYPES, types).map((label) => JOB_TYPE_IDS[label]))));
  set('criteria[degree_name]', nativeValues(filter.educationLevels, (levels) => DEGREES.filter((d) => levels.includes(educationToIsced('TH', d) ?? -1))));
  // Skills are listed by name: Thai where the portal has a Thai label, English otherwise.
  set('criteria[skill]', nativeValues(filter.skills, (ids) => skillNames(ids, ['th', 'en'])));
  if (filter.minMonthlyWage) form['criteria[wage_min]'] = String(Math.ceil(filter.minMonthlyWage));
  // The kit has checked that postedSince parses.
  if (filter.postedSince) form['criteria[announce_since]'] = epochMsToBe(Date.parse(filter.postedSince));
  if (filter.text) form['search[value]'] = filter.text;
  return form;
}

/** `<courses total page><course id>…</course></courses>`, or the service's `<error>` even with a 200. */
function coursesOf(client: UpstreamClient, text: string): { items: DsdCourse[]; total: number } {
  let doc: { courses?: { total?: string; course?: Array<Record<string, unknown>> } | ''; error?: { message?: string } };
  try {
    doc = xml.parse(text, true) as typeof doc;
  } catch (error) {
    throw new UpstreamError(client.name, 'BAD_RESPONSE', `course service answered malformed XML: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (doc.courses === undefined) throw new UpstreamError(client.name, 'BAD_RESPONSE', `course service: ${doc.error?.message ?? 'unexpected XML'}`);
  const courses = doc.courses === '' ? {} : doc.courses;
  return { items: (courses.course ?? []).map(courseOf), total: Number(courses.total ?? 0) };
}

function courseOf(raw: Record<string, unknown>): DsdCourse {
  const num = (v: unknown) => (v === undefined || v === '' || Number.isNaN(Number(v)) ? null : Number(v));
  const str = (v: unknown) => (v === undefined || v === '' ? null : String(v));
  return {
    id: String(raw.id ?? ''),
    course_name: String(raw.course_name ?? ''),
    institute: String(raw.institute ?? ''),
    institute_type: str(raw.institute_type),
    province_id: num(raw.province_id),
    province_name: str(raw.province_name),
    start_date: str(raw.start_date),
    hours: num(raw.hours),
    seats: num(raw.seats),
    fee: num(raw.fee),
    mode: str(raw.mode),
    certification: str(raw.certification),
    occupation_code: str(raw.occupation_code),
  };
}

const safeBe = orNaN(beToEpochMs);
