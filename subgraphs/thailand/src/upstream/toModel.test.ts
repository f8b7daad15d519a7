import { describe, expect, it } from 'vitest';
import type { DoeJob } from './native.js';
import { beToEpochMs, epochMsToBe, toTrainingOffer, toVacancy } from './toModel.js';

const job = (over: Partial<DoeJob> = {}): DoeJob => ({
  job_id: 512345,
  job_from: 'jobannounce',
  detail_path: null,
  position: 'ช่างเชื่อมไฟฟ้า',
  employer_name: 'บริษัท สยามพัฒนา จำกัด',
  district_name: 'อำเภอเมืองสงขลา',
  province_id: 60,
  province_name: 'สงขลา',
  occupation_code: '721220',
  tsic_code: '43210',
  wage_min: 400,
  wage_max: 450,
  wage_type: 'รายวัน',
  salary_detail: '400 - 450 บาท',
  description: '<p>รับสมัคร</p>',
  contract_type_name: 'ไม่มีสัญญา',
  job_type: 1,
  job_type_name: 'งานประจำ',
  degree_name: 'ปวช.',
  anounce_date: '22/11/2569 14:05',
  expire_date: '22/01/2570 14:05',
  skills: ['use welding equipment'],
  vacancy_count: 3,
  ref_job_id: null,
  ...over,
});

describe('Thai Mee Ngan Tham → model', () => {
  it('reads Buddhist Era local times (2569 = 2026) into ISO 8601 at +07:00, across a year boundary too', () => {
    expect(toVacancy(job()).postedAt).toBe('2026-11-22T14:05:00+07:00');
    expect(toVacancy(job()).validThrough).toBe('2027-01-22T14:05:00+07:00');
    expect(toVacancy(job({ anounce_date: '01/01/2570 00:30' })).postedAt).toBe('2027-01-01T00:30:00+07:00');
    expect(epochMsToBe(beToEpochMs('31/12/2569 23:59'))).toBe('31/12/2569 23:59');
    expect(() => beToEpochMs('2026-11-22')).toThrow();
  });

  it('turns daily wages into a DAY period with a monthly amount of 26 days', () => {
    expect(toVacancy(job()).salary).toEqual({ min: 400, max: 450, currency: 'THB', period: 'DAY', monthlyAmount: 11_050, disclosed: true, text: '400 - 450 บาท' });
    expect(toVacancy(job({ wage_type: 'รายชั่วโมง', wage_min: 60, wage_max: 60 })).salary?.monthlyAmount).toBe(12_480);
  });

  it('marks "ตามตกลง" (negotiable) wages undisclosed', () => {
    expect(toVacancy(job({ wage_min: null, wage_max: null, wage_type: 'รายเดือน', salary_detail: 'ตามตกลง' })).salary).toMatchObject({ disclosed: false, monthlyAmount: null, text: 'ตามตกลง' });
  });

  it('maps DOE codes on ISCO-88 to ISCO-08, and keeps unknown ones unmapped', () => {
    expect(toVacancy(job())).toMatchObject({ iscoCode: '7212', nationalCode: { system: 'TH-DOE-ISCO88', code: '721220', mapped: true } });
    expect(toVacancy(job({ occupation_code: '721299' }))).toMatchObject({ iscoCode: null, nationalCode: { mapped: false } });
  });

  it('places the Thai province name in ISO 3166-2, the degree in ISCED, and flags syndicated copies', () => {
    const v = toVacancy(job({ ref_job_id: 500001, job_from: 'hundredbillion', detail_path: 'hundredbillion/detail/512345' }));
    expect(v.regionCode).toBe('TH-90');
    expect(v.education).toEqual({ iscedLevel: 3, nativeLabel: 'ปวช.' });
    expect(v.duplicateOf).toBe('TH:500001');
    expect(v.applyUrl).toMatch(/hundredbillion\/detail\/512345$/);
    expect(v.employmentType).toBe('FULL_TIME');
  });

  it('fails only the malformed record (bad date)', () => {
    expect(() => toVacancy(job({ anounce_date: 'เมื่อวาน' }))).toThrow();
  });

  it('reads DSD courses from the XML service', () => {
    const t = toTrainingOffer({
      id: 'DSD000001', course_name: 'หลักสูตรช่างเชื่อม', institute: 'สถาบันพัฒนาฝีมือแรงงาน 12 สงขลา', institute_type: 'DSD', province_id: 60, province_name: 'สงขลา',
      start_date: '10/03/2570', hours: 240, seats: 20, fee: 0, mode: 'ฝึกในศูนย์', certification: 'วุฒิบัตร', occupation_code: '721220',
    });
    expect(t).toMatchObject({ id: 'TH:DSD000001', startDate: '2027-03-10', duration: 'PT240H', regionCode: 'TH-90', iscoCodes: ['7212'], mode: 'IN_PERSON', fee: { disclosed: true, monthlyAmount: 0 } });
  });
});
