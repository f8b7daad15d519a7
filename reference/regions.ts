import { z } from 'zod';
import { countryReference, countryRows, derived, flagCell, optionalCell, type CountryReference } from './country.js';
import { compactKey, words } from './text.js';

/**
 * ISO 3166-2 subdivisions of every registered country (its reference/regions.csv) and the many
 * ways the national portals write their names: official long forms ("DKI Jakarta"), common short
 * forms ("Jabar", "KL", "กทม."), colonial or English spellings ("Malacca", "West Java"), the
 * national script and romanisations with or without spaces. What is particular to a country —
 * its aliases, its words for "province", how an English name maps onto its word order — is data
 * in its folder (country.json `regionNames`); this module only applies it.
 */

/** ISO 3166-1 alpha-2 of a registered country. */
export type CountryCode = string;

export interface RegionRecord {
  code: string;
  country: CountryCode;
  /** ISO's English category: Province, State, Federal territory, Geographical unit, … */
  type: string;
  parent: string | undefined;
  name: string;
  /** The name in the national language and script where it differs in form from `name`. */
  nameLocal: string | undefined;
  /** The statistics office's code (BPS province code, JPN state code, Thai changwat code…). */
  nationalCode: string | undefined;
  imtGt: boolean;
}

const RegionRow = z.object({
  code: z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, 'an ISO 3166-2 code'),
  type: z.string().min(1),
  parent: optionalCell,
  name: z.string().min(1),
  name_local: optionalCell,
  national_code: optionalCell,
  imt_gt: flagCell,
  utc_offset_hours: optionalCell.transform((v) => (v === undefined ? undefined : Number(v))).pipe(z.number().min(-12).max(14).optional()),
  zone: optionalCell,
  aliases: optionalCell.transform((v) => (v ? v.split('|').map((a) => a.trim()).filter(Boolean) : [])),
});
type RegionRow = z.infer<typeof RegionRow>;

/** Words that say "this is a province/state" in any country, besides each country's own. */
const ADMIN_PREFIXES = ['province', 'state'];

interface CountryRegions {
  regions: RegionRecord[];
  byName: Map<string, string>;
  offsets: Map<string, number>;
}

interface RegionIndex {
  regions: Map<string, RegionRecord>;
  byCountry: Map<CountryCode, CountryRegions>;
}

export const regionIndex = derived(buildRegionIndex);

function buildRegionIndex(references: readonly CountryReference[]): RegionIndex {
  const regions = new Map<string, RegionRecord>();
  const byCountry = new Map<CountryCode, CountryRegions>();
  for (const ref of references) {
    const rows = countryRows(ref, 'regions.csv', RegionRow, true);
    const records = rows.map((row) => regionRecord(ref, row));
    for (const record of records) {
      if (regions.has(record.code)) throw new Error(`${ref.dir}/regions.csv: ${record.code} is listed twice`);
      regions.set(record.code, record);
    }
    const offsets = new Map(rows.filter((r) => r.utc_offset_hours !== undefined).map((r) => [r.code, r.utc_offset_hours!]));
    byCountry.set(ref.country.code, { regions: records, byName: nameIndex(ref, rows, records), offsets });
  }
  return { regions, byCountry };
}

function regionRecord(ref: CountryReference, row: RegionRow): RegionRecord {
  if (!row.code.startsWith(`${ref.country.code}-`)) throw new Error(`${ref.dir}/regions.csv: ${row.code} is not a code of ${ref.country.code}`);
  return {
    code: row.code,
    country: ref.country.code,
    type: row.type,
    parent: row.parent,
    name: row.name,
    nameLocal: row.name_local,
    nationalCode: row.national_code,
    imtGt: row.imt_gt,
  };
}

function nameIndex(ref: CountryReference, rows: readonly RegionRow[], records: readonly RegionRecord[]): Map<string, string> {
  const aliases = new Map(rows.map((r) => [r.code, r.aliases]));
  const byName = new Map<string, string>();
  // Provinces before geographical units: "Papua" and "Maluku" name both a province and its island group.
  const ordered = [...records].sort((a, b) => Number(a.type === 'Geographical unit') - Number(b.type === 'Geographical unit'));
  for (const region of ordered) {
    const names = [region.name, region.nameLocal, ...(aliases.get(region.code) ?? [])].filter((n): n is string => !!n);
    for (const name of names) {
      for (const key of nameKeys(ref, name)) if (!byName.has(key)) byName.set(key, region.code);
    }
    if (region.nationalCode) byName.set(region.nationalCode, region.code);
    byName.set(compactKey(region.code), region.code);
  }
  return byName;
}

/** The keys a name can be found under: as written, without administrative prefixes, from English. */
function nameKeys(ref: CountryReference, name: string): string[] {
  const { adminPrefixes, joinedPrefixes, fromEnglish } = ref.country.regionNames;
  const tokens = words(name);
  const keys = [tokens.join('')];
  const stripped = stripAdminPrefix(tokens, [...ADMIN_PREFIXES, ...adminPrefixes]);
  if (stripped.length > 0 && stripped.length < tokens.length) keys.push(stripped.join(''));
  if (fromEnglish) keys.push(translatedFromEnglish(stripped.length > 0 ? stripped : tokens, fromEnglish).join(''));
  // Thai writes "จังหวัดชลบุรี" as one word, so such a prefix cannot be split off as a token.
  for (const prefix of joinedPrefixes) if (keys[0]?.startsWith(prefix)) keys.push(keys[0].slice(prefix.length));
  return [...new Set(keys)].filter(Boolean);
}

function stripAdminPrefix(tokens: string[], prefixes: readonly string[]): string[] {
  let rest = tokens;
  while (rest.length > 1 && prefixes.includes(rest[0] ?? '')) rest = rest.slice(1);
  if (rest.length > 2 && rest[rest.length - 1] === 'province') rest = rest.slice(0, -1);
  return rest;
}

type FromEnglish = NonNullable<CountryReference['country']['regionNames']['fromEnglish']>;

/** "West Java" → "jawa barat", "Riau Islands" → "kepulauan riau" (by the country's word lists). */
function translatedFromEnglish(tokens: string[], rule: FromEnglish): string[] {
  let out = tokens.map((t) => rule.words[t] ?? t);
  if (out.length > 1 && rule.moveToEnd.includes(out[0] ?? '')) out = [...out.slice(1), out[0] ?? ''];
  if (out.length > 1 && rule.moveToStart.includes(out[out.length - 1] ?? '')) out = [out[out.length - 1] ?? '', ...out.slice(0, -1)];
  return out;
}

/** ISO 3166-2 code for a region name as a national system writes it; undefined when unknown. */
export function regionCodeByName(country: CountryCode, name: string): string | undefined {
  const ref = countryReference(country);
  const byName = regionIndex().byCountry.get(country)?.byName;
  if (!ref || !byName || !name.trim()) return undefined;
  for (const key of nameKeys(ref, name)) {
    const code = byName.get(key);
    if (code) return code;
  }
  return undefined;
}

/** The country's regions (every type, geographical units included), in file order. */
export function regionsOfCountry(country: CountryCode): RegionRecord[] {
  return regionIndex().byCountry.get(country)?.regions ?? [];
}

/**
 * The legal time of a region as a UTC offset in hours: the region's own (regions.csv, e.g.
 * Indonesia's three zones by province), else the country's capital's (country.json timeZone).
 */
export function utcOffsetOf(country: CountryCode, regionCode?: string | null): number {
  const own = regionCode ? regionIndex().byCountry.get(country)?.offsets.get(regionCode) : undefined;
  const ref = countryReference(country);
  if (own !== undefined) return own;
  if (!ref) throw new Error(`utcOffsetOf: "${country}" is not a registered country`);
  return ref.country.timeZone.utcOffsetHours;
}
