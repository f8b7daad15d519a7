import { describe, expect, it } from 'vitest';
import type { MfjJob } from './native.js';
import { skillLabel, skillsForIsco } from '../../../kit/reference.js';
import { spellingsByRegion } from '../../../kit/filters.js';
import { queryOf } from './client.js';
import { toLifecycle, toTrainingOffer, toVacancy } from './toModel.js';

const job = (over: Partial<MfjJob> = {}): MfjJob => ({
  id: '0123456789abcdef0123456789abcdef',
  positionTitle: 'Software developer',
  positionTitleMs: 'Pembangun Perisian',
  companyName: 'Maju Teknologi Sdn. Bhd.',
  location: { state: 'Pulau Pinang', city: 'Bayan Lepas' },
  actualWages: { min: 5_000, max: 7_000 },
  salaryBand: 'H',
  contractType: { code: 1, labelMs: 'Tetap', labelEn: 'Permanent' },
  mascoCode: '2512-01',
  msicCode: '62010',
  educationLevel: { code: 6, label: 'Ijazah Sarjana Muda' },
  skills: [{ code: 'http://data.europa.eu/esco/skill/abc-123', name: 'use software libraries' }, { code: null, name: 'Boleh bertutur dalam Bahasa Mandarin' }],
  postedDate: '2026-11-18T09:30:00+08:00',
  closingDate: '2026-12-31',
  jobUrl: 'https://candidates.myfuturejobs.gov.my/job/0123',
  numberOfVacancies: 2,
  sourceJobId: null,
  status: 'ACTIVE',
  lastModifiedDate: '2026-11-19T10:15:30+08:00',
  closedDate: null,
  ...over,
});

describe('MYFutureJobs → model', () => {
  it('maps MASCO 2020 six-digit codes to ISCO-08, and MASCO 2008 unit groups (ISCO-08 to four digits) flagged as outdated', () => {
    expect(toVacancy(job())).toMatchObject({ iscoCode: '2512', nationalCode: { system: 'MASCO-2020', code: '2512-01', mapped: true, mappedFromOutdated: false } });
    expect(toVacancy(job({ mascoCode: '2512' }))).toMatchObject({ iscoCode: '2512', nationalCode: { code: '2512', mapped: true, mappedFromOutdated: true, edition: 'MASCO-2008' } });
    expect(toVacancy(job({ mascoCode: '2599' }))).toMatchObject({ iscoCode: null, nationalCode: { code: '2599', mapped: false } });
  });

  it('keeps MYR monthly amounts, falls back to the salary band, and hides NEGO', () => {
    expect(toVacancy(job()).salary).toMatchObject({ min: 5_000, max: 7_000, currency: 'MYR', period: 'MONTH', monthlyAmount: 6_000, disclosed: true });
    expect(toVacancy(job({ actualWages: null, salaryBand: 'C' })).salary).toMatchObject({ min: 2_000, max: 2_499, disclosed: true });
    expect(toVacancy(job({ actualWages: null, salaryBand: 'NEGO' })).salary).toMatchObject({ disclosed: false, monthlyAmount: null });
  });

  it('reads state variants into ISO 3166-2, dates at +08:00 (date-only legacy values as midnight)', () => {
    const v = toVacancy(job());
    expect(v.regionCode).toBe('MY-07');
    expect(toVacancy(job({ location: { state: 'WP Kuala Lumpur', city: null } })).regionCode).toBe('MY-14');
    expect(v.postedAt).toBe('2026-11-18T09:30:00+08:00');
    expect(toVacancy(job({ postedDate: '2026-11-02' })).postedAt).toBe('2026-11-02T00:00:00+08:00');
  });

  it('takes skill ids from ESCO URIs, contract codes to employment types, degrees to ISCED, and flags re-listings', () => {
    const v = toVacancy(job({ sourceJobId: 'ffff' }));
    expect(v.skillIds).toContain('abc-123');
    expect(v.employmentType).toBe('FULL_TIME');
    expect(v.education).toEqual({ iscedLevel: 6, nativeLabel: 'Ijazah Sarjana Muda' });
    expect(v.duplicateOf).toBe('MY:ffff');
    expect(toVacancy(job({ contractType: { code: 7, labelMs: 'Harian', labelEn: 'Daily-rated' } })).employmentType).toBe('DAILY');
  });

  it('keeps unknown MASCO codes and missing codes unmapped, never failing the record', () => {
    expect(toVacancy(job({ mascoCode: '2512-99' }))).toMatchObject({ iscoCode: null, nationalCode: { system: 'MASCO-2020', code: '2512-99', mapped: false } });
    expect(toVacancy(job({ mascoCode: null }))).toMatchObject({ iscoCode: null, nationalCode: null });
  });

  it('reads bands at their edges: the top band has no maximum, amounts without a band stay amounts, nothing at all is undisclosed', () => {
    expect(toVacancy(job({ actualWages: null, salaryBand: 'N' })).salary).toMatchObject({ min: 20_000, max: null, monthlyAmount: 20_000, disclosed: true, text: 'Band N' });
    expect(toVacancy(job({ actualWages: null, salaryBand: 'A' })).salary).toMatchObject({ min: null, max: 1_499, disclosed: true });
    expect(toVacancy(job({ actualWages: { min: 1_700, max: null }, salaryBand: null })).salary).toMatchObject({ min: 1_700, max: null, monthlyAmount: 1_700, disclosed: true });
    expect(toVacancy(job({ actualWages: null, salaryBand: null })).salary).toMatchObject({ min: null, max: null, disclosed: false, currency: 'MYR', period: 'MONTH' });
  });

  it('names skills without a URI by their label, and marks the occupation\'s essential ones', () => {
    const essential = skillsForIsco('2512').essential[0]!;
    const v = toVacancy(job({ skills: [{ code: null, name: `  ${skillLabel(essential)!.toUpperCase()} ` }, { code: null, name: 'Rajin dan jujur' }] }));
    expect(v.skillIds).toEqual([essential]);
    expect(v.essentialSkillIds).toEqual([essential]);
  });

  it('tidies odd whitespace, keeps Malay titles, and survives missing parts', () => {
    const v = toVacancy(job({ positionTitle: '  Pembangun   Perisian ', companyName: '\tMAJU SDN. BHD.', location: null, skills: null, contractType: null, educationLevel: null, closingDate: null }));
    expect(v).toMatchObject({ title: 'Pembangun Perisian', employer: { name: 'MAJU SDN. BHD.' }, regionCode: null, skillIds: [], employmentType: null, education: null, validThrough: null });
    expect(toVacancy(job({ contractType: { code: 9, labelMs: 'Lain-lain', labelEn: 'Other' } })).employmentType).toBe('OTHER');
    expect(toVacancy(job({ location: { state: 'Atlantis', city: null } })).regionCode).toBeNull();
  });

  it('asks the portal in its own words, and a filter it cannot express matches nothing', () => {
    const learned = spellingsByRegion('MY', ['Selangor', 'Penang', 'Pulau Pinang', 'pulau  pinang ', 'Atlantis']);
    const q = queryOf({ iscoCodes: ['2512', '9999'], regions: ['MY-07'], employmentTypes: ['PART_TIME'], educationLevels: [3], text: 'juruteknik', minMonthlyWage: 2_500.4 }, learned);
    expect(String(q.facets).split(',')).toEqual(['MASCO==2512', 'STATE==Pulau%20Pinang', 'STATE==Penang', 'STATE==pulau%20%20pinang%20', 'CONTRACT_TYPE==3', 'EDUCATION==3', 'EDUCATION==4']);
    expect(q).toMatchObject({ keywords: 'juruteknik', minWage: 2_501 });
    expect(queryOf({ educationLevels: [4] }).facets).toBe('EDUCATION==none');
    expect(queryOf({ iscoCodes: ['9999'] }).facets).toBe('MASCO==none');
  });

  it('fails only a malformed record', () => {
    expect(() => toVacancy(job({ postedDate: 'semalam' }))).toThrow();
    expect(() => toVacancy(job({ id: '' }))).toThrow();
  });

  it('translates TVET programmes', () => {
    const t = toTrainingOffer({
      programmeId: 'TVET-00001', programmeNameMs: 'Kursus Pengimpal', programmeNameEn: 'Course: Welder', provider: { name: 'ADTEC Kedah', type: 'ADTEC' },
      state: 'Kedah', mascoCode: '7212-02', startDate: '2027-01-05', durationWeeks: 12, seats: 25, feeMyr: 0, mode: 'HIBRID', certification: 'SKM Tahap 2',
    });
    expect(t).toMatchObject({ id: 'MY:TVET-00001', regionCode: 'MY-02', iscoCodes: ['7212'], duration: 'P12W', mode: 'BLENDED', fee: { disclosed: true, monthlyAmount: 0 } });
  });
});

describe('MYFutureJobs lifecycle fields → lifecycle', () => {
  it('reads an ACTIVE job as open, its last change at +08:00, numberOfVacancies as positions', () => {
    expect(toLifecycle(job())).toEqual({ updatedAt: '2026-11-19T10:15:30+08:00', state: 'OPEN', closedAt: null, positions: 2 });
  });

  it('reads FILLED as closed and WITHDRAWN as withdrawn, with the closing instant (any offset, shown at +08:00)', () => {
    const closed = { lastModifiedDate: '2026-11-20T02:00:00Z', closedDate: '2026-11-20T02:00:00Z' };
    expect(toLifecycle(job({ status: 'FILLED', ...closed }))).toMatchObject({ state: 'CLOSED', updatedAt: '2026-11-20T10:00:00+08:00', closedAt: '2026-11-20T10:00:00+08:00' });
    expect(toLifecycle(job({ status: 'withdrawn', ...closed }))).toMatchObject({ state: 'WITHDRAWN', closedAt: '2026-11-20T10:00:00+08:00' });
  });

  it('counts a job without numberOfVacancies as one position; an open job has no closedAt even if the field is stale', () => {
    expect(toLifecycle(job({ numberOfVacancies: null })).positions).toBe(1);
    expect(toLifecycle(job({ closedDate: '2026-11-20T10:00:00+08:00' })).closedAt).toBeNull();
  });

  it('refuses a record with an unknown status or without lastModifiedDate (that record alone fails)', () => {
    expect(() => toLifecycle(job({ status: 'DRAFT' }))).toThrow(/status/);
    expect(() => toLifecycle(job({ lastModifiedDate: null }))).toThrow(/lastModifiedDate/);
    expect(() => toLifecycle(job({ lastModifiedDate: 'semalam' }))).toThrow(/not a date/);
  });
});
