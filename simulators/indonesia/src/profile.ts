import { readRows, subdivisions, type CountryProfile, type NationalOccupation, type Rng, type Subdivision, type TrainingProfile } from '../../core/index.js';

/**
 * Indonesia as Karirhub sees it: KBJI 2014 codes, IDR monthly wages (often "nego"), Java and the
 * Sumatran IMT-GT provinces busiest, employers PT/CV, partner portals syndicating postings.
 */

export const occupations: NationalOccupation[] = readRows('national/kbji2014.csv').map((r) => ({
  code: r.code ?? '',
  title: r.title_id ?? '',
  iscoCode: r.isco08 ?? '',
}));

/** Provinces as the portal spells them (not the ISO names). */
const PORTAL_NAMES: Record<string, string> = {
  'ID-JK': 'DKI Jakarta',
  'ID-YO': 'DI Yogyakarta',
  'ID-BB': 'Bangka Belitung',
  'ID-SU': 'Sumatera Utara',
};

export const provinces: Subdivision[] = subdivisions('ID').map((s) => ({ ...s, name: PORTAL_NAMES[s.code] ?? s.name }));

const CITIES: Record<string, string[]> = {
  'ID-JK': ['Jakarta Selatan', 'Jakarta Pusat', 'Jakarta Barat', 'Jakarta Utara', 'Jakarta Timur'],
  'ID-JB': ['Kota Bandung', 'Kab. Bekasi', 'Kota Bogor', 'Kab. Karawang', 'Kota Depok'],
  'ID-JI': ['Kota Surabaya', 'Kab. Sidoarjo', 'Kota Malang', 'Kab. Gresik'],
  'ID-JT': ['Kota Semarang', 'Kota Surakarta', 'Kab. Kudus'],
  'ID-BT': ['Kota Tangerang', 'Kota Cilegon', 'Kab. Serang'],
  'ID-SU': ['Kota Medan', 'Kab. Deli Serdang', 'Kota Pematangsiantar'],
  'ID-RI': ['Kota Pekanbaru', 'Kota Dumai'],
  'ID-KR': ['Kota Batam', 'Kota Tanjung Pinang'],
  'ID-SB': ['Kota Padang', 'Kota Bukittinggi'],
  'ID-SS': ['Kota Palembang'],
  'ID-AC': ['Kota Banda Aceh', 'Kota Lhokseumawe'],
};

export function cityOf(rng: Rng, province: Subdivision): string {
  return rng.pick(CITIES[province.code] ?? [`Kota ${province.name}`]);
}

const NAME_PARTS = ['Maju', 'Jaya', 'Sentosa', 'Abadi', 'Makmur', 'Sejahtera', 'Mandiri', 'Nusantara', 'Sinar', 'Karya', 'Bintang', 'Cahaya', 'Mitra', 'Prima', 'Bumi', 'Indo', 'Global', 'Teknik', 'Sukses', 'Berkah'];

export const profile: CountryProfile = {
  occupations,
  outdatedCodes: (o) => `${o.iscoCode}.99`,
  regions: provinces,
  regionBoosts: { 'ID-JK': 7, 'ID-JB': 6, 'ID-JI': 5, 'ID-JT': 3, 'ID-BT': 3, 'ID-KR': 2 },
  entryMonthly: 2_500_000,
  roundTo: 100_000,
  hiddenWageShare: 0.35,
  employer: (rng) => `${rng.chance(0.8) ? 'PT' : 'CV'} ${rng.pick(NAME_PARTS)} ${rng.pick(NAME_PARTS)}${rng.chance(0.3) ? ' Indonesia' : ''}`,
  education: { 1: ['SD', 'SMP'], 2: ['SMA', 'SMK', 'SMK', 'SMA/SMK'], 3: ['D3', 'D1', 'SMK', 'D4'], 4: ['S1', 'S1', 'S2'] },
  employmentTypes: [['Penuh Waktu', 60], ['Kontrak', 20], ['Paruh Waktu', 7], ['Magang', 5], ['Harian Lepas', 8]],
  partners: ['HiredToday', 'Toploker', 'Redy', 'Glints'],
  freeTextSkills: ['Jujur dan disiplin', 'Bisa bekerja dalam tim', 'Mampu mengoperasikan komputer', 'Memiliki SIM A'],
};

const BLK = ['BBPVP Bekasi', 'BBPVP Medan', 'BBPVP Serang', 'BBPVP Semarang', 'BLK Banda Aceh', 'BLK Padang', 'BPVP Pangkep', 'UPTD BLK'];

export const trainingProfile: TrainingProfile = {
  occupations,
  regions: provinces,
  provider: (rng, region) => {
    const name = rng.pick(BLK);
    return { name: name === 'UPTD BLK' ? `UPTD BLK ${region.name}` : name, kind: 'BLK' };
  },
  courseTitle: (o) => `Pelatihan ${o.title}`,
  modes: ['luring', 'daring', 'blended'],
  certifications: ['Sertifikat Kompetensi BNSP', 'Sertifikat Pelatihan', 'Sertifikat Kompetensi BNSP (Okupasi)'],
  fee: (rng) => rng.pick([500_000, 750_000, 1_500_000]),
};
