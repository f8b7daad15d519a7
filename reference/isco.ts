import { readDataCsv } from './csv.js';
import type { Lang } from './lang.js';

/**
 * ISCO-08: 10 major, 43 sub-major, 130 minor and 436 unit groups with English titles and ILO
 * definitions (ESCO's ISCOGroups file), titles in Indonesian, Malay and Thai (data/labels), and
 * the labels of the ESCO occupations filed under each unit as alternative labels.
 */

export type IscoLevel = 'MAJOR' | 'SUB_MAJOR' | 'MINOR' | 'UNIT';
const LEVELS: Record<string, IscoLevel> = { '1': 'MAJOR', '2': 'SUB_MAJOR', '3': 'MINOR', '4': 'UNIT' };

export interface IscoGroup {
  code: string;
  level: IscoLevel;
  parent: string | undefined;
  titleEn: string;
  /** Titles in the other languages; a missing language falls back to English. */
  titles: Partial<Record<Exclude<Lang, 'en'>, string>>;
  definition: string | undefined;
  escoUri: string | undefined;
  /** Preferred and alternative labels of the ESCO occupations in this unit (units only). */
  altLabels: string[];
  children: string[];
}

export interface IscoIndex {
  groups: Map<string, IscoGroup>;
  /** All groups in code order (major 0 … unit 9629). */
  ordered: IscoGroup[];
}

/** A syntactically valid ISCO-08 code: one to four digits (a group may not exist). */
export const ISCO_CODE = /^\d{1,4}$/;

let index: IscoIndex | undefined;

export function iscoIndex(): IscoIndex {
  index ??= buildIscoIndex();
  return index;
}

function buildIscoIndex(): IscoIndex {
  const groups = new Map<string, IscoGroup>();
  for (const row of readDataCsv('isco08_structure_en.csv')) {
    const level = LEVELS[row.level ?? ''];
    if (!level || !row.code) continue;
    groups.set(row.code, {
      code: row.code,
      level,
      parent: row.parent_code || undefined,
      titleEn: row.title_en ?? row.code,
      titles: {},
      definition: undefined,
      escoUri: row.esco_uri || undefined,
      altLabels: [],
      children: [],
    });
  }
  for (const group of groups.values()) if (group.parent) groups.get(group.parent)?.children.push(group.code);
  for (const group of groups.values()) group.children.sort();

  addDefinitions(groups);
  for (const lang of ['id', 'ms', 'th'] as const) addTitles(groups, lang);
  addEscoOccupationLabels(groups);
  const ordered = [...groups.values()].sort((a, b) => a.code.localeCompare(b.code));
  return { groups, ordered };
}

/** ESCO's ISCO group descriptions: the ILO definition, then the list of sub-groups and notes. */
function addDefinitions(groups: Map<string, IscoGroup>): void {
  for (const row of readDataCsv('esco/ISCOGroups_en.csv')) {
    const group = groups.get(row.code ?? '');
    if (group && row.description) group.definition = row.description.trim();
  }
}

function addTitles(groups: Map<string, IscoGroup>, lang: Exclude<Lang, 'en'>): void {
  for (const row of readDataCsv(`labels/isco08_${lang}.csv`)) {
    const group = groups.get(row.code ?? '');
    if (group && row.title) group.titles[lang] = row.title;
  }
}

function addEscoOccupationLabels(groups: Map<string, IscoGroup>): void {
  for (const row of readDataCsv('esco/occupations_en.csv')) {
    const group = groups.get(row.iscoGroup ?? '');
    if (!group) continue;
    const labels = [row.preferredLabel ?? '', ...(row.altLabels ?? '').split('\n')].map((l) => l.trim()).filter(Boolean);
    group.altLabels.push(...labels);
  }
  for (const group of groups.values()) group.altLabels = [...new Set(group.altLabels)];
}

/** The unit groups at or below a code (a unit is its own only member). */
export function unitsUnder(code: string): IscoGroup[] {
  return iscoIndex().ordered.filter((g) => g.level === 'UNIT' && g.code.startsWith(code));
}

/** Ancestors from the major group down to the parent. */
export function ancestorsOf(code: string): IscoGroup[] {
  const { groups } = iscoIndex();
  const chain: IscoGroup[] = [];
  let parent = groups.get(code)?.parent;
  while (parent) {
    const group = groups.get(parent);
    if (!group) break;
    chain.unshift(group);
    parent = group.parent;
  }
  return chain;
}
