/**
 * The reference data, as one pure synchronous module: ISCO-08 and each registered country's
 * national classification, ESCO skills, ISO 3166-2 regions, national education levels, wage
 * rules and exchange rates. Shared, country-neutral tables live in data/; each country's own
 * ship in its folder (subgraphs/<name>/reference/, found through the registry; a country not
 * yet registered adds its own with `useCountryFolder`). Each part loads its files lazily, once,
 * on first use. The taxonomy subgraph serves it, country subgraphs use
 * it (via subgraphs/kit/reference.ts) to translate native records, the exchange takes its rates
 * from it and the simulators their code lists, regions and legal minimum wages.
 */
import { iscoIndex, ISCO_CODE, type IscoGroup, type IscoLevel } from './isco.js';
import {
  isco88ToIsco08,
  nationalOccupation,
  nationalOccupations,
  outdatedCodesUnder,
  type NationalSystem,
} from './national.js';
import { skillIndex, skillsUnder, type ProfileBasis, type SkillRecord } from './skills.js';
import { regionCodeByName, regionIndex, regionsOfCountry, type CountryCode, type RegionRecord } from './regions.js';
import { iscedLevel } from './education.js';
import { localize, parseLang, type Lang, type LocalizedText } from './lang.js';
import { compactKey, fold } from './text.js';
import { rankedSearch, type SearchableNames } from './search.js';

export type { NationalSystem, NationalOccupation } from './national.js';
export type { NationalSystemInfo } from './national.js';
export { nationalSystems, nationalSystemInfo, currentEdition, isNationalSystem, nationalOccupation, nationalOccupations, nationalOccupationsUnder, outdatedOccupation } from './national.js';
export type { IscoGroup, IscoLevel } from './isco.js';
export { ISCO_CODE, ancestorsOf, unitsUnder } from './isco.js';
export type { SkillRecord, SkillType, ReuseLevel } from './skills.js';
export { SKILL_ID } from './skills.js';
export type { CountryCode, RegionRecord } from './regions.js';
export { utcOffsetOf, regionsOfCountry } from './regions.js';
export type { WageConversion, ConvertiblePeriod, MinimumWage } from './wages.js';
export { wageConversion, minimumWages } from './wages.js';
export type { CountryRecord } from './countries.js';
export { countries, countryCodes, countryRecord, isCountryCode } from './countries.js';
export type { CountryReference, CountryFile, ExchangeRateEntry } from './country.js';
export { countryReference, countryReferences, useCountryFolder, ISCO_08 } from './country.js';
export type { Lang, LocalizedText } from './lang.js';
export { LANGS, parseLang, localize } from './lang.js';
export { parseCsv, parseCsvRecords, readDataCsv } from './csv.js';
export { fold } from './text.js';
export { isco88ToIsco08 };

/**
 * Loads the large lazy tables now (ISCO-08 with its titles and ESCO labels, ESCO skills, regions):
 * a service calls it before it listens, so its first request does not pay about a second of
 * parsing. Several services starting together on one core each paid it at their first request,
 * and the exchange's first harvest pages missed their 8 s deadline.
 */
export function loadReference(): void {
  iscoIndex();
  skillIndex();
  regionIndex();
}

// ---- the API the country subgraphs code against -------------------------------------------------

/** ISCO-08 unit of a national occupation code with the national title; undefined when unknown/outdated. */
export function nationalToIsco(system: NationalSystem, code: string): { iscoCode: string; title: string } | undefined {
  const occupation = nationalOccupation(system, code);
  return occupation ? { iscoCode: occupation.iscoCode, title: occupation.title } : undefined;
}

/**
 * Every national code whose ISCO-08 unit starts with the prefix ("72" → all metal trades),
 * current ones first, then the outdated codes that map there — so that a filter finds what the
 * translation of the same records groups under the prefix.
 */
export function iscoToNational(system: NationalSystem, iscoPrefix: string): string[] {
  const current = nationalOccupations(system)
    .filter((o) => o.iscoCode.startsWith(iscoPrefix))
    .map((o) => o.code);
  return [...current, ...outdatedCodesUnder(system, iscoPrefix)];
}

export function nationalCodeList(system: NationalSystem): Array<{ code: string; title: string; iscoCode: string }> {
  return nationalOccupations(system).map((o) => ({ code: o.code, title: o.title, iscoCode: o.iscoCode }));
}

/** An ISCO-08 unit group (4 digits); undefined for other levels and unknown codes. */
export function iscoUnit(code: string): { code: string; titleEn: string } | undefined {
  const group = iscoIndex().groups.get(code);
  return group?.level === 'UNIT' ? { code: group.code, titleEn: group.titleEn } : undefined;
}

/** ESCO skill ids of an ISCO-08 unit (or of every unit under a higher-level code). */
export function skillsForIsco(iscoUnitCode: string): { essential: string[]; optional: string[] } {
  if (!ISCO_CODE.test(iscoUnitCode)) return { essential: [], optional: [] };
  const { essential, optional } = skillsUnder(iscoUnitCode);
  return { essential, optional };
}

/**
 * Where a unit group's skills profile comes from — its own ESCO occupations (`UNIT`) or, having
 * none, its minor, sub-major or major group's — and each skill's weight (the share of those
 * occupations carrying it, essential 1, optional ½). Undefined for other levels and unknown codes.
 */
export function skillProfile(iscoUnitCode: string): { basis: ProfileBasis; weights: ReadonlyMap<string, number> } | undefined {
  const profile = iscoUnitCode.length === 4 ? skillIndex().byUnit.get(iscoUnitCode) : undefined;
  return profile?.basis && profile.weights ? { basis: profile.basis, weights: profile.weights } : undefined;
}

/** Skill id for a label in English (preferred or alternative), Indonesian, Malay or Thai. */
export function skillIdByLabel(label: string): string | undefined {
  return skillIndex().byLabel.get(compactKey(label));
}

/** The skill's label in `lang` (English when that language has none); undefined for unknown ids. */
export function skillLabel(id: string, lang?: string): string | undefined {
  const skill = skillIndex().skills.get(id);
  return skill ? localize(skill.labels, skill.labelEn, parseLang(lang) ?? 'en').text : undefined;
}

/** ISO 3166-2 code for a region name in any of its native, English or abbreviated forms. */
export function regionByName(country: CountryCode, name: string): string | undefined {
  return regionCodeByName(country, name);
}

export function regionsOf(country: CountryCode): Array<{ code: string; name: string; nameLocal?: string; imtGt: boolean }> {
  return regionsOfCountry(country).map((r) => ({
    code: r.code,
    name: r.name,
    ...(r.nameLocal ? { nameLocal: r.nameLocal } : {}),
    imtGt: r.imtGt,
  }));
}

/** ISCED 2011 level (0–8) of a national education label; undefined when not recognised. */
export function educationToIsced(country: CountryCode, nativeLabel: string): number | undefined {
  return iscedLevel(country, nativeLabel);
}

// ---- richer access for the taxonomy subgraph ----------------------------------------------------

export function iscoGroup(code: string): IscoGroup | undefined {
  return iscoIndex().groups.get(code);
}

export function iscoGroups(level?: IscoLevel, parent?: string): IscoGroup[] {
  return iscoIndex().ordered.filter((g) => (!level || g.level === level) && (parent === undefined || g.parent === parent));
}

export function iscoTitle(group: IscoGroup, lang: Lang): LocalizedText {
  return localize(group.titles, group.titleEn, lang);
}

let occupationNames: Map<string, SearchableNames> | undefined;

function namesOfGroup(group: IscoGroup): SearchableNames {
  occupationNames ??= new Map(
    iscoIndex().ordered.map((g) => [g.code, { titles: [g.titleEn, ...Object.values(g.titles)].map(fold), altLabels: g.altLabels.map(fold) }]),
  );
  return occupationNames.get(group.code) ?? { titles: [], altLabels: [] };
}

/** Groups matching a query in any language or ESCO label, best first (see search.ts). */
export function searchIscoGroups(groups: readonly IscoGroup[], query: string): IscoGroup[] {
  return rankedSearch(groups, namesOfGroup, query);
}

export function skillRecord(id: string): SkillRecord | undefined {
  return skillIndex().skills.get(id);
}

export function allSkills(): readonly SkillRecord[] {
  return skillIndex().ordered;
}

let skillNames: Map<string, SearchableNames> | undefined;

function namesOfSkill(skill: SkillRecord): SearchableNames {
  skillNames ??= new Map(
    skillIndex().ordered.map((s) => [s.id, { titles: [s.labelEn, ...Object.values(s.labels)].map(fold), altLabels: s.altLabels.map(fold) }]),
  );
  return skillNames.get(skill.id) ?? { titles: [], altLabels: [] };
}

export function searchSkills(skills: readonly SkillRecord[], query: string): SkillRecord[] {
  return rankedSearch(skills, namesOfSkill, query);
}

export function regionRecord(code: string): RegionRecord | undefined {
  return regionIndex().regions.get(code);
}

export function regionRecords(country?: CountryCode): RegionRecord[] {
  return country ? regionsOfCountry(country) : [...regionIndex().regions.values()];
}

