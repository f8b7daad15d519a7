import { readDataCsv } from './csv.js';
import { compactKey, words } from './text.js';
import type { CountryCode } from './regions.js';

/**
 * National education labels → ISCED 2011 level (0–8). The portals write levels their own way:
 * Indonesia SD/SMP/SMA/SMK/D1–D4/S1–S3, Malaysia SPM/STPM/SKM/Diploma/Ijazah, Thailand ม.3/ม.6/
 * ปวช./ปวส./ปริญญาตรี. Levels follow the worldbank/gld harmonisation (data/
 * national_education_to_isced2011.csv) for Indonesia and Thailand and the MQF–ISCED mapping for
 * Malaysia. Note "Sarjana" is a bachelor in Indonesia but a master in Malaysia.
 */

const LABELS: Record<CountryCode, Record<number, string[]>> = {
  ID: {
    0: ['Tidak sekolah', 'Tidak tamat SD', 'Belum tamat SD', 'PAUD', 'TK'],
    1: ['SD', 'SD/MI', 'MI', 'Sekolah Dasar', 'Paket A', 'SDLB'],
    2: ['SMP', 'SMP/MTs', 'MTs', 'SLTP', 'Sekolah Menengah Pertama', 'Paket B', 'SMPLB'],
    3: ['SMA', 'SMA/MA', 'MA', 'SMK', 'SMK/MAK', 'MAK', 'SMU', 'STM', 'SMEA', 'SLTA', 'SMA/SMK', 'Sekolah Menengah Atas', 'Sekolah Menengah Kejuruan', 'Paket C', 'SMALB'],
    4: ['D1', 'D2', 'D-I', 'D-II', 'DI', 'DII', 'Diploma I', 'Diploma II', 'Diploma 1', 'Diploma 2'],
    5: ['D3', 'D-III', 'DIII', 'Diploma III', 'Diploma 3', 'Ahli Madya'],
    6: ['D4', 'D-IV', 'DIV', 'Diploma IV', 'Diploma 4', 'S1', 'S-1', 'Sarjana', 'Sarjana Terapan', 'Strata 1', 'Strata Satu', 'Sarjana (S1)'],
    7: ['S2', 'S-2', 'Magister', 'Strata 2', 'Master', 'Pascasarjana'],
    8: ['S3', 'S-3', 'Doktor', 'Doktoral', 'Strata 3', 'PhD'],
  },
  MY: {
    1: ['UPSR', 'Sekolah Rendah', 'Primary School'],
    2: ['PT3', 'PMR', 'SRP', 'Sekolah Menengah Rendah', 'Lower Secondary'],
    3: ['SPM', 'SPMV', 'SPVM', 'STPM', 'Matrikulasi', 'Asasi', 'Foundation', 'A-Level', 'SKM', 'SKM 1', 'SKM 2', 'SKM 3', 'SKM Tahap 1', 'SKM Tahap 2', 'SKM Tahap 3', 'SKM1', 'SKM2', 'SKM3', 'Sijil Kemahiran Malaysia', 'Sijil', 'Certificate', 'Sijil Pelajaran Malaysia', 'Sijil Tinggi Persekolahan Malaysia'],
    5: ['Diploma', 'DKM', 'SKM 4', 'SKM Tahap 4', 'SKM4', 'Diploma Kemahiran Malaysia', 'DLKM', 'SKM 5', 'SKM5', 'Diploma Lanjutan Kemahiran Malaysia', 'Advanced Diploma', 'Diploma Lanjutan'],
    6: ['Ijazah Sarjana Muda', 'Sarjana Muda', 'Ijazah', 'Degree', 'Bachelor', "Bachelor's Degree", 'Bachelor Degree', 'Ijazah Sarjana Muda/Degree'],
    7: ['Sarjana', 'Ijazah Sarjana', 'Master', "Master's Degree", 'Masters'],
    8: ['PhD', 'Doktor Falsafah', 'Ijazah Kedoktoran', 'Doctorate'],
  },
  TH: {
    0: ['ไม่ได้รับการศึกษา', 'ต่ำกว่าประถมศึกษา'],
    1: ['ประถมศึกษา', 'ประถม', 'ป.6', 'ป6', 'ประถมศึกษาปีที่ 6'],
    2: ['มัธยมศึกษาตอนต้น', 'ม.ต้น', 'ม.3', 'ม3', 'มัธยมศึกษาปีที่ 3'],
    3: ['มัธยมศึกษาตอนปลาย', 'ม.ปลาย', 'ม.6', 'ม6', 'มัธยมศึกษาปีที่ 6', 'ปวช.', 'ปวช', 'ประกาศนียบัตรวิชาชีพ', 'กศน.'],
    5: ['ปวส.', 'ปวส', 'ประกาศนียบัตรวิชาชีพชั้นสูง', 'อนุปริญญา', 'ปวท.'],
    6: ['ปริญญาตรี', 'ป.ตรี', "Bachelor's degree", 'Bachelor'],
    7: ['ปริญญาโท', 'ป.โท', "Master's degree", 'Master'],
    8: ['ปริญญาเอก', 'ป.เอก', 'Doctorate', 'PhD'],
  },
};

/** Words around a level that do not change it ("Minimal SMA", "ปริญญาตรีขึ้นไป"). */
const NOISE = ['minimal', 'min', 'minimum', 'setara', 'sederajat', 'lulusan', 'pendidikan', 'terakhir', 'keatas', 'ke', 'atas', 'atau', 'and', 'or', 'above', 'lulus', 'tamat', 'sekurang', 'kurangnya', 'ขึ้นไป', 'วุฒิ', 'จบ'];

type LevelIndex = Map<CountryCode, Map<string, number>>;
let index: LevelIndex | undefined;

function levelIndex(): LevelIndex {
  index ??= buildLevelIndex();
  return index;
}

function buildLevelIndex(): LevelIndex {
  const out: LevelIndex = new Map();
  for (const country of ['ID', 'MY', 'TH'] as const) {
    const byKey = new Map<string, number>();
    for (const [level, labels] of Object.entries(LABELS[country])) {
      for (const label of labels) byKey.set(compactKey(label), Number(level));
    }
    out.set(country, byKey);
  }
  // The survey codes themselves (SAKERNAS r6a, Thai LFS RE_ED) as the GLD harmonisation maps them.
  for (const row of readDataCsv('national_education_to_isced2011.csv')) {
    const byKey = out.get(row.country as CountryCode);
    const isced = row.isced2011_code ?? '';
    if (!byKey || !/^\d{3}$/.test(isced)) continue;
    for (const code of expandRange(row.national_code ?? '')) byKey.set(`code${code}`, Number(isced[0]));
  }
  return out;
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
  const byKey = levelIndex().get(country);
  if (!byKey || !nativeLabel.trim()) return undefined;
  if (/^\s*\d+\s*$/.test(nativeLabel)) return byKey.get(`code${nativeLabel.trim()}`);
  const whole = byKey.get(compactKey(nativeLabel));
  if (whole !== undefined) return whole;
  const tokens = words(nativeLabel).filter((w) => !NOISE.includes(w));
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
