import { nationalCodesOf, subdivisions, type CountryProfile, type NationalOccupation, type Rng, type Subdivision, type TrainingProfile } from '../../core/index.js';

/**
 * Malaysia as MYFutureJobs (PERKESO) sees it: MASCO 2020 six-digit codes, MYR monthly wages and
 * salary bands, Malay and English labels, the IMT-GT states and the Klang Valley busiest.
 */

export interface MascoOccupation extends NationalOccupation {
  titleEn: string;
}

export const occupations: MascoOccupation[] = nationalCodesOf('MY');

/** State names as the portal writes them, with the variants its employers type. */
const VARIANTS: Record<string, string[]> = {
  'MY-07': ['Pulau Pinang', 'Penang'],
  'MY-14': ['WP Kuala Lumpur', 'Kuala Lumpur', 'Wilayah Persekutuan Kuala Lumpur'],
  'MY-15': ['WP Labuan'],
  'MY-16': ['WP Putrajaya', 'Putrajaya'],
  'MY-04': ['Melaka', 'Malacca'],
};

export const states: Subdivision[] = subdivisions('MY');

export function stateName(rng: Rng, state: Subdivision): string {
  const names = VARIANTS[state.code];
  return names ? rng.pick(names) : state.name;
}

const CITIES: Record<string, string[]> = {
  'MY-10': ['Shah Alam', 'Petaling Jaya', 'Klang', 'Subang Jaya'],
  'MY-14': ['Kuala Lumpur'],
  'MY-07': ['George Town', 'Bayan Lepas', 'Butterworth'],
  'MY-01': ['Johor Bahru', 'Pasir Gudang'],
  'MY-08': ['Ipoh', 'Taiping'],
  'MY-02': ['Alor Setar', 'Sungai Petani', 'Kulim'],
};

export function cityOf(rng: Rng, state: Subdivision): string {
  return rng.pick(CITIES[state.code] ?? [state.name]);
}

const NAMES = ['Maju', 'Jaya', 'Gemilang', 'Cemerlang', 'Setia', 'Sinar', 'Harapan', 'Bersatu', 'Mutiara', 'Perdana', 'Teknologi', 'Global', 'Asia', 'Nusantara'];

export const profile: CountryProfile = {
  country: 'MY',
  occupations,
  outdatedCodes: (o) => (o.code.length > 4 ? o.code.slice(0, 4) : `${o.code}-99`),
  regions: states,
  regionBoosts: { 'MY-10': 6, 'MY-14': 6, 'MY-01': 3, 'MY-07': 2 },
  // The national minimum wage (RM 1,700 a month since February 2025) is the floor everywhere.
  entryMonthly: 1_700,
  roundTo: 50,
  wages: {
    // DOSM's Salaries & Wages Survey: managers earn some five times elementary pay, professionals some three.
    levels: { '1': 4.8, '2': 2.6 },
    // ICT, medical doctors, finance and ICT managers are paid well above their groups.
    premiums: { '25': 1.45, '1330': 1.45, '2211': 1.6, '241': 1.25, '214': 1.15 },
    // Klang Valley and Penang pay above the floor; no state may pay below it.
    regional: { 'MY-14': 1.15, 'MY-10': 1.1, 'MY-16': 1.1, 'MY-07': 1.05, 'MY-01': 1.05 },
  },
  hiddenWageShare: 0.2,
  employer: (rng) => `${rng.pick(NAMES)} ${rng.pick(NAMES)} ${rng.pick(['Sdn. Bhd.', 'Sdn. Bhd.', 'Berhad', 'Enterprise', 'Resources'])}`,
  education: {
    1: ['PT3', 'SPM'],
    2: ['SPM', 'SKM Tahap 2', 'SKM Tahap 3', 'STPM'],
    3: ['Diploma', 'DKM', 'SKM Tahap 3'],
    4: ['Ijazah Sarjana Muda', 'Ijazah Sarjana Muda', 'Sarjana'],
  },
  employmentTypes: [['1', 58], ['2', 18], ['3', 8], ['4', 4], ['5', 6], ['6', 3], ['7', 3]],
  partners: ['JobStreet', 'Hiredly', 'Maukerja'],
  freeTextSkills: ['Boleh bertutur dalam Bahasa Mandarin', 'Rajin dan jujur', 'Lesen memandu kelas D'],
};

/** MYFutureJobs contract types (codes 1–7), labels in Malay and English. */
export const CONTRACT_TYPES: Record<string, { labelMs: string; labelEn: string }> = {
  '1': { labelMs: 'Tetap', labelEn: 'Permanent' },
  '2': { labelMs: 'Kontrak', labelEn: 'Contract' },
  '3': { labelMs: 'Sambilan', labelEn: 'Part-time' },
  '4': { labelMs: 'Gig', labelEn: 'Gig' },
  '5': { labelMs: 'Latihan Industri', labelEn: 'Internship' },
  '6': { labelMs: 'Sementara', labelEn: 'Temporary' },
  '7': { labelMs: 'Harian', labelEn: 'Daily-rated' },
};

/** Public TVET networks: JTM's ILP and ADTEC, KBS's IKBN, MARA's IKM, KPT's community colleges. */
const PROVIDERS: Array<[string, string]> = [
  ['ILP', 'Institut Latihan Perindustrian'],
  ['ADTEC', 'Pusat Latihan Teknologi Tinggi'],
  ['IKBN', 'Institut Kemahiran Belia Negara'],
  ['IKM', 'Institut Kemahiran MARA'],
  ['KK', 'Kolej Komuniti'],
];

export const trainingProfile: TrainingProfile = {
  occupations,
  regions: states,
  provider: (rng, state) => {
    const [kind, name] = rng.pick(PROVIDERS);
    return { name: `${name} (${kind}) ${state.name}`, kind };
  },
  courseTitle: (o) => `Kursus ${o.title}`,
  modes: ['FIZIKAL', 'DALAM TALIAN', 'HIBRID'],
  certifications: ['SKM Tahap 1', 'SKM Tahap 2', 'SKM Tahap 3', 'DKM', 'DLKM'],
  fee: (rng) => rng.pick([150, 300, 650]),
};
