import type { EmploymentType, LifecycleModel, PostingState, TrainingMode, TrainingOfferModel, VacancyModel, WagePeriod } from '../../../kit/index.js';
import { educationToIsced, regionByName } from '../../../kit/reference.js';
import { feeOf, globalId, isoInOffset, occupationOf, salaryOf, skillsOf, tidy } from '../../../kit/translation.js';
import type { JcbCourse, JcbVacancy } from './native.js';

/** JobCentre Brunei → the shared model. Pure; throws only for a record without id, title or readable posting date. */

export const BNT = 8; // Brunei Darussalam Time, UTC+8: the calendar JobCentre's dates mean.
export const SYSTEM = 'BDSOC-2011';
const PORTAL = 'https://www.jobcentrebrunei.gov.bn';

const PERIODS: Record<string, WagePeriod> = { M: 'MONTH', H: 'HOUR', D: 'DAY' };
/** JobCentre's employment type codes; an i-Ready apprenticeship is a placement for graduates (INTERNSHIP). */
export const EMPLOYMENT_TYPES: Record<string, EmploymentType> = { FT: 'FULL_TIME', PT: 'PART_TIME', CT: 'CONTRACT', TP: 'TEMPORARY', AP: 'INTERNSHIP' };
const MODES: Record<string, TrainingMode> = { 'face-to-face': 'IN_PERSON', online: 'ONLINE', blended: 'BLENDED' };
const STATES: Record<string, PostingState> = { open: 'OPEN', filled: 'CLOSED', withdrawn: 'WITHDRAWN' };

export function toVacancy(v: JcbVacancy): VacancyModel<JcbVacancy> {
  const nativeId = jcbVacancyId(v);
  if (typeof v.JobTitle !== 'string' || !v.JobTitle.trim()) throw new Error(`vacancy ${nativeId} has no JobTitle`);
  const { nationalCode, iscoCode } = occupationOf(SYSTEM, v.BdsocCode);
  const postedAt = isoInOffset(odataDateMs(v.PostedOn), BNT);
  const qualification = v.MinimumQualification?.trim() || null;
  const skills = (v.Skills?.results ?? []).map((s) => ({ uri: s.EscoUri, name: s.SkillName }));
  return {
    id: globalId('BN', nativeId),
    nativeId,
    title: tidy(v.JobTitle),
    description: v.Description?.trim() || null,
    employer: v.CompanyName?.trim() ? { name: tidy(v.CompanyName), industryCode: v.IndustrySection, industryScheme: v.IndustrySection ? 'ISIC-4-SECTION' : null } : null,
    regionCode: v.District ? (regionByName('BN', v.District) ?? null) : null,
    nativeRegion: [v.Location?.trim(), v.District?.trim()].filter(Boolean).join(', ') || null,
    iscoCode,
    nationalCode,
    ...skillsOf(skills, iscoCode),
    // Negotiable pay comes without amounts: salaryOf marks it undisclosed and keeps the listing's words.
    salary: salaryOf({ min: decimal(v.SalaryMin), max: decimal(v.SalaryMax), currency: v.SalaryCurrency ?? 'BND', period: PERIODS[v.SalaryBasis ?? ''] ?? 'MONTH', country: 'BN', on: postedAt, text: v.SalaryDisplay?.trim() || null }),
    employmentType: v.EmploymentType ? (EMPLOYMENT_TYPES[v.EmploymentType.trim()] ?? 'OTHER') : null,
    education: qualification ? { iscedLevel: educationToIsced('BN', qualification) ?? null, nativeLabel: qualification } : null,
    postedAt,
    // The closing day is secondary: an unreadable one is dropped, not the posting.
    validThrough: dayStart(v.ClosingDate),
    applyUrl: `${PORTAL}/vacancy/${nativeId}`,
    // A syndicated copy (SourcePortal JobsBrunei.com …) names the JobCentre posting it re-lists.
    duplicateOf: v.OriginalVacancyId ? globalId('BN', v.OriginalVacancyId) : null,
    sourceUrl: `${PORTAL}/vacancy/${nativeId}`,
    native: v,
  };
}

export function toTrainingOffer(c: JcbCourse): TrainingOfferModel<JcbCourse> {
  const nativeId = jcbCourseId(c);
  const { nationalCode, iscoCode } = occupationOf(SYSTEM, c.BdsocCode);
  return {
    id: globalId('BN', nativeId),
    nativeId,
    title: tidy(c.CourseTitle),
    provider: { name: tidy(c.ProviderName), kind: c.ProviderType },
    regionCode: c.District ? (regionByName('BN', c.District) ?? null) : null,
    nativeRegion: c.District,
    iscoCodes: iscoCode ? [iscoCode] : [],
    nationalCodes: nationalCode ? [nationalCode] : [],
    skillIds: [],
    startDate: dayOf(c.StartDate),
    duration: c.DurationHours ? `PT${c.DurationHours}H` : null,
    fee: feeOf(decimal(c.Fee), 'BND', 'BN'),
    seats: c.Seats,
    mode: c.DeliveryMode ? (MODES[c.DeliveryMode.trim().toLowerCase()] ?? null) : null,
    certification: c.Certification,
    sourceUrl: `${PORTAL}/training/${nativeId}`,
    native: c,
  };
}

/** JobCentre's status words and change dates → the lifecycle; throws for an unknown status or an unreadable date. */
export function toLifecycle(v: JcbVacancy): LifecycleModel {
  const state = STATES[(v.Status ?? '').trim().toLowerCase()];
  if (!state || !v.LastModified) throw new Error(`JobCentre record with Status "${v.Status}" and LastModified "${v.LastModified}"`);
  return {
    updatedAt: isoInOffset(odataDateMs(v.LastModified), BNT),
    state,
    closedAt: state !== 'OPEN' && v.ClosedOn ? isoInOffset(odataDateMs(v.ClosedOn), BNT) : null,
    positions: Math.max(1, v.NoOfVacancies ?? 1),
  };
}

export function jcbVacancyId(v: JcbVacancy): string {
  if (typeof v.VacancyId !== 'string' || !v.VacancyId.trim()) throw new Error(`record without a VacancyId: ${JSON.stringify(v.VacancyId)}`);
  return v.VacancyId;
}

export function jcbCourseId(c: JcbCourse): string {
  if (typeof c.CourseId !== 'string' || !c.CourseId) throw new Error('course without a CourseId');
  return c.CourseId;
}

/** `/Date(1763596800000)/` (an offset suffix like `+0480` allowed; OData v2 writes it for DateTimeOffset) → epoch ms. Throws for anything else. */
export function odataDateMs(text: string | null | undefined): number {
  const m = /^\/Date\((-?\d{1,15})(?:[+-]\d{4})?\)\/$/.exec(text ?? '');
  if (!m) throw new Error(`not an OData date: "${text}"`);
  return Number(m[1]);
}

/** Epoch ms → the OData v2 literal JobCentre's filters take: `datetime'2026-11-20T08:00:00'` (UTC, to the second). */
export function datetimeLiteral(ms: number): string {
  return `datetime'${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}'`;
}

/** A date-only property (midnight UTC of the day) → "YYYY-MM-DD"; null when absent or unreadable. */
export function dayOf(text: string | null | undefined): string | null {
  try {
    return text ? new Date(odataDateMs(text)).toISOString().slice(0, 10) : null;
  } catch {
    return null;
  }
}

/** The day's start in Brunei time, as ISO 8601 with its offset (what validThrough carries). */
function dayStart(text: string | null): string | null {
  const day = dayOf(text);
  return day ? `${day}T00:00:00+08:00` : null;
}

/** Edm.Decimal comes as a string ("1200.00"); anything unreadable is no amount. */
function decimal(text: string | null | undefined): number | null {
  if (text === null || text === undefined || text.trim() === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}
