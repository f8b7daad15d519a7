import { codePrefixes, firstAtOrAfter, matchPositions, postingIndex, type PostingIndex, type PostingKeys } from '../../core/postings.js';
import { DATA_ANCHOR_MS } from '../../core/index.js';
import { parseOdataDate, type JcbCourse, type JcbVacancy } from './native.js';
import { compile, conjuncts, disjuncts, type Expr, type Operand, type Properties, type Value } from './odata.js';

/**
 * The stores behind JobCentre's entity sets: every posting in every state, newest first, with
 * posting lists for the properties a filter names most (../../core/postings.ts), so that a
 * filter's indexed `and` terms are a few sorted-array merges and the rest is checked posting by
 * posting; and every posting again in change order for `VacancyChanges`.
 */

export type Criterion = 'VacancyId' | 'Status' | 'District' | 'EmploymentType' | 'MinimumQualification' | 'IndustrySection' | 'BdsocCode' | 'BdsocPrefix';

const EXACT = new Set<string>(['VacancyId', 'Status', 'District', 'EmploymentType', 'MinimumQualification', 'IndustrySection', 'BdsocCode']);
const prefixes = codePrefixes();
const KEYS: PostingKeys<JcbVacancy, Criterion> = {
  VacancyId: (v) => [v.VacancyId],
  Status: (v) => [v.Status],
  District: (v) => [v.District],
  EmploymentType: (v) => [v.EmploymentType],
  MinimumQualification: (v) => [v.MinimumQualification],
  IndustrySection: (v) => [v.IndustrySection],
  BdsocCode: (v) => (v.BdsocCode ? [v.BdsocCode] : []),
  // startswith(BdsocCode,'72'): 7, 72, 721 and 7212 all find 7212.
  BdsocPrefix: (v) => (v.BdsocCode ? prefixes(v.BdsocCode) : []),
};

const date = (text: string | null) => parseOdataDate(text) ?? null;
const decimal = (text: string | null) => (text === null ? null : Number(text));

/** What `$filter` may name on a vacancy, with its EDM type. */
export const VACANCY_PROPERTIES: Properties<JcbVacancy> = {
  VacancyId: { type: 'Edm.String', get: (v) => v.VacancyId },
  JobTitle: { type: 'Edm.String', get: (v) => v.JobTitle },
  CompanyName: { type: 'Edm.String', get: (v) => v.CompanyName },
  IndustrySection: { type: 'Edm.String', get: (v) => v.IndustrySection },
  BdsocCode: { type: 'Edm.String', get: (v) => v.BdsocCode },
  District: { type: 'Edm.String', get: (v) => v.District },
  Location: { type: 'Edm.String', get: (v) => v.Location },
  SalaryMin: { type: 'Edm.Decimal', get: (v) => decimal(v.SalaryMin) },
  SalaryMax: { type: 'Edm.Decimal', get: (v) => decimal(v.SalaryMax) },
  SalaryCurrency: { type: 'Edm.String', get: (v) => v.SalaryCurrency },
  SalaryBasis: { type: 'Edm.String', get: (v) => v.SalaryBasis },
  SalaryNegotiable: { type: 'Edm.Boolean', get: (v) => v.SalaryNegotiable },
  EmploymentType: { type: 'Edm.String', get: (v) => v.EmploymentType },
  MinimumQualification: { type: 'Edm.String', get: (v) => v.MinimumQualification },
  PostedOn: { type: 'Edm.DateTime', get: (v) => date(v.PostedOn) },
  ClosingDate: { type: 'Edm.DateTime', get: (v) => date(v.ClosingDate) },
  NoOfVacancies: { type: 'Edm.Int32', get: (v) => v.NoOfVacancies },
  IReady: { type: 'Edm.Boolean', get: (v) => v.IReady },
  SourcePortal: { type: 'Edm.String', get: (v) => v.SourcePortal },
  OriginalVacancyId: { type: 'Edm.String', get: (v) => v.OriginalVacancyId },
  Status: { type: 'Edm.String', get: (v) => v.Status },
  LastModified: { type: 'Edm.DateTime', get: (v) => date(v.LastModified) },
  ClosedOn: { type: 'Edm.DateTime', get: (v) => date(v.ClosedOn) },
  SkillTags: { type: 'Edm.String', get: (v) => v.SkillTags },
};

export const COURSE_PROPERTIES: Properties<JcbCourse> = {
  CourseId: { type: 'Edm.String', get: (c) => c.CourseId },
  CourseTitle: { type: 'Edm.String', get: (c) => c.CourseTitle },
  ProviderName: { type: 'Edm.String', get: (c) => c.ProviderName },
  ProviderType: { type: 'Edm.String', get: (c) => c.ProviderType },
  District: { type: 'Edm.String', get: (c) => c.District },
  BdsocCode: { type: 'Edm.String', get: (c) => c.BdsocCode },
  StartDate: { type: 'Edm.DateTime', get: (c) => date(c.StartDate) },
  DurationHours: { type: 'Edm.Int32', get: (c) => c.DurationHours },
  Seats: { type: 'Edm.Int32', get: (c) => c.Seats },
  Fee: { type: 'Edm.Decimal', get: (c) => decimal(c.Fee) },
  DeliveryMode: { type: 'Edm.String', get: (c) => c.DeliveryMode },
  Certification: { type: 'Edm.String', get: (c) => c.Certification },
  SkillsPlusFunded: { type: 'Edm.Boolean', get: (c) => c.SkillsPlusFunded },
};

export interface JcbData {
  /** Every posting in every state, newest first (PostedOn desc, VacancyId desc). */
  vacancies: JcbVacancy[];
  /** PostedOn (epoch ms) by position: descending. */
  postedMs: Float64Array;
  /** Every posting, oldest change first (LastModified asc, VacancyId asc): VacancyChanges. */
  changes: JcbVacancy[];
  /** LastModified (epoch ms) by position in `changes`: ascending. */
  changedMs: Float64Array;
  /** The system's clock (epoch ms). */
  now(): number;
  /** Soonest start first (StartDate asc, CourseId asc). */
  courses: JcbCourse[];
  index: PostingIndex<Criterion>;
}

/** Without a clock (`now`), the system's time is the latest change in its data, at the earliest the data anchor. */
export function indexVacancies(all: JcbVacancy[], courses: JcbCourse[], now?: () => number): JcbData {
  const posted = all.map((v) => ({ v, ms: parseOdataDate(v.PostedOn) ?? 0 })).sort((a, b) => b.ms - a.ms || (a.v.VacancyId < b.v.VacancyId ? 1 : -1));
  const changed = all.map((v) => ({ v, ms: parseOdataDate(v.LastModified) ?? 0 })).sort((a, b) => a.ms - b.ms || (a.v.VacancyId < b.v.VacancyId ? -1 : 1));
  const vacancies = posted.map((p) => p.v);
  const fixedNow = Math.max(DATA_ANCHOR_MS, changed.at(-1)?.ms ?? 0);
  const start = (c: JcbCourse) => parseOdataDate(c.StartDate) ?? 0;
  return {
    vacancies,
    postedMs: Float64Array.from(posted, (p) => p.ms),
    changes: changed.map((c) => c.v),
    changedMs: Float64Array.from(changed, (c) => c.ms),
    now: now ?? (() => fixedNow),
    courses: [...courses].sort((a, b) => start(a) - start(b) || (a.CourseId < b.CourseId ? -1 : 1)),
    index: postingIndex(vacancies, KEYS, (value) => value),
  };
}

/** Positions in `vacancies` (ascending = newest first) matching the filter: indexed terms from the posting lists, the rest checked one by one. */
export function matchVacancies(data: JcbData, filter: Expr | undefined): Int32Array {
  const criteria = new Map<Criterion, string[]>();
  const window: { before?: number; since?: number } = {};
  const rest: Expr[] = [];
  for (const term of filter ? conjuncts(filter) : []) {
    const indexed = indexedTerm(term);
    if (indexed && !criteria.has(indexed.criterion)) criteria.set(indexed.criterion, indexed.values);
    else if (!postedBound(term, window)) rest.push(term);
  }
  const residual = rest.length ? rest.map((t) => compile(t, VACANCY_PROPERTIES)) : [];
  return matchPositions(data.vacancies, data.postedMs, data.index, {
    criteria,
    ...window,
    ...(residual.length ? { residual: (v: JcbVacancy) => residual.every((keep) => keep(v)) } : {}),
  });
}

/** Where `VacancyChanges` starts for the filter's `LastModified ge|gt` term, and the rest as a predicate. */
export function changesPlan(data: JcbData, filter: Expr | undefined): { from: number; keep: (v: JcbVacancy) => boolean } {
  let since = -Infinity;
  const rest: Expr[] = [];
  for (const term of filter ? conjuncts(filter) : []) {
    const bound = dateBound(term, 'LastModified');
    if (bound && (bound.op === 'ge' || bound.op === 'gt')) since = Math.max(since, bound.op === 'gt' ? bound.ms + 1 : bound.ms);
    else rest.push(term);
  }
  const checks = rest.map((t) => compile(t, VACANCY_PROPERTIES));
  return { from: firstAtOrAfter(data.changedMs, since), keep: (v) => checks.every((keep) => keep(v)) };
}

/** `P eq 'a' or P eq 'b'` on one indexed property, or `startswith(BdsocCode,'7') or …`. */
function indexedTerm(term: Expr): { criterion: Criterion; values: string[] } | undefined {
  const options = disjuncts(term).map(indexedOption);
  const criterion = options[0]?.criterion;
  if (!criterion || options.some((o) => o?.criterion !== criterion)) return undefined;
  return { criterion, values: options.map((o) => o!.value) };
}

function indexedOption(term: Expr): { criterion: Criterion; value: string } | undefined {
  if (term.kind === 'compare' && term.op === 'eq') {
    const [name, value] = propertyAndLiteral(term.left, term.right);
    if (name && EXACT.has(name) && typeof value === 'string') return { criterion: name as Criterion, value };
  }
  if (term.kind === 'match' && term.name === 'startswith' && term.text.kind === 'property' && term.text.name === 'BdsocCode' && term.part.kind === 'literal' && typeof term.part.value === 'string') {
    return { criterion: 'BdsocPrefix', value: term.part.value };
  }
  return undefined;
}

/** `PostedOn le|lt|ge|gt datetime'…'` narrows the posting window (the lists hold whole milliseconds). */
function postedBound(term: Expr, window: { before?: number; since?: number }): boolean {
  const bound = dateBound(term, 'PostedOn');
  if (!bound || bound.op === 'eq' || bound.op === 'ne') return false;
  if (bound.op === 'le' || bound.op === 'lt') window.before = Math.min(window.before ?? Infinity, bound.op === 'lt' ? bound.ms - 1 : bound.ms);
  else window.since = Math.max(window.since ?? -Infinity, bound.op === 'gt' ? bound.ms + 1 : bound.ms);
  return true;
}

function dateBound(term: Expr, property: string): { op: string; ms: number } | undefined {
  if (term.kind !== 'compare' || term.left.kind !== 'property' || term.left.name !== property || term.right.kind !== 'literal' || typeof term.right.value !== 'number') return undefined;
  return { op: term.op, ms: term.right.value };
}

function propertyAndLiteral(left: Operand, right: Operand): [string | undefined, Value] {
  if (left.kind === 'property' && right.kind === 'literal') return [left.name, right.value];
  if (right.kind === 'property' && left.kind === 'literal') return [right.name, left.value];
  return [undefined, null];
}
