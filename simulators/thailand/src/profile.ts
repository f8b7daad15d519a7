import { DATA_ANCHOR_MS, legalFloor, nationalCodesOf, subdivisions, type CountryProfile, type NationalOccupation, type Rng, type Subdivision, type TrainingProfile, type WageStructure } from '../../core/index.js';

/**
 * Thailand as Thai Mee Ngan Tham (Department of Employment) sees it: DOE occupation codes on
 * ISCO-88, Thai titles and employers, many wages per day, Bangkok, the EEC and the fourteen
 * southern IMT-GT provinces busiest, and the platform's own province numbering.
 */

export const occupations: NationalOccupation[] = nationalCodesOf('TH').map(({ code, title, iscoCode }) => ({ code, title, iscoCode }));

/** Provinces with Thai names (Pattaya, a special city, is not a platform province). */
export const provinces: Subdivision[] = subdivisions('TH').filter((s) => s.code !== 'TH-S');

/**
 * The platform's own ids: 1 = Bangkok, then the other provinces in Thai alphabetical order —
 * nothing to do with the ISO/changwat codes, which is why the adapter must learn them from
 * GET /api/province.
 */
export const platformProvinces: Array<{ id: number; province: Subdivision }> = [
  ...provinces.filter((p) => p.code === 'TH-10'),
  ...provinces.filter((p) => p.code !== 'TH-10').sort((a, b) => a.nameLocal.localeCompare(b.nameLocal, 'th')),
].map((province, index) => ({ id: index + 1, province }));

export const platformIdOf = new Map(platformProvinces.map((p) => [p.province.code, p.id]));

/**
 * THB pay. The daily minimum wage (Wage Committee, in force 1 January 2025; subgraphs/thailand/reference/minimum_wages.csv)
 * runs from 337 baht in Narathiwat, Pattani and Yala to 400 in Chon Buri, Rayong, Chachoengsao,
 * Phuket and Ko Samui (372 in Bangkok and its five neighbours); no offer undercuts it. Monthly pay
 * starts near 12,000 for elementary work, and managers and ICT professionals in Bangkok reach
 * 80,000 and more. Each province's pay level follows its minimum.
 */
const DAILY_ENTRY = 350;
const wages: WageStructure = {
  levels: { '1': 5.6, '2': 2.9, '3': 1.9, '4': 1.35, '5': 1.1, '6': 0.95, '7': 1.35, '8': 1.25, '9': 1 },
  premiums: { '25': 1.6, '1330': 1.5, '2211': 1.9, '241': 1.25, '214': 1.15, '1120': 1.3 },
  regional: Object.fromEntries(provinces.map((p) => [p.code, legalFloor('TH', p.code, null, DATA_ANCHOR_MS).daily / DAILY_ENTRY])),
};

/** Districts the portal writes for the busiest provinces (Bangkok has เขต, not อำเภอ). */
const DISTRICTS: Record<string, string[]> = {
  'TH-10': ['เขตบางรัก', 'เขตปทุมวัน', 'เขตจตุจักร', 'เขตห้วยขวาง', 'เขตบางนา', 'เขตลาดกระบัง', 'เขตบางเขน', 'เขตคลองเตย'],
  'TH-90': ['อำเภอเมืองสงขลา', 'อำเภอหาดใหญ่', 'อำเภอสะเดา'],
  'TH-83': ['อำเภอเมืองภูเก็ต', 'อำเภอกะทู้', 'อำเภอถลาง'],
  'TH-20': ['อำเภอเมืองชลบุรี', 'อำเภอศรีราชา', 'อำเภอบางละมุง', 'อำเภอพานทอง'],
  'TH-21': ['อำเภอเมืองระยอง', 'อำเภอปลวกแดง', 'อำเภอบ้านฉาง'],
  'TH-84': ['อำเภอเมืองสุราษฎร์ธานี', 'อำเภอเกาะสมุย'],
  'TH-80': ['อำเภอเมืองนครศรีธรรมราช', 'อำเภอทุ่งสง'],
};

export function districtOf(rng: Rng, province: Subdivision): string {
  return rng.pick(DISTRICTS[province.code] ?? [`อำเภอเมือง${province.nameLocal}`]);
}

const NAME_PARTS = ['สยาม', 'ไทยรุ่งเรือง', 'อันดามัน', 'ทักษิณ', 'เจริญผล', 'ศรีสวัสดิ์', 'มั่นคง', 'พัฒนา', 'รุ่งโรจน์', 'สุขสันต์', 'เอเชีย', 'ยูไนเต็ด', 'ไทยเจริญ', 'สหกิจ', 'ธนาคม', 'แปซิฟิก'];
const LINES = ['อุตสาหกรรม', 'ฟู้ดส์', 'เทรดดิ้ง', 'คอนสตรัคชั่น', 'โลจิสติกส์', 'เทคโนโลยี', 'รีเทล', 'บริการ'];

/** Thai legal forms: บริษัท … จำกัด (limited), … (มหาชน) (public), ห้างหุ้นส่วนจำกัด (limited partnership), ร้าน (shop). */
function employer(rng: Rng): string {
  const name = `${rng.pick(NAME_PARTS)}${rng.pick(NAME_PARTS)}`;
  return rng.weighted(
    [`บริษัท ${name} จำกัด`, `บริษัท ${name} ${rng.pick(LINES)} จำกัด`, `บริษัท ${name} จำกัด (มหาชน)`, `ห้างหุ้นส่วนจำกัด ${name}`, `ร้าน${name}`],
    [50, 20, 5, 17, 8],
  );
}

export const profile: CountryProfile = {
  country: 'TH',
  // The district decides the floor where it has its own rate (Hat Yai, Ko Samui, Mueang Chiang Mai).
  locality: districtOf,
  occupations,
  // Codes of the 4-digit ISCO-88 unit with an "other" suffix the current DOE list no longer carries.
  outdatedCodes: (o) => `${o.code.slice(0, 4)}99`,
  regions: provinces,
  regionBoosts: { 'TH-10': 8, 'TH-20': 4, 'TH-21': 3, 'TH-24': 2, 'TH-11': 3, 'TH-12': 2, 'TH-13': 2, 'TH-90': 2, 'TH-83': 2 },
  entryMonthly: 12_000,
  roundTo: 500,
  wages,
  daily: { share: 0.5, entry: DAILY_ENTRY },
  hiddenWageShare: 0.25,
  employer,
  education: {
    1: ['ไม่จำกัดวุฒิ', 'ประถมศึกษา', 'ม.3'],
    2: ['ม.3', 'ม.6', 'ปวช.', 'ปวส.'],
    3: ['ปวช.', 'ปวส.', 'ปริญญาตรี'],
    4: ['ปริญญาตรี', 'ปริญญาตรี', 'ปริญญาตรีขึ้นไป', 'ปริญญาโท'],
  },
  employmentTypes: [['งานประจำ', 62], ['งานชั่วคราว', 14], ['งานพาร์ทไทม์', 8], ['สัญญาจ้าง', 10], ['ฝึกงาน', 6]],
  partners: ['hundredbillion'],
  freeTextSkills: ['ขยัน อดทน', 'ทำงานเป็นทีมได้', 'มีใบขับขี่', 'ใช้คอมพิวเตอร์ได้'],
};

/**
 * DSD's regional Skill Development Institutes (สถาบันพัฒนาฝีมือแรงงาน N) sit in hub provinces; the
 * other provinces have a provincial Skill Development Office. Numbers are illustrative (the
 * Nakhon Si Thammarat one is DOMAIN.md's example), one per hub.
 */
const INSTITUTES: Record<string, number> = {
  'TH-11': 1, 'TH-72': 2, 'TH-20': 3, 'TH-70': 4, 'TH-30': 5, 'TH-40': 6, 'TH-34': 7, 'TH-60': 8, 'TH-50': 9, 'TH-52': 10,
  'TH-84': 11, 'TH-90': 12, 'TH-83': 13, 'TH-65': 14, 'TH-41': 15, 'TH-47': 16, 'TH-86': 17, 'TH-92': 18, 'TH-94': 19, 'TH-22': 20,
  'TH-24': 21, 'TH-80': 22, 'TH-10': 23, 'TH-57': 24,
};
const COURSE_KINDS = ['หลักสูตรฝึกยกระดับฝีมือ', 'หลักสูตรฝึกเตรียมเข้าทำงาน', 'หลักสูตรฝึกอาชีพเสริม'];

export const trainingProfile: TrainingProfile = {
  occupations,
  regions: provinces,
  provider: (_rng, region: Subdivision) => {
    const number = INSTITUTES[region.code];
    return number === undefined
      ? { name: `สำนักงานพัฒนาฝีมือแรงงาน${region.nameLocal}`, kind: 'สำนักงานพัฒนาฝีมือแรงงาน' }
      : { name: `สถาบันพัฒนาฝีมือแรงงาน ${number} ${region.nameLocal}`, kind: 'สถาบันพัฒนาฝีมือแรงงาน' };
  },
  courseTitle: (o) => `${COURSE_KINDS[Number(o.code) % COURSE_KINDS.length]} ${o.title}`,
  modes: ['ฝึกในศูนย์', 'ออนไลน์', 'ผสมผสาน'],
  certifications: ['วุฒิบัตร', 'มาตรฐานฝีมือแรงงานแห่งชาติ ระดับ 1', 'มาตรฐานฝีมือแรงงานแห่งชาติ ระดับ 2'],
  fee: (rng: Rng) => rng.pick([300, 500, 1_000]),
};
