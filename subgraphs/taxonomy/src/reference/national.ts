import { readDataCsv } from './csv.js';

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
