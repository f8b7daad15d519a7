import { readDataCsv } from './csv.js';
import { compactKey } from './text.js';
import type { Lang } from './lang.js';

/**
 * ESCO skills (Tabiya's CC BY 4.0 sample of ESCO v1.1.1) and their links to ESCO occupations,
 * rolled up to ISCO-08 unit groups. A skill's id is its ESCO UUID, the last segment of its URI.
 */

export type SkillType = 'SKILL_COMPETENCE' | 'KNOWLEDGE';
export type ReuseLevel = 'TRANSVERSAL' | 'CROSS_SECTOR' | 'SECTOR_SPECIFIC' | 'OCCUPATION_SPECIFIC';

export interface SkillRecord {
  id: string;
  uri: string;
  labelEn: string;
  labels: Partial<Record<Exclude<Lang, 'en'>, string>>;
  altLabels: string[];
  type: SkillType | undefined;
  reuseLevel: ReuseLevel | undefined;
  description: string | undefined;
  /** ISCO-08 unit groups with an ESCO occupation that needs this skill. */
  iscoUnits: string[];
}

interface UnitSkills {
  essential: string[];
  optional: string[];
}

interface SkillIndex {
  skills: Map<string, SkillRecord>;
  ordered: SkillRecord[];
  byUnit: Map<string, UnitSkills>;
  byLabel: Map<string, string>;
}

const TYPES: Record<string, SkillType> = { 'skill/competence': 'SKILL_COMPETENCE', knowledge: 'KNOWLEDGE' };
const REUSE: Record<string, ReuseLevel> = {
  transversal: 'TRANSVERSAL',
  'cross-sector': 'CROSS_SECTOR',
  'sector-specific': 'SECTOR_SPECIFIC',
  'occupation-specific': 'OCCUPATION_SPECIFIC',
};

/** An ESCO UUID, as skills are identified. */
export const SKILL_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const skillIdOf = (uri: string): string => uri.slice(uri.lastIndexOf('/') + 1);

let index: SkillIndex | undefined;

export function skillIndex(): SkillIndex {
  index ??= buildSkillIndex();
  return index;
}

function buildSkillIndex(): SkillIndex {
  const skills = new Map<string, SkillRecord>();
  for (const row of readDataCsv('tabiya/skills.csv')) {
    const uri = row.ORIGINURI ?? '';
    if (!uri) continue;
    skills.set(skillIdOf(uri), {
      id: skillIdOf(uri),
      uri,
      labelEn: row.PREFERREDLABEL ?? '',
      labels: {},
      altLabels: (row.ALTLABELS ?? '').split('\n').map((l) => l.trim()).filter(Boolean),
      type: TYPES[row.SKILLTYPE ?? ''],
      reuseLevel: REUSE[row.REUSELEVEL ?? ''],
      description: row.DESCRIPTION?.trim() || undefined,
      iscoUnits: [],
    });
  }
  const byUnit = linkToUnits(skills);
  for (const lang of ['id', 'ms', 'th'] as const) {
    for (const row of readDataCsv(`labels/skills_${lang}.csv`)) {
      const skill = skills.get(row.id ?? '');
      if (skill && row.label) skill.labels[lang] = row.label;
    }
  }
  const ordered = [...skills.values()].sort((a, b) => a.labelEn.localeCompare(b.labelEn));
  return { skills, ordered, byUnit, byLabel: labelIndex(ordered) };
}

/**
 * Essential/optional skills per unit group. A skill essential to any ESCO occupation in the unit
 * is essential to the unit. Within each list the skills most occupations share come first.
 */
function linkToUnits(skills: Map<string, SkillRecord>): Map<string, UnitSkills> {
  const counts = new Map<string, Map<string, { essential: boolean; occupations: number }>>();
  for (const row of readDataCsv('esco_occupation_skill_sample.csv')) {
    const unit = row.isco_unit_group ?? '';
    const id = skillIdOf(row.skill_uri ?? '');
    if (!unit || !id) continue;
    if (!skills.has(id)) skills.set(id, skillFromSampleRow(row, id));
    const perUnit = counts.get(unit) ?? new Map<string, { essential: boolean; occupations: number }>();
    counts.set(unit, perUnit);
    const entry = perUnit.get(id) ?? { essential: false, occupations: 0 };
    entry.essential ||= row.relation === 'essential';
    entry.occupations += 1;
    perUnit.set(id, entry);
  }
  const byUnit = new Map<string, UnitSkills>();
  for (const [unit, perUnit] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
    const ranked = [...perUnit].sort(
      ([a, x], [b, y]) => y.occupations - x.occupations || skills.get(a)!.labelEn.localeCompare(skills.get(b)!.labelEn),
    );
    byUnit.set(unit, {
      essential: ranked.filter(([, e]) => e.essential).map(([id]) => id),
      optional: ranked.filter(([, e]) => !e.essential).map(([id]) => id),
    });
    for (const [id] of ranked) skills.get(id)!.iscoUnits.push(unit);
  }
  return byUnit;
}

function skillFromSampleRow(row: Record<string, string>, id: string): SkillRecord {
  return {
    id,
    uri: row.skill_uri ?? '',
    labelEn: row.skill_label ?? id,
    labels: {},
    altLabels: [],
    type: TYPES[row.skill_type ?? ''],
    reuseLevel: REUSE[row.reuse_level ?? ''],
    description: undefined,
    iscoUnits: [],
  };
}

/** Folded label → id. Preferred labels claim a key before alternative ones do. */
function labelIndex(ordered: SkillRecord[]): Map<string, string> {
  const byLabel = new Map<string, string>();
  const claim = (label: string, id: string): void => {
    const key = compactKey(label);
    if (key && !byLabel.has(key)) byLabel.set(key, id);
  };
  for (const s of ordered) claim(s.labelEn, s.id);
  for (const s of ordered) for (const label of Object.values(s.labels)) claim(label, s.id);
  for (const s of ordered) for (const label of s.altLabels) claim(label, s.id);
  return byLabel;
}

/** Skills of the unit groups at or under an ISCO-08 code (a skill essential anywhere stays essential). */
export function skillsUnder(iscoPrefix: string): UnitSkills {
  const { byUnit } = skillIndex();
  if (iscoPrefix.length === 4) return byUnit.get(iscoPrefix) ?? { essential: [], optional: [] };
  const essential = new Set<string>();
  const optional = new Set<string>();
  for (const [unit, lists] of byUnit) {
    if (!unit.startsWith(iscoPrefix)) continue;
    lists.essential.forEach((id) => essential.add(id));
    lists.optional.forEach((id) => optional.add(id));
  }
  return { essential: [...essential], optional: [...optional].filter((id) => !essential.has(id)) };
}
