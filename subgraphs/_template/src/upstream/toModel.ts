import { iscoUnit, skillIdByLabel, skillLabel, skillsForIsco, unitsUnder } from '../../../kit/reference.js';
import type {
  EmploymentType,
  LifecycleModel,
  PostingState,
  NationalCodeModel,
  SalaryModel,
  TrainingOfferModel,
  VacancyModel,
  WagePeriod,
} from '../../../kit/index.js';
import type { TemplateCourseRecord, TemplateJobRecord, WagePer } from './client.js';

/**
 * The translation from the national system's records to the shared model — pure, no I/O, unit
 * tested. Every constant below is a decision each partner makes for its own system; the
 * comments say what to decide. Throw for a record you cannot translate: only that record fails.
 */

// IDS — the global id is `<ISO 3166-1 alpha-2>:<native id>`. Decide which native field is stable
// and unique (never a row number that changes on re-import); it must survive a round trip
// through the upstream's by-id endpoint.
const COUNTRY = 'ZZ';
const globalId = (nativeId: string) => `${COUNTRY}:${nativeId}`;

// DATES — emit ISO 8601 with the source's own offset, never silently UTC. Decide what your
// system's timestamps mean: local wall-clock time (as here, UTC+07:00), UTC, or a calendar that
// needs converting (Thailand: Buddhist Era year − 543).
const OFFSET = '+07:00';
const OFFSET_MS = 7 * 3_600_000;
const LOCAL_TIME = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

// OCCUPATIONS — the national code stays as given (`nationalCode`), and maps to an ISCO-08 unit
// through the reference module only when the crosswalk knows it; never guess from the digits.
// This system stores ISCO-08 units, so `iscoUnit` checks them. A national classification uses
// `nationalToIsco(system, code)` instead; a classification the reference module does not carry
// yet needs its code list added to data/national and subgraphs/taxonomy/src/reference first.
const OCCUPATION_SYSTEM = 'ZZ-ISCO08';

// WAGES — decide the period each amount is per, and how "negotiable" / hidden wages look.
// monthlyAmount follows the contract: hour × 208, day × 26, week × 4.33, year ÷ 12.
const PERIODS: Record<WagePer, WagePeriod> = { hour: 'HOUR', day: 'DAY', month: 'MONTH' };
const PER_MONTH: Record<WagePeriod, number> = { HOUR: 208, DAY: 26, WEEK: 4.33, MONTH: 1, YEAR: 1 / 12 };

// REGIONS — native names (or codes) to ISO 3166-2. For Indonesia, Malaysia and Thailand the
// reference module's `regionByName(country, name)` does this with every alias; a new country
// adds its ISO 3166-2 list there. Unrecognised names give `regionCode: null`, the name is kept.
const REGIONS: Record<string, string> = {
  'Capital District': 'ZZ-CD',
  'North Province': 'ZZ-NP',
  'South Coast': 'ZZ-SC',
};

// EDUCATION — native labels to ISCED 2011 levels (0–8); `educationToIsced(country, label)` in
// the reference module holds the tables of the member countries. Unknown labels: level null.
const EDUCATION: Record<string, number> = {
  Primary: 1,
  'Lower secondary': 2,
  'Upper secondary': 3,
  Diploma: 5,
  Bachelor: 6,
};

// EMPLOYMENT TYPES — the native codes to the contract's enum (OTHER when nothing fits).
const JOB_TYPES: Record<TemplateJobRecord['job_type'], EmploymentType> = { FT: 'FULL_TIME', PT: 'PART_TIME', CT: 'CONTRACT', DL: 'DAILY' };

const SITE = 'https://jobs.template.example';

export function toVacancy(job: TemplateJobRecord): VacancyModel<TemplateJobRecord> {
  if (!job.job_no) throw new Error('vacancy without job_no');
  const occupation = occupationOf(job.occupation_code);
  const skillIds = skillIdsOf(job.skills);
  const essential = new Set(occupation.iscoCode ? skillsForIsco(occupation.iscoCode).essential : []);
  return {
    id: globalId(job.job_no),
    nativeId: job.job_no,
    title: job.headline,
    description: null,
    employer: job.company ? { name: job.company, industryCode: null, industryScheme: null } : null,
    regionCode: REGIONS[job.province] ?? null,
    nativeRegion: job.province,
    iscoCode: occupation.iscoCode,
    nationalCode: occupation.nationalCode,
    skillIds,
    essentialSkillIds: skillIds.filter((id) => essential.has(id)),
    salary: salaryOf(job.wage),
    employmentType: JOB_TYPES[job.job_type] ?? 'OTHER',
    education: job.education === null ? null : { iscedLevel: EDUCATION[job.education] ?? null, nativeLabel: job.education },
    postedAt: instantFromLocal(job.posted),
    // A closing date is inclusive: the vacancy is open until the end of that local day.
    validThrough: job.closing ? `${localDate(job.closing)}T23:59:59${OFFSET}` : null,
    applyUrl: `${SITE}/apply/${encodeURIComponent(job.job_no)}`,
    duplicateOf: null,
    sourceUrl: `${SITE}/vacancies/${encodeURIComponent(job.job_no)}`,
    native: job,
  };
}

export function toTrainingOffer(course: TemplateCourseRecord): TrainingOfferModel<TemplateCourseRecord> {
  if (!course.course_no) throw new Error('course without course_no');
  const occupation = occupationOf(course.occupation_code);
  return {
    id: globalId(course.course_no),
    nativeId: course.course_no,
    title: course.course_title,
    provider: { name: course.institute, kind: null },
    regionCode: REGIONS[course.province] ?? null,
    nativeRegion: course.province,
    iscoCodes: occupation.iscoCode ? [occupation.iscoCode] : [],
    nationalCodes: [occupation.nationalCode],
    skillIds: skillIdsOf(course.skills),
    startDate: localDate(course.starts),
    duration: `P${course.weeks}W`,
    fee: null,
    seats: course.seats,
    mode: course.online ? 'ONLINE' : 'IN_PERSON',
    certification: null,
    sourceUrl: `${SITE}/courses/${encodeURIComponent(course.course_no)}`,
    native: course,
  };
}

// LIFECYCLE — the regional store harvests every posting through the changes feed, open or not.
// Decide which native words mean filled and withdrawn (an expired posting is still open: its
// expiry is validThrough), which timestamp is the last change, and how many openings a posting has.
const STATES: Record<string, PostingState> = { open: 'OPEN', filled: 'CLOSED', withdrawn: 'WITHDRAWN' };

export function toLifecycle(job: TemplateJobRecord): LifecycleModel {
  const state = STATES[job.status];
  if (!state) throw new Error(`vacancy ${job.job_no} has an unknown status "${job.status}"`);
  return {
    updatedAt: instantFromLocal(job.changed),
    state,
    closedAt: state !== 'OPEN' && job.closed ? instantFromLocal(job.closed) : null,
    positions: Math.max(1, job.openings),
  };
}

/** "2026-03-01 10:00:00" (local) → "2026-03-01T10:00:00+07:00". */
export function instantFromLocal(local: string): string {
  const match = LOCAL_TIME.exec(local);
  if (!match) throw new Error(`not a local timestamp: "${local}"`);
  return `${match[1]}T${match[2]}${OFFSET}`;
}

/** Any ISO 8601 instant → the upstream's local wall-clock text (for keysets and `since`). */
export function localFromInstant(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`not an ISO 8601 instant: "${iso}"`);
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

function localDate(date: string): string {
  if (!LOCAL_DATE.test(date)) throw new Error(`not a local date: "${date}"`);
  return date;
}

function occupationOf(code: string): { iscoCode: string | null; nationalCode: NationalCodeModel } {
  const unit = /^\d{4}$/.test(code) ? iscoUnit(code) : undefined;
  return { iscoCode: unit?.code ?? null, nationalCode: { system: OCCUPATION_SYSTEM, code, mapped: unit !== undefined } };
}

/** Skills come as English labels; labels ESCO does not know are dropped (the raw record keeps them). */
function skillIdsOf(labels: readonly string[]): string[] {
  return [...new Set(labels.map(skillIdByLabel).filter((id): id is string => id !== undefined))];
}

function salaryOf(wage: TemplateJobRecord['wage']): SalaryModel {
  const period = PERIODS[wage.per] ?? 'MONTH';
  if (wage.amount === null) {
    return { min: null, max: null, currency: 'XTS', period, monthlyAmount: null, disclosed: false, text: 'negotiable' };
  }
  const monthlyAmount = Math.round(wage.amount * PER_MONTH[period]);
  return { min: wage.amount, max: wage.amount, currency: 'XTS', period, monthlyAmount, disclosed: true, text: null };
}

// ---- the other direction: the exchange's filter values in the upstream's own vocabulary ------
// Each returns only values the upstream knows; the client treats an empty translation of a
// non-empty filter as "nothing can match" rather than as "no filter".

/** ISCO-08 codes at any level → the occupation codes this system stores (here: ISCO-08 units). */
export function nativeOccupations(iscoPrefixes: readonly string[]): string[] {
  return [...new Set(iscoPrefixes.flatMap((prefix) => unitsUnder(prefix).map((unit) => unit.code)))];
}

/** ISO 3166-2 codes → native province names. */
export function nativeProvinces(isoCodes: readonly string[]): string[] {
  return Object.keys(REGIONS).filter((name) => isoCodes.includes(REGIONS[name]!));
}

export function nativeEducation(levels: readonly number[]): string[] {
  return Object.keys(EDUCATION).filter((label) => levels.includes(EDUCATION[label]!));
}

export function nativeJobTypes(types: readonly EmploymentType[]): string[] {
  return Object.entries(JOB_TYPES).flatMap(([code, type]) => (types.includes(type) ? [code] : []));
}

/** ESCO ids → the English labels the upstream stores. */
export function nativeSkills(ids: readonly string[]): string[] {
  return ids.flatMap((id) => skillLabel(id, 'en') ?? []);
}
