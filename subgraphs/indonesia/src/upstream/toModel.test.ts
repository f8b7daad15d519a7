import { describe, expect, it } from 'vitest';
import type { KarirhubHit } from './native.js';
import { indonesianDateToIso, toTrainingOffer, toVacancy } from './toModel.js';

const hit = (over: Partial<KarirhubHit> = {}): KarirhubHit => ({
  objectID: 'abc123',
  job_id: 100001,
  title: '  Tukang Las  ',
  company_name: 'PT Maju Jaya',
  city_name: 'Kota Medan',
  province_name: 'SUMATERA  UTARA',
  industry_name: 'Konstruksi',
  kbli_code: '43221',
  job_function_name: 'Tukang Las',
  kbji_code: '7212.02',
  skills: ['use welding equipment', 'Jujur dan disiplin'],
  platform_link: null,
  published_at: 1_795_000_000,
  expired_at: 1_797_592_000,
  job_type: 'Penuh Waktu',
  education_min: 'SMK',
  experience_min_years: 1,
  age_range: '20-35 tahun',
  inclusive_workplace: false,
  salary_min: 4_000_000,
  salary_max: 5_000_000,
  salary_text: 'Rp 4.000.000 - Rp 5.000.000 per bulan',
  description: 'Dibutuhkan tukang las',
  vacancy_count: 2,
  original_object_id: null,
  ...over,
});

describe('Karirhub → model', () => {
  it('turns Unix seconds into ISO 8601 in WIB (+07:00)', () => {
    expect(toVacancy(hit()).postedAt).toBe('2026-11-18T18:06:40+07:00');
  });

  it('maps KBJI 2014 to ISCO-08, keeping the raw code', () => {
    const v = toVacancy(hit());
    expect(v.iscoCode).toBe('7212');
    expect(v.nationalCode).toEqual({ system: 'KBJI-2014', code: '7212.02', mapped: true });
  });

  it('keeps an outdated or missing code without an occupation', () => {
    expect(toVacancy(hit({ kbji_code: '7212.99' }))).toMatchObject({ iscoCode: null, nationalCode: { code: '7212.99', mapped: false } });
    expect(toVacancy(hit({ kbji_code: null }))).toMatchObject({ iscoCode: null, nationalCode: null });
  });

  it('gives IDR monthly wages and marks "nego" wages undisclosed', () => {
    expect(toVacancy(hit()).salary).toMatchObject({ currency: 'IDR', period: 'MONTH', monthlyAmount: 4_500_000, disclosed: true });
    const nego = toVacancy(hit({ salary_min: null, salary_max: null, salary_text: 'Gaji nego' })).salary;
    expect(nego).toMatchObject({ disclosed: false, monthlyAmount: null, text: 'Gaji nego' });
  });

  it('finds the ISO region behind dirty province names and the ISCED level of SMK', () => {
    const v = toVacancy(hit());
    expect(v.regionCode).toBe('ID-SU');
    expect(v.education).toEqual({ iscedLevel: 3, nativeLabel: 'SMK' });
    expect(toVacancy(hit({ province_name: 'DKI Jakarta' })).regionCode).toBe('ID-JK');
  });

  it('maps ESCO skill names to ids, drops free text, and marks a syndicated copy', () => {
    const v = toVacancy(hit({ original_object_id: 'orig1', platform_link: 'https://glints.co.id/x' }));
    expect(v.skillIds.length).toBeLessThanOrEqual(1);
    expect(v.duplicateOf).toBe('ID:orig1');
    expect(v.applyUrl).toBe('https://glints.co.id/x');
    expect(v.employmentType).toBe('FULL_TIME');
  });

  it('refuses a record without an id (only that record fails)', () => {
    expect(() => toVacancy(hit({ objectID: '' }))).toThrow();
  });

  it('reads Indonesian dates on training programmes', () => {
    expect(indonesianDateToIso('11 Februari 2026')).toBe('2026-02-11');
    expect(() => indonesianDateToIso('11 Febuary 2026')).toThrow();
    const t = toTrainingOffer({
      id: 'PLT-000001', nama_pelatihan: 'Pelatihan Tukang Las', lembaga: 'BBPVP Medan', jenis_lembaga: 'BLK', kejuruan: 'Las',
      kbji_code: '7212.01', provinsi: 'Sumatera Utara', tanggal_mulai: '3 Desember 2026', durasi_jam: 160, kuota: 20, biaya: 0, metode: 'luring', sertifikasi: 'BNSP',
    });
    expect(t).toMatchObject({ id: 'ID:PLT-000001', iscoCodes: ['7212'], startDate: '2026-12-03', duration: 'PT160H', mode: 'IN_PERSON', regionCode: 'ID-SU' });
    expect(t.fee).toMatchObject({ min: 0, max: 0, monthlyAmount: 0, disclosed: true });
  });
});
