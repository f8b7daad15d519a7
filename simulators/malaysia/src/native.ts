import { createHash } from 'node:crypto';
import { createRng, dirty, type GeneratedCourse, type GeneratedJob, type Rng } from '../../core/index.js';
import { CONTRACT_TYPES, cityOf, occupations, stateName, type MascoOccupation } from './profile.js';

/** A job as MYFutureJobs' /api/jobs returns it. */
export interface MfjJob {
  id: string;
  positionTitle: string;
  positionTitleMs: string;
  companyName: string;
  location: { state: string; city: string };
  actualWages: { min: number; max: number } | null;
  salaryBand: string | null;
  contractType: { code: number; labelMs: string; labelEn: string };
  mascoCode: string | null;
  msicCode: string;
  educationLevel: { code: number; label: string };
  skills: Array<{ code: string | null; name: string }>;
  /** ISO 8601 with +08:00 (a few legacy records carry the date only). */
  postedDate: string;
  closingDate: string;
  jobUrl: string;
  numberOfVacancies: number;
  /** Set on a re-listing from a partner board: the id of the original posting. */
  sourceJobId: string | null;
  status: MfjStatus;
  /** ISO 8601 with +08:00, to the second: the last change (publication, edit, closing). */
  lastModifiedDate: string;
  /** ISO 8601 with +08:00 when FILLED or WITHDRAWN; null while ACTIVE. */
  closedDate: string | null;
}

export type MfjStatus = 'ACTIVE' | 'FILLED' | 'WITHDRAWN';

const STATUS: Record<GeneratedJob['state'], MfjStatus> = { open: 'ACTIVE', filled: 'FILLED', withdrawn: 'WITHDRAWN' };

/** Salary bands A–N (MYR per month, lower bound inclusive), as the portal's SALARY facet uses them. */
export const SALARY_BANDS: Array<[band: string, from: number]> = [
  ['A', 0], ['B', 1_500], ['C', 2_000], ['D', 2_500], ['E', 3_000], ['F', 3_500], ['G', 4_000],
  ['H', 5_000], ['I', 6_000], ['J', 8_000], ['K', 10_000], ['L', 12_000], ['M', 15_000], ['N', 20_000],
];

export function bandOf(amount: number): string {
  return [...SALARY_BANDS].reverse().find(([, from]) => amount >= from)?.[0] ?? 'A';
}

const EDUCATION_CODES: Record<string, number> = { PT3: 2, SPM: 3, 'SKM Tahap 2': 4, 'SKM Tahap 3': 4, STPM: 4, DKM: 5, Diploma: 5, 'Ijazah Sarjana Muda': 6, Sarjana: 7, PhD: 8 };
const MSIC: Record<string, string> = { '1': '70200', '2': '62010', '3': '71101', '4': '82110', '5': '56101', '6': '01261', '7': '43210', '8': '26101', '9': '81210', '0': '84220' };

/** Share of postings whose `positionTitle` is in Malay rather than English. */
const MALAY_TITLE_SHARE = 0.35;

export function jobIdOf(seed: number, seq: number): string {
  return createHash('md5').update(`mfj:${seed}:${seq}`).digest('hex');
}

/** The portal's records for generated jobs; one random stream of its own, in posting order. */
export function toMfjJobs(jobs: GeneratedJob[], seed: number): MfjJob[] {
  const rng = createRng(seed ^ 0x3f7a11);
  return jobs.map((job) => toMfjJob(job, seed, rng));
}

/** A job posted after the anchor (the clock moved on), dressed from a stream of its own seq. */
export function toNewMfjJob(job: GeneratedJob, seed: number): MfjJob {
  return toMfjJob(job, seed, createRng((seed ^ 0x3f7a11 ^ Math.imul(job.seq + 1, 0x27d4eb2d)) >>> 0));
}

/** A posting the employer changed: its dressing (title, employer, dirt) stays, its lifecycle, head count and wage follow the job. */
export function withChanges(native: MfjJob, job: GeneratedJob): MfjJob {
  return {
    ...native,
    ...lifecycleFields(job),
    numberOfVacancies: job.openings,
    actualWages: job.wage ? { min: job.wage.min, max: job.wage.max } : null,
    salaryBand: job.wage ? bandOf(job.wage.min) : native.salaryBand,
  };
}

function lifecycleFields(job: GeneratedJob): Pick<MfjJob, 'status' | 'lastModifiedDate' | 'closedDate'> {
  return { status: STATUS[job.state], lastModifiedDate: isoMyt(job.updatedAtMs), closedDate: job.closedAtMs === null ? null : isoMyt(job.closedAtMs) };
}

function toMfjJob(job: GeneratedJob, seed: number, rng: Rng): MfjJob {
  const occupation = job.occupation as MascoOccupation;
  const contract = CONTRACT_TYPES[job.employmentType] ?? CONTRACT_TYPES['1']!;
  const id = jobIdOf(seed, job.seq);
  const posted = isoMyt(job.postedAtMs);
  return {
    id,
    // Employers write the title in English or in Malay; the Malay one is also kept separately.
    positionTitle: dirty(rng, rng.chance(MALAY_TITLE_SHARE) || !occupation.titleEn ? occupation.title : occupation.titleEn),
    positionTitleMs: occupation.title,
    companyName: dirty(rng, job.employer),
    location: { state: stateName(rng, job.region), city: cityOf(rng, job.region) },
    actualWages: job.wage ? { min: job.wage.min, max: job.wage.max } : null,
    salaryBand: job.wage ? bandOf(job.wage.min) : rng.chance(0.5) ? null : 'NEGO',
    contractType: { code: Number(job.employmentType), ...contract },
    mascoCode: job.nationalCode,
    msicCode: MSIC[occupation.iscoCode[0] ?? '9'] ?? '00000',
    educationLevel: { code: EDUCATION_CODES[job.education] ?? 3, label: job.education },
    skills: [...job.skills.map((s) => ({ code: rng.chance(0.9) ? s.uri : null, name: s.label })), ...(job.freeTextSkill ? [{ code: null, name: job.freeTextSkill }] : [])],
    postedDate: rng.chance(0.03) ? posted.slice(0, 10) : posted,
    closingDate: isoMyt(job.expiresAtMs).slice(0, 10),
    jobUrl: `https://candidates.myfuturejobs.gov.my/job/${id}`,
    numberOfVacancies: job.openings,
    sourceJobId: job.duplicateOf === null ? null : jobIdOf(seed, job.duplicateOf),
    ...lifecycleFields(job),
  };
}

/** A training programme of the ILP / ADTEC / IKBN network. */
export interface MfjProgramme {
  programmeId: string;
  programmeNameMs: string;
  programmeNameEn: string;
  provider: { name: string; type: string };
  state: string;
  mascoCode: string;
  startDate: string;
  durationWeeks: number;
  seats: number;
  feeMyr: number;
  mode: string;
  certification: string;
}

export function toProgramme(course: GeneratedCourse): MfjProgramme {
  const occupation = occupations.find((o) => o.code === course.occupation.code);
  return {
    programmeId: `TVET-${String(course.seq + 1).padStart(5, '0')}`,
    programmeNameMs: course.title,
    programmeNameEn: `Course: ${occupation?.titleEn ?? course.occupation.title}`,
    provider: { name: course.provider.name, type: course.provider.kind },
    state: course.region.name,
    mascoCode: course.occupation.code,
    startDate: isoMyt(course.startMs).slice(0, 10),
    durationWeeks: Math.ceil(course.hours / 40),
    seats: course.seats,
    feeMyr: course.fee,
    mode: course.mode,
    certification: course.certification,
  };
}

/** Malaysia time (UTC+8), ISO 8601 with its offset. */
function isoMyt(ms: number): string {
  return `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}
