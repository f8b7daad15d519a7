import { nationalToIsco, skillIdByLabel, skillsForIsco, type NationalSystem } from './reference.js';
import type { NationalCodeModel, SalaryModel, WagePeriod } from './model.js';

/**
 * The translation steps every country repeats, done once: wages to the contract's Salary,
 * instants to ISO 8601 with the source's offset, national occupation codes through the taxonomy
 * crosswalk, and skill names or ESCO URIs to skill ids with the occupation's essential ones
 * marked. Adapters keep only what is truly national.
 */

/** Contract rule for comparing wages: hour × 208, day × 26, week × 4.33, year ÷ 12. */
const PER_MONTH: Record<WagePeriod, number> = { HOUR: 208, DAY: 26, WEEK: 4.33, MONTH: 1, YEAR: 1 / 12 };

export interface WageInput {
  min: number | null | undefined;
  max: number | null | undefined;
  currency: string;
  period: WagePeriod;
  text?: string | null;
}

/** A Salary; `disclosed` is false when the source gives no amount ("nego", hidden, 0). */
export function salaryOf(input: WageInput): SalaryModel {
  const min = positive(input.min);
  const max = positive(input.max);
  const disclosed = min !== null || max !== null;
  const mid = min !== null && max !== null ? (min + max) / 2 : (min ?? max);
  return {
    min,
    max,
    currency: input.currency,
    period: input.period,
    monthlyAmount: mid === null ? null : Math.round(mid * PER_MONTH[input.period]),
    disclosed,
    text: input.text ?? null,
  };
}

/** `2026-11-20T14:05:00+07:00` for an instant shown in a fixed UTC offset. */
export function isoInOffset(epochMs: number, offsetHours: number): string {
  if (!Number.isFinite(epochMs)) throw new Error(`not a valid instant: ${epochMs}`);
  const local = new Date(epochMs + offsetHours * 3_600_000).toISOString().slice(0, 19);
  const sign = offsetHours < 0 ? '-' : '+';
  const abs = Math.abs(offsetHours);
  return `${local}${sign}${String(Math.floor(abs)).padStart(2, '0')}:${String(Math.round((abs % 1) * 60)).padStart(2, '0')}`;
}

/** The raw national code as given, whether the crosswalk knows it, and the ISCO-08 unit if so. */
export function occupationOf(system: NationalSystem, code: string | null | undefined): { nationalCode: NationalCodeModel | null; iscoCode: string | null } {
  const clean = code?.trim();
  if (!clean) return { nationalCode: null, iscoCode: null };
  const isco = nationalToIsco(system, clean);
  return { nationalCode: { system, code: clean, mapped: isco !== undefined }, iscoCode: isco?.iscoCode ?? null };
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
export function feeOf(amount: number | null | undefined, currency: string): SalaryModel | null {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return null;
  if (amount === 0) return { min: 0, max: 0, currency, period: 'MONTH', monthlyAmount: 0, disclosed: true, text: null };
  return salaryOf({ min: amount, max: amount, currency, period: 'MONTH' });
}

/** Global ids carry the country: `ID:<native id>`. */
export function globalId(country: string, nativeId: string | number): string {
  return `${country}:${nativeId}`;
}

/** The country code a global id carries (`ID` for `ID:123`). */
export function countryOfGlobalId(id: string): string {
  return id.slice(0, id.indexOf(':'));
}

function positive(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null;
}
