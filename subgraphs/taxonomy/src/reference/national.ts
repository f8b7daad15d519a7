import { readDataCsv } from './csv.js';
import { iscoIndex } from './isco.js';

/**
 * The national occupation classifications and their crosswalk to ISCO-08:
 * - KBJI-2014 (Indonesia) `NNNN.NN`, follows ISCO-08 to four digits;
 * - MASCO-2020 (Malaysia) `NNNN-NN`, follows ISCO-08 to four digits;
 * - TH-DOE-ISCO88 (Thailand, Department of Employment) `NNNNNN`, built on ISCO-88: the first
 *   four digits are an ISCO-88 unit, reaching ISCO-08 through the ILO correspondence.
 * Only listed codes map: an unlisted code is unknown or outdated, and guessing from its digits
 * would hide exactly the data problem the caller needs to see.
 */

export type NationalSystem = 'KBJI-2014' | 'MASCO-2020' | 'TH-DOE-ISCO88';
export const NATIONAL_SYSTEMS: readonly NationalSystem[] = ['KBJI-2014', 'MASCO-2020', 'TH-DOE-ISCO88'];

/** The shape of a code in each system, checked before looking it up. */
export const NATIONAL_CODE_FORMAT: Record<NationalSystem, RegExp> = {
  'KBJI-2014': /^\d{4}\.\d{2}$/,
  'MASCO-2020': /^\d{4}-\d{2}$/,
  'TH-DOE-ISCO88': /^\d{6}$/,
};

export const NATIONAL_CODE_EXAMPLE: Record<NationalSystem, string> = {
  'KBJI-2014': '7212.01',
  'MASCO-2020': '7212-01',
  'TH-DOE-ISCO88': '721210',
};

export interface NationalOccupation {
  system: NationalSystem;
  code: string;
  /** Title in the national language (Indonesian, Malay, Thai). */
  title: string;
  /** MASCO also publishes English titles. */
  titleEn: string | undefined;
  /** ISCO-08 unit group. */
  iscoCode: string;
  /** Thai DOE only: the ISCO-88 unit the code is built on. */
  isco88: string | undefined;
}

interface NationalIndex {
  byCode: Map<NationalSystem, Map<string, NationalOccupation>>;
  lists: Map<NationalSystem, NationalOccupation[]>;
  isco88: Map<string, string>;
}

let index: NationalIndex | undefined;

function nationalIndex(): NationalIndex {
  index ??= buildNationalIndex();
  return index;
}

function buildNationalIndex(): NationalIndex {
  const isco88 = new Map(readDataCsv('national/isco88_to_isco08.csv').map((r) => [r.isco88 ?? '', r.isco08 ?? '']));
  const lists = new Map<NationalSystem, NationalOccupation[]>([
    ['KBJI-2014', readDataCsv('national/kbji2014.csv').map((r) => occupation('KBJI-2014', r.code, r.title_id, undefined, r.isco08))],
    ['MASCO-2020', readDataCsv('national/masco2020.csv').map((r) => occupation('MASCO-2020', r.code, r.title_ms, r.title_en, r.isco08))],
    [
      'TH-DOE-ISCO88',
      readDataCsv('national/th_doe.csv').map((r) => ({
        // A row without its own ISCO-08 unit takes the ISCO-88 group's primary correspondence.
        ...occupation('TH-DOE-ISCO88', r.code, r.title_th, undefined, r.isco08 || isco88.get(r.isco88 ?? '')),
        isco88: r.isco88 || undefined,
      })),
    ],
  ]);
  for (const list of lists.values()) list.sort((a, b) => a.code.localeCompare(b.code));
  const byCode = new Map([...lists].map(([system, list]) => [system, new Map(list.map((o) => [o.code, o]))]));
  return { byCode, lists, isco88 };
}

function occupation(
  system: NationalSystem,
  code: string | undefined,
  title: string | undefined,
  titleEn: string | undefined,
  iscoCode: string | undefined,
): NationalOccupation {
  if (!code || !title || !iscoCode) throw new Error(`incomplete ${system} row: ${code ?? '(no code)'}`);
  return { system, code, title, titleEn: titleEn || undefined, iscoCode, isco88: undefined };
}

export function isNationalSystem(value: string): value is NationalSystem {
  return (NATIONAL_SYSTEMS as readonly string[]).includes(value);
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
  const systems = system ? [system] : NATIONAL_SYSTEMS;
  return systems.flatMap((s) => nationalOccupations(s).filter((o) => o.iscoCode.startsWith(iscoPrefix)));
}

/** ILO ISCO-88 → ISCO-08 correspondence, one primary ISCO-08 unit per ISCO-88 unit. */
export function isco88ToIsco08(isco88: string): string | undefined {
  return nationalIndex().isco88.get(isco88);
}

// ---- outdated editions that still map deterministically -----------------------------------------

/** The edition each system's current codes belong to, as `NationalOccupationCode.edition` says. */
export const CURRENT_EDITION: Record<NationalSystem, string> = {
  'KBJI-2014': 'KBJI-2014',
  'MASCO-2020': 'MASCO-2020',
  'TH-DOE-ISCO88': 'TH-DOE-ISCO88',
};

/**
 * Earlier editions portals still carry, and how each reaches ISCO-08 without guessing:
 * - KBJI 2002 (`NNNNN`): an ISCO-88 unit plus a national digit → the ILO correspondence;
 * - MASCO 2008 (`NNNN`): unit groups identical to ISCO-08's;
 * - a withdrawn Thai DOE "other" code (`NNNN99`): its ISCO-88 unit → the correspondence.
 * Only an ISCO-88 unit the correspondence sends wholly to one ISCO-08 unit maps; a split unit
 * stays unmapped (which part it was is exactly what the code does not say).
 */
const OUTDATED: Record<NationalSystem, { edition: string; pattern: RegExp; unitOf: (code: string) => string | undefined; codesOf: (isco08: string) => string[] }> = {
  'KBJI-2014': {
    edition: 'KBJI-2002',
    pattern: /^\d{5}$/,
    unitOf: (code) => isco88Unit(code.slice(0, 4)),
    codesOf: (isco08) => isco88UnitsOf(isco08).flatMap((u) => [...'0123456789'].map((d) => `${u}${d}`)),
  },
  'MASCO-2020': {
    edition: 'MASCO-2008',
    pattern: /^\d{4}$/,
    unitOf: (code) => (iscoIndex().groups.get(code)?.level === 'UNIT' ? code : undefined),
    codesOf: (isco08) => [isco08],
  },
  'TH-DOE-ISCO88': {
    edition: 'TH-DOE-ISCO88 (withdrawn "other" code)',
    pattern: /^\d{4}99$/,
    unitOf: (code) => isco88Unit(code.slice(0, 4)),
    codesOf: (isco08) => isco88UnitsOf(isco08).map((u) => `${u}99`),
  },
};

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

const isco88Unit = (isco88: string): string | undefined => wholeUnitCorrespondence().unitOf88.get(isco88);
const isco88UnitsOf = (isco08: string): string[] => wholeUnitCorrespondence().unitsOf08.get(isco08) ?? [];

/** ISCO-08 unit and edition of an outdated code that maps deterministically; undefined otherwise. */
export function outdatedOccupation(system: NationalSystem, code: string): { iscoCode: string; edition: string } | undefined {
  const rule = OUTDATED[system];
  const clean = code.trim();
  if (!rule.pattern.test(clean)) return undefined;
  const iscoCode = rule.unitOf(clean);
  return iscoCode ? { iscoCode, edition: rule.edition } : undefined;
}

/** Every outdated code of the system that maps to a unit under the ISCO-08 prefix (for filters). */
export function outdatedCodesUnder(system: NationalSystem, iscoPrefix: string): string[] {
  const units = [...iscoIndex().groups.values()].filter((g) => g.level === 'UNIT' && g.code.startsWith(iscoPrefix));
  return units.flatMap((u) => OUTDATED[system].codesOf(u.code));
}
