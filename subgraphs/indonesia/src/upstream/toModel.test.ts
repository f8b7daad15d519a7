import { describe, expect, it } from 'vitest';
import { skillsForIsco, skillLabel } from '../../../kit/reference.js';
import { spellingsByRegion } from '../../../kit/filters.js';
import { algoliaFilter } from './client.js';
import type { KarirhubHit } from './native.js';
import { indonesianDateToIso, toLifecycle, toTrainingOffer, toVacancy } from './toModel.js';

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
  status: 'aktif',
  updated_at_timestamp: 1_795_086_400,
  closed_at: null,
  ...over,
});

describe('Karirhub → model', () => {
  it('turns Unix seconds into ISO 8601 in WIB (+07:00)', () => {
    expect(toVacancy(hit()).postedAt).toBe('2026-11-18T18:06:40+07:00');
  });

  it('maps KBJI 2014 to ISCO-08, keeping the raw code', () => {
    const v = toVacancy(hit());
    expect(v.iscoCode).toBe('7212');
    expect(v.nationalCode).toEqual({ system: 'KBJI-2014', code: '7212.02', mapped: true, mappedFromOutdated: false, edition: 'KBJI-2014' });
  });

  it('maps a KBJI 2002 code through the ISCO-88 correspondence when it is whole, flagged; keeps split, unknown or missing codes without an occupation', () => {
    expect(toVacancy(hit({ kbji_code: '72122' }))).toMatchObject({ iscoCode: '7212', nationalCode: { system: 'KBJI-2014', code: '72122', mapped: true, mappedFromOutdated: true, edition: 'KBJI-2002' } });
    // ISCO-88 5220 (shop salespersons) went wholly to 5223; 2131 was split over 25xx.
    expect(toVacancy(hit({ kbji_code: '52203' })).iscoCode).toBe('5223');
    expect(toVacancy(hit({ kbji_code: '21311' }))).toMatchObject({ iscoCode: null, nationalCode: { code: '21311', mapped: false, mappedFromOutdated: false, edition: null } });
    expect(toVacancy(hit({ kbji_code: '7212.99' }))).toMatchObject({ iscoCode: null, nationalCode: { code: '7212.99', mapped: false } });
    expect(toVacancy(hit({ kbji_code: ' 7212.02 ' })).iscoCode).toBe('7212');
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

  it('maps ESCO skill names to ids, marks the occupation`s essential ones, and keeps free text only natively', () => {
    const essential = skillsForIsco('7212').essential[0]!;
    const optional = skillsForIsco('7212').optional[0]!;
    const v = toVacancy(hit({ skills: [skillLabel(essential, 'en')!, `  ${skillLabel(optional, 'en')!.toUpperCase()} `, 'Jujur dan disiplin'] }));
    expect(v.skillIds).toEqual([essential, optional]);
    expect(v.essentialSkillIds).toEqual([essential]);
    expect(v.native.skills).toContain('Jujur dan disiplin');
    expect(toVacancy(hit({ skills: null })).skillIds).toEqual([]);
  });

  it('flags a syndicated copy as a duplicate of the native posting, and links to the partner portal', () => {
    const copy = toVacancy(hit({ original_object_id: 'orig1', platform_link: 'https://glints.co.id/lowongan/x' }));
    expect(copy.duplicateOf).toBe('ID:orig1');
    expect(copy.applyUrl).toBe('https://glints.co.id/lowongan/x');
    const native = toVacancy(hit());
    expect(native.duplicateOf).toBeNull();
    expect(native.applyUrl).toBe('https://karirhub.kemnaker.go.id/lowongan-dalam-negeri/lowongan/abc123');
  });

  it('reads every job type, and an unknown one as OTHER', () => {
    const types = ['Penuh Waktu', 'Paruh Waktu', 'Kontrak', 'Magang', 'Harian Lepas', 'Borongan'].map((job_type) => toVacancy(hit({ job_type })).employmentType);
    expect(types).toEqual(['FULL_TIME', 'PART_TIME', 'CONTRACT', 'INTERNSHIP', 'DAILY', 'OTHER']);
    expect(toVacancy(hit({ job_type: null })).employmentType).toBeNull();
  });

  it('reads education levels SD … S3 as ISCED 2011, and keeps an unknown label without a level', () => {
    const levels = ['SD', 'SMP', 'SMA', 'SMK', 'D1', 'D3', 'D4', 'S1', 'S2', 'S3'].map((education_min) => toVacancy(hit({ education_min })).education?.iscedLevel);
    expect(levels).toEqual([1, 2, 3, 3, 4, 5, 6, 6, 7, 8]);
    expect(toVacancy(hit({ education_min: 'Bebas' })).education).toEqual({ iscedLevel: null, nativeLabel: 'Bebas' });
    expect(toVacancy(hit({ education_min: '  ' })).education).toBeNull();
  });

  it('gives "Gaji Kompetitif" and a zero wage as undisclosed, and a one-sided range its one amount', () => {
    expect(toVacancy(hit({ salary_min: null, salary_max: null, salary_text: 'Gaji Kompetitif' })).salary).toMatchObject({ disclosed: false, text: 'Gaji Kompetitif' });
    expect(toVacancy(hit({ salary_min: 0, salary_max: 0 })).salary?.disclosed).toBe(false);
    expect(toVacancy(hit({ salary_min: 6_000_000, salary_max: null })).salary).toMatchObject({ monthlyAmount: 6_000_000, disclosed: true });
  });

  it('keeps the source`s own words: province, city, KBLI, expiry in WIB', () => {
    const v = toVacancy(hit({ province_name: '  jawa  barat ', city_name: 'Kab. Bekasi', expired_at: 1_797_526_800 }));
    expect(v.regionCode).toBe('ID-JB');
    expect(v.nativeRegion).toBe('Kab. Bekasi, jawa barat');
    expect(v.employer).toEqual({ name: 'PT Maju Jaya', industryCode: '43221', industryScheme: 'KBLI-2020' });
    expect(v.validThrough).toBe('2026-12-18T00:00:00+07:00');
    expect(toVacancy(hit({ province_name: 'Atlantis' })).regionCode).toBeNull();
  });

  it('refuses a record without id, title or date (only that record fails)', () => {
    expect(() => toVacancy(hit({ objectID: '' }))).toThrow();
    expect(() => toVacancy(hit({ title: null }))).toThrow();
    expect(() => toVacancy(hit({ title: '   ' }))).toThrow();
    expect(() => toVacancy(hit({ published_at: Number.NaN }))).toThrow();
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

  it('asks for a province in every spelling Karirhub holds, as typed', () => {
    const learned = spellingsByRegion('ID', ['DKI Jakarta', 'DKI  JAKARTA', ' dki jakarta', 'Jawa Barat', 'Atlantis']);
    expect(learned.get('ID-JK')).toEqual(['DKI Jakarta', 'DKI  JAKARTA', ' dki jakarta']);
    const filters = String(algoliaFilter({ regions: ['ID-JK'] }, null, learned)?.filters);
    expect(filters).toBe('(province_name:"DKI Jakarta" OR province_name:"Jakarta Raya" OR province_name:"DKI  JAKARTA" OR province_name:" dki jakarta")');
    expect(algoliaFilter({ regions: ['ID-XX'] }, null, learned)).toBeNull();
  });
});

describe('Karirhub sync fields → lifecycle', () => {
  it('reads an aktif posting as open, its last change in WIB, its head count as positions', () => {
    expect(toLifecycle(hit())).toEqual({ updatedAt: '2026-11-19T18:06:40+07:00', state: 'OPEN', closedAt: null, positions: 2 });
  });

  it('reads terisi as closed and ditarik as withdrawn, with the closing instant', () => {
    const closed = { updated_at_timestamp: 1_795_172_800, closed_at: 1_795_172_800 };
    expect(toLifecycle(hit({ status: 'terisi', ...closed }))).toMatchObject({ state: 'CLOSED', closedAt: '2026-11-20T18:06:40+07:00' });
    expect(toLifecycle(hit({ status: ' Ditarik ', ...closed }))).toMatchObject({ state: 'WITHDRAWN', closedAt: '2026-11-20T18:06:40+07:00' });
  });

  it('counts a posting without a head count as one position', () => {
    expect(toLifecycle(hit({ vacancy_count: null })).positions).toBe(1);
    expect(toLifecycle(hit({ vacancy_count: 0 })).positions).toBe(1);
  });

  it('refuses a record with an unknown status or without a change date (that record alone fails)', () => {
    expect(() => toLifecycle(hit({ status: 'draf' }))).toThrow(/status/);
    expect(() => toLifecycle(hit({ updated_at_timestamp: null }))).toThrow(/updated_at_timestamp/);
  });
});
