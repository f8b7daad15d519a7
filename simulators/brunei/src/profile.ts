import { nationalCodesOf, readRows, subdivisions, type CountryProfile, type NationalOccupation, type Rng, type Subdivision, type TrainingProfile } from '../../core/index.js';

/**
 * Brunei Darussalam as JobCentre Brunei sees it: BDSOC 2011 unit groups (ISCO-08 compatible,
 * English titles), BND monthly pay with part-time work by the hour, the four districts with
 * Brunei-Muara (the capital's district, some seven in ten residents) far the busiest, and the
 * private-sector employers JobCentre serves.
 */

export const occupations: NationalOccupation[] = nationalCodesOf('BN');

/** The four districts (ISO 3166-2:BN, subgraphs/brunei/reference/regions.csv). */
export const districts: Subdivision[] = subdivisions('BN');

/** The district as the portal's picklist writes it: the Malay name (Brunei dan Muara), else ISO's. */
export function districtName(district: Subdivision): string {
  return district.nameLocal || district.name;
}

/** Towns employers give as the work location (each district's main towns). */
const TOWNS: Record<string, string[]> = {
  'BN-BM': ['Bandar Seri Begawan', 'Bandar Seri Begawan', 'Gadong', 'Kiulap', 'Berakas', 'Muara', 'Lambak Kanan'],
  'BN-BE': ['Kuala Belait', 'Seria', 'Lumut', 'Sungai Liang'],
  'BN-TU': ['Pekan Tutong', 'Telisai', 'Lamunin'],
  'BN-TE': ['Bangar', 'Labu'],
};

export function townOf(rng: Rng, district: Subdivision): string {
  return rng.pick(TOWNS[district.code] ?? [district.name]);
}

/**
 * A legacy posting keeps the 5-digit BDSOC 2001 item code it was filed under: an ISCO-88 unit
 * (the edition BDSOC 2001 was built on, UNSD national classifications registry) and an item digit.
 */
const isco88Rows = readRows('national/isco88_to_isco08.csv');
const isco88Of = new Map<string, string>();
for (const row of isco88Rows) if (!isco88Of.has(row.isco08 ?? '')) isco88Of.set(row.isco08 ?? '', row.isco88 ?? '');
const isco88Units = new Set(isco88Rows.map((row) => row.isco88 ?? ''));

export function legacyCode(occupation: NationalOccupation): string {
  const isco88 = isco88Of.get(occupation.iscoCode);
  if (isco88) return `${isco88}1`;
  // No ISCO-88 unit leads here: an item under a number no ISCO-88 list has is a code nobody knows;
  // where the number is an ISCO-88 unit after all, the posting keeps its current code.
  return isco88Units.has(occupation.code) ? occupation.code : `${occupation.code}9`;
}

const NAMES = ['Bahagia', 'Mulia', 'Seri', 'Jaya', 'Gemilang', 'Darussalam', 'Borneo', 'Mega', 'Sinar', 'Damai', 'Indah', 'Perkasa', 'Nusa', 'Putera', 'Cahaya', 'Setia'];
const FORMS = ['Sdn Bhd', 'Sdn Bhd', 'Sdn Bhd', 'Enterprise', 'Company', 'Holdings Sdn Bhd', 'Trading & Services'];

/** Part-time work is offered by the hour (the Employment (Minimum Wage) Order 2023 sets an hourly rate for it). */
export const PART_TIME = 'PT';

export const profile: CountryProfile = {
  country: 'BN',
  occupations,
  outdatedCodes: legacyCode,
  regions: districts,
  regionBoosts: { 'BN-BM': 25, 'BN-BE': 6, 'BN-TU': 4, 'BN-TE': 1 },
  // No general minimum wage: BND 500 a month binds ICT and finance since July 2023; entry pay for
  // elementary private-sector work sits a little above it.
  entryMonthly: 550,
  roundTo: 50,
  wages: {
    // Illustrative: a steep ladder from elementary work to managers and professionals (no official
    // wage-by-occupation table was consulted); oil and gas, ICT and finance pay above their groups.
    levels: { '1': 8, '2': 5.2, '3': 3, '4': 1.8, '5': 1.35, '6': 1.15, '7': 1.6, '8': 1.5, '9': 1 },
    premiums: { '25': 1.3, '2141': 1.4, '2145': 1.5, '3134': 1.5, '8111': 1.4, '241': 1.2, '2211': 1.8 },
    regional: { 'BN-BE': 1.05 },
  },
  hiddenWageShare: 0.3,
  employer: (rng) => `${rng.pick(NAMES)} ${rng.pick(NAMES)} ${rng.pick(FORMS)}`,
  education: {
    1: ['Primary', 'Lower Secondary', "BC GCE 'O' Level"],
    2: ["BC GCE 'O' Level", 'IGCSE', 'NTec', 'HNTec', "BC GCE 'A' Level"],
    3: ['HNTec', 'Diploma', 'Higher National Diploma'],
    4: ["Bachelor's Degree", "Bachelor's Degree", "Master's Degree"],
  },
  // FT full-time, PT part-time, CT contract, TP temporary, AP i-Ready apprenticeship.
  employmentTypes: [['FT', 60], [PART_TIME, 8], ['CT', 18], ['TP', 6], ['AP', 8]],
  partners: ['JobsBrunei.com', 'JobRank'],
  freeTextSkills: ['Own transport', 'Fluent in Bahasa Melayu and English', 'Class 3 driving licence', 'Willing to work shifts'],
};

/**
 * Courses JobCentre lists for jobseekers: IBTE campuses, Politeknik Brunei and private providers
 * funded through SkillsPlus (Lifelong Learning Centre). Campus names by district are illustrative.
 */
const PROVIDERS: Record<string, Array<[name: string, kind: string]>> = {
  'BN-BM': [
    ['IBTE Sultan Saiful Rijal Campus', 'IBTE'],
    ['IBTE Nakhoda Ragam Campus', 'IBTE'],
    ['Politeknik Brunei', 'POLITEKNIK'],
    ['Lifelong Learning Centre (L3C)', 'L3C'],
  ],
  'BN-BE': [['IBTE Jefri Bolkiah Campus', 'IBTE']],
};

export const trainingProfile: TrainingProfile = {
  occupations,
  regions: districts,
  provider: (rng, district) => {
    const [name, kind] = rng.pick(PROVIDERS[district.code] ?? [[`SkillsPlus Training Centre ${district.name}`, 'SKILLSPLUS']]);
    return { name, kind };
  },
  courseTitle: (o) => `Certificate in ${o.title}`,
  modes: ['Face-to-face', 'Online', 'Blended'],
  certifications: ['NTec', 'HNTec', 'IBTE Skills Certificate', 'Certificate of Attendance'],
  fee: (rng) => rng.pick([120, 250, 480]),
};
