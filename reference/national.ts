import { z } from 'zod';
import { countryRows, derived, ISCO_08, optionalCell, type CountryReference, type OccupationSystemFile } from './country.js';
import { readDataCsv } from './csv.js';
import { iscoIndex } from './isco.js';

/**
 * The national occupation classifications and their crosswalk to ISCO-08, one per registered
 * country (its reference/occupations.csv, described by country.json `occupationSystem`). A
 * system either follows ISCO-08 to four digits or is built on ISCO-88 (the code's first four
 * digits are an ISCO-88 unit, reaching ISCO-08 through the ILO correspondence).
 * Only listed codes map: an unlisted code is unknown or outdated, and guessing from its digits
 * would hide exactly the data problem the caller needs to see. A country whose system is ISCO-08
 * itself (`occupationSystem.id` "ISCO-08") has no national classification here: its codes are
 * ISCO-08's own unit groups (isco.ts).
 */

/** A classification's id, e.g. "KBJI-2014"; valid ones are those `nationalSystems()` lists. */
export type NationalSystem = string;

export interface NationalOccupation {
  system: NationalSystem;
  code: string;
  /** Title in the national language (the system's `titleLang`). */
  title: string;
  /** English title, where the system publishes one. */
  titleEn: string | undefined;
  /** ISCO-08 unit group. */
  iscoCode: string;
  /** The ISCO-88 unit the code is built on, for systems on ISCO-88. */
  isco88: string | undefined;
}

/** A registered classification: its id, code format and the outdated editions it still maps. */
export interface NationalSystemInfo {
  id: NationalSystem;
  name: string;
  /** The shape of a code, checked before looking it up. */
  codeFormat: RegExp;
  example: string;
  country: string;
  outdated: OccupationSystemFile['outdated'];
}

const OccupationRow = z.object({
  code: z.string().min(1),
  title: z.string().min(1),
  title_en: optionalCell,
  isco08: optionalCell.pipe(z.string().regex(/^\d{4}$/, 'an ISCO-08 unit group (4 digits)').optional()),
  isco88: optionalCell.pipe(z.string().regex(/^\d{4}$/, 'an ISCO-88 unit (4 digits)').optional()),
});

interface NationalIndex {
  systems: Map<NationalSystem, NationalSystemInfo>;
  byCode: Map<NationalSystem, Map<string, NationalOccupation>>;
  lists: Map<NationalSystem, NationalOccupation[]>;
}

const nationalIndex = derived(buildNationalIndex);
let primary88: Map<string, string> | undefined;

/** ILO ISCO-88 → ISCO-08 correspondence, one primary ISCO-08 unit per ISCO-88 unit. */
export function isco88ToIsco08(isco88: string): string | undefined {
  primary88 ??= new Map(readDataCsv('national/isco88_to_isco08.csv').map((r) => [r.isco88 ?? '', r.isco08 ?? '']));
  return primary88.get(isco88);
}

function buildNationalIndex(references: readonly CountryReference[]): NationalIndex {
  const systems = new Map<NationalSystem, NationalSystemInfo>();
  const lists = new Map<NationalSystem, NationalOccupation[]>();
  for (const ref of references) {
    const system = ref.country.occupationSystem;
    if (system.id === ISCO_08) continue;
    systems.set(system.id, { id: system.id, name: system.name, codeFormat: new RegExp(system.codeFormat), example: system.example, country: ref.country.code, outdated: system.outdated });
    lists.set(system.id, occupationsOf(ref).sort((a, b) => a.code.localeCompare(b.code)));
  }
  const byCode = new Map([...lists].map(([system, list]) => [system, new Map(list.map((o) => [o.code, o]))]));
  return { systems, byCode, lists };
}

function occupationsOf(ref: CountryReference): NationalOccupation[] {
  const system = ref.country.occupationSystem;
  const format = new RegExp(system.codeFormat);
  return countryRows(ref, 'occupations.csv', OccupationRow, true).map((row) => {
    // A row without its own ISCO-08 unit takes its ISCO-88 unit's primary correspondence.
    const iscoCode = row.isco08 ?? (row.isco88 ? isco88ToIsco08(row.isco88) : undefined);
    if (!format.test(row.code)) throw new Error(`${ref.dir}/occupations.csv: ${row.code} does not match ${system.id}'s codeFormat ${system.codeFormat}`);
    if (!iscoCode) throw new Error(`${ref.dir}/occupations.csv: ${row.code} has no ISCO-08 unit (give isco08, or an isco88 the correspondence maps)`);
    return { system: system.id, code: row.code, title: row.title, titleEn: row.title_en, iscoCode, isco88: row.isco88 };
  });
}

/** The registered classifications' ids, in registry order. */
export function nationalSystems(): NationalSystem[] {
  return [...nationalIndex().systems.keys()];
}

export function nationalSystemInfo(system: NationalSystem): NationalSystemInfo | undefined {
  return nationalIndex().systems.get(system);
}

export function isNationalSystem(value: string): value is NationalSystem {
  return nationalIndex().systems.has(value);
}

/** The listed national occupation, or undefined for an unknown/outdated/malformed code. */
export function nationalOccupation(system: NationalSystem, code: string): NationalOccupation | undefined {
  return nationalIndex().byCode.get(system)?.get(code.trim());
}

export function nationalOccupations(system: NationalSystem): readonly NationalOccupation[] {
  return nationalIndex().lists.get(system) ?? [];
}

/** Every national occupation (all systems) whose ISCO-08 unit starts with the prefix. */
export function nationalOccupationsUnder(iscoPrefix: string, system?: NationalSystem): NationalOccupation[] {
  const systems = system ? [system] : nationalSystems();
  return systems.flatMap((s) => nationalOccupations(s).filter((o) => o.iscoCode.startsWith(iscoPrefix)));
}

// ---- outdated editions that still map deterministically -----------------------------------------

/** The edition a system's current codes belong to, as `NationalOccupationCode.edition` says: its id. */
export function currentEdition(system: NationalSystem): string {
  return system;
}

/*
 * Earlier editions portals still carry (country.json `occupationSystem.outdated`): four digits
 * that are an ISCO-08 unit group (MASCO 2008) or an ISCO-88 unit (KBJI 2002, a withdrawn Thai
 * DOE "other" code), then one of the listed suffixes. Only an ISCO-88 unit the correspondence
 * sends wholly to one ISCO-08 unit maps; a split unit stays unmapped (which part it was is
 * exactly what the code does not say).
 */

let correspondence: { unitOf88: Map<string, string>; unitsOf08: Map<string, string[]> } | undefined;

/** The ILO correspondence (data/national/isco88_isco08_correspondence.csv), whole-unit targets only. */
function wholeUnitCorrespondence(): NonNullable<typeof correspondence> {
  if (correspondence) return correspondence;
  const unitOf88 = new Map<string, string>();
  const unitsOf08 = new Map<string, string[]>();
  for (const row of readDataCsv('national/isco88_isco08_correspondence.csv')) {
    const [from, to] = [row.isco88 ?? '', row.isco08 ?? ''];
    if (!/^\d{4}$/.test(from) || iscoIndex().groups.get(to)?.level !== 'UNIT') continue;
    unitOf88.set(from, to);
    unitsOf08.set(to, [...(unitsOf08.get(to) ?? []), from]);
  }
  correspondence = { unitOf88, unitsOf08 };
  return correspondence;
}

type OutdatedEdition = OccupationSystemFile['outdated'][number];

/** The ISCO-08 unit the four digits reach by the edition's route. */
function unitOf(edition: OutdatedEdition, digits: string): string | undefined {
  if (edition.via === 'ISCO-88') return wholeUnitCorrespondence().unitOf88.get(digits);
  return iscoIndex().groups.get(digits)?.level === 'UNIT' ? digits : undefined;
}

/** The four-digit stems of an edition that reach an ISCO-08 unit. */
function stemsOf(edition: OutdatedEdition, isco08: string): string[] {
  return edition.via === 'ISCO-88' ? (wholeUnitCorrespondence().unitsOf08.get(isco08) ?? []) : [isco08];
}

/** ISCO-08 unit and edition of an outdated code that maps deterministically; undefined otherwise. */
export function outdatedOccupation(system: NationalSystem, code: string): { iscoCode: string; edition: string } | undefined {
  const clean = code.trim();
  const stem = clean.slice(0, 4);
  if (!/^\d{4}/.test(stem)) return undefined;
  for (const edition of nationalSystemInfo(system)?.outdated ?? []) {
    if (!edition.suffixes.includes(clean.slice(4))) continue;
    const iscoCode = unitOf(edition, stem);
    if (iscoCode) return { iscoCode, edition: edition.edition };
  }
  return undefined;
}

/** Every outdated code of the system that maps to a unit under the ISCO-08 prefix (for filters). */
export function outdatedCodesUnder(system: NationalSystem, iscoPrefix: string): string[] {
  const units = [...iscoIndex().groups.values()].filter((g) => g.level === 'UNIT' && g.code.startsWith(iscoPrefix));
  const editions = nationalSystemInfo(system)?.outdated ?? [];
  return editions.flatMap((e) => units.flatMap((u) => stemsOf(e, u.code).flatMap((stem) => e.suffixes.map((s) => `${stem}${s}`))));
}
