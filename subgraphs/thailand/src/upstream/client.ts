import { XMLParser } from 'fast-xml-parser';
import type { AdapterContext, CountryUpstream, Keyset, TrainingFilter, VacancyFilter } from '../../../kit/index.js';
import { educationToIsced, iscoToNational, regionByName, skillLabel } from '../../../kit/reference.js';
import type { DoeJob, DsdCourse } from './native.js';
import { JOB_TYPES, beToEpochMs, epochMsToBe } from './toModel.js';

/**
 * Thai Mee Ngan Tham's DataTables endpoint (form-encoded POST) and the DSD XML course service,
 * spoken natively. One upstream call per method, except the course catalogue pull and the one-off
 * province list the platform numbers its own way.
 */

/** Over-fetch so that a keyset page can skip postings of the keyset's own minute. */
const KEYSET_SLACK = 30;
const DEGREES = ['ประถมศึกษา', 'ม.3', 'ม.6', 'ปวช.', 'ปวส.', 'ปริญญาตรี', 'ปริญญาโท', 'ปริญญาเอก'];
const JOB_TYPE_IDS: Record<string, number> = { งานประจำ: 1, งานชั่วคราว: 2, งานพาร์ทไทม์: 3, สัญญาจ้าง: 4, ฝึกงาน: 5 };
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'course' });

interface ListResponse {
  recordsFiltered: number;
  data: DoeJob[];
}

export function createDoeUpstream(ctx: AdapterContext): CountryUpstream<DoeJob, DsdCourse> {
  const token = ctx.deps.config.credentials.thailand.token;
  const client = ctx.createClient({ timeoutMs: 3_000, retries: 2, concurrency: 16, authHeaders: async () => ({ authorization: `Bearer ${token}` }) });
  const list = (form: Record<string, string>) =>
    client.request<ListResponse>({ method: 'POST', path: '/api-server/JobAll/ajax_list_job', form: { draw: '1', start: '0', ...form }, idempotent: true, route: 'search' });

  // The platform numbers provinces its own way; learn the numbering once per process.
  let provinces: Promise<Map<string, number>> | undefined;
  const provinceIds = () =>
    (provinces ??= client
      .request<{ data: Array<{ province_id: number; province_name: string }> }>({ path: '/api/province', route: 'provinces' })
      .then((res) => new Map(res.data.map((p) => [regionByName('TH', p.province_name) ?? '', p.province_id])))
      .catch((error: unknown) => {
        provinces = undefined;
        throw error;
      }));

  const criteria = async (filter: VacancyFilter): Promise<Record<string, string>> => {
    const ids = filter.regions?.length ? await provinceIds() : new Map<string, number>();
    return formOf(filter, (iso) => ids.get(iso));
  };

  const courses = async (path: string, query: Record<string, string | number>): Promise<DsdCourse[]> => {
    const text = await client.request<string>({ path, query, parse: 'text', route: 'courses' });
    const doc = xml.parse(text) as { courses?: { course?: Array<Record<string, unknown>> }; error?: { message?: string } };
    if (!doc.courses) throw new Error(`DSD course service: ${doc.error?.message ?? 'unexpected XML'}`);
    return (doc.courses.course ?? []).map(courseOf);
  };

  const allTrainings = async (filter: TrainingFilter): Promise<DsdCourse[]> => {
    const out: DsdCourse[] = [];
    for (let page = 1; page < 1_000; page++) {
      const batch = await courses('/dsd/ws/courses.xml', { page, per_page: 500 });
      out.push(...batch);
      if (batch.length < 500) break;
    }
    return sortCourses(out.filter(courseMatcher(filter)));
  };

  return {
    searchVacancies: async (filter, first, after) => {
      const form: Record<string, string> = { ...(await criteria(filter)), length: String(first + (after ? KEYSET_SLACK : 0)) };
      if (after) form['criteria[announce_before]'] = epochMsToBe(Date.parse(after.postedAt));
      const res = await list(form);
      return { total: res.recordsFiltered, items: afterKeyset(res.data, after).slice(0, first) };
    },
    allVacancies: async (filter) => (await list({ ...(await criteria(filter)), length: '-1' })).data,
    vacanciesByIds: async (ids) => {
      const numeric = ids.filter((id) => /^\d+$/.test(id));
      if (numeric.length === 0) return [];
      const res = await client.request<{ data: DoeJob[] }>({ method: 'POST', path: '/api-server/JobAll/ajax_job_by_ids', form: { job_ids: numeric.join(',') }, idempotent: true, route: 'jobsByIds' });
      return res.data;
    },
    // The DSD catalogue is small and filterable only by one province and code: the kit caches the
    // whole pull and search pages are slices of it.
    searchTrainings: async (filter, first, offset) => {
      const all = await allTrainings(filter);
      return { total: all.length, items: all.slice(offset, offset + first) };
    },
    allTrainings,
    trainingsByIds: (ids) => courses('/dsd/ws/courses_by_ids.xml', { ids: ids.join(',') }),
  };
}

/** Our filter as the platform's form criteria. */
export function formOf(filter: VacancyFilter, provinceId: (iso: string) => number | undefined): Record<string, string> {
  const form: Record<string, string> = {};
  const set = (key: string, values: Array<string | number | undefined>) => {
    const clean = values.filter((v): v is string | number => v !== undefined && v !== '');
    if (clean.length) form[key] = clean.join(',');
  };
  // An ISCO-08 group becomes every DOE code that maps into it; "none" keeps a filter that can match nothing.
  if (filter.iscoCodes?.length) set('criteria[occupation_code]', unique(filter.iscoCodes.flatMap((c) => iscoToNational('TH-DOE-ISCO88', c))).concat('none'));
  if (filter.regions?.length) set('criteria[province_id]', [...filter.regions.map(provinceId), -1]);
  set('criteria[job_type]', (filter.employmentTypes ?? []).flatMap((t) => Object.entries(JOB_TYPES).filter(([, v]) => v === t).map(([label]) => JOB_TYPE_IDS[label])));
  set('criteria[degree_name]', (filter.educationLevels ?? []).flatMap((level) => DEGREES.filter((d) => educationToIsced('TH', d) === level)));
  set('criteria[skill]', (filter.skills ?? []).map((id) => skillLabel(id, 'en')));
  if (filter.minMonthlyWage) form['criteria[wage_min]'] = String(Math.ceil(filter.minMonthlyWage));
  if (filter.postedSince) form['criteria[announce_since]'] = epochMsToBe(Date.parse(filter.postedSince));
  if (filter.text) form['search[value]'] = filter.text;
  return form;
}

/** Drops what the keyset already covered: the same minute with an id not below the keyset's. */
function afterKeyset(jobs: DoeJob[], after: Keyset | null): DoeJob[] {
  if (!after) return jobs;
  const at = Date.parse(after.postedAt);
  const id = Number(after.nativeId);
  return jobs.filter((j) => {
    const t = beToEpochMs(j.anounce_date);
    return t < at || (t === at && j.job_id < id);
  });
}

function courseOf(raw: Record<string, unknown>): DsdCourse {
  const num = (v: unknown) => (v === undefined || v === '' ? null : Number(v));
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

function courseMatcher(filter: TrainingFilter): (c: DsdCourse) => boolean {
  const codes = (filter.iscoCodes ?? []).flatMap((c) => iscoToNational('TH-DOE-ISCO88', c));
  const regions = new Set(filter.regions ?? []);
  return (c) =>
    (codes.length === 0 ? !filter.iscoCodes?.length : codes.includes(c.occupation_code ?? '')) &&
    (regions.size === 0 || regions.has(regionByName('TH', c.province_name ?? '') ?? '')) &&
    (!filter.text || `${c.course_name} ${c.institute}`.toLowerCase().includes(filter.text.toLowerCase())) &&
    (!filter.startsAfter || (c.start_date !== null && beToEpochMs(c.start_date) >= Date.parse(filter.startsAfter)));
}

function sortCourses(list: DsdCourse[]): DsdCourse[] {
  const start = (c: DsdCourse) => (c.start_date ? beToEpochMs(c.start_date) : Number.MAX_SAFE_INTEGER);
  return list.sort((a, b) => start(a) - start(b) || a.id.localeCompare(b.id));
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
