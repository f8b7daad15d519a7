import type { LifecycleModel, PostingState, EmploymentType, TrainingMode, TrainingOfferModel, VacancyModel } from '../../../kit/index.js';
import { educationToIsced, regionByName } from '../../../kit/reference.js';
import { feeOf, globalId, isoInOffset, occupationOf, salaryOf, skillsOf, tidy } from '../../../kit/translation.js';
import type { MfjJob, MfjProgramme } from './native.js';

/** MYFutureJobs → the shared model. Pure; throws only for a record without id or date. */

export const MYT = 8; // Malaysia time, UTC+8.

/** Salary bands (MYR per month): what a band-only posting says about its wage. */
export const SALARY_BANDS: Record<string, [number, number | null]> = {
  A: [0, 1_499], B: [1_500, 1_999], C: [2_000, 2_499], D: [2_500, 2_999], E: [3_000, 3_499], F: [3_500, 3_999], G: [4_000, 4_999],
  H: [5_000, 5_999], I: [6_000, 7_999], J: [8_000, 9_999], K: [10_000, 11_999], L: [12_000, 14_999], M: [15_000, 19_999], N: [20_000, null],
};

export const CONTRACT_TYPES: Record<number, EmploymentType> = { 1: 'FULL_TIME', 2: 'CONTRACT', 3: 'PART_TIME', 4: 'GIG', 5: 'INTERNSHIP', 6: 'TEMPORARY', 7: 'DAILY' };
const MODES: Record<string, TrainingMode> = { FIZIKAL: 'IN_PERSON', 'DALAM TALIAN': 'ONLINE', HIBRID: 'BLENDED' };

export function toVacancy(job: MfjJob): VacancyModel<MfjJob> {
  if (!job.id) throw new Error('MYFutureJobs record without id');
  const { nationalCode, iscoCode } = occupationOf('MASCO-2020', job.mascoCode);
  const education = job.educationLevel?.label?.trim() || null;
  return {
    id: globalId('MY', job.id),
    nativeId: job.id,
    title: tidy(job.positionTitle),
    description: null,
    employer: job.companyName ? { name: tidy(job.companyName), industryCode: job.msicCode, industryScheme: job.msicCode ? 'MSIC-2008' : null } : null,
    regionCode: job.location?.state ? (regionByName('MY', job.location.state) ?? null) : null,
    nativeRegion: [job.location?.city, job.location?.state].filter(Boolean).join(', ') || null,
    iscoCode,
    nationalCode,
    ...skillsOf((job.skills ?? []).map((s) => ({ uri: s.code, name: s.name })), iscoCode),
    salary: wageOf(job),
    employmentType: job.contractType ? (CONTRACT_TYPES[job.contractType.code] ?? 'OTHER') : null,
    education: education ? { iscedLevel: educationToIsced('MY', education) ?? null, nativeLabel: education } : null,
    postedAt: isoInOffset(mytInstant(job.postedDate), MYT),
    validThrough: job.closingDate ? isoInOffset(mytInstant(job.closingDate), MYT) : null,
    applyUrl: job.jobUrl,
    duplicateOf: job.sourceJobId ? globalId('MY', job.sourceJobId) : null,
    sourceUrl: job.jobUrl,
    native: job,
  };
}

/** Amounts when given; otherwise the band's range (still disclosed); neither → hidden. */
function wageOf(job: MfjJob) {
  const band = job.salaryBand ? SALARY_BANDS[job.salaryBand] : undefined;
  const min = job.actualWages?.min ?? band?.[0];
  const max = job.actualWages?.max ?? band?.[1] ?? null;
  return salaryOf({ min: min === 0 ? null : min, max, currency: 'MYR', period: 'MONTH', country: 'MY', on: job.postedDate, text: job.salaryBand ? `Band ${job.salaryBand}` : null });
}

export function toTrainingOffer(p: MfjProgramme): TrainingOfferModel<MfjProgramme> {
  if (!p.programmeId) throw new Error('programme without id');
  const { nationalCode, iscoCode } = occupationOf('MASCO-2020', p.mascoCode);
  return {
    id: globalId('MY', p.programmeId),
    nativeId: p.programmeId,
    title: tidy(p.programmeNameEn ?? p.programmeNameMs),
    provider: { name: tidy(p.provider.name), kind: p.provider.type },
    regionCode: p.state ? (regionByName('MY', p.state) ?? null) : null,
    nativeRegion: p.state,
    iscoCodes: iscoCode ? [iscoCode] : [],
    nationalCodes: nationalCode ? [nationalCode] : [],
    skillIds: [],
    startDate: p.startDate,
    duration: p.durationWeeks ? `P${p.durationWeeks}W` : null,
    fee: feeOf(p.feeMyr, 'MYR', 'MY'),
    seats: p.seats,
    mode: p.mode ? (MODES[p.mode.toUpperCase()] ?? null) : null,
    certification: p.certification,
    sourceUrl: `https://www.myfuturejobs.gov.my/training/${p.programmeId}`,
    native: p,
  };
}

const STATES: Record<string, PostingState> = { ACTIVE: 'OPEN', FILLED: 'CLOSED', WITHDRAWN: 'WITHDRAWN' };

/** MYFutureJobs' lifecycle fields → the lifecycle; throws for a record without a change date or with an unknown status. */
export function toLifecycle(job: MfjJob): LifecycleModel {
  const state = STATES[(job.status ?? '').trim().toUpperCase()];
  if (!state || !job.lastModifiedDate) throw new Error(`MYFutureJobs record with status "${job.status}" and lastModifiedDate "${job.lastModifiedDate}"`);
  return {
    updatedAt: isoInOffset(mytInstant(job.lastModifiedDate), MYT),
    state,
    closedAt: state !== 'OPEN' && job.closedDate ? isoInOffset(mytInstant(job.closedDate), MYT) : null,
    positions: Math.max(1, job.numberOfVacancies ?? 1),
  };
}

/** A date-only value means midnight Malaysia time. */
export function mytInstant(text: string): number {
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(text.trim()) ? `${text.trim()}T00:00:00+08:00` : text);
  if (Number.isNaN(ms)) throw new Error(`not a date: "${text}"`);
  return ms;
}
