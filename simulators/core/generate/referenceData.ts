import { countryReference, minimumWages, nationalOccupations, readDataCsv, regionsOfCountry, wageConversion } from '../../../reference/index.js';

/**
 * What a national system knows of the world, from the project's reference module (reference/:
 * the shared tables in data/ and each country's own folder): its own occupation code list, the
 * subdivisions of its country, its legal minimum wages, and which skills go with an occupation
 * (ESCO links, as the portals' skill pickers offer them).
 */

export function readRows(relativePath: string): Array<Record<string, string>> {
  return readDataCsv(relativePath);
}

export interface Subdivision {
  code: string;
  name: string;
  /** The name in the national language and script (empty when it is `name`). */
  nameLocal: string;
  nationalCode: string;
  imtGt: boolean;
}

/** The country's subdivisions that postings name (geographical units are not among them). */
export function subdivisions(country: string): Subdivision[] {
  return regionsOfCountry(country)
    .filter((r) => r.type !== 'Geographical unit')
    .map((r) => ({ code: r.code, name: r.name, nameLocal: r.nameLocal ?? '', nationalCode: r.nationalCode ?? '', imtGt: r.imtGt }));
}

/** The country's national occupation list (its reference/occupations.csv), by code. */
export function nationalCodesOf(country: string): Array<{ code: string; title: string; titleEn: string; iscoCode: string }> {
  const system = countryReference(country)?.country.occupationSystem.id;
  if (!system) throw new Error(`"${country}" is not a registered country`);
  return nationalOccupations(system).map((o) => ({ code: o.code, title: o.title, titleEn: o.titleEn ?? '', iscoCode: o.iscoCode }));
}

export interface LinkedSkill {
  uri: string;
  label: string;
  essential: boolean;
}

const ESCO_SKILL = 'http://data.europa.eu/esco/skill/';
let skillIndex: Map<string, LinkedSkill[]> | undefined;

/**
 * The ESCO skills profile of an ISCO-08 unit group (essential first, heaviest first), as the
 * taxonomy holds it (data/esco/isco_skill_profiles.csv: weighted from the group's ESCO occupations,
 * borrowed from the minor group when it has none), so employers ask for what the job needs.
 */
export function skillsOfUnit(iscoUnit: string): LinkedSkill[] {
  skillIndex ??= buildSkillIndex();
  return skillIndex.get(iscoUnit) ?? [];
}

function buildSkillIndex(): Map<string, LinkedSkill[]> {
  const labels = new Map(readRows('esco_occupation_skill_sample.csv').map((row) => [row.skill_uri ?? '', row.skill_label ?? '']));
  const index = new Map<string, LinkedSkill[]>();
  for (const row of readRows('esco/isco_skill_profiles.csv')) {
    const uri = `${ESCO_SKILL}${row.skill_id ?? ''}`;
    const unit = row.isco_unit ?? '';
    index.set(unit, [...(index.get(unit) ?? []), { uri, label: labels.get(uri) ?? '', essential: row.relation === 'essential' }]);
  }
  return index;
}

// ---- legal minimum wages ------------------------------------------------------------------------

/** Working days in a month for a daily wage, by the country's rule (its wage_conversion.csv). */
export function workingDaysPerMonth(country: string): number {
  return daysPerMonth(country) ?? 26;
}

function daysPerMonth(country: string): number | undefined {
  try {
    return wageConversion(country, 'DAY').factor;
  } catch {
    return undefined; // a country that does not regulate daily wages: the 6-day week
  }
}

/**
 * The legal minimum a full-time job may pay on a date, as a month and as a day: the highest of
 * the national, provincial (UMP, Thai provincial rate) and local (UMK, Thai district rate) floors
 * in force then — each scope's newest row effective on or before the date.
 */
export function legalFloor(country: string, regionCode: string, locality: string | null, atMs: number): { monthly: number; daily: number } {
  const day = new Date(atMs).toISOString().slice(0, 10);
  const days = workingDaysPerMonth(country);
  let monthly = 0;
  const seen = new Set<string>();
  for (const row of minimumWages(country)) {
    const applies = (!row.region || row.region === regionCode) && (!row.locality || row.locality === locality);
    const scope = `${row.region ?? ''}|${row.locality ?? ''}|${row.period}`;
    if (!applies || row.effective > day || seen.has(scope)) continue;
    seen.add(scope);
    monthly = Math.max(monthly, row.period === 'DAY' ? row.amount * days : row.amount);
  }
  return { monthly, daily: monthly / days };
}
