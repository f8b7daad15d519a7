import { createRng, dirty, type GeneratedCourse, type GeneratedJob } from '../../core/index.js';
import { platformProvinces } from './profile.js';

/** A job as Thai Mee Ngan Tham's DataTables endpoint returns it (field names and misspelling included). */
export interface DoeJob {
  job_id: number;
  job_from: string;
  detail_path: string | null;
  position: string;
  employer_name: string;
  district_name: string;
  province_id: number;
  province_name: string;
  occupation_code: string | null;
  tsic_code: string;
  wage_min: number | null;
  wage_max: number | null;
  wage_type: string;
  salary_detail: string;
  description: string;
  contract_type_name: string;
  job_type: number;
  job_type_name: string;
  degree_name: string;
  /** Buddhist Era "dd/mm/yyyy HH:MM" — sic, the platform's own spelling. */
  anounce_date: string;
  expire_date: string;
  skills: string[] | null;
  vacancy_count: number;
  /** The job_id this syndicated copy re-lists (the platform's own cross-reference). */
  ref_job_id: number | null;
}

export const JOB_TYPES: Record<string, number> = { งานประจำ: 1, งานชั่วคราว: 2, งานพาร์ทไทม์: 3, สัญญาจ้าง: 4, ฝึกงาน: 5 };
const WAGE_TYPES = { DAY: 'รายวัน', MONTH: 'รายเดือน', HOUR: 'รายชั่วโมง' } as const;
const TSIC: Record<string, string> = { '1': '70200', '2': '62010', '3': '71109', '4': '82110', '5': '56101', '6': '01110', '7': '43210', '8': '29301', '9': '81210', '0': '84220' };

const idOf = (seq: number) => 500_000 + seq;

/** "22/11/2569 14:05": Thai government style, Buddhist Era, local time (UTC+7). */
export function beDateTime(ms: number): string {
  const d = new Date(ms + 7 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear() + 543} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

/** Parses the platform's BE date-time back to epoch ms (used by its own filters). */
export function parseBeDateTime(text: string): number | undefined {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text.trim());
  if (!m) return undefined;
  return Date.UTC(Number(m[3]) - 543, Number(m[2]) - 1, Number(m[1]), Number(m[4] ?? 0) - 7, Number(m[5] ?? 0), Number(m[6] ?? 0));
}

export function toDoeJob(job: GeneratedJob, seed: number): DoeJob {
  const rng = createRng(seed ^ Math.imul(job.seq + 1, 2246822519));
  const platform = platformProvinces.find((p) => p.province.code === job.region.code) ?? platformProvinces[0]!;
  const syndicated = job.partner !== null && job.duplicateOf !== null;
  const type = job.employmentType;
  return {
    job_id: idOf(job.seq),
    job_from: syndicated ? 'hundredbillion' : 'jobannounce',
    detail_path: syndicated ? `hundredbillion/detail/${idOf(job.seq)}` : null,
    position: dirty(rng, job.title),
    employer_name: dirty(rng, job.employer),
    district_name: `อำเภอเมือง${platform.province.nameTh}`,
    province_id: platform.id,
    province_name: platform.province.nameTh,
    occupation_code: job.nationalCode,
    tsic_code: TSIC[job.occupation.iscoCode[0] ?? '9'] ?? '00000',
    wage_min: job.wage ? job.wage.min : null,
    wage_max: job.wage ? job.wage.max : null,
    wage_type: WAGE_TYPES[job.wage?.period ?? 'MONTH'],
    salary_detail: job.wage ? `${job.wage.min.toLocaleString('th-TH')} - ${job.wage.max.toLocaleString('th-TH')} บาท` : rng.pick(['ตามตกลง', 'ตามโครงสร้างบริษัท']),
    description: `<p>รับสมัคร${job.occupation.title} จำนวน ${job.openings} อัตรา</p><ul><li>วุฒิ ${job.education} ขึ้นไป</li></ul>`,
    contract_type_name: type === 'สัญญาจ้าง' ? 'สัญญาจ้าง' : 'ไม่มีสัญญา',
    job_type: JOB_TYPES[type] ?? 1,
    job_type_name: type,
    degree_name: job.education,
    anounce_date: beDateTime(job.postedAtMs),
    expire_date: beDateTime(job.expiresAtMs),
    skills: rng.chance(0.15) ? null : [...job.skills.map((s) => s.label), ...(job.freeTextSkill ? [job.freeTextSkill] : [])],
    vacancy_count: job.openings,
    ref_job_id: job.duplicateOf === null ? null : idOf(job.duplicateOf),
  };
}

/** A DSD course, as its legacy XML web service describes one. */
export interface DsdCourse {
  id: string;
  course_name: string;
  institute: string;
  institute_type: string;
  province_id: number;
  province_name: string;
  start_date: string;
  hours: number;
  seats: number;
  fee: number;
  mode: string;
  certification: string;
  occupation_code: string;
}

export function toDsdCourse(course: GeneratedCourse): DsdCourse {
  const platform = platformProvinces.find((p) => p.province.code === course.region.code) ?? platformProvinces[0]!;
  return {
    id: `DSD${String(course.seq + 1).padStart(6, '0')}`,
    course_name: course.title,
    institute: course.provider.name,
    institute_type: course.provider.kind,
    province_id: platform.id,
    province_name: platform.province.nameTh,
    start_date: beDateTime(course.startMs).slice(0, 10),
    hours: course.hours,
    seats: course.seats,
    fee: course.fee,
    mode: course.mode,
    certification: course.certification,
    occupation_code: course.occupation.code,
  };
}
