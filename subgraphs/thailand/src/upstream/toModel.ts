import type { LifecycleModel, PostingState, EmploymentType, TrainingMode, TrainingOfferModel, VacancyModel, WagePeriod } from '../../../kit/index.js';
import { educationToIsced, regionByName } from '../../../kit/reference.js';
import { feeOf, globalId, isoInOffset, localDateTime, localToEpochMs, occupationOf, salaryOf, skillsOf, tidy } from '../../../kit/translation.js';
import type { DoeJob, DsdCourse } from './native.js';
import { compile } from 'html-to-text';

/** Thai Mee Ngan Tham / DSD → the shared model. Pure; throws only for a record without id, title or readable date. */

export const ICT = 7; // Indochina Time, UTC+7: what the platform's local times mean.
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
  const nativeId = doeJobId(job);
  if (typeof job.position !== 'string' || !job.position.trim()) throw new Error(`job ${nativeId} has no position`);
  const { nationalCode, iscoCode } = occupationOf('TH-DOE-ISCO88', job.occupation_code);
  const degree = job.degree_name?.trim() || null;
  const postedAt = isoInOffset(beToEpochMs(job.anounce_date), ICT);
  return {
    id: globalId('TH', nativeId),
    nativeId,
    title: tidy(job.position),
    description: job.description === null ? null : textOf(job.description),
    employer: job.employer_name ? { name: tidy(job.employer_name), industryCode: job.tsic_code, industryScheme: job.tsic_code ? 'TSIC-2009' : null } : null,
    regionCode: job.province_name ? (regionByName('TH', job.province_name) ?? null) : null,
    nativeRegion: [job.district_name, job.province_name].filter(Boolean).join(', ') || null,
    iscoCode,
    nationalCode,
    ...skillsOf((job.skills ?? []).map((name) => ({ name })), iscoCode),
    // Hidden pay ("ตามตกลง", negotiable) comes as null or 0 amounts: salaryOf marks it undisclosed.
    salary: salaryOf({ min: job.wage_min, max: job.wage_max, currency: 'THB', period: WAGE_PERIODS[job.wage_type?.trim() ?? ''] ?? 'MONTH', country: 'TH', on: postedAt, text: job.salary_detail?.trim() || null }),
    employmentType: job.job_type_name ? (JOB_TYPES[job.job_type_name.trim()] ?? 'OTHER') : null,
    education: degree ? { iscedLevel: educationToIsced('TH', degree) ?? null, nativeLabel: degree } : null,
    postedAt,
    // The closing date is secondary: an unreadable one is dropped, not the posting.
    validThrough: readableBe(job.expire_date),
    applyUrl: job.detail_path ? `${PORTAL}/${job.detail_path}` : `${PORTAL}/job/${nativeId}`,
    // A syndicated copy (job_from hundredbillion …) names the platform posting it re-lists.
    duplicateOf: job.ref_job_id ? globalId('TH', job.ref_job_id) : null,
    sourceUrl: `${PORTAL}/job/${nativeId}`,
    native: job,
  };
}

export function toTrainingOffer(course: DsdCourse): TrainingOfferModel<DsdCourse> {
  dsdCourseId(course);
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
    fee: feeOf(course.fee, 'THB', 'TH'),
    seats: course.seats,
    mode: course.mode ? (MODES[course.mode] ?? null) : null,
    certification: course.certification,
    sourceUrl: `https://www.dsd.go.th/course/${course.id}`,
    native: course,
  };
}

/** The platform's job id, or a throw for a record without one (the kit then skips it). */
export function doeJobId(job: DoeJob): string {
  if (!Number.isInteger(job.job_id) || job.job_id <= 0) throw new Error(`record without a job_id: ${JSON.stringify(job.job_id)}`);
  return String(job.job_id);
}

export function dsdCourseId(course: DsdCourse): string {
  if (!course.id) throw new Error('course without an id');
  return course.id;
}

/** "22/11/2569 14:05" (local, Buddhist Era) → epoch ms. Throws for anything else, impossible days included (the kit checks the calendar). */
export function beToEpochMs(text: string): number {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*$/.exec(text);
  if (!m) throw new Error(`not a Buddhist Era date: "${text}"`);
  const p = (part: string | undefined) => (part ?? '0').padStart(2, '0');
  const year = String(Number(m[3]) - BE_OFFSET).padStart(4, '0');
  return localToEpochMs(`${year}-${p(m[2])}-${p(m[1])} ${p(m[4])}:${p(m[5])}:${p(m[6])}`, ICT);
}

const STATES: Record<string, PostingState> = { เปิดรับสมัคร: 'OPEN', ได้คนแล้ว: 'CLOSED', ยกเลิกประกาศ: 'WITHDRAWN' };

/** The platform's status words and BE update dates → the lifecycle; throws for an unknown status or an unreadable date. */
export function toLifecycle(job: DoeJob): LifecycleModel {
  const state = STATES[(job.job_status ?? '').trim()];
  if (!state || !job.update_date) throw new Error(`DOE record with job_status "${job.job_status}" and update_date "${job.update_date}"`);
  return {
    updatedAt: isoInOffset(beToEpochMs(job.update_date), ICT),
    state,
    closedAt: state !== 'OPEN' && job.close_date ? isoInOffset(beToEpochMs(job.close_date), ICT) : null,
    positions: Math.max(1, job.vacancy_count ?? 1),
  };
}

/** Epoch ms → the platform's BE local second "dd/mm/yyyy HH:MM:SS" (the update feed's criteria). */
export function epochMsToBeSeconds(ms: number): string {
  const local = localDateTime(ms, ICT); // "2026-11-19T09:15:30"
  return `${local.slice(8, 10)}/${local.slice(5, 7)}/${Number(local.slice(0, 4)) + BE_OFFSET} ${local.slice(11)}`;
}

/** Epoch ms → the platform's BE local minute "dd/mm/yyyy HH:MM" (for its date criteria). */
export function epochMsToBe(ms: number): string {
  return epochMsToBeSeconds(ms).slice(0, 16);
}

function readableBe(text: string | null): string | null {
  try {
    return text ? isoInOffset(beToEpochMs(text), ICT) : null;
  } catch {
    return null;
  }
}

/**
 * The DOE portal's descriptions are HTML written by employers: as text for every client (issue
 * 14.9) — tags, scripts and images dropped, links reduced to their words, entities decoded, lists
 * kept as lines. Empty after that means no description.
 */
function textOf(html: string): string | null {
  return htmlToText(html).trim() || null;
}

/**
 * Compiled once: `convert(html, options)` rebuilds its selector decision tree on every call, some
 * milliseconds each — seconds of blocked event loop for a 1000-posting changes page.
 */
const htmlToText = compile({
  wordwrap: false,
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
  ],
});
