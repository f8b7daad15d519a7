import { describe, expect, it } from 'vitest';
import type { JcbCourse, JcbVacancy } from './native.js';
import { filterOf, occupationTerm, text, vacancyTerms } from './filters.js';
import { datetimeLiteral, dayOf, odataDateMs, toLifecycle, toTrainingOffer, toVacancy } from './toModel.js';

/** 2026-11-22 14:05:00 in Brunei (UTC+8) = 06:05:00 UTC. */
const POSTED = Date.UTC(2026, 10, 22, 6, 5, 0);
const vacancy = (over: Partial<JcbVacancy> = {}): JcbVacancy => ({
  VacancyId: 'JCB-0004512',
  JobTitle: '  Welders and  flame cutters ',
  CompanyName: 'Borneo Jaya Sdn Bhd',
  IndustrySection: 'F',
  BdsocCode: '7212',
  District: 'Brunei dan Muara',
  Location: 'Gadong',
  SalaryMin: '900.00',
  SalaryMax: '1100.00',
  SalaryCurrency: 'BND',
  SalaryBasis: 'M',
  SalaryNegotiable: false,
  SalaryDisplay: 'B$900 - B$1,100 / month',
  EmploymentType: 'FT',
  MinimumQualification: 'NTec',
  PostedOn: `/Date(${POSTED})/`,
  ClosingDate: `/Date(${Date.UTC(2027, 0, 15)})/`,
  NoOfVacancies: 3,
  IReady: false,
  SourcePortal: null,
  OriginalVacancyId: null,
  Description: '3 position(s) for welders.',
  Status: 'Open',
  LastModified: `/Date(${POSTED + 3_600_000})/`,
  ClosedOn: null,
  Skills: { results: [{ SkillName: 'non-ferrous metal processing', EscoUri: null }, { SkillName: 'Own transport', EscoUri: null }] },
  ...over,
});
const course = (over: Partial<JcbCourse> = {}): JcbCourse => ({
  CourseId: 'SP-00012', CourseTitle: 'Certificate in Welders and flame cutters', ProviderName: 'IBTE Jefri Bolkiah Campus', ProviderType: 'IBTE', District: 'Belait', BdsocCode: '7212',
  StartDate: `/Date(${Date.UTC(2027, 2, 1)})/`, DurationHours: 160, Seats: 24, Fee: '0.00', DeliveryMode: 'Face-to-face', Certification: 'NTec', SkillsPlusFunded: true,
  ...over,
});

describe('JobCentre Brunei → model: dates', () => {
  it('reads /Date(ms)/ as UTC and shows it in Brunei time; a date-only closing day stays that day', () => {
    const v = toVacancy(vacancy());
    expect(v.postedAt).toBe('2026-11-22T14:05:00+08:00');
    expect(v.validThrough).toBe('2027-01-15T00:00:00+08:00');
    expect(odataDateMs('/Date(1763596800000+0480)/')).toBe(1763596800000);
    expect(datetimeLiteral(POSTED + 999)).toBe("datetime'2026-11-22T06:05:00'");
    expect(dayOf('/Date(x)/')).toBeNull();
  });

  it('refuses a record without id, title or readable posting date; an unreadable closing day costs only validThrough', () => {
    for (const bad of ['2026-11-22', '/Date()/', 'Date(123)']) expect(() => toVacancy(vacancy({ PostedOn: bad })), bad).toThrow();
    expect(() => toVacancy(vacancy({ VacancyId: '' }))).toThrow(/VacancyId/);
    expect(() => toVacancy(vacancy({ JobTitle: ' ' }))).toThrow(/JobTitle/);
    expect(toVacancy(vacancy({ ClosingDate: 'soon' })).validThrough).toBeNull();
  });
});

describe('JobCentre Brunei → model: the translation', () => {
  it('maps BDSOC 2011 codes to ISCO-08, and legacy 5-digit BDSOC 2001 items through ISCO-88, flagged', () => {
    const current = toVacancy(vacancy());
    expect([current.iscoCode, current.nationalCode]).toEqual(['7212', { system: 'BDSOC-2011', code: '7212', mapped: true, mappedFromOutdated: false, edition: expect.any(String) }]);
    const legacy = toVacancy(vacancy({ BdsocCode: '72121' }));
    expect(legacy.iscoCode).toBe('7212');
    expect(legacy.nationalCode).toMatchObject({ code: '72121', mapped: true, mappedFromOutdated: true, edition: 'BDSOC-2001' });
    expect(toVacancy(vacancy({ BdsocCode: '25129' })).nationalCode).toMatchObject({ mapped: false });
    expect(toVacancy(vacancy({ BdsocCode: null })).nationalCode).toBeNull();
  });

  it('reads BND pay per month, per hour (44-hour week) and negotiable pay as undisclosed with its words', () => {
    expect(toVacancy(vacancy()).salary).toMatchObject({ min: 900, max: 1100, currency: 'BND', period: 'MONTH', monthlyAmount: 1000, disclosed: true });
    const hourly = toVacancy(vacancy({ SalaryMin: '2.62', SalaryMax: '3.00', SalaryBasis: 'H', EmploymentType: 'PT' })).salary!;
    expect(hourly.period).toBe('HOUR');
    expect(hourly.monthlyAmount).toBe(Math.round(2.81 * ((52 * 44) / 12)));
    expect(hourly.conversion?.basis).toMatch(/Employment Order 2009/);
    expect(toVacancy(vacancy({ SalaryMin: null, SalaryMax: null, SalaryNegotiable: true, SalaryDisplay: 'Negotiable' })).salary).toMatchObject({ disclosed: false, monthlyAmount: null, text: 'Negotiable' });
  });

  it('names the district by ISO 3166-2 from the Malay picklist, types, qualifications, skills and syndicated copies', () => {
    const v = toVacancy(vacancy({ OriginalVacancyId: 'JCB-0000007', EmploymentType: 'AP', IReady: true }));
    expect([v.regionCode, v.nativeRegion, v.title]).toEqual(['BN-BM', 'Gadong, Brunei dan Muara', 'Welders and flame cutters']);
    expect(toVacancy(vacancy({ District: 'Belait' })).regionCode).toBe('BN-BE');
    expect(toVacancy(vacancy({ District: 'Atlantis' })).regionCode).toBeNull();
    expect([v.employmentType, v.duplicateOf, v.education]).toEqual(['INTERNSHIP', 'BN:JCB-0000007', { iscedLevel: 3, nativeLabel: 'NTec' }]);
    expect(toVacancy(vacancy({ MinimumQualification: 'HNTec' })).education?.iscedLevel).toBe(4);
    expect(toVacancy(vacancy({ MinimumQualification: "Bachelor's Degree" })).education?.iscedLevel).toBe(6);
    expect(toVacancy(vacancy({ EmploymentType: 'XX' })).employmentType).toBe('OTHER');
    expect(v.skillIds.length).toBe(1);
    expect(v.employer).toEqual({ name: 'Borneo Jaya Sdn Bhd', industryCode: 'F', industryScheme: 'ISIC-4-SECTION' });
  });

  it('reads the lifecycle from Status and the change dates', () => {
    expect(toLifecycle(vacancy())).toEqual({ updatedAt: '2026-11-22T15:05:00+08:00', state: 'OPEN', closedAt: null, positions: 3 });
    expect(toLifecycle(vacancy({ Status: 'Filled', ClosedOn: `/Date(${POSTED})/`, NoOfVacancies: 0 }))).toMatchObject({ state: 'CLOSED', closedAt: '2026-11-22T14:05:00+08:00', positions: 1 });
    expect(toLifecycle(vacancy({ Status: 'Withdrawn' })).state).toBe('WITHDRAWN');
    expect(() => toLifecycle(vacancy({ Status: 'Archived' }))).toThrow();
  });

  it('reads a course: free fee, hours, mode, district', () => {
    const t = toTrainingOffer(course());
    expect(t).toMatchObject({ id: 'BN:SP-00012', regionCode: 'BN-BE', iscoCodes: ['7212'], startDate: '2027-03-01', duration: 'PT160H', mode: 'IN_PERSON', seats: 24 });
    expect(t.fee).toMatchObject({ min: 0, disclosed: true, currency: 'BND' });
    expect(toTrainingOffer(course({ Fee: '250.00', DeliveryMode: 'Blended' }))).toMatchObject({ fee: { min: 250 }, mode: 'BLENDED' });
  });
});

describe('our filters in JobCentre $filter terms', () => {
  it('always lists open postings; regions become Malay district names, and an unknown one matches nothing', () => {
    expect(vacancyTerms({})).toEqual(["Status eq 'Open'"]);
    expect(vacancyTerms({ regions: ['BN-BM', 'BN-TE'] })).toContain("District eq 'Brunei dan Muara' or District eq 'Temburong'");
    expect(vacancyTerms({ regions: ['MY-01'] })).toContain("VacancyId eq ''");
    expect(vacancyTerms({ employmentTypes: ['INTERNSHIP', 'GIG'] })).toContain("EmploymentType eq 'AP'");
    expect(vacancyTerms({ educationLevels: [4] })).toContain("MinimumQualification eq 'HNTec'");
  });

  it('puts an ISCO-08 prefix over current units and the legacy items that map there, and compares each pay period in its unit', () => {
    const term = occupationTerm('7212');
    expect(term).toContain("startswith(BdsocCode,'7212') and length(BdsocCode) eq 4");
    expect(term).toMatch(/length\(BdsocCode\) eq 5 and \(startswith\(BdsocCode,'7212'\)/);
    const [wage] = vacancyTerms({ minMonthlyWage: 1000 }).slice(1);
    expect(wage).toBe("(SalaryBasis eq 'M' and SalaryMin ge 1000.00M) or (SalaryBasis eq 'H' and SalaryMin ge 5.24M) or (SalaryBasis eq 'D' and SalaryMin ge 38.46M)");
  });

  it('escapes quotes, splits free text into words, and joins terms with and', () => {
    expect(text("BC GCE 'O' Level")).toBe("'BC GCE ''O'' Level'");
    expect(vacancyTerms({ text: "Chef O'Neil" }).slice(1)).toEqual(["substringof('chef',tolower(JobTitle)) or substringof('chef',tolower(CompanyName))", "substringof('o''neil',tolower(JobTitle)) or substringof('o''neil',tolower(CompanyName))"]);
    expect(filterOf(["Status eq 'Open'", "District eq 'Belait'"])).toBe("(Status eq 'Open') and (District eq 'Belait')");
    expect(filterOf([])).toBeUndefined();
  });
});
