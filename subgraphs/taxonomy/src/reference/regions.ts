import { readDataCsv } from './csv.js';
import { compactKey, words } from './text.js';

/**
 * ISO 3166-2 subdivisions of Indonesia, Malaysia and Thailand (Debian iso-codes) and the many
 * ways the national portals write their names: official long forms ("DKI Jakarta", "Wilayah
 * Persekutuan Kuala Lumpur"), common short forms ("Jabar", "KL", "กทม."), colonial or English
 * spellings ("Malacca", "West Java"), Thai script and romanisations with or without spaces.
 */

export type CountryCode = 'ID' | 'MY' | 'TH';
export const COUNTRY_CODES: readonly CountryCode[] = ['ID', 'MY', 'TH'];

export interface RegionRecord {
  code: string;
  country: CountryCode;
  /** ISO's English category: Province, State, Federal territory, Geographical unit, … */
  type: string;
  parent: string | undefined;
  name: string;
  /** The name in the national language and script where it differs in form from `name`. */
  nameLocal: string | undefined;
  /** BPS province code / JPN state code / Thai changwat code. */
  nationalCode: string | undefined;
  imtGt: boolean;
}

/** Official native names where ISO's short name is not what the country writes. */
const LOCAL_NAMES: Record<string, string> = {
  'ID-JK': 'DKI Jakarta',
  'ID-YO': 'Daerah Istimewa Yogyakarta',
};

/** Further names per region, beyond `name` and `nameLocal`. */
const ALIASES: Record<string, string[]> = {
  // Indonesia: official long forms, ejaan variants and the abbreviations of everyday Indonesian.
  'ID-AC': ['Nanggroe Aceh Darussalam', 'NAD', 'DI Aceh'],
  'ID-BA': [],
  'ID-BB': ['Bangka Belitung', 'Babel', 'Bangka Belitung Islands'],
  'ID-BE': [],
  'ID-BT': [],
  'ID-GO': [],
  'ID-JA': [],
  'ID-JB': ['Jabar', 'Jawa Bar'],
  'ID-JI': ['Jatim'],
  'ID-JK': ['Jakarta', 'DKI', 'Daerah Khusus Ibukota Jakarta', 'Daerah Khusus Jakarta', 'Jakarta Capital Region', 'Special Capital Region of Jakarta'],
  'ID-JT': ['Jateng'],
  'ID-KB': ['Kalbar'],
  'ID-KI': ['Kaltim'],
  'ID-KR': ['Kepri', 'Riau Islands'],
  'ID-KS': ['Kalsel'],
  'ID-KT': ['Kalteng'],
  'ID-KU': ['Kaltara'],
  'ID-NB': ['NTB'],
  'ID-NT': ['NTT'],
  'ID-PB': ['Irian Jaya Barat'],
  // "Pengunungan" is a common misspelling of the province's name; portals carry it.
  'ID-PE': ['Papua Pengunungan', 'Highland Papua'],
  'ID-PS': ['South Papua'],
  'ID-PT': ['Central Papua'],
  'ID-PD': ['Southwest Papua'],
  'ID-SA': ['Sulut'],
  'ID-SB': ['Sumbar'],
  'ID-SG': ['Sultra'],
  'ID-SN': ['Sulsel'],
  'ID-SR': ['Sulbar'],
  'ID-SS': ['Sumsel'],
  'ID-ST': ['Sulteng'],
  'ID-SU': ['Sumut'],
  'ID-YO': ['DI Yogyakarta', 'DIY', 'Jogja', 'Jogjakarta', 'Yogya', 'Special Region of Yogyakarta'],
  // Malaysia: royal titles of the states, English names, the federal territories' short forms.
  'MY-01': ['Johore', "Johor Darul Ta'zim", 'Johor Darul Takzim'],
  'MY-02': ['Kedah Darul Aman'],
  'MY-03': ['Kelantan Darul Naim'],
  'MY-04': ['Malacca', 'Melaka Bandaraya Bersejarah'],
  'MY-05': ['Negri Sembilan', 'N. Sembilan', 'N Sembilan', 'Negeri Sembilan Darul Khusus'],
  'MY-06': ['Pahang Darul Makmur'],
  'MY-07': ['Penang', 'Pinang', 'P. Pinang'],
  'MY-08': ['Perak Darul Ridzuan'],
  'MY-09': ['Perlis Indera Kayangan'],
  'MY-10': ['Selangor Darul Ehsan'],
  'MY-11': ['Trengganu', 'Terengganu Darul Iman'],
  'MY-12': ['Sabah Negeri Di Bawah Bayu'],
  'MY-13': ['Sarawak Bumi Kenyalang'],
  'MY-14': ['Kuala Lumpur', 'WP Kuala Lumpur', 'W.P. Kuala Lumpur', 'KL', 'Federal Territory of Kuala Lumpur', 'WPKL'],
  'MY-15': ['Labuan', 'WP Labuan', 'W.P. Labuan', 'Federal Territory of Labuan'],
  'MY-16': ['Putrajaya', 'WP Putrajaya', 'W.P. Putrajaya', 'Federal Territory of Putrajaya'],
  // Thailand: the capital's many names and the romanisations job boards use.
  'TH-10': ['Bangkok', 'กรุงเทพฯ', 'กรุงเทพ', 'กทม.', 'Krung Thep', 'Bangkok Metropolis'],
  'TH-14': ['Ayutthaya', 'อยุธยา'],
  'TH-30': ['Korat', 'โคราช'],
  'TH-31': ['Buriram'],
  'TH-33': ['Sisaket', 'Srisaket'],
  'TH-27': ['Sakaeo'],
  'TH-82': ['Phang Nga', 'Phang-nga'],
  'TH-93': ['Phattalung'],
  'TH-S': ['Pattaya', 'เมืองพัทยา'],
};

/** Words that only say "this is a province/state" and carry no name. */
const ADMIN_PREFIXES = ['provinsi', 'propinsi', 'prov', 'province', 'state', 'negeri', 'จังหวัด', 'จ', 'changwat'];

/** English compass words and island names → Indonesian, so "West Java" finds "Jawa Barat". */
const ID_ENGLISH: Record<string, string> = {
  west: 'barat', east: 'timur', north: 'utara', south: 'selatan', central: 'tengah', southeast: 'tenggara',
  java: 'jawa', sumatra: 'sumatera', sulawesi: 'sulawesi', celebes: 'sulawesi', kalimantan: 'kalimantan', borneo: 'kalimantan',
  islands: 'kepulauan', maluku: 'maluku', moluccas: 'maluku', nusa: 'nusa', tenggara: 'tenggara',
};
const COMPASS = new Set(['barat', 'timur', 'utara', 'selatan', 'tengah', 'tenggara']);

interface RegionIndex {
  regions: Map<string, RegionRecord>;
  byCountry: Map<CountryCode, RegionRecord[]>;
  byName: Map<CountryCode, Map<string, string>>;
}

let index: RegionIndex | undefined;

export function regionIndex(): RegionIndex {
  index ??= buildRegionIndex();
  return index;
}

function buildRegionIndex(): RegionIndex {
  const regions = new Map<string, RegionRecord>();
  for (const row of readDataCsv('iso3166-2_ID_MY_TH.csv')) {
    const country = row.country as CountryCode;
    if (!row.code || !COUNTRY_CODES.includes(country)) continue;
    regions.set(row.code, {
      code: row.code,
      country,
      type: row.type ?? '',
      parent: row.parent || undefined,
      name: row.name ?? row.code,
      nameLocal: LOCAL_NAMES[row.code] ?? (row.name_th || undefined),
      nationalCode: row.national_code || undefined,
      imtGt: row.imt_gt === 'true',
    });
  }
  const byCountry = new Map(COUNTRY_CODES.map((c) => [c, [...regions.values()].filter((r) => r.country === c)]));
  const byName = new Map(COUNTRY_CODES.map((c) => [c, nameIndex(byCountry.get(c) ?? [])]));
  return { regions, byCountry, byName };
}

function nameIndex(regions: RegionRecord[]): Map<string, string> {
  const byName = new Map<string, string>();
  // Provinces before geographical units: "Papua" and "Maluku" name both a province and its island group.
  const ordered = [...regions].sort((a, b) => Number(a.type === 'Geographical unit') - Number(b.type === 'Geographical unit'));
  for (const region of ordered) {
    const names = [region.name, region.nameLocal, ...(ALIASES[region.code] ?? [])].filter((n): n is string => !!n);
    for (const name of names) {
      for (const key of nameKeys(region.country, name)) if (!byName.has(key)) byName.set(key, region.code);
    }
    if (region.nationalCode) byName.set(region.nationalCode, region.code);
    byName.set(compactKey(region.code), region.code);
  }
  return byName;
}

/** The keys a name can be found under: as written, and without administrative prefixes. */
function nameKeys(country: CountryCode, name: string): string[] {
  const tokens = words(name);
  const keys = [tokens.join('')];
  const stripped = stripAdminPrefix(tokens);
  if (stripped.length > 0 && stripped.length < tokens.length) keys.push(stripped.join(''));
  if (country === 'ID') keys.push(indonesianFromEnglish(stripped.length > 0 ? stripped : tokens).join(''));
  // Thai writes "จังหวัดชลบุรี" as one word, so the prefix cannot be split off as a token.
  if (country === 'TH' && keys[0]?.startsWith('จังหวัด')) keys.push(keys[0].slice('จังหวัด'.length));
  return [...new Set(keys)].filter(Boolean);
}

function stripAdminPrefix(tokens: string[]): string[] {
  let rest = tokens;
  while (rest.length > 1 && ADMIN_PREFIXES.includes(rest[0] ?? '')) rest = rest.slice(1);
  if (rest.length > 2 && rest[rest.length - 1] === 'province') rest = rest.slice(0, -1);
  return rest;
}

/** "West Java" → "jawa barat", "Riau Islands" → "kepulauan riau". */
function indonesianFromEnglish(tokens: string[]): string[] {
  let out = tokens.map((t) => ID_ENGLISH[t] ?? t);
  if (out.length > 1 && COMPASS.has(out[0] ?? '')) out = [...out.slice(1), out[0] ?? ''];
  if (out.length > 1 && out[out.length - 1] === 'kepulauan') out = ['kepulauan', ...out.slice(0, -1)];
  return out;
}

/** ISO 3166-2 code for a region name as a national system writes it; undefined when unknown. */
export function regionCodeByName(country: CountryCode, name: string): string | undefined {
  const byName = regionIndex().byName.get(country);
  if (!byName || !name.trim()) return undefined;
  for (const key of nameKeys(country, name)) {
    const code = byName.get(key);
    if (code) return code;
  }
  return undefined;
}

export function isCountryCode(value: string): value is CountryCode {
  return (COUNTRY_CODES as readonly string[]).includes(value);
}

let offsets: Map<string, number> | undefined;

/**
 * The legal time of a region as a UTC offset in hours (data/time_zones.csv): Indonesia has three
 * zones (WIB +7, WITA +8, WIT +9) by province; Malaysia (+8) and Thailand (+7) one each.
 */
export function utcOffsetOf(country: CountryCode, regionCode?: string | null): number {
  offsets ??= new Map(readDataCsv('time_zones.csv').map((r) => [r.region ?? '', Number(r.utc_offset_hours)]));
  const offset = (regionCode ? offsets.get(regionCode) : undefined) ?? offsets.get(country);
  if (offset !== undefined) return offset;
  // A country with several zones and no known region: its capital's zone (Jakarta, WIB).
  return offsets.get(`${country}-JK`) ?? 7;
}
