import { currentEdition, iscoUnit, nationalToIsco, outdatedOccupation, skillIdByLabel, skillsForIsco, wageConversion, type NationalSystem } from './reference.js';
import type { NationalCodeModel, SalaryModel, WagePeriod } from './model.js';

/**
 * The translation steps every country repeats, done once: wages to the contract's Salary,
 * instants to ISO 8601 with the source's offset, national occupation codes through the taxonomy
 * crosswalk, and skill names or ESCO URIs to skill ids with the occupation's essential ones
 * marked. Adapters keep only what is truly national.
 */

export interface WageInput {
  min: number | null | undefined;
  max: number | null | undefined;
  currency: string;
  period: WagePeriod;
  /** ISO country whose conversion rule applies (its reference/wage_conversion.csv, else the shared `*` rows). */
  country: string;
  /** The date the wage was offered (ISO 8601): the rule in force then applies; default today. */
  on?: string | null;
  text?: string | null;
}

/**
 * A Salary; `disclosed` is false when the source gives no amount ("nego", hidden, 0). The monthly
 * figure uses the country's own rule for the period (Indonesia a 25-day month, Malaysia and
 * Thailand 26 days …), and the answer carries that rule, so a reader knows what was assumed.
 */
export function salaryOf(input: WageInput): SalaryModel {
  const min = positive(input.min);
  const max = positive(input.max);
  const disclosed = min !== null || max !== null;
  const mid = min !== null && max !== null ? (min + max) / 2 : (min ?? max);
  const conversion = mid === null ? null : { ...wageConversion(input.country, input.period, input.on ?? undefined), from: input.period };
  return {
    min,
    max,
    currency: input.currency,
    period: input.period,
    monthlyAmount: mid === null || conversion === null ? null : Math.round(mid * conversion.factor),
    conversion,
    disclosed,
    text: input.text ?? null,
  };
}

/** `2026-11-20T14:05:00+07:00` for an instant shown in a fixed UTC offset. */
export function isoInOffset(epochMs: number, offsetHours: number): string {
  const sign = offsetHours < 0 ? '-' : '+';
  const abs = Math.abs(offsetHours);
  return `${localDateTime(epochMs, offsetHours)}${sign}${String(Math.floor(abs)).padStart(2, '0')}:${String(Math.round((abs % 1) * 60)).padStart(2, '0')}`;
}

/** `2026-11-20T14:05:00`: an instant as wall-clock time in a fixed UTC offset (what national filters and keysets often take). */
export function localDateTime(epochMs: number, offsetHours: number): string {
  if (!Number.isFinite(epochMs)) throw new Error(`not a valid instant: ${epochMs}`);
  return new Date(epochMs + offsetHours * 3_600_000).toISOString().slice(0, 19);
}

const LOCAL_TEXT = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?\s*$/;

/**
 * Epoch ms of a national system's wall-clock text in a fixed UTC offset: "2026-03-01 10:00:00",
 * "2026-03-01T10:00", or a date alone (its local midnight). Throws for anything else, impossible
 * days and hours included (Date.UTC would roll 31/02 over into March).
 */
export function localToEpochMs(text: string, offsetHours: number): number {
  const m = LOCAL_TEXT.exec(text);
  if (!m) throw new Error(`not a local date or time: "${text}"`);
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s) - offsetHours * 3_600_000;
  const back = new Date(ms + offsetHours * 3_600_000);
  if (back.getUTCDate() !== d || back.getUTCMonth() !== mo - 1 || h > 23 || mi > 59 || s > 59) throw new Error(`not a calendar date: "${text}"`);
  return ms;
}

/** A national occupation classification the reference module carries, or ISCO-08 itself for a system that stores ISCO-08 units. */
export type OccupationSystem = NationalSystem | 'ISCO-08';

/**
 * The raw national code as given, whether the crosswalk knows it, and the ISCO-08 unit if so. A
 * code of an earlier edition that maps deterministically (KBJI 2002, MASCO 2008, a withdrawn DOE
 * code) maps too, flagged `mappedFromOutdated` with its edition. A system storing ISCO-08 maps
 * the unit groups ISCO-08 has; any other code (a retired one, a major group) stays unmapped.
 */
export function occupationOf(system: OccupationSystem, code: string | null | undefined): { nationalCode: NationalCodeModel | null; iscoCode: string | null } {
  const clean = code?.trim();
  if (!clean) return { nationalCode: null, iscoCode: null };
  if (system === 'ISCO-08') {
    const unit = iscoUnit(clean);
    return { nationalCode: { system, code: clean, mapped: unit !== undefined, mappedFromOutdated: false, edition: unit ? system : null }, iscoCode: unit?.code ?? null };
  }
  const current = nationalToIsco(system, clean);
  if (current) return { nationalCode: { system, code: clean, mapped: true, mappedFromOutdated: false, edition: currentEdition(system) }, iscoCode: current.iscoCode };
  const outdated = outdatedOccupation(system, clean);
  return {
    nationalCode: { system, code: clean, mapped: outdated !== undefined, mappedFromOutdated: outdated !== undefined, edition: outdated?.edition ?? null },
    iscoCode: outdated?.iscoCode ?? null,
  };
}

/** ESCO skill URIs or names to skill ids; the occupation's essential skills are marked. */
export function skillsOf(skills: ReadonlyArray<{ uri?: string | null; name?: string | null }>, iscoCode: string | null): { skillIds: string[]; essentialSkillIds: string[] } {
  const ids = new Set<string>();
  for (const s of skills) {
    const id = s.uri ? s.uri.split('/').pop() : s.name ? skillIdByLabel(s.name) : undefined;
    if (id) ids.add(id);
  }
  const essential = iscoCode ? essentialSkillsOf(iscoCode) : NONE;
  const skillIds = [...ids];
  return { skillIds, essentialSkillIds: skillIds.filter((id) => essential.has(id)) };
}

const NONE: ReadonlySet<string> = new Set();
const essentialSets = new Map<string, ReadonlySet<string>>();
/** The occupation's essential skills as a set, built once per ISCO unit (a few hundred units). */
function essentialSkillsOf(iscoCode: string): ReadonlySet<string> {
  let set = essentialSets.get(iscoCode);
  if (set === undefined) essentialSets.set(iscoCode, (set = new Set(skillsForIsco(iscoCode).essential)));
  return set;
}

/** A course fee: zero means free (a disclosed amount), not hidden. */
export function feeOf(amount: number | null | undefined, currency: string, country: string): SalaryModel | null {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return null;
  if (amount === 0) return { min: 0, max: 0, currency, period: 'MONTH', monthlyAmount: 0, conversion: wageConversion(country, 'MONTH'), disclosed: true, text: null };
  return salaryOf({ min: amount, max: amount, currency, period: 'MONTH', country });
}

/** Global ids carry the country: `ID:<native id>`. */
export function globalId(country: string, nativeId: string | number): string {
  return `${country}:${nativeId}`;
}

/** The country code a global id carries (`ID` for `ID:123`). */
export function countryOfGlobalId(id: string): string {
  return id.slice(0, id.indexOf(':'));
}

/** Text as a person reads it: runs of white space (line breaks, double spaces employers type) as one space, none around. */
export function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function positive(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null;
}
