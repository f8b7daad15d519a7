import { nationalCodesOf, readRows, subdivisions, type CountryProfile, type NationalOccupation, type Rng, type Subdivision, type TrainingProfile, type WageStructure } from '../../core/index.js';

/**
 * Indonesia as Karirhub sees it: KBJI 2014 codes, IDR monthly wages (often "nego"), Java and the
 * Sumatran IMT-GT provinces busiest, employers PT/CV, partner portals syndicating postings.
 */

export const occupations: NationalOccupation[] = nationalCodesOf('ID').map(({ code, title, iscoCode }) => ({ code, title, iscoCode }));

/** Provinces as the portal spells them (not the ISO names). */
const PORTAL_NAMES: Record<string, string> = {
  'ID-JK': 'DKI Jakarta',
  'ID-YO': 'DI Yogyakarta',
  'ID-BB': 'Bangka Belitung',
  'ID-SU': 'Sumatera Utara',
};

/**
 * Postings still coded in KBJI 2002, the edition built on ISCO-88: five digits, no dot (an ISCO-88
 * unit plus a national digit). No KBJI 2014 crosswalk knows them.
 */
const isco88Of = new Map(readRows('national/isco88_to_isco08.csv').map((r) => [r.isco08 ?? '', r.isco88 ?? '']));
function kbji2002Code(o: NationalOccupation): string {
  return `${isco88Of.get(o.iscoCode) ?? o.iscoCode}${o.code.slice(-1)}`;
}

/**
 * IDR pay: the provincial and city minimum wages (UMP/UMK 2026, subgraphs/indonesia/reference/minimum_wages.csv) are the
 * floor no offer undercuts — Jakarta, Batam, Bekasi/Karawang about twice Central Java, Papua's
 * provinces above 4 million — and managers and ICT professionals earn many times the floor
 * (15–40 million a month in Jakarta). `regional` is the pay level above the floor.
 */
const wages: WageStructure = {
  levels: { '1': 6.5, '2': 2.6, '3': 1.8, '4': 1.3, '5': 1.05, '6': 0.9, '7': 1.3, '8': 1.2, '9': 1 },
  premiums: { '25': 1.7, '35': 1.3, '24': 1.2, '21': 1.15, '22': 1.1, '31': 1.1, '81': 1.1 },
  regional: {
    'ID-JK': 2.35, 'ID-KR': 1.9, 'ID-BT': 1.9, 'ID-JB': 1.8, 'ID-JI': 1.4, 'ID-JT': 1, 'ID-YO': 1, 'ID-AC': 1.6, 'ID-SU': 1.3,
    'ID-RI': 1.55, 'ID-SS': 1.6, 'ID-SB': 1.3, 'ID-JA': 1.4, 'ID-BE': 1.15, 'ID-LA': 1.2, 'ID-BB': 1.6, 'ID-KI': 1.6, 'ID-KU': 1.6,
    'ID-KS': 1.5, 'ID-KT': 1.5, 'ID-KB': 1.2, 'ID-SA': 1.6, 'ID-SN': 1.55, 'ID-BA': 1.3, 'ID-PA': 1.8, 'ID-PB': 1.5, 'ID-NB': 1.05, 'ID-NT': 1,
  },
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
  'ID-BA': ['Kota Denpasar', 'Kab. Badung'], 'ID-BB': ['Kota Pangkal Pinang'], 'ID-BE': ['Kota Bengkulu'], 'ID-GO': ['Kota Gorontalo'],
  'ID-JA': ['Kota Jambi'], 'ID-KB': ['Kota Pontianak'], 'ID-KI': ['Kota Samarinda', 'Kota Balikpapan'], 'ID-KS': ['Kota Banjarmasin'],
  'ID-KT': ['Kota Palangka Raya'], 'ID-KU': ['Kota Tarakan'], 'ID-LA': ['Kota Bandar Lampung'], 'ID-MA': ['Kota Ambon'], 'ID-MU': ['Kota Ternate'],
  'ID-NB': ['Kota Mataram'], 'ID-NT': ['Kota Kupang'], 'ID-PA': ['Kota Jayapura'], 'ID-PB': ['Kab. Manokwari'], 'ID-PD': ['Kota Sorong'],
  'ID-PE': ['Kab. Jayawijaya'], 'ID-PS': ['Kab. Merauke'], 'ID-PT': ['Kab. Nabire'], 'ID-SA': ['Kota Manado'], 'ID-SG': ['Kota Kendari'],
  'ID-SN': ['Kota Makassar'], 'ID-SR': ['Kab. Mamuju'], 'ID-ST': ['Kota Palu'], 'ID-YO': ['Kota Yogyakarta', 'Kab. Sleman'],
};

export function cityOf(rng: Rng, province: Subdivision): string {
  return rng.pick(CITIES[province.code] ?? [`Kota ${province.name}`]);
}

const NAME_PARTS = ['Maju', 'Jaya', 'Sentosa', 'Abadi', 'Makmur', 'Sejahtera', 'Mandiri', 'Nusantara', 'Sinar', 'Karya', 'Bintang', 'Cahaya', 'Mitra', 'Prima', 'Bumi', 'Indo', 'Global', 'Teknik', 'Sukses', 'Berkah'];

export const profile: CountryProfile = {
  country: 'ID',
  // The city decides the floor where it has its own minimum (UMK: Bekasi, Karawang, Batam …).
  locality: cityOf,
  occupations,
  outdatedCodes: kbji2002Code,
  regions: provinces,
  // Java by its weight in formal employment; the Sumatran IMT-GT provinces (× 3 in the picker) by their size.
  regionBoosts: {
    'ID-JK': 8, 'ID-JB': 7, 'ID-JI': 6, 'ID-JT': 5, 'ID-BT': 3,
    'ID-SU': 2, 'ID-RI': 1.3, 'ID-SS': 1.3, 'ID-KR': 1.2, 'ID-LA': 1.2, 'ID-JA': 0.8, 'ID-BE': 0.5, 'ID-BB': 0.5,
  },
  entryMonthly: 2_300_000,
  roundTo: 100_000,
  wages,
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
