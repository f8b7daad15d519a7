/**
 * JobCentre Brunei's records as its OData v2 service returns them: Edm.Decimal as strings,
 * Edm.DateTime as `/Date(<epoch ms>)/` (UTC; date-only properties are midnight UTC of the day),
 * and `Skills` a navigation property, expanded (`{ results }`) when asked with `$expand=Skills`.
 */
export interface JcbVacancy {
  VacancyId: string;
  JobTitle: string;
  CompanyName: string | null;
  IndustrySection: string | null;
  BdsocCode: string | null;
  /** Malay district name from the portal's picklist. */
  District: string | null;
  Location: string | null;
  SalaryMin: string | null;
  SalaryMax: string | null;
  SalaryCurrency: string | null;
  /** M | H | D */
  SalaryBasis: string | null;
  SalaryNegotiable: boolean | null;
  SalaryDisplay: string | null;
  /** FT | PT | CT | TP | AP */
  EmploymentType: string | null;
  MinimumQualification: string | null;
  PostedOn: string;
  ClosingDate: string | null;
  NoOfVacancies: number | null;
  IReady: boolean | null;
  SourcePortal: string | null;
  OriginalVacancyId: string | null;
  Description: string | null;
  /** Open | Filled | Withdrawn */
  Status: string | null;
  LastModified: string | null;
  ClosedOn: string | null;
  Skills?: { results?: Array<{ SkillName: string | null; EscoUri: string | null }>; __deferred?: { uri: string } } | null;
}

export interface JcbCourse {
  CourseId: string;
  CourseTitle: string;
  ProviderName: string;
  ProviderType: string | null;
  District: string | null;
  BdsocCode: string | null;
  StartDate: string | null;
  DurationHours: number | null;
  Seats: number | null;
  Fee: string | null;
  DeliveryMode: string | null;
  Certification: string | null;
  SkillsPlusFunded: boolean | null;
}

/** An OData v2 collection answer: `d.results`, `__count` (a string) with `$inlinecount=allpages`, `__next` while more follow. */
export interface ODataCollection<T> {
  d: { results: T[]; __count?: string; __next?: string; __serverTime?: string };
}
