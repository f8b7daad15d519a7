import { describe, expect, it } from 'vitest';
import type { TemplateJobRecord } from './client.js';
import { instantFromLocal, localFromInstant, nativeEducation, nativeJobTypes, nativeOccupations, nativeProvinces, nativeSkills, toLifecycle, toTrainingOffer, toVacancy } from './toModel.js';

const job: TemplateJobRecord = {
  job_no: 'ZZJ-00042',
  headline: 'Welder 42',
  company: 'Company 6',
  occupation_code: '7212',
  province: 'North Province',
  posted: '2026-02-20 08:30:00',
  closing: '2026-03-22',
  wage: { amount: 350, per: 'day' },
  job_type: 'DL',
  education: 'Diploma',
  skills: ['operate brazing equipment', 'not an ESCO label'],
  status: 'open',
  changed: '2026-02-21 09:00:00',
  closed: null,
  openings: 3,
};

describe('template translation', () => {
  it('translates a vacancy: id, local time with offset, region, daily wage, education, skills', () => {
    const v = toVacancy(job);
    expect(v).toMatchObject({
      id: 'ZZ:ZZJ-00042',
      nativeId: 'ZZJ-00042',
      postedAt: '2026-02-20T08:30:00+07:00',
      validThrough: '2026-03-22T23:59:59+07:00',
      regionCode: 'ZZ-NP',
      nativeRegion: 'North Province',
      iscoCode: '7212',
      nationalCode: { system: 'ISCO-08', code: '7212', mapped: true },
      salary: { min: 350, max: 350, period: 'DAY', monthlyAmount: 9100, disclosed: true, currency: 'XTS' },
      employmentType: 'DAILY',
      education: { iscedLevel: 5, nativeLabel: 'Diploma' },
      employer: { name: 'Company 6' },
    });
    expect(v.skillIds).toHaveLength(1);
    expect(v.essentialSkillIds).toEqual(v.skillIds);
  });

  it('keeps an unknown code and region raw, and hides a negotiable wage', () => {
    const v = toVacancy({ ...job, occupation_code: '9998', province: 'Hill Country', wage: { amount: null, per: 'month' } });
    expect(v.iscoCode).toBeNull();
    expect(v.nationalCode).toEqual({ system: 'ISCO-08', code: '9998', mapped: false, mappedFromOutdated: false, edition: null });
    expect(v.regionCode).toBeNull();
    expect(v.salary).toMatchObject({ disclosed: false, monthlyAmount: null, text: 'negotiable' });
  });

  it('refuses a record it cannot date', () => {
    expect(() => toVacancy({ ...job, posted: '20/02/2026' })).toThrow(/not a local date or time/);
    expect(() => toVacancy({ ...job, posted: '2026-02-30 08:30:00' })).toThrow(/not a calendar date/);
  });

  it('translates a course', () => {
    const t = toTrainingOffer({ course_no: 'ZZC-0001', course_title: 'Welding', institute: 'Institute 0', occupation_code: '7212', province: 'South Coast', starts: '2026-04-01', weeks: 6, seats: 12, online: true, skills: [] });
    expect(t).toMatchObject({ id: 'ZZ:ZZC-0001', iscoCodes: ['7212'], regionCode: 'ZZ-SC', startDate: '2026-04-01', duration: 'P6W', mode: 'ONLINE', seats: 12 });
  });

  it('converts instants to the upstream local time and back', () => {
    expect(localFromInstant('2026-02-20T01:30:00Z')).toBe('2026-02-20 08:30:00');
    expect(localFromInstant(instantFromLocal('2026-02-20 08:30:00'))).toBe('2026-02-20 08:30:00');
  });

  it('speaks filter values in the upstream vocabulary, dropping what it has no word for', () => {
    expect(nativeOccupations(['721'])).toContain('7212');
    expect(nativeOccupations(['721']).every((c) => c.startsWith('721'))).toBe(true);
    expect(nativeProvinces(['ZZ-CD', 'ZZ-XX'])).toEqual(['Capital District']);
    expect(nativeEducation([5, 8])).toEqual(['Diploma']);
    expect(nativeJobTypes(['FULL_TIME', 'GIG'])).toEqual(['FT']);
    expect(nativeSkills([toVacancy(job).skillIds[0]!, 'not-an-esco-id'])).toEqual(['operate brazing equipment']);
  });

  it('reads the lifecycle: status words, the last change and the closing in local time, openings', () => {
    expect(toLifecycle(job)).toEqual({ updatedAt: '2026-02-21T09:00:00+07:00', state: 'OPEN', closedAt: null, positions: 3 });
    expect(toLifecycle({ ...job, status: 'filled', closed: '2026-02-21 09:00:00' })).toMatchObject({ state: 'CLOSED', closedAt: '2026-02-21T09:00:00+07:00' });
    expect(toLifecycle({ ...job, status: 'withdrawn', closed: '2026-02-21 09:00:00' }).state).toBe('WITHDRAWN');
    expect(() => toLifecycle({ ...job, status: 'draft' })).toThrow(/unknown status/);
  });
});
