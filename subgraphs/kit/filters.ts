import { iscoToNational, regionByName, regionsOf, skillLabel, unitsUnder, type CountryCode } from './reference.js';
import { unique } from './lists.js';
import type { OccupationSystem } from './translation.js';

/**
 * The other direction of the translation, done once: the exchange's filter values (ISCO-08 codes,
 * ESCO skill ids, ISO 3166-2 regions, the contract's enums) in a national system's own words, so
 * that the upstream does the filtering.
 */

/**
 * A requested filter list in native terms: undefined when nothing was asked (no filter), null when
 * something was asked but the upstream has no word for any of it — nothing can match, and sending
 * no parameter instead would match everything.
 */
export function nativeValues<T>(requested: readonly T[] | null | undefined, toNative: (values: readonly T[]) => string[]): string[] | null | undefined {
  if (!requested || requested.length === 0) return undefined;
  const values = toNative(requested);
  return values.length > 0 ? values : null;
}

/** ISCO-08 codes at any level → the occupation codes the system stores, each once: the crosswalk's, never guessed from digits. */
export function occupationCodesFor(system: OccupationSystem, iscoPrefixes: readonly string[]): string[] {
  const under = (prefix: string) => (system === 'ISCO-08' ? unitsUnder(prefix).map((unit) => unit.code) : iscoToNational(system, prefix));
  return unique(iscoPrefixes.flatMap(under));
}

/** ESCO skill ids → their labels in each of `langs` (English where a language has none), each once; unknown ids give none. */
export function skillNames(ids: readonly string[], langs: readonly string[] = ['en']): string[] {
  return unique(ids.flatMap((id) => langs.map((lang) => skillLabel(id, lang))));
}

/** The native words a translation table turns into any of `wanted` (job-type codes for employment types, labels for levels). */
export function nativeKeysFor<V>(table: Readonly<Record<string, V>>, wanted: readonly V[]): string[] {
  return Object.keys(table).filter((key) => wanted.includes(table[key]!));
}

/**
 * A national system's own spellings of its regions (learned from its facets: "WP Kuala Lumpur",
 * "DKI  JAKARTA" as employers typed them), grouped by the ISO 3166-2 code the reference module's
 * name normalisation gives them — the one place names are matched. Unknown spellings are dropped.
 */
export function spellingsByRegion(country: CountryCode, values: readonly string[]): ReadonlyMap<string, readonly string[]> {
  const out = new Map<string, string[]>();
  for (const value of values) {
    const code = regionByName(country, value);
    if (code) out.set(code, [...(out.get(code) ?? []), value]);
  }
  return out;
}

/** ISO 3166-2 codes → the regions' names as the country's regions.csv gives them, for a system that stores those names; unknown codes give none. */
export function regionNamesFor(country: CountryCode, isoCodes: readonly string[]): string[] {
  return regionsOf(country)
    .filter((region) => isoCodes.includes(region.code))
    .map((region) => region.name);
}
