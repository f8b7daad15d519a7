import { unique, type TrainingFilter, type VacancyFilter } from '../../../kit/index.js';
import { educationToIsced, iscoToNational, regionsOf, skillLabel } from '../../../kit/reference.js';
import { EMPLOYMENT_TYPES, SYSTEM, datetimeLiteral } from './toModel.js';

/**
 * Our filters in JobCentre's `$filter` language (OData v2). Pure: each function returns the
 * `and` terms of one filter; a value JobCentre cannot hold becomes a term nothing matches, so an
 * unknown region or type narrows to nothing instead of widening to everything.
 */

/** JobCentre's qualification picklist, as the portal words it (reference/education.csv maps each to ISCED). */
export const QUALIFICATIONS = ['Primary', 'Lower Secondary', "BC GCE 'O' Level", 'IGCSE', "BC GCE 'A' Level", 'NTec', 'HNTec', 'Diploma', 'Higher National Diploma', "Bachelor's Degree", "Master's Degree", 'Doctorate (PhD)'];
/** Months' worth of a period for the wage floor: an hour is 12 ÷ (52 × 44) of a month, a day 1/26 (reference/wage_conversion.csv). */
const PER_MONTH: Record<string, number> = { M: 1, H: (52 * 44) / 12, D: 26 };
const NOTHING = "VacancyId eq ''";

export function vacancyTerms(filter: VacancyFilter): string[] {
  const terms = ["Status eq 'Open'"];
  if (filter.iscoCodes?.length) terms.push(anyOf(filter.iscoCodes.map(occupationTerm)));
  if (filter.regions?.length) terms.push(districtTerm(filter.regions));
  if (filter.employmentTypes?.length) {
    const codes = Object.entries(EMPLOYMENT_TYPES).filter(([, type]) => filter.employmentTypes!.includes(type)).map(([code]) => code);
    terms.push(equalsAny('EmploymentType', codes));
  }
  if (filter.educationLevels?.length) {
    terms.push(equalsAny('MinimumQualification', QUALIFICATIONS.filter((q) => filter.educationLevels!.includes(educationToIsced('BN', q) ?? -1))));
  }
  // Skills are filtered by name: OData v2 cannot look into a navigation collection, so JobCentre keeps their names in SkillTags.
  if (filter.skills?.length) terms.push(anyOf(unique(filter.skills.flatMap((id) => skillLabel(id, 'en') ?? [])).map((name) => `substringof(${text(`|${name}|`)},SkillTags)`)));
  if (filter.minMonthlyWage) terms.push(wageTerm(filter.minMonthlyWage));
  // The kit has checked that postedSince parses; postings are whole seconds, so the next whole second is the bound.
  if (filter.postedSince) terms.push(`PostedOn ge ${datetimeLiteral(Math.ceil(Date.parse(filter.postedSince) / 1000) * 1000)}`);
  if (filter.text) terms.push(...wordTerms(filter.text, ['JobTitle', 'CompanyName']));
  return terms;
}

export function courseTerms(filter: TrainingFilter): string[] {
  const terms: string[] = [];
  if (filter.iscoCodes?.length) terms.push(anyOf(filter.iscoCodes.map(occupationTerm)));
  if (filter.regions?.length) terms.push(districtTerm(filter.regions));
  if (filter.startsAfter) terms.push(`StartDate ge ${datetimeLiteral(Date.parse(filter.startsAfter))}`);
  if (filter.text) terms.push(...wordTerms(filter.text, ['CourseTitle', 'ProviderName']));
  // Courses carry no skills: a skill filter matches none.
  if (filter.skills?.length) terms.push("CourseId eq ''");
  return terms;
}

/** The whole `$filter` (undefined for none). */
export function filterOf(terms: string[]): string | undefined {
  return terms.length ? terms.map((t) => `(${t})`).join(' and ') : undefined;
}

/**
 * An ISCO-08 prefix in BDSOC terms: the current 4-digit unit groups under it (BDSOC 2011 is built
 * on ISCO-08), and the 5-digit BDSOC 2001 items whose ISCO-88 unit maps there — the same codes the
 * translation puts under the prefix, and nothing else.
 */
export function occupationTerm(iscoPrefix: string): string {
  const legacyUnits = unique(iscoToNational(SYSTEM, iscoPrefix).filter((code) => code.length === 5).map((code) => code.slice(0, 4)));
  const current = `startswith(BdsocCode,${text(iscoPrefix)}) and length(BdsocCode) eq 4`;
  if (legacyUnits.length === 0) return current;
  return `(${current}) or (length(BdsocCode) eq 5 and (${legacyUnits.map((u) => `startswith(BdsocCode,${text(u)})`).join(' or ')}))`;
}

/** ISO 3166-2 codes → the district names JobCentre's picklist holds (Malay: Brunei dan Muara). */
function districtTerm(regions: readonly string[]): string {
  const names = new Map(regionsOf('BN').map((r) => [r.code, r.nameLocal || r.name]));
  return equalsAny('District', regions.flatMap((code) => names.get(code) ?? []));
}

/** Pay at least `monthly` a month: each period's amount compared in its own unit. */
function wageTerm(monthly: number): string {
  return Object.entries(PER_MONTH)
    .map(([basis, factor]) => `(SalaryBasis eq '${basis}' and SalaryMin ge ${decimal(monthly / factor)})`)
    .join(' or ');
}

/** Every word in one of the properties, case-insensitively. */
function wordTerms(words: string, properties: string[]): string[] {
  return words
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => properties.map((p) => `substringof(${text(word)},tolower(${p}))`).join(' or '));
}

function equalsAny(property: string, values: readonly string[]): string {
  return values.length ? values.map((v) => `${property} eq ${text(v)}`).join(' or ') : NOTHING;
}

function anyOf(terms: readonly string[]): string {
  return terms.length ? terms.map((t) => `(${t})`).join(' or ') : NOTHING;
}

/** An OData string literal: single quotes, doubled inside. */
export function text(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** An Edm.Decimal literal, rounded down to the cent so that the floor itself matches. */
function decimal(amount: number): string {
  return `${(Math.floor(amount * 100) / 100).toFixed(2)}M`;
}
