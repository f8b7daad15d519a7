import { readRows, subdivisions, type CountryProfile, type NationalOccupation, type Rng, type Subdivision, type TrainingProfile } from '../../core/index.js';

/**
 * Thailand as Thai Mee Ngan Tham (Department of Employment) sees it: DOE occupation codes on
 * ISCO-88, Thai titles and employers, many wages per day, the southern IMT-GT provinces and
 * Bangkok/EEC busiest, and the platform's own province numbering.
 */

export const occupations: NationalOccupation[] = readRows('national/th_doe.csv').map((r) => ({
  code: r.code ?? '',
  title: r.title_th ?? '',
  iscoCode: r.isco08 ?? '',
}));

/** Provinces with Thai names (Pattaya, a special city, is not a platform province). */
export const provinces: Subdivision[] = subdivisions('TH').filter((s) => s.code !== 'TH-S');

/**
 * The platform's own ids: 1 = Bangkok, then the other provinces in Thai alphabetical order —
 * nothing to do with the ISO/changwat codes, which is why the adapter must learn them from
 * GET /api/province.
 */
export const platformProvinces: Array<{ id: number; province: Subdivision }> = [
  ...provinces.filter((p) => p.code === 'TH-10'),
  ...provinces.filter((p) => p.code !== 'TH-10').sort((a, b) => a.nameTh.localeCompare(b.nameTh, 'th')),
].map((province, index) => ({ id: index + 1, province }));

const COMPANY_WORDS = ['สยาม', 'ไทยรุ่งเรือง', 'อันดามัน', 'ทักษิณ', 'เจริญผล', 'ศรีสวัสดิ์', 'มั่นคง', 'พัฒนา', 'รุ่งโรจน์', 'สุขสันต์', 'เอเชีย', 'ยูไนเต็ด'];

export const profile: CountryProfile = {
  occupations,
  outdatedCodes: (o) => `${o.code.slice(0, 4)}99`,
  regions: provinces,
  regionBoosts: { 'TH-10': 8, 'TH-20': 4, 'TH-21': 3, 'TH-11': 3, 'TH-90': 2, 'TH-83': 2 },
  entryMonthly: 12_000,
  roundTo: 500,
  daily: { share: 0.45, entry: 370 },
  hiddenWageShare: 0.25,
  employer: (rng) => (rng.chance(0.75) ? `บริษัท ${rng.pick(COMPANY_WORDS)}${rng.pick(COMPANY_WORDS)} จำกัด` : `ห้างหุ้นส่วนจำกัด ${rng.pick(COMPANY_WORDS)}`),
  education: { 1: ['ประถมศึกษา', 'ม.3'], 2: ['ม.3', 'ม.6', 'ปวช.'], 3: ['ปวช.', 'ปวส.'], 4: ['ปริญญาตรี', 'ปริญญาตรี', 'ปริญญาโท'] },
  employmentTypes: [['งานประจำ', 62], ['งานชั่วคราว', 14], ['งานพาร์ทไทม์', 8], ['สัญญาจ้าง', 10], ['ฝึกงาน', 6]],
  partners: ['hundredbillion'],
  freeTextSkills: ['ขยัน อดทน', 'ทำงานเป็นทีมได้', 'มีใบขับขี่', 'ใช้คอมพิวเตอร์ได้'],
};

const INSTITUTES = ['สถาบันพัฒนาฝีมือแรงงาน', 'ศูนย์พัฒนาฝีมือแรงงานจังหวัด'];

export const trainingProfile: TrainingProfile = {
  occupations,
  regions: provinces,
  provider: (rng, region: Subdivision) => {
    const kind = rng.pick(INSTITUTES);
    return { name: kind === INSTITUTES[0] ? `${kind} ${rng.int(1, 24)} ${region.nameTh}` : `${kind}${region.nameTh}`, kind: 'DSD' };
  },
  courseTitle: (o) => `หลักสูตรฝึกยกระดับฝีมือ ${o.title}`,
  modes: ['ฝึกในศูนย์', 'ออนไลน์', 'ผสมผสาน'],
  certifications: ['วุฒิบัตร', 'มาตรฐานฝีมือแรงงานแห่งชาติ ระดับ 1', 'มาตรฐานฝีมือแรงงานแห่งชาติ ระดับ 2'],
  fee: (rng: Rng) => rng.pick([300, 500, 1_000]),
};
