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

let skillIndex: Map<string, LinkedSkill[]> | undefined;

/** ESCO skills linked to an ISCO-08 unit group (essential first), deduplicated. */
export function skillsOfUnit(iscoUnit: string): LinkedSkill[] {
  skillIndex ??= buildSkillIndex();
  return skillIndex.get(iscoUnit) ?? [];
}

function buildSkillIndex(): Map<string, LinkedSkill[]> {
  const index = new Map<string, Map<string, LinkedSkill>>();
  for (const row of readRows('esco_occupation_skill_sample.csv')) {
    const unit = row.isco_unit_group ?? '';
    const skills = index.get(unit) ?? new Map<string, LinkedSkill>();
    const uri = row.skill_uri ?? '';
    const essential = row.relation === 'essential' || skills.get(uri)?.essential === true;
    skills.set(uri, { uri, label: row.skill_label ?? '', essential });
    index.set(unit, skills);
  }
  return new Map([...index].map(([unit, skills]) => [unit, [...skills.values()].sort((a, b) => Number(b.essential) - Number(a.essential))]));
}
