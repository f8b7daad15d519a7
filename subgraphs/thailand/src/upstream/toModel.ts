import type { EmploymentType, TrainingMode, TrainingOfferModel, VacancyModel, WagePeriod } from '../../../kit/index.js';
import { educationToIsced, regionByName } from '../../../kit/reference.js';
import { feeOf, globalId, isoInOffset, occupationOf, salaryOf, skillsOf } from '../../../kit/translation.js';
import type { DoeJob, DsdCourse } from './native.js';

/** Thai Mee Ngan Tham / DSD → the shared model. Pure; throws only for a record it cannot place in time. */

const ICT = 7; // Indochina Time, UTC+7: what the platform's local times mean.
const BE_OFFSET = 543; // Buddhist Era year = Gregorian year + 543.

const WAGE_PERIODS: Record<string, WagePeriod> = { รายวัน: 'DAY', รายเดือน: 'MONTH', รายชั่วโมง: 'HOUR' };
export const JOB_TYPES: Record<string, EmploymentType> = {
  งานประจำ: 'FULL_TIME',
  งานชั่วคราว: 'TEMPORARY',
  งานพาร์ทไทม์: 'PART_TIME',
  สัญญาจ้าง: 'CONTRACT',
  ฝึกงาน: 'INTERNSHIP',
};
const MODES: Record<string, TrainingMode> = { ฝึกในศูนย์: 'IN_PERSON', ออนไลน์: 'ONLINE', ผสมผสาน: 'BLENDED' };
const PORTAL = 'https://xn--72c5abh2bf8icw0m9d.doe.go.th';

export function toVacancy(job: DoeJob): VacancyModel<DoeJob> {
  const nativeId = String(job.job_id);
  const { nationalCode, iscoCode } = occupationOf('TH-DOE-ISCO88', job.occupation_code);
  const degree = job.degree_name?.trim() || null;
  return {
    id: globalId('TH', nativeId),
    nativeId,
    title: tidy(job.position),
    description: job.description,
    employer: job.employer_name ? { name: tidy(job.employer_name), industryCode: job.tsic_code, industryScheme: job.tsic_code ? 'TSIC-2009' : null } : null,
    regionCode: job.province_name ? (regionByName('TH', job.province_name) ?? null) : null,
    nativeRegion: [job.district_name, job.province_name].filter(Boolean).join(', ') || null,
    iscoCode,
    nationalCode,
    ...skillsOf((job.skills ?? []).map((name) => ({ name })), iscoCode),
    salary: salaryOf({ min: job.wage_min, max: job.wage_max, currency: 'THB', period: WAGE_PERIODS[job.wage_type ?? ''] ?? 'MONTH', text: job.salary_detail }),
    employmentType: job.job_type_name ? (JOB_TYPES[job.job_type_name.trim()] ?? 'OTHER') : null,
    education: degree ? { iscedLevel: educationToIsced('TH', degree) ?? null, nativeLabel: degree } : null,
    postedAt: isoInOffset(beToEpochMs(job.anounce_date), ICT),
    validThrough: job.expire_date ? isoInOffset(beToEpochMs(job.expire_date), ICT) : null,
    applyUrl: job.detail_path ? `${PORTAL}/${job.detail_path}` : `${PORTAL}/job/${nativeId}`,
    duplicateOf: job.ref_job_id ? globalId('TH', job.ref_job_id) : null,
    sourceUrl: `${PORTAL}/job/${nativeId}`,
    native: job,
  };
}

export function toTrainingOffer(course: DsdCourse): TrainingOfferModel<DsdCourse> {
  const { nationalCode, iscoCode } = occupationOf('TH-DOE-ISCO88', course.occupation_code);
  return {
    id: globalId('TH', course.id),
    nativeId: course.id,
    title: tidy(course.course_name),
    provider: { name: tidy(course.institute), kind: course.institute_type },
    regionCode: course.province_name ? (regionByName('TH', course.province_name) ?? null) : null,
    nativeRegion: course.province_name,
    iscoCodes: iscoCode ? [iscoCode] : [],
    nationalCodes: nationalCode ? [nationalCode] : [],
    skillIds: [],
    startDate: course.start_date ? isoInOffset(beToEpochMs(course.start_date), ICT).slice(0, 10) : null,
    duration: course.hours ? `PT${course.hours}H` : null,
    fee: feeOf(course.fee, 'THB'),
    seats: course.seats,
    mode: course.mode ? (MODES[course.mode] ?? null) : null,
    certification: course.certification,
    sourceUrl: `https://www.dsd.go.th/course/${course.id}`,
    native: course,
  };
}

/** "22/11/2569 14:05" (local, Buddhist Era) → epoch ms. Throws for anything else. */
export function beToEpochMs(text: string): number {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*$/.exec(text);
  if (!m) throw new Error(`not a Buddhist Era date: "${text}"`);
  const [, d, mo, y, h = '0', mi = '0', s = '0'] = m;
  return Date.UTC(Number(y) - BE_OFFSET, Number(mo) - 1, Number(d), Number(h) - ICT, Number(mi), Number(s));
}

/** Epoch ms → the platform's BE local minute "dd/mm/yyyy HH:MM" (for its date criteria). */
export function epochMsToBe(ms: number): string {
  const local = new Date(ms + ICT * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(local.getUTCDate())}/${p(local.getUTCMonth() + 1)}/${local.getUTCFullYear() + BE_OFFSET} ${p(local.getUTCHours())}:${p(local.getUTCMinutes())}`;
}

function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
