import { createRng, dirty, readRows, type GeneratedCourse, type GeneratedJob, type Rng } from '../../core/index.js';
import { districtOf, platformIdOf } from './profile.js';

/** A job as Thai Mee Ngan Tham's DataTables endpoint returns it (field names and misspelling included). */
export interface DoeJob {
  job_id: number;
  /** `jobannounce` (posted on the platform) or the syndicating source, e.g. `hundredbillion`. */
  job_from: string;
  /** The syndicating source's own detail page, relative to the platform. */
  detail_path: string | null;
  position: string;
  employer_name: string;
  district_name: string;
  province_id: number;
  province_name: string;
  occupation_code: string | null;
  tsic_code: string;
  /** Null, or 0 on older postings, when the wage is not disclosed. */
  wage_min: number | null;
  wage_max: number | null;
  wage_type: string;
  salary_detail: string;
  description: string;
  contract_type_name: string;
  job_type: number;
  job_type_name: string;
  degree_name: string;
  /** Buddhist Era local time "dd/mm/yyyy HH:MM" — sic, the platform's own spelling. */
  anounce_date: string;
  expire_date: string;
  skills: string[] | null;
  vacancy_count: number;
  /** The job_id this syndicated copy re-lists (the platform's own cross-reference). */
  ref_job_id: number | null;
  /** เปิดรับสมัคร (open) | ได้คนแล้ว (filled) | ยกเลิกประกาศ (withdrawn). */
  job_status: string;
  /** Buddhist Era local time "dd/mm/yyyy HH:MM:SS": the last change (announcement, edit, closing). */
  update_date: string;
  /** Buddhist Era local time "dd/mm/yyyy HH:MM:SS" of the filling or withdrawal; null while open. */
  close_date: string | null;
}

export const JOB_STATUS = { open: 'เปิดรับสมัคร', filled: 'ได้คนแล้ว', withdrawn: 'ยกเลิกประกาศ' } as const;

export const JOB_TYPES: Record<string, number> = { งานประจำ: 1, งานชั่วคราว: 2, งานพาร์ทไทม์: 3, สัญญาจ้าง: 4, ฝึกงาน: 5 };
export const WAGE_TYPES = { DAY: 'รายวัน', MONTH: 'รายเดือน', HOUR: 'รายชั่วโมง' } as const;
const HIDDEN_WAGE_TEXT = ['ตามตกลง', 'ตามตกลง', 'ตามโครงสร้างบริษัท', 'ตามประสบการณ์'];
const FIXED_TERM = new Set(['งานชั่วคราว', 'สัญญาจ้าง', 'ฝึกงาน']);
/** TSIC 2009 (5 digits, on ISIC Rev.4) by ISCO major group: the industry such jobs sit in most. */
const TSIC: Record<string, string[]> = {
  '1': ['70200', '64190'], '2': ['62010', '86101', '85410'], '3': ['71109', '66190'], '4': ['82110', '52101'], '5': ['56101', '47110', '55101'],
  '6': ['01110', '01262'], '7': ['43210', '25110', '29301'], '8': ['29301', '49320', '10751'], '9': ['81210', '52241', '01262'], '0': ['84220'],
};
const WELFARE = ['ประกันสังคม', 'โบนัสประจำปี', 'ค่าล่วงเวลา', 'ชุดยูนิฟอร์ม', 'ที่พักฟรี', 'รถรับส่งพนักงาน'];

/** The platform's ids: six digits for any simulated size below 500,000 (so id order is string order too). */
export const jobIdOf = (seq: number) => 500_000 + seq;

/** The ESCO skills the portal shows in Thai where it has a Thai label (English otherwise, as Thai posts do). */
const thaiSkillLabel = new Map(readRows('labels/skills_th.csv').map((r) => [r.id ?? '', r.label ?? '']));

/** "22/11/2569 14:05": Thai government style, Buddhist Era, local time (UTC+7). */
export function beDateTime(ms: number): string {
  const d = new Date(ms + 7 * 3_600_000);
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear() + 543} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

/** "22/11/2569 14:05:09": the change feed keeps seconds. */
export function beDateTimeSeconds(ms: number): string {
  return `${beDateTime(ms)}:${two(new Date(ms).getUTCSeconds())}`;
}

export function beDate(ms: number): string {
  return beDateTime(ms).slice(0, 10);
}

/** The platform's BE date-time (seconds optional, time optional) back to epoch ms; undefined when unreadable. */
export function parseBeDateTime(text: string): number | undefined {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text.trim());
  if (!m) return undefined;
  const [day, month, hour, minute, second] = [m[1], m[2], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return undefined;
  return Date.UTC(Number(m[3]) - 543, month - 1, day, hour - 7, minute, second);
}

/** The platform keeps announcements to the minute. */
export const announcedMinute = (job: GeneratedJob) => Math.floor(job.postedAtMs / 60_000) * 60_000;

export function toDoeJob(job: GeneratedJob, seed: number): DoeJob {
  const rng = createRng(seed ^ Math.imul(job.seq + 1, 2246822519));
  const syndicated = job.duplicateOf !== null;
  const type = job.employmentType;
  const wage = wageOf(rng, job);
  return {
    job_id: jobIdOf(job.seq),
    job_from: syndicated ? (job.partner ?? 'hundredbillion') : 'jobannounce',
    detail_path: syndicated ? `${job.partner ?? 'hundredbillion'}/detail/${jobIdOf(job.seq)}` : null,
    position: dirty(rng, job.title),
    employer_name: dirty(rng, job.employer),
    district_name: districtOf(rng, job.region),
    province_id: platformIdOf.get(job.region.code) ?? 1,
    province_name: job.region.nameLocal,
    occupation_code: job.nationalCode,
    tsic_code: rng.pick(TSIC[job.occupation.iscoCode[0] ?? '9'] ?? ['00000']),
    ...wage,
    description: descriptionOf(rng, job),
    contract_type_name: FIXED_TERM.has(type) ? 'มีกำหนดระยะเวลา' : 'ไม่มีกำหนดระยะเวลา',
    job_type: JOB_TYPES[type] ?? 1,
    job_type_name: type,
    degree_name: job.education,
    anounce_date: beDateTime(job.postedAtMs),
    expire_date: beDateTime(job.expiresAtMs),
    skills: rng.chance(0.15) ? null : [...job.skills.map((s) => thaiSkillLabel.get(s.uri.split('/').pop() ?? '') || s.label), ...(job.freeTextSkill ? [job.freeTextSkill] : [])],
    vacancy_count: job.openings,
    ref_job_id: job.duplicateOf === null ? null : jobIdOf(job.duplicateOf),
    job_status: JOB_STATUS[job.state],
    update_date: beDateTimeSeconds(job.updatedAtMs),
    close_date: job.closedAtMs === null ? null : beDateTimeSeconds(job.closedAtMs),
  };
}

/**
 * Daily and monthly pay as generated; part-time work re-expressed per hour (a day of eight hours);
 * hidden pay as null, or as 0 on older postings, with the employer's words instead.
 */
function wageOf(rng: Rng, job: GeneratedJob): Pick<DoeJob, 'wage_min' | 'wage_max' | 'wage_type' | 'salary_detail'> {
  if (!job.wage) {
    const zero = rng.chance(0.4) ? 0 : null;
    return { wage_min: zero, wage_max: zero, wage_type: WAGE_TYPES.MONTH, salary_detail: rng.pick(HIDDEN_WAGE_TEXT) };
  }
  const { min, max, period } = job.wage;
  if (job.employmentType === 'งานพาร์ทไทม์') {
    const perDay = period === 'DAY' ? 1 : 1 / 26;
    // Rounded up, so an hour never pays less than the day's minimum ÷ 8.
    const hourly = (amount: number) => Math.max(45, Math.ceil((amount * perDay) / 8 / 5) * 5);
    return { wage_min: hourly(min), wage_max: hourly(max), wage_type: WAGE_TYPES.HOUR, salary_detail: `${hourly(min)}-${hourly(max)} บาท/ชั่วโมง` };
  }
  const text = period === 'DAY' ? `${min}-${max} บาท/วัน` : `${thousands(min)} - ${thousands(max)} บาท`;
  return { wage_min: min, wage_max: max, wage_type: WAGE_TYPES[period], salary_detail: rng.chance(0.1) ? `${text} (ตามประสบการณ์)` : text };
}

function descriptionOf(rng: Rng, job: GeneratedJob): string {
  const welfare = WELFARE.filter(() => rng.chance(0.4));
  return [
    `<p>รับสมัคร<strong>${job.occupation.title}</strong> จำนวน ${job.openings} อัตรา</p>`,
    `<ul><li>วุฒิการศึกษา ${job.education}</li><li>ปฏิบัติงานที่${job.region.nameLocal}</li></ul>`,
    welfare.length ? `<p>สวัสดิการ: ${welfare.join(', ')}</p>` : '',
  ].join('');
}

/** A DSD course, as its legacy XML web service describes one. */
export interface DsdCourse {
  id: string;
  course_name: string;
  institute: string;
  institute_type: string;
  province_id: number;
  province_name: string;
  /** Buddhist Era date "dd/mm/yyyy". */
  start_date: string;
  hours: number;
  seats: number;
  fee: number;
  mode: string;
  certification: string;
  occupation_code: string;
}

export function toDsdCourse(course: GeneratedCourse): DsdCourse {
  return {
    id: `DSD${String(course.seq + 1).padStart(6, '0')}`,
    course_name: course.title,
    institute: course.provider.name,
    institute_type: course.provider.kind,
    province_id: platformIdOf.get(course.region.code) ?? 1,
    province_name: course.region.nameLocal,
    start_date: beDate(course.startMs),
    hours: course.hours,
    seats: course.seats,
    fee: course.fee,
    mode: course.mode,
    certification: course.certification,
    occupation_code: course.occupation.code,
  };
}

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** 12500 → "12,500" without the ICU locale data a small Node build may lack. */
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
