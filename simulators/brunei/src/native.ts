import { createRng, dirty, type GeneratedCourse, type GeneratedJob, type Rng } from '../../core/index.js';
import { PART_TIME, districtName, townOf } from './profile.js';

/**
 * JobCentre Brunei's records as its OData (v2, JSON "verbose") service returns them: PascalCase
 * properties, `__metadata` on every entity, Edm.Decimal as strings ("1200.00"), Edm.DateTime as
 * `/Date(<epoch ms>)/` (UTC; a date-only property is midnight UTC of that date), and the skills a
 * navigation property — `{ __deferred: { uri } }` unless the request says `$expand=Skills`.
 */
export interface JcbVacancy {
  __metadata: { uri: string; type: 'JobCentre.Vacancy' };
  /** `JCB-` and seven digits: fixed width, so id order is string order. */
  VacancyId: string;
  JobTitle: string;
  CompanyName: string;
  /** ISIC Rev.4 section letter of the employer's industry (the portal's industry picker). */
  IndustrySection: string;
  /** BDSOC 2011 unit group (4 digits); legacy postings keep a 5-digit BDSOC 2001 item; null when not coded. */
  BdsocCode: string | null;
  /** The district as the portal's picklist writes it, in Malay: Brunei dan Muara, Belait, Tutong, Temburong. */
  District: string;
  /** Town or area the employer typed. */
  Location: string;
  /** Edm.Decimal as a string, two decimals; null when not disclosed. */
  SalaryMin: string | null;
  SalaryMax: string | null;
  SalaryCurrency: 'BND';
  /** M per month, H per hour, D per day. */
  SalaryBasis: 'M' | 'H' | 'D';
  SalaryNegotiable: boolean;
  /** What the listing shows: "B$1,200 - B$1,500 / month", "Negotiable". */
  SalaryDisplay: string;
  /** FT full-time, PT part-time, CT contract, TP temporary, AP i-Ready apprenticeship. */
  EmploymentType: string;
  /** Minimum qualification as the portal's picklist words it ("BC GCE 'O' Level", "HNTec", …). */
  MinimumQualification: string;
  /** Edm.DateTime: `/Date(ms)/`, to the second. */
  PostedOn: string;
  /** Edm.DateTime, date only: `/Date(ms of 00:00 UTC)/` of the closing day (Brunei's calendar day). */
  ClosingDate: string;
  NoOfVacancies: number;
  /** i-Ready apprenticeship placement (MPEC's programme for graduates with little experience). */
  IReady: boolean;
  /** The partner portal a syndicated copy came from; null for postings made at JobCentre. */
  SourcePortal: string | null;
  /** A syndicated copy names the JobCentre posting it re-lists. */
  OriginalVacancyId: string | null;
  Description: string;
  /** Open | Filled | Withdrawn. */
  Status: JcbStatus;
  /** Edm.DateTime of the last change (publication, edit, closing), to the second. */
  LastModified: string;
  /** Edm.DateTime of the filling or withdrawal; null while open. */
  ClosedOn: string | null;
  Skills: JcbSkillLinks;
  /** The skill names between pipes, `|welding|blueprints|` — the only way OData v2 can filter on them (`substringof('|welding|',SkillTags)`). */
  SkillTags: string;
}

export type JcbStatus = 'Open' | 'Filled' | 'Withdrawn';
export interface JcbSkill {
  SkillName: string;
  /** ESCO skill URI when the employer picked from the skills list; null for free text. */
  EscoUri: string | null;
}
/** Skills as stored; served expanded (`{ results }`) or deferred (`{ __deferred }`). */
export type JcbSkillLinks = { results: JcbSkill[] } | { __deferred: { uri: string } };

/** A course JobCentre lists (IBTE, Politeknik Brunei, SkillsPlus providers). */
export interface JcbCourse {
  __metadata: { uri: string; type: 'JobCentre.TrainingCourse' };
  CourseId: string;
  CourseTitle: string;
  ProviderName: string;
  /** IBTE | POLITEKNIK | L3C | SKILLSPLUS */
  ProviderType: string;
  District: string;
  BdsocCode: string;
  /** Edm.DateTime, date only. */
  StartDate: string;
  DurationHours: number;
  Seats: number;
  /** Edm.Decimal as a string; "0.00" = free. */
  Fee: string;
  /** Face-to-face | Online | Blended */
  DeliveryMode: string;
  Certification: string;
  /** Funded through SkillsPlus (MPEC with the Lifelong Learning Centre). */
  SkillsPlusFunded: boolean;
}

export const SERVICE_ROOT = 'https://www.jobcentrebrunei.gov.bn/odata/v2';
const STATUS: Record<GeneratedJob['state'], JcbStatus> = { open: 'Open', filled: 'Filled', withdrawn: 'Withdrawn' };
/** Brunei Darussalam Time, UTC+8: the calendar day a date-only property names. */
const BNT_MS = 8 * 3_600_000;
/** 12 months ÷ (52 weeks × 44 hours): an hour's share of a month (Employment Order 2009). */
const HOURS_PER_MONTH = (52 * 44) / 12;
/** The part-time floor of the Employment (Minimum Wage) Order 2023, BND an hour. */
const HOURLY_FLOOR = 2.62;

/** ISIC Rev.4 sections employers of each ISCO major group sit in most (finance J/K for its occupations). */
const SECTIONS: Record<string, string[]> = {
  '1': ['K', 'G', 'B', 'M'], '2': ['J', 'M', 'Q', 'P', 'B'], '3': ['B', 'K', 'M', 'J'], '4': ['K', 'N', 'G', 'H'], '5': ['G', 'I', 'N'],
  '6': ['A'], '7': ['F', 'C', 'B'], '8': ['C', 'H', 'B'], '9': ['N', 'F', 'I'], '0': ['O'],
};

export function vacancyIdOf(seq: number): string {
  return `JCB-${String(seq + 1).padStart(7, '0')}`;
}

/** `/Date(1763596800000)/`: OData v2 JSON for Edm.DateTime. */
export function odataDate(ms: number): string {
  return `/Date(${ms})/`;
}

/** `/Date(ms)/` (an offset suffix `+0480` is allowed, as OData v2 writes DateTimeOffset) → epoch ms; undefined when unreadable. */
export function parseOdataDate(text: string | null | undefined): number | undefined {
  const m = /^\/Date\((-?\d+)(?:[+-]\d{4})?\)\/$/.exec(text ?? '');
  return m ? Number(m[1]) : undefined;
}

/** The Brunei calendar day of an instant, as a date-only Edm.DateTime (midnight UTC of that day). */
export function odataDay(ms: number): string {
  const local = new Date(ms + BNT_MS);
  return odataDate(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()));
}

/** Every record's dressing is drawn from a stream of its own seq: re-dressing a changed job keeps its words. */
export function toJcbVacancy(job: GeneratedJob, seed: number): JcbVacancy {
  const rng = createRng((seed ^ Math.imul(job.seq + 1, 0x6c8e9cf5) ^ 0xb7a1) >>> 0);
  const id = vacancyIdOf(job.seq);
  const uri = `${SERVICE_ROOT}/Vacancies('${id}')`;
  return {
    __metadata: { uri, type: 'JobCentre.Vacancy' },
    VacancyId: id,
    JobTitle: dirty(rng, job.title),
    CompanyName: dirty(rng, job.employer),
    IndustrySection: rng.pick(SECTIONS[job.occupation.iscoCode[0] ?? '9'] ?? ['N']),
    BdsocCode: job.nationalCode,
    District: districtName(job.region),
    Location: townOf(rng, job.region),
    ...salaryOf(rng, job),
    EmploymentType: job.employmentType,
    MinimumQualification: job.education,
    PostedOn: odataDate(job.postedAtMs),
    ClosingDate: odataDay(job.expiresAtMs),
    NoOfVacancies: job.openings,
    IReady: job.employmentType === 'AP',
    SourcePortal: job.duplicateOf === null ? null : job.partner,
    OriginalVacancyId: job.duplicateOf === null ? null : vacancyIdOf(job.duplicateOf),
    Description: `${job.openings} position(s) for ${job.occupation.title} at ${job.employer}. Minimum qualification: ${job.education}.`,
    Status: STATUS[job.state],
    LastModified: odataDate(job.updatedAtMs),
    ClosedOn: job.closedAtMs === null ? null : odataDate(job.closedAtMs),
    ...skillsOf(rng, job),
  };
}

function skillsOf(rng: Rng, job: GeneratedJob): Pick<JcbVacancy, 'Skills' | 'SkillTags'> {
  const results = [...job.skills.map((s) => ({ SkillName: s.label, EscoUri: rng.chance(0.85) ? s.uri : null })), ...(job.freeTextSkill ? [{ SkillName: job.freeTextSkill, EscoUri: null }] : [])];
  return { Skills: { results }, SkillTags: `|${results.map((s) => s.SkillName).join('|')}|` };
}

type Salary = Pick<JcbVacancy, 'SalaryMin' | 'SalaryMax' | 'SalaryCurrency' | 'SalaryBasis' | 'SalaryNegotiable' | 'SalaryDisplay'>;

/** Monthly pay as generated; part-time pay re-expressed per hour, never below the hourly floor; hidden pay as negotiable. */
function salaryOf(rng: Rng, job: GeneratedJob): Salary {
  if (!job.wage) return { SalaryMin: null, SalaryMax: null, SalaryCurrency: 'BND', SalaryBasis: 'M', SalaryNegotiable: true, SalaryDisplay: rng.pick(['Negotiable', 'Negotiable', 'Based on experience']) };
  const { min, max, period } = job.wage;
  if (job.employmentType === PART_TIME) {
    const perMonth = period === 'DAY' ? 26 : 1;
    // Rounded up to 5 cents, so an hour never pays less than its month.
    const hourly = (amount: number) => Math.max(HOURLY_FLOOR, Math.ceil(((amount * perMonth) / HOURS_PER_MONTH) * 20) / 20);
    return banded(hourly(min), hourly(max), 'H');
  }
  return banded(min, max, period === 'DAY' ? 'D' : 'M');
}

function banded(min: number, max: number, basis: JcbVacancy['SalaryBasis']): Salary {
  const unit = { M: 'month', H: 'hour', D: 'day' }[basis];
  return { SalaryMin: min.toFixed(2), SalaryMax: max.toFixed(2), SalaryCurrency: 'BND', SalaryBasis: basis, SalaryNegotiable: false, SalaryDisplay: `B$${money(min)} - B$${money(max)} / ${unit}` };
}

/** A changed posting: its dressing stays, its lifecycle, head count and pay follow the job. */
export function withChanges(native: JcbVacancy, job: GeneratedJob, seed: number): JcbVacancy {
  const fresh = toJcbVacancy(job, seed);
  const { SalaryMin, SalaryMax, SalaryBasis, SalaryNegotiable, SalaryDisplay, Status, LastModified, ClosedOn, NoOfVacancies } = fresh;
  return { ...native, SalaryMin, SalaryMax, SalaryBasis, SalaryNegotiable, SalaryDisplay, Status, LastModified, ClosedOn, NoOfVacancies };
}

export function toJcbCourse(course: GeneratedCourse): JcbCourse {
  const id = `SP-${String(course.seq + 1).padStart(5, '0')}`;
  return {
    __metadata: { uri: `${SERVICE_ROOT}/TrainingCourses('${id}')`, type: 'JobCentre.TrainingCourse' },
    CourseId: id,
    CourseTitle: course.title,
    ProviderName: course.provider.name,
    ProviderType: course.provider.kind,
    District: districtName(course.region),
    BdsocCode: course.occupation.code,
    StartDate: odataDay(course.startMs),
    DurationHours: course.hours,
    Seats: course.seats,
    Fee: course.fee.toFixed(2),
    DeliveryMode: course.mode,
    Certification: course.certification,
    SkillsPlusFunded: course.provider.kind === 'SKILLSPLUS' || course.fee === 0,
  };
}

/** 1200 → "1,200", 2.65 → "2.65" (no ICU locale data needed). */
function money(n: number): string {
  const [whole = '0', cents] = (Number.isInteger(n) ? String(n) : n.toFixed(2)).split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${cents ? `.${cents}` : ''}`;
}
