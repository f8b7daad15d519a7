/**
 * What a country's pure `toVacancy` / `toTrainingOffer` produce: the contract's interface fields
 * (subgraphs/kit/contract/country.graphql) in plain data, with references reduced to their keys
 * (`iscoCode`, `regionCode`, `skillIds`). The kit turns these into GraphQL answers; the `native`
 * record rides along for the country's own native-only fields.
 */

export type WagePeriod = 'HOUR' | 'DAY' | 'WEEK' | 'MONTH' | 'YEAR';
export type EmploymentType = 'FULL_TIME' | 'PART_TIME' | 'CONTRACT' | 'TEMPORARY' | 'INTERNSHIP' | 'DAILY' | 'GIG' | 'OTHER';
export type TrainingMode = 'IN_PERSON' | 'ONLINE' | 'BLENDED';

export interface SalaryModel {
  min: number | null;
  max: number | null;
  /** ISO 4217 (IDR, MYR, THB). */
  currency: string;
  period: WagePeriod;
  /** Midpoint (or the one amount) as a monthly figure, by `conversion`. */
  monthlyAmount: number | null;
  /** The country's rule that made `monthlyAmount` (null when there is no amount). */
  conversion: WageConversionModel | null;
  /** False when the source hides the amount ("nego", "Gaji Kompetitif", no band). */
  disclosed: boolean;
  /** The source's own salary text, untouched. */
  text: string | null;
}

export interface EmployerModel {
  name: string;
  industryCode: string | null;
  industryScheme: string | null;
}

/** The occupation code exactly as the national system gave it. */
export interface WageConversionModel {
  factor: number;
  from: WagePeriod;
  basis: string;
  effective: string;
  fullTimeEquivalent: boolean;
}

export interface NationalCodeModel {
  /** 'KBJI-2014' | 'MASCO-2020' | 'TH-DOE-ISCO88' */
  system: string;
  code: string;
  /** True when the taxonomy crosswalk knows the code. Unmapped codes feed a metric. */
  mapped: boolean;
  /** True when the code is from an earlier edition (KBJI 2002, MASCO 2008, a withdrawn DOE code) and was mapped through its correspondence. */
  mappedFromOutdated: boolean;
  /** The classification edition the code belongs to (KBJI-2014, KBJI-2002, MASCO-2008 …); null when unknown. */
  edition: string | null;
}

export interface EducationModel {
  /** ISCED 2011 level 0-8, null when the source does not say. */
  iscedLevel: number | null;
  nativeLabel: string | null;
}

export interface VacancyModel<N = unknown> {
  /** Global id: `<country>:<nativeId>`, e.g. `ID:KH-000123`. */
  id: string;
  nativeId: string;
  title: string;
  description: string | null;
  employer: EmployerModel | null;
  /** ISO 3166-2, null when the region could not be recognised. */
  regionCode: string | null;
  /** The region as the source wrote it. */
  nativeRegion: string | null;
  /** ISCO-08 unit group (4 digits); null when the national code is unknown or outdated. */
  iscoCode: string | null;
  nationalCode: NationalCodeModel | null;
  /** ESCO skill ids (UUIDs), stated by the source or derived from the occupation. */
  skillIds: string[];
  /** The subset of `skillIds` that are essential for the occupation. */
  essentialSkillIds: string[];
  salary: SalaryModel | null;
  employmentType: EmploymentType | null;
  education: EducationModel | null;
  /** ISO 8601 with the source's offset. */
  postedAt: string;
  validThrough: string | null;
  applyUrl: string | null;
  /** Global id of the vacancy this one duplicates, if any. */
  duplicateOf: string | null;
  /** Link to the record on the national system. */
  sourceUrl: string | null;
  /** The raw upstream record, for the country's native-only resolvers. */
  native: N;
}

export interface TrainingProviderModel {
  name: string;
  kind: string | null;
}

export interface TrainingOfferModel<N = unknown> {
  id: string;
  nativeId: string;
  title: string;
  provider: TrainingProviderModel;
  regionCode: string | null;
  nativeRegion: string | null;
  /** ISCO-08 unit groups the training prepares for. */
  iscoCodes: string[];
  /** National occupation codes as the source gave them (mapped or not). */
  nationalCodes: NationalCodeModel[];
  skillIds: string[];
  /** ISO 8601 date (or instant with offset). */
  startDate: string | null;
  /** ISO 8601 duration, e.g. P3M, PT160H. */
  duration: string | null;
  fee: SalaryModel | null;
  seats: number | null;
  mode: TrainingMode | null;
  certification: string | null;
  sourceUrl: string | null;
  native: N;
}

/** How fresh an answer is; attached by the kit from the cache, never by the adapter. */
export interface Freshness {
  stale: boolean;
  ageSeconds: number;
  /** ISO 8601 instant the record was fetched from the upstream. */
  fetchedAt: string;
}

/**
 * The parent object the kit hands to every `<Prefix>Vacancy` field resolver (also the codegen
 * mapper): the model plus its freshness. Native-only resolvers read `parent.native`.
 */
export type VacancyEntity<N = unknown> = VacancyModel<N> & { freshness: Freshness };
export type TrainingOfferEntity<N = unknown> = TrainingOfferModel<N> & { freshness: Freshness };
