import { unique, type VacancyFilter } from '../../../kit/index.js';
import { nativeKeysFor, nativeValues, skillNames } from '../../../kit/filters.js';
import { educationToIsced, iscoToNational, regionsOf } from '../../../kit/reference.js';
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
  const listed = <T>(asked: readonly T[] | null | undefined, toNative: (values: readonly T[]) => string[], term: (values: string[]) => string) => {
    const values = nativeValues(asked, toNative);
    if (values !== undefined) terms.push(values === null ? NOTHING : term(values));
  };
  listed(filter.iscoCodes, (codes) => codes.map(occupationTerm), (options) => options.map((t) => `(${t})`).join(' or '));
  listed(filter.regions, districtNames, (names) => equalsAny('District', names));
  listed(filter.employmentTypes, (types) => nativeKeysFor(EMPLOYMENT_TYPES, types), (codes) => equalsAny('EmploymentType', codes));
  listed(filter.educationLevels, (levels) => QUALIFICATIONS.filter((q) => levels.includes(educationToIsced('BN', q) ?? -1)), (labels) => equalsAny('MinimumQualification', labels));
  // Skills are filtered by name: OData v2 cannot look into a navigation collection, so JobCentre keeps their names in SkillTags.
  listed(filter.skills, (ids) => skillNames(ids, ['en']), (names) => names.map((name) => `substringof(${text(`|${name}|`)},SkillTags)`).join(' or '));
  if (filter.minMonthlyWage) terms.push(wageTerm(filter.minMonthlyWage));
  // The kit has checked that postedSince parses; postings are whole seconds, so the next whole second is the bound.
  if (filter.postedSince) terms.push(`PostedOn ge ${datetimeLiteral(Math.ceil(Date.parse(filter.postedSince) / 1000) * 1000)}`);
  if (filter.text) terms.push(...wordTerms(filter.text, ['JobTitle', 'CompanyName']));
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

/** ISO 3166-2 codes → the district names JobCentre's picklist holds (Malay: Brunei dan Muara); unknown codes give none. */
function districtNames(regions: readonly string[]): string[] {
  const names = new Map(regionsOf('BN').map((r) => [r.code, r.nameLocal || r.name]));
  return regions.flatMap((code) => names.get(code) ?? []);
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
  return values.map((v) => `${property} eq ${text(v)}`).join(' or ');
}

/** An OData string literal: single quotes, doubled inside. */
export function text(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** An Edm.Decimal literal, rounded down to the cent so that the floor itself matches. */
function decimal(amount: number): string {
  return `${(Math.floor(amount * 100) / 100).toFixed(2)}M`;
}
