import { z } from 'zod';
import { countryRows, derived, optionalCell, type CountryReference } from './country.js';
import { compactKey, words } from './text.js';
import type { CountryCode } from './regions.js';

/**
 * National education labels → ISCED 2011 level (0–8), from each country's reference/
 * education.csv. The portals write levels their own way: Indonesia SD/SMP/SMA/SMK/D1–D4/S1–S3,
 * Malaysia SPM/STPM/SKM/Diploma/Ijazah, Thailand ม.3/ม.6/ปวช./ปวส./ปริญญาตรี; a row without a
 * national code is such a label. A row with one is the labour force survey's own code (SAKERNAS
 * r6a, Thai LFS RE_ED) as the worldbank/gld harmonisation maps it. Labels are per country: note
 * "Sarjana" is a bachelor in Indonesia but a master in Malaysia.
 */

const EducationRow = z.object({
  national_code: optionalCell.pipe(z.string().regex(/^\d+(-\d+)?$/, 'a survey code or range, e.g. 5-7').optional()),
  national_label: z.string().min(1),
  isced2011_code: z.string().regex(/^\d$|^\d{3}$/, 'an ISCED 2011 level (0–8) or a three-digit ISCED 2011 code'),
  source: z.string().default(''),
});

/** Words around a level that do not change it in any language ("or above"), besides each country's own. */
const NOISE = ['min', 'minimum', 'and', 'or', 'above'];

interface CountryLevels {
  byKey: Map<string, number>;
  noise: string[];
}

const levelIndex = derived((references) => new Map<CountryCode, CountryLevels>(references.map((ref) => [ref.country.code, countryLevels(ref)])));

function countryLevels(ref: CountryReference): CountryLevels {
  const byKey = new Map<string, number>();
  for (const row of countryRows(ref, 'education.csv', EducationRow)) {
    const level = Number(row.isced2011_code[0]);
    if (row.national_code) for (const code of expandRange(row.national_code)) byKey.set(`code${code}`, level);
    else byKey.set(compactKey(row.national_label), level);
  }
  return { byKey, noise: [...NOISE, ...ref.country.educationNoise] };
}

function expandRange(code: string): string[] {
  const range = /^(\d+)-(\d+)$/.exec(code);
  if (!range) return [code];
  const [from, to] = [Number(range[1]), Number(range[2])];
  return Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
}

/**
 * ISCED 2011 level for a native label; undefined when not recognised. A label naming several
 * levels ("SMA/SMK/D3") is a minimum requirement, so the lowest level wins. A bare number is read
 * as the national labour force survey's education code.
 */
export function iscedLevel(country: CountryCode, nativeLabel: string): number | undefined {
  const levels = levelIndex().get(country);
  if (!levels || !nativeLabel.trim()) return undefined;
  const { byKey, noise } = levels;
  if (/^\s*\d+\s*$/.test(nativeLabel)) return byKey.get(`code${nativeLabel.trim()}`);
  const whole = byKey.get(compactKey(nativeLabel));
  if (whole !== undefined) return whole;
  const tokens = words(nativeLabel).filter((w) => !noise.includes(w));
  const found = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    // Longest run of words starting here that names a level ("ijazah sarjana muda" before "ijazah").
    for (let j = tokens.length; j > i; j--) {
      const level = byKey.get(tokens.slice(i, j).join(''));
      if (level !== undefined) {
        found.add(level);
        i = j - 1;
        break;
      }
    }
  }
  if (found.size === 0) thaiLevelsWithin(byKey, compactKey(nativeLabel)).forEach((l) => found.add(l));
  return found.size > 0 ? Math.min(...found) : undefined;
}

const THAI = /[\u0e00-\u0e7f]/;

/** Thai runs words together ("ปริญญาตรีขึ้นไป"), so Thai labels are also found inside a word. */
function thaiLevelsWithin(byKey: Map<string, number>, key: string): number[] {
  if (!THAI.test(key)) return [];
  const labels = [...byKey.keys()].filter((k) => THAI.test(k)).sort((a, b) => b.length - a.length);
  const levels: number[] = [];
  let rest = key;
  for (const label of labels) {
    if (!rest.includes(label)) continue;
    levels.push(byKey.get(label)!);
    rest = rest.replaceAll(label, ' ');
  }
  return levels;
}
