import { describe, expect, it } from 'vitest';
import { skillsForIsco } from '../../../kit/reference.js';
import type { DoeJob, DsdCourse } from './native.js';
import { beToEpochMs, epochMsToBe, epochMsToBeSeconds, toLifecycle, toTrainingOffer, toVacancy } from './toModel.js';

const job = (over: Partial<DoeJob> = {}): DoeJob => ({
  job_id: 512345,
  job_from: 'jobannounce',
  detail_path: null,
  position: 'ช่างเชื่อมไฟฟ้า',
  employer_name: 'บริษัท สยามพัฒนา จำกัด',
  district_name: 'อำเภอหาดใหญ่',
  province_id: 60,
  province_name: 'สงขลา',
  occupation_code: '721220',
  tsic_code: '43210',
  wage_min: 400,
  wage_max: 450,
  wage_type: 'รายวัน',
  salary_detail: '400-450 บาท/วัน',
  description: '<p>รับสมัคร<strong>ช่างเชื่อม</strong></p>',
  contract_type_name: 'ไม่มีกำหนดระยะเวลา',
  job_type: 1,
  job_type_name: 'งานประจำ',
  degree_name: 'ปวช.',
  anounce_date: '22/11/2569 14:05',
  expire_date: '22/01/2570 14:05',
  skills: ['สื่อสารกับลูกค้า', 'quality assurance procedures', 'ขยัน อดทน'],
  vacancy_count: 3,
  ref_job_id: null,
  job_status: 'เปิดรับสมัคร',
  update_date: '19/11/2569 09:15:30',
  close_date: null,
  ...over,
});

const course = (over: Partial<DsdCourse> = {}): DsdCourse => ({
  id: 'DSD000001', course_name: 'หลักสูตรฝึกยกระดับฝีมือ ช่างเชื่อม', institute: 'สถาบันพัฒนาฝีมือแรงงาน 12 สงขลา', institute_type: 'สถาบันพัฒนาฝีมือแรงงาน', province_id: 60, province_name: 'สงขลา',
  start_date: '10/03/2570', hours: 240, seats: 20, fee: 0, mode: 'ฝึกในศูนย์', certification: 'วุฒิบัตร', occupation_code: '721220',
  ...over,
});

describe('Thai Mee Ngan Tham → model: dates', () => {
  it('reads Buddhist Era local times (2569 = 2026) into ISO 8601 at +07:00', () => {
    expect(toVacancy(job()).postedAt).toBe('2026-11-22T14:05:00+07:00');
    expect(toVacancy(job()).validThrough).toBe('2027-01-22T14:05:00+07:00');
    expect(epochMsToBe(beToEpochMs('31/12/2569 23:59'))).toBe('31/12/2569 23:59');
  });

  it('keeps the local date across the year boundary, where UTC is still in the old year', () => {
    expect(toVacancy(job({ anounce_date: '01/01/2570 05:00' })).postedAt).toBe('2027-01-01T05:00:00+07:00');
    expect(new Date(beToEpochMs('01/01/2570 05:00')).toISOString()).toBe('2026-12-31T22:00:00.000Z');
    expect(toVacancy(job({ anounce_date: ' 1/1/2570 ' })).postedAt).toBe('2027-01-01T00:00:00+07:00');
  });

  it('refuses what is not a BE calendar date; an unreadable closing date costs only validThrough', () => {
    for (const bad of ['2026-11-22', '31/02/2570 10:00', '22/13/2569 10:00', '22/11/2569 25:00', 'เมื่อวาน']) expect(() => beToEpochMs(bad), bad).toThrow();
    expect(toVacancy(job({ expire_date: 'ไม่ระบุ' })).validThrough).toBeNull();
  });
});

describe('Thai Mee Ngan Tham → model: wages', () => {
  it('turns daily wages into a DAY period with a monthly amount of 26 days', () => {
    expect(toVacancy(job()).salary).toMatchObject({ min: 400, max: 450, currency: 'THB', period: 'DAY', monthlyAmount: 11_050, disclosed: true, text: '400-450 บาท/วัน' });
    expect(toVacancy(job()).salary?.conversion).toMatchObject({ factor: 26, from: 'DAY', effective: '2025-01-01', fullTimeEquivalent: true });
  });

  it('turns hourly wages into HOUR × 208 and monthly ones into MONTH', () => {
    expect(toVacancy(job({ wage_type: 'รายชั่วโมง', wage_min: 60, wage_max: 60 })).salary).toMatchObject({ period: 'HOUR', monthlyAmount: 12_480 });
    expect(toVacancy(job({ wage_type: 'รายเดือน', wage_min: 15_000, wage_max: 20_000 })).salary).toMatchObject({ period: 'MONTH', monthlyAmount: 17_500 });
  });

  it('marks hidden pay undisclosed, whether the amounts are null or the legacy 0, keeping the employer\'s words', () => {
    expect(toVacancy(job({ wage_min: null, wage_max: null, wage_type: 'รายเดือน', salary_detail: 'ตามตกลง' })).salary).toMatchObject({ disclosed: false, monthlyAmount: null, min: null, text: 'ตามตกลง' });
    expect(toVacancy(job({ wage_min: 0, wage_max: 0, wage_type: 'รายเดือน', salary_detail: 'ตามโครงสร้างบริษัท' })).salary).toMatchObject({ disclosed: false, monthlyAmount: null, text: 'ตามโครงสร้างบริษัท' });
  });
});

describe('Thai Mee Ngan Tham → model: codes, places, people', () => {
  it('maps DOE codes built on ISCO-88 to ISCO-08, and keeps unknown or missing ones unmapped without failing', () => {
    expect(toVacancy(job())).toMatchObject({ iscoCode: '7212', nationalCode: { system: 'TH-DOE-ISCO88', code: '721220', mapped: true } });
    // 5220 (ISCO-88 shop salespersons) became 5223 in ISCO-08: the code's digits are not the answer.
    expect(toVacancy(job({ occupation_code: '522010' })).iscoCode).toBe('5223');
    // A withdrawn "other" code maps through its ISCO-88 unit when the correspondence is whole.
    expect(toVacancy(job({ occupation_code: '721299' }))).toMatchObject({ iscoCode: '7212', nationalCode: { code: '721299', mapped: true, mappedFromOutdated: true } });
    expect(toVacancy(job({ occupation_code: '213199' }))).toMatchObject({ iscoCode: null, nationalCode: { code: '213199', mapped: false } });
    // ISCO-88 6112 (tree and shrub crop growers) is ISCO-08 6112, not 6113.
    expect(toVacancy(job({ occupation_code: '611210' })).iscoCode).toBe('6112');
    expect(toVacancy(job({ occupation_code: null }))).toMatchObject({ iscoCode: null, nationalCode: null });
  });

  it('turns Thai (and English) skill names into ESCO ids, marks the essential ones, and drops free text', () => {
    const v = toVacancy(job({ occupation_code: '522010' }));
    expect(v.skillIds).toContain('0da516ee-e70e-4384-be13-f5ff80be8127');
    expect(v.skillIds.length).toBe(2);
    const essential = new Set(skillsForIsco('5223').essential);
    expect(v.essentialSkillIds).toEqual(v.skillIds.filter((id) => essential.has(id)));
    expect(toVacancy(job({ skills: null })).skillIds).toEqual([]);
  });

  it('places the Thai province name in ISO 3166-2 (not the platform id), the degree in ISCED, and the job type', () => {
    const v = toVacancy(job());
    expect(v.regionCode).toBe('TH-90');
    expect(v.nativeRegion).toBe('อำเภอหาดใหญ่, สงขลา');
    expect(v.education).toEqual({ iscedLevel: 3, nativeLabel: 'ปวช.' });
    expect(toVacancy(job({ degree_name: 'ปริญญาตรีขึ้นไป' })).education).toEqual({ iscedLevel: 6, nativeLabel: 'ปริญญาตรีขึ้นไป' });
    expect(toVacancy(job({ degree_name: 'ไม่จำกัดวุฒิ' })).education).toEqual({ iscedLevel: null, nativeLabel: 'ไม่จำกัดวุฒิ' });
    expect(v.employmentType).toBe('FULL_TIME');
    expect(toVacancy(job({ job_type_name: 'งานพาร์ทไทม์' })).employmentType).toBe('PART_TIME');
    expect(v.employer).toEqual({ name: 'บริษัท สยามพัฒนา จำกัด', industryCode: '43210', industryScheme: 'TSIC-2009' });
  });

  it('turns the HTML description into text: no tags, scripts or links left, entities decoded (issue 14.9)', () => {
    expect(toVacancy(job()).description).toBe('รับสมัครช่างเชื่อม');
    const hostile = toVacancy(job({ description: '<p>งาน&amp;สวัสดิการ</p><script>alert(1)</script><ul><li>ประกันสังคม</li></ul><a href="javascript:x()">สมัคร</a><img src=x onerror=alert(2)>' }));
    expect(hostile.description).toBe('งาน&สวัสดิการ\n\n * ประกันสังคม\n\nสมัคร');
    expect(toVacancy(job({ description: null })).description).toBeNull();
    expect(toVacancy(job({ description: '<p> </p>' })).description).toBeNull();
  });

  it('flags a syndicated copy as a duplicate of the platform posting, linking to the source', () => {
    const copy = toVacancy(job({ job_id: 512399, ref_job_id: 500001, job_from: 'hundredbillion', detail_path: 'hundredbillion/detail/512399' }));
    expect(copy.duplicateOf).toBe('TH:500001');
    expect(copy.applyUrl).toMatch(/\/hundredbillion\/detail\/512399$/);
    expect(toVacancy(job()).duplicateOf).toBeNull();
    expect(toVacancy(job({ position: '  ช่างเชื่อม   ไฟฟ้า\t' })).title).toBe('ช่างเชื่อม ไฟฟ้า');
  });

  it('fails only a malformed record: no id, no title, or no readable announce date', () => {
    expect(() => toVacancy(job({ anounce_date: 'เมื่อวาน' }))).toThrow();
    expect(() => toVacancy(job({ job_id: undefined as unknown as number }))).toThrow();
    expect(() => toVacancy(job({ position: '   ' }))).toThrow();
  });
});

describe('DSD course → model', () => {
  it('reads the XML service\'s course: BE start date, hours, free fee, mode, code', () => {
    expect(toTrainingOffer(course())).toMatchObject({
      id: 'TH:DSD000001', startDate: '2027-03-10', duration: 'PT240H', regionCode: 'TH-90', iscoCodes: ['7212'], mode: 'IN_PERSON',
      fee: { disclosed: true, monthlyAmount: 0 }, provider: { name: 'สถาบันพัฒนาฝีมือแรงงาน 12 สงขลา' },
    });
    expect(toTrainingOffer(course({ occupation_code: '999999', fee: 500 }))).toMatchObject({ iscoCodes: [], nationalCodes: [{ mapped: false }], fee: { min: 500 } });
    expect(() => toTrainingOffer(course({ id: '' }))).toThrow();
  });
});

describe('DOE status words and BE update dates → lifecycle', () => {
  it('reads เปิดรับสมัคร as open, the BE update second as ISO 8601 at +07:00, vacancy_count as positions', () => {
    expect(toLifecycle(job({ vacancy_count: 3 }))).toEqual({ updatedAt: '2026-11-19T09:15:30+07:00', state: 'OPEN', closedAt: null, positions: 3 });
  });

  it('reads ได้คนแล้ว as closed and ยกเลิกประกาศ as withdrawn, with the closing instant', () => {
    const closed = { update_date: '20/11/2569 16:00:05', close_date: '20/11/2569 16:00:05' };
    expect(toLifecycle(job({ job_status: 'ได้คนแล้ว', ...closed }))).toMatchObject({ state: 'CLOSED', closedAt: '2026-11-20T16:00:05+07:00' });
    expect(toLifecycle(job({ job_status: ' ยกเลิกประกาศ ', ...closed }))).toMatchObject({ state: 'WITHDRAWN', closedAt: '2026-11-20T16:00:05+07:00' });
  });

  it('counts a job without vacancy_count as one position', () => {
    expect(toLifecycle(job({ vacancy_count: null })).positions).toBe(1);
  });

  it('refuses an unknown status word or an unreadable update date (that record alone fails)', () => {
    expect(() => toLifecycle(job({ job_status: 'ร่าง' }))).toThrow(/job_status/);
    expect(() => toLifecycle(job({ update_date: null }))).toThrow(/update_date/);
    expect(() => toLifecycle(job({ update_date: '31/02/2569 10:00:00' }))).toThrow(/calendar/);
  });

  it('writes the update feed criterion to the second in BE local time', () => {
    expect(epochMsToBeSeconds(Date.parse('2026-11-19T02:15:30Z'))).toBe('19/11/2569 09:15:30');
    expect(beToEpochMs(epochMsToBeSeconds(Date.parse('2026-11-19T02:15:30Z')))).toBe(Date.parse('2026-11-19T02:15:30Z'));
  });
});
