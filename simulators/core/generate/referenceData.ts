import { readDataCsv } from '../../../subgraphs/taxonomy/src/reference/csv.js';

/**
 * What a national system knows of the world, read from the project's data/ folder: its own
 * occupation code list, the subdivisions of its country, and which skills go with an occupation
 * (ESCO links, as the portals' skill pickers offer them).
 */

export function readRows(relativePath: string): Array<Record<string, string>> {
  return readDataCsv(relativePath);
}

export interface Subdivision {
  code: string;
  name: string;
  nameTh: string;
  nationalCode: string;
  imtGt: boolean;
}

export function subdivisions(country: 'ID' | 'MY' | 'TH'): Subdivision[] {
  return readRows('iso3166-2_ID_MY_TH.csv')
    .filter((r) => r.country === country && r.type !== 'Geographical unit')
    .map((r) => ({ code: r.code ?? '', name: r.name ?? '', nameTh: r.name_th ?? '', nationalCode: r.national_code ?? '', imtGt: r.imt_gt === 'true' }));
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

interface FloorRow {
  region: string;
  locality: string;
  period: 'MONTH' | 'DAY';
  amount: number;
  effective: string;
}

let floorRows: Map<string, FloorRow[]> | undefined;
let daysPerMonth: Map<string, number> | undefined;

/** The rows of data/minimum_wages.csv per country, newest first. */
function floorsOf(country: string): FloorRow[] {
  floorRows ??= new Map();
  if (floorRows.size === 0) {
    for (const r of readRows('minimum_wages.csv')) {
      const row: FloorRow = { region: r.region ?? '', locality: r.locality ?? '', period: r.period === 'DAY' ? 'DAY' : 'MONTH', amount: Number(r.amount), effective: r.effective ?? '' };
      floorRows.set(r.country ?? '', [...(floorRows.get(r.country ?? '') ?? []), row]);
    }
    for (const rows of floorRows.values()) rows.sort((a, b) => b.effective.localeCompare(a.effective));
  }
  return floorRows.get(country) ?? [];
}

/** Working days in a month for a daily wage, by the country's rule (data/wage_conversion.csv). */
export function workingDaysPerMonth(country: string): number {
  daysPerMonth ??= new Map(readRows('wage_conversion.csv').filter((r) => r.period === 'DAY').map((r) => [r.country ?? '', Number(r.factor)]));
  return daysPerMonth.get(country) ?? 26;
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
  for (const row of floorsOf(country)) {
    const applies = (row.region === '' || row.region === regionCode) && (row.locality === '' || row.locality === locality);
    const scope = `${row.region}|${row.locality}|${row.period}`;
    if (!applies || row.effective > day || seen.has(scope)) continue;
    seen.add(scope);
    monthly = Math.max(monthly, row.period === 'DAY' ? row.amount * days : row.amount);
  }
  return { monthly, daily: monthly / days };
}
