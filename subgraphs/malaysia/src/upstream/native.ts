/** MYFutureJobs' records as its REST API returns them (see simulators/malaysia). */
export interface MfjJob {
  id: string;
  positionTitle: string;
  positionTitleMs: string | null;
  companyName: string | null;
  location: { state: string | null; city: string | null } | null;
  /** MYR per month; null when hidden. */
  actualWages: { min: number | null; max: number | null } | null;
  /** A–N, or NEGO; null when absent. */
  salaryBand: string | null;
  contractType: { code: number; labelMs: string; labelEn: string } | null;
  /** MASCO 2020 "2512-01"; outdated MASCO 2008 four-digit codes also occur. */
  mascoCode: string | null;
  msicCode: string | null;
  educationLevel: { code: number; label: string } | null;
  skills: Array<{ code: string | null; name: string }> | null;
  /** ISO 8601 +08:00, or a bare date on legacy records. */
  postedDate: string;
  closingDate: string | null;
  jobUrl: string | null;
  numberOfVacancies: number | null;
  sourceJobId: string | null;
  /** ACTIVE | FILLED | WITHDRAWN. */
  status: string | null;
  /** ISO 8601 +08:00: the last change (publication, edit, closing). */
  lastModifiedDate: string | null;
  /** ISO 8601 +08:00 when FILLED or WITHDRAWN; null while ACTIVE. */
  closedDate: string | null;
}

/** One page of `/api/v1/jobs/changes`: a Spring Data Page, plus the portal's clock. */
export interface MfjChangePage {
  content: MfjJob[];
  last: boolean;
  totalElements: number;
  serverTime: string;
}

export interface MfjProgramme {
  programmeId: string;
  programmeNameMs: string;
  programmeNameEn: string | null;
  provider: { name: string; type: string | null };
  state: string | null;
  mascoCode: string | null;
  startDate: string | null;
  durationWeeks: number | null;
  seats: number | null;
  feeMyr: number | null;
  mode: string | null;
  certification: string | null;
}
