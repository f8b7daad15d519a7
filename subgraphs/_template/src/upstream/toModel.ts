import type { EmploymentType, LifecycleModel, PostingState, TrainingOfferModel, VacancyModel, WagePeriod } from '../../../kit/index.js';
import { nativeKeysFor, occupationCodesFor, regionNamesFor, skillNames } from '../../../kit/filters.js';
import { educationToIsced, regionByName, utcOffsetOf } from '../../../kit/reference.js';
import { globalId, isoInOffset, localDateTime, localToEpochMs, occupationOf, salaryOf, skillsOf, tidy } from '../../../kit/translation.js';
import { manifest } from '../country.js';
import type { TemplateCourseRecord, TemplateJobRecord, WagePer } from './client.js';

/**
 * The translation from the national system's records to the shared model — pure (no I/O per
 * record), unit tested. Every constant below is a decision each partner makes for its own
 * system; the comments say what to decide. The steps every country shares (ids, dates,
 * occupation codes, skills, wages) are the kit's (`kit/translation.ts`, `kit/filters.ts`): call
 * them, never copy them. What is data rather than a decision — the country's regions, education
 * labels, wage rules, time zone — is in its reference/ folder (docs/ADDING_A_COUNTRY.md,
 * "Reference data"), read through the kit. Throw for a record you cannot translate: only that
 * record fails.
 */

// IDS — the global id is `<ISO 3166-1 alpha-2>:<native id>` (the kit's `globalId`). Decide which
// native field is stable and unique (never a row number that changes on re-import); it must
// survive a round trip through the upstream's by-id endpoint. COUNTRY and CURRENCY are the
// manifest's `country` and `currency` (subgraph.json).
const COUNTRY = manifest.country;
const CURRENCY = manifest.currency;

// DATES — emit ISO 8601 with the source's own offset, never silently UTC (the kit's `isoInOffset`).
// Decide what your system's timestamps mean: local wall-clock time (as here, in the country's
// legal time, reference/country.json `timeZone`: UTC+07:00; read by the kit's `localToEpochMs`),
// instants (Indonesia), or a calendar that needs converting first (Thailand: Buddhist Era year
// − 543). A country with several time zones passes the region: `utcOffsetOf(country, region)`.
const UTC_OFFSET = utcOffsetOf(COUNTRY);

// OCCUPATIONS — the national code stays as given (`nationalCode`), and maps to an ISCO-08 unit
// through the reference module only when the crosswalk knows it; never guess from the digits.
// The kit's `occupationOf(system, code)` does both. This system stores ISCO-08 units itself,
// hence the manifest's `occupationSystem` is 'ISCO-08' (and reference/ has no occupations.csv);
// a national classification names its system instead ('KBJI-2014', 'MASCO-2020', …) and lists
// its codes with their ISCO-08 units in reference/occupations.csv.
const OCCUPATION_SYSTEM = manifest.occupationSystem;

// WAGES — decide the period each amount is per, and how "negotiable" / hidden wages look. The
// kit's `salaryOf` turns it into a monthly amount by YOUR country's legal rule for each period,
// stated in the answer as `conversion`: it reads them from reference/wage_conversion.csv (this
// template's example rules: 26 days of 8 hours; week, year and month are data/'s shared rows).
const PERIODS: Record<WagePer, WagePeriod> = { hour: 'HOUR', day: 'DAY', month: 'MONTH' };

// REGIONS — native names (or codes) to ISO 3166-2: `regionByName(country, name)` finds a name
// in any form reference/regions.csv lists (name, local name, aliases, the statistics office's
// code). Unrecognised names give `regionCode: null`, the name is kept.
const regionOf = (name: string) => regionByName(COUNTRY, name) ?? null;

// EDUCATION — native labels to ISCED 2011 levels (0–8): `educationToIsced(country, label)` reads
// reference/education.csv. Unknown labels: level null. The labels the upstream filters by:
const EDUCATION_LABELS = ['Primary', 'Lower secondary', 'Upper secondary', 'Diploma', 'Bachelor'];

// EMPLOYMENT TYPES — the native codes to the contract's enum (OTHER when nothing fits).
const JOB_TYPES: Record<TemplateJobRecord['job_type'], EmploymentType> = { FT: 'FULL_TIME', PT: 'PART_TIME', CT: 'CONTRACT', DL: 'DAILY' };

const SITE = 'https://jobs.template.example';

export function toVacancy(job: TemplateJobRecord): VacancyModel<TemplateJobRecord> {
  if (!job.job_no) throw new Error('vacancy without job_no');
  const { nationalCode, iscoCode } = occupationOf(OCCUPATION_SYSTEM, job.occupation_code);
  const postedAt = instantFromLocal(job.posted);
  return {
    id: globalId(COUNTRY, job.job_no),
    nativeId: job.job_no,
    title: tidy(job.headline),
    description: null,
    employer: job.company ? { name: tidy(job.company), industryCode: null, industryScheme: null } : null,
    regionCode: regionOf(job.province),
    nativeRegion: job.province,
    iscoCode,
    nationalCode,
    // Skills come as English labels; labels ESCO does not know are dropped (the raw record keeps them).
    ...skillsOf(job.skills.map((name) => ({ name })), iscoCode),
    // A null amount is "negotiable": salaryOf marks it undisclosed.
    salary: salaryOf({ min: job.wage.amount, max: job.wage.amount, currency: CURRENCY, period: PERIODS[job.wage.per] ?? 'MONTH', country: COUNTRY, on: postedAt, text: job.wage.amount === null ? 'negotiable' : null }),
    employmentType: JOB_TYPES[job.job_type] ?? 'OTHER',
    education: job.education === null ? null : { iscedLevel: educationToIsced(COUNTRY, job.education) ?? null, nativeLabel: job.education },
    postedAt,
    // A closing date is inclusive: the vacancy is open until the end of that local day.
    validThrough: job.closing ? instantFromLocal(`${job.closing} 23:59:59`) : null,
    applyUrl: `${SITE}/apply/${encodeURIComponent(job.job_no)}`,
    duplicateOf: null,
    sourceUrl: `${SITE}/vacancies/${encodeURIComponent(job.job_no)}`,
    native: job,
  };
}

export function toTrainingOffer(course: TemplateCourseRecord): TrainingOfferModel<TemplateCourseRecord> {
  if (!course.course_no) throw new Error('course without course_no');
  const { nationalCode, iscoCode } = occupationOf(OCCUPATION_SYSTEM, course.occupation_code);
  return {
    id: globalId(COUNTRY, course.course_no),
    nativeId: course.course_no,
    title: tidy(course.course_title),
    provider: { name: tidy(course.institute), kind: null },
    regionCode: regionOf(course.province),
    nativeRegion: course.province,
    iscoCodes: iscoCode ? [iscoCode] : [],
    nationalCodes: nationalCode ? [nationalCode] : [],
    skillIds: skillsOf(course.skills.map((name) => ({ name })), iscoCode).skillIds,
    // A local date stays a date: the course starts on that day wherever the reader is.
    startDate: instantFromLocal(course.starts).slice(0, 10),
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
// expiry is validThrough), which timestamp is the last change, and how many openings a posting
// has (the kit counts at least one, and no closing while open).
const STATES: Record<string, PostingState> = { open: 'OPEN', filled: 'CLOSED', withdrawn: 'WITHDRAWN' };

export function toLifecycle(job: TemplateJobRecord): LifecycleModel {
  const state = STATES[job.status];
  if (!state) throw new Error(`vacancy ${job.job_no} has an unknown status "${job.status}"`);
  return { updatedAt: instantFromLocal(job.changed), state, closedAt: job.closed ? instantFromLocal(job.closed) : null, positions: job.openings };
}

/** "2026-03-01 10:00:00" (local) → "2026-03-01T10:00:00+07:00"; throws for anything else. */
export function instantFromLocal(local: string): string {
  return isoInOffset(localToEpochMs(local, UTC_OFFSET), UTC_OFFSET);
}

/** Any ISO 8601 instant → the upstream's local wall-clock text (for keysets and `since`). */
export function localFromInstant(iso: string): string {
  return localDateTime(Date.parse(iso), UTC_OFFSET).replace('T', ' ');
}

// ---- the other direction: the exchange's filter values in the upstream's own vocabulary ------
// Each returns only values the upstream knows; the client (through the kit's `nativeValues`)
// treats an empty translation of a non-empty filter as "nothing can match", not as "no filter".

/** ISCO-08 codes at any level → the occupation codes this system stores (here: ISCO-08 units). */
export const nativeOccupations = (iscoPrefixes: readonly string[]) => occupationCodesFor(OCCUPATION_SYSTEM, iscoPrefixes);
/** ISO 3166-2 codes → native province names (this system stores the names regions.csv gives). */
export const nativeProvinces = (isoCodes: readonly string[]) => regionNamesFor(COUNTRY, isoCodes);
export const nativeEducation = (levels: readonly number[]) => EDUCATION_LABELS.filter((label) => levels.includes(educationToIsced(COUNTRY, label) ?? -1));
export const nativeJobTypes = (types: readonly EmploymentType[]) => nativeKeysFor(JOB_TYPES, types);
/** ESCO ids → the English labels the upstream stores. */
export const nativeSkills = (ids: readonly string[]) => skillNames(ids, ['en']);
