/**
 * Writes data/esco/isco_skill_profiles.csv: the ESCO skills profile of every ISCO-08 unit group,
 * built from the ESCO occupations that belong to it (each ESCO occupation carries its unit group
 * code) and their essential/optional skill links (data/esco_occupation_skill_sample.csv).
 * Run: `npx tsx scripts/data/generate-skill-profiles.ts`.
 *
 * Weighting: a skill's weight is the share of the group's ESCO occupations that carry it, an
 * essential link counting 1 and an optional one ½. A skill is essential to the group only when it
 * is essential to one of its occupations AND carried by at least a quarter of them, so the niche
 * skill of one specialised occupation ("weld in hyperbaric conditions", one welder of eight) is
 * optional with a low weight. A unit group with no ESCO occupation of its own (3221 nursing
 * associate professionals has none) takes the profile of its minor group's occupations, failing
 * that its sub-major group's (63 subsistence farmers has no ESCO occupation) or major group's; the
 * row's `basis` says which.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fromRoot } from '../../core/paths.js';
import { parseCsv } from '../../reference/csv.js';

const ESSENTIAL_SHARE = 0.25;
const OUT = fromRoot('data/esco/isco_skill_profiles.csv');

type Basis = 'UNIT' | 'MINOR' | 'SUB_MAJOR' | 'MAJOR';
interface Link {
  occupation: string;
  unit: string;
  skill: string;
  essential: boolean;
}

function records(file: string): Array<Record<string, string>> {
  const [header = [], ...rows] = parseCsv(readFileSync(fromRoot('data', file), 'utf8'));
  return rows.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])));
}

const idOf = (uri: string): string => uri.slice(uri.lastIndexOf('/') + 1);

/** ESCO occupations (URIs) per ISCO-08 unit group. */
function occupationsByUnit(): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const r of records('esco/occupations_en.csv')) {
    if (!/^\d{4}$/.test(r.iscoGroup ?? '')) continue;
    const set = out.get(r.iscoGroup!) ?? new Set<string>();
    set.add(r.conceptUri ?? '');
    out.set(r.iscoGroup!, set);
  }
  return out;
}

/** The profile of a set of occupations: per skill its weight and relation, heaviest first. */
function profileOf(occupations: ReadonlySet<string>, links: readonly Link[]): string[][] {
  const perSkill = new Map<string, { essential: number; optional: number }>();
  for (const l of links) {
    if (!occupations.has(l.occupation)) continue;
    const entry = perSkill.get(l.skill) ?? { essential: 0, optional: 0 };
    if (l.essential) entry.essential++;
    else entry.optional++;
    perSkill.set(l.skill, entry);
  }
  const n = occupations.size;
  return [...perSkill]
    .map(([skill, c]) => {
      const carried = c.essential + c.optional;
      const relation = c.essential > 0 && carried / n >= ESSENTIAL_SHARE ? 'essential' : 'optional';
      return { skill, relation, weight: (c.essential + c.optional / 2) / n, carried };
    })
    .sort((a, b) => Number(b.relation === 'essential') - Number(a.relation === 'essential') || b.weight - a.weight || a.skill.localeCompare(b.skill))
    .map((p) => [p.skill, p.relation, p.weight.toFixed(3), String(p.carried), String(n)]);
}

function main(): void {
  const byUnit = occupationsByUnit();
  const links: Link[] = records('esco_occupation_skill_sample.csv').map((r) => ({
    occupation: r.occupation_uri ?? '',
    unit: r.isco_unit_group ?? '',
    skill: idOf(r.skill_uri ?? ''),
    essential: r.relation === 'essential',
  }));
  const units = records('isco08_structure_en.csv').filter((r) => r.level === '4').map((r) => r.code ?? '');
  const under = (prefix: string) => new Set([...byUnit].filter(([unit]) => unit.startsWith(prefix)).flatMap(([, occs]) => [...occs]));
  const rows: string[][] = [];
  for (const unit of units) {
    const candidates: Array<[Basis, Set<string>]> = [['UNIT', byUnit.get(unit) ?? new Set()], ['MINOR', under(unit.slice(0, 3))], ['SUB_MAJOR', under(unit.slice(0, 2))], ['MAJOR', under(unit.slice(0, 1))]];
    for (const [basis, occupations] of candidates) {
      const profile = occupations.size > 0 ? profileOf(occupations, links) : [];
      if (profile.length === 0) continue;
      rows.push(...profile.map((cells) => [unit, basis, ...cells]));
      break;
    }
  }
  const header = ['isco_unit', 'basis', 'skill_id', 'relation', 'weight', 'occupations_with_skill', 'occupations'];
  writeFileSync(OUT, [header, ...rows].map((r) => r.join(',')).join('\n') + '\n');
  console.log(`${OUT}: ${rows.length} rows, ${new Set(rows.map((r) => r[0])).size} unit groups`);
}

main();
