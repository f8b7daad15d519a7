import { readFileSync } from 'node:fs';
import { Kind, parse, print } from 'graphql';
import { fromRoot } from '../../core/paths.js';
import { PROVIDED_VACANCY_FIELDS } from './provided.js';

/**
 * The exchange's SDL, generated from the country list. Federation never merges the lists of
 * several subgraphs, so the exchange returns *references* — `{ __typename: "IndonesiaVacancy",
 * id }` — and the gateway fetches every other field from the country that owns the type. To return
 * such references the exchange must know each country's concrete type names: one unresolvable
 * `@key` stub per country and kind. The fields a search hit already carries (title, date, country,
 * occupation, region, skills) travel with the reference (`@provides`), so a list showing only them
 * needs nothing from the countries. Adding a country to the registry adds two stubs here and
 * nothing else (`npm run compose` regenerates subgraphs/exchange/generated/schema.graphql).
 */

/** What the generator needs to know about a country; registry entries satisfy it. */
export interface CountryTypeNames {
  typePrefix: string;
}

/** Enums that appear in both input and output positions must be identical in every subgraph;
 * copying them from the country contract keeps them so by construction. */
const SHARED_ENUMS = ['EmploymentType'];

export function exchangeSchemaText(countries: readonly CountryTypeNames[]): string {
  const prefixes = [...new Set(countries.map((c) => c.typePrefix))].sort();
  return [HEADER, sharedEnums(), referenceStubs(prefixes), TAXONOMY_EXTENSIONS, publicApi(providedVacancyFields(prefixes))].join('\n');
}

function sharedEnums(): string {
  const contract = parse(readFileSync(fromRoot('subgraphs/kit/contract/country.graphql'), 'utf8'));
  const enums = contract.definitions.filter(
    (d) => d.kind === Kind.ENUM_TYPE_DEFINITION && SHARED_ENUMS.includes(d.name.value),
  );
  return `# ---- copied from the country contract --------------------------------------------------\n${enums.map((e) => print(e)).join('\n\n')}\n`;
}

function referenceStubs(prefixes: readonly string[]): string {
  const external = PROVIDED_VACANCY_FIELDS.map((f) => `  ${f.name}: ${f.type} @external`).join('\n');
  const stubs = prefixes.flatMap((p) => [
    `type ${p}Vacancy implements Vacancy @key(fields: "id", resolvable: false) {\n  id: ID!\n${external}\n}`,
    `type ${p}TrainingOffer implements TrainingOffer @key(fields: "id", resolvable: false) { id: ID! }`,
  ]);
  return `# ---- one reference stub per country type (generated from the registry) ----------------------
"""A vacancy published by one of the national systems; every other field comes from its country."""
interface Vacancy { id: ID! }
"""A training offer published by one of the national systems."""
interface TrainingOffer { id: ID! }
${stubs.join('\n')}
`;
}

/** What every field returning a Vacancy provides itself: the search hit's own fields (schema/sdl/provided.ts). */
function providedVacancyFields(prefixes: readonly string[]): string {
  const selection = PROVIDED_VACANCY_FIELDS.map((f) => f.selection).join(' ');
  return `@provides(fields: "${prefixes.map((p) => `... on ${p}Vacancy { ${selection} }`).join(' ')}")`;
}

const HEADER = `# GENERATED from the subgraph registry by schema/sdl/exchange.ts — do not edit.
extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@shareable", "@external", "@provides"])
`;

const NESTED_VACANCIES_ARGS = `filter: VacancyFilter, first: Int = 20, after: String, orderBy: VacancyOrder = NEWEST`;

const TAXONOMY_EXTENSIONS = `# ---- taxonomy entities, extended with cross-border lists ------------------------------------
type Occupation @key(fields: "iscoCode") {
  iscoCode: ID!
  """Vacancies in every country for this ISCO-08 group (a major group covers all its units). The
  occupation replaces filter.iscoCode."""
  vacancies(${NESTED_VACANCIES_ARGS}): VacancyConnection!
  """Training offers in every country for this ISCO-08 group."""
  trainingOffers(filter: TrainingOfferFilter, first: Int = 20, after: String): TrainingOfferConnection!
}
type Skill @key(fields: "id") {
  id: ID!
  """Vacancies in every country asking for this skill. The skill replaces filter.skills."""
  vacancies(${NESTED_VACANCIES_ARGS}): VacancyConnection!
}
type Region @key(fields: "code") {
  code: ID!
  """Vacancies in this region; only the owning country is asked. The region replaces filter.regions."""
  vacancies(${NESTED_VACANCIES_ARGS}): VacancyConnection!
}
type Country @key(fields: "code") {
  code: ID!
  """Vacancies in this country. The country replaces filter.countries."""
  vacancies(${NESTED_VACANCIES_ARGS}): VacancyConnection!
}
`;

const publicApi = (PROVIDES: string) => `# ---- the regional exchange --------------------------------------------------------------
type Query {
  """Vacancies from every selected country, merged. NEWEST: posting instant descending, ties by id
  descending, keyset paging (walking all pages yields every match exactly once, even while new
  vacancies arrive). RELEVANCE: text-match score of the title descending, then NEWEST's order;
  without filter.text it is NEWEST. first: 0..100."""
  vacancies(${NESTED_VACANCIES_ARGS}): VacancyConnection!
  """Training offers from every selected country: soonest start first (unknown start last), ties by id."""
  trainingOffers(filter: TrainingOfferFilter, first: Int = 20, after: String): TrainingOfferConnection!
  """Vacancies ranked by skill overlap with the given ESCO skills (essential skills weigh twice as
  much as optional ones; see VacancyMatch.score). Vacancies sharing none of the skills are not listed."""
  matchVacancies(skills: [ID!]!, filter: VacancyFilter, first: Int = 20): VacancyMatchList!
  """Statistics from the regional vacancy store (no national call for vacancies): open stock at the
  reference date (at; default: the period's last day, else the store's as-of: the earliest asOf of
  the countries counted, stated in definitions) and new postings in the period
  (from/to, whole UTC days; default: the reference month up to the reference day), postings and
  positions, duration, wage quartiles. Duplicates are left out unless includeDuplicates. Every
  count is perturbed by the cell key method, then cells below the disclosure threshold are
  suppressed. Training supply comes live from the countries. The answer states its definitions."""
  labourMarketStats(filter: VacancyFilter, groupBy: [StatsDimension!]! = [COUNTRY], currency: String = "USD",
    """ISO 8601 date (stock at the end of that day, UTC) or instant."""
    at: String,
    """First day of the flow period (ISO 8601 date)."""
    from: String,
    """Last day of the flow period (ISO 8601 date, inclusive); at most 10 years after from."""
    to: String,
    includeDuplicates: Boolean = false): LabourMarketStats!
  """The store's statistics per calendar month or ISO week of [from, to] (whole UTC days): open stock
  at the end of each interval, new postings within it; same definitions, perturbation and
  suppression as labourMarketStats; cells per point when groupBy is given. At most 260 points."""
  labourMarketTrend(filter: VacancyFilter, groupBy: [StatsDimension!]! = [], interval: TrendInterval = MONTH,
    from: String!, to: String!, currency: String = "USD", includeDuplicates: Boolean = false): LabourMarketTrend!
  """Each country's harvest into the regional vacancy store."""
  storeSyncStatus: [CountrySyncStatus!]!
  """What happened to vacancies, from the store, in the order the store recorded it (a mirror that
  follows endCursor sees every event exactly once). since: ISO 8601 date or instant of the events;
  first: 1..500."""
  vacancyChanges(since: String!, first: Int = 50, after: String): VacancyChangeConnection!
}

input VacancyFilter {
  """ISO 3166-1 alpha-2 codes of registered countries; default: all."""
  countries: [String!]
  """ISCO-08 code at any level: "7" (major group), "72", "721", "7212" (unit)."""
  iscoCode: String
  """ESCO skill ids; a vacancy matches when it asks for at least one of them."""
  skills: [ID!]
  """ISO 3166-2 codes; only the countries owning them are asked."""
  regions: [String!]
  """Free text in English, Indonesian, Malay or Thai, matched against title and employer."""
  text: String
  """Minimum monthly wage in any configured currency; converted per country. Hidden wages never match."""
  minMonthlyWage: MoneyInput
  """ISO 8601 date or instant; only vacancies posted at or after it."""
  postedSince: String
  employmentTypes: [EmploymentType!]
  """ISCED 2011 levels accepted (0-8)."""
  educationLevels: [Int!]
}

input MoneyInput {
  amount: Float!
  """ISO 4217 code with a configured exchange rate (USD, IDR, MYR, THB)."""
  currency: String!
}

input TrainingOfferFilter {
  countries: [String!]
  iscoCode: String
  skills: [ID!]
  regions: [String!]
  text: String
  """ISO 8601 date; only offers starting on or after it."""
  startsAfter: String
}

enum VacancyOrder { NEWEST RELEVANCE }

type VacancyConnection {
  edges: [VacancyEdge!]!
  pageInfo: PageInfo!
  """Matches in the countries that answered (the sum of their totals)."""
  totalCount: Int!
  """One entry per country asked: did it answer, from cache, how fast."""
  sources: [SourceStatus!]!
}

type VacancyEdge {
  """Resumes the walk right after this edge."""
  cursor: String!
  node: Vacancy! ${PROVIDES}
  """Text relevance of the title (0..1) when ordered by RELEVANCE, else null."""
  score: Float
}

type TrainingOfferConnection {
  edges: [TrainingOfferEdge!]!
  pageInfo: PageInfo!
  totalCount: Int!
  sources: [SourceStatus!]!
}

type TrainingOfferEdge {
  cursor: String!
  node: TrainingOffer!
}

"""Shared with the taxonomy's connections (identical, hence @shareable)."""
type PageInfo @shareable {
  hasNextPage: Boolean!
  endCursor: String
}

enum SourceState {
  """The country answered with fresh data."""
  OK
  """The country answered from a stale cache (its system was slow or down)."""
  STALE
  """The country could not be reached or answered with an error; its results are missing."""
  FAILED
  """The country did not answer within the exchange's deadline; its results are missing."""
  TIMEOUT
  """The vacancy store has no complete sync of the country yet; it is left out (never counted as zero)."""
  NOT_SYNCED
}

type SourceStatus {
  country: Country!
  """The subgraph asked, e.g. "indonesia"."""
  subgraph: String!
  status: SourceState!
  message: String
  latencyMs: Int!
  """This source's matches for the filter; on failure, its count when the walk started (if known)."""
  total: Int
  """Age of the data when served from a cache."""
  ageSeconds: Int
}

type VacancyMatchList {
  matches: [VacancyMatch!]!
  """Vacancies sharing at least one of the skills (before first is applied)."""
  totalCount: Int!
  sources: [SourceStatus!]!
}

type VacancyMatch {
  vacancy: Vacancy! ${PROVIDES}
  """0..1 = 0.7·fit + 0.3·coverage, with weights 2 (essential) and 1 (optional): fit = weight of the
  given skills the vacancy asks for / (2 · given skills); coverage = weight of the vacancy's skills
  the caller has / weight of all its skills. A vacancy needing every given skill as essential
  always ranks above one needing none of them as essential."""
  score: Float!
  matchedSkills: [Skill!]!
  """The given skills this vacancy marks essential."""
  matchedEssentialSkills: [Skill!]!
  """The vacancy's skills the caller lacks, essential ones first."""
  missingSkills: [Skill!]!
  missingEssentialSkills: [Skill!]!
}

"""MONTH: the local month of posting (training offers: of their start)."""
enum StatsDimension { COUNTRY REGION ISCO_MAJOR ISCO_SUB_MAJOR ISCO_MINOR ISCO_UNIT MONTH }

type LabourMarketStats {
  groupBy: [StatsDimension!]!
  """The stock's reference date (YYYY-MM-DD) or instant."""
  referenceDate: String!
  """The flow period (new postings, filled vacancies)."""
  period: StatsPeriod!
  includeDuplicates: Boolean!
  """False only in exact internal runs (DISCLOSURE_PERTURBATION=off)."""
  perturbed: Boolean!
  """Per country: the store holds its data complete up to this instant (null: never synced)."""
  asOf: [CountryAsOf!]!
  """What every figure counts, in words."""
  definitions: [StatsDefinition!]!
  """ISO 4217 code wages are expressed in."""
  currency: String!
  """The dated rates used to convert each source currency into currency."""
  exchangeRates: [ExchangeRate!]!
  """Counts below this (after perturbation) are suppressed."""
  disclosureThreshold: Int!
  cells: [LabourMarketCell!]!
  """Per country: the store's sync (OK, STALE after a failed sync, NOT_SYNCED: left out); a failed
  training answer adds an entry of its own."""
  sources: [SourceStatus!]!
}

enum TrendInterval { MONTH WEEK }

type LabourMarketTrend {
  interval: TrendInterval!
  groupBy: [StatsDimension!]!
  from: String!
  to: String!
  currency: String!
  disclosureThreshold: Int!
  perturbed: Boolean!
  asOf: [CountryAsOf!]!
  definitions: [StatsDefinition!]!
  sources: [SourceStatus!]!
  points: [TrendPoint!]!
}

type TrendPoint {
  """YYYY-MM, or YYYY-Www (ISO week)."""
  period: String!
  """First and last day of the interval within [from, to] (ISO 8601 dates)."""
  start: String!
  end: String!
  """Open vacancy stock at the end of the interval (perturbed; null when suppressed)."""
  openStock: Int
  openPositions: Int
  """Postings first published within the interval (perturbed; null when suppressed)."""
  newPostings: Int
  newPositions: Int
  """Per group when groupBy is given (training figures null: a trend reads the store only)."""
  cells: [LabourMarketCell!]
}

enum SyncState {
  """Not synced yet."""
  NEVER
  SYNCING
  OK
  """The last sync failed; the country keeps its stored data and is retried with backoff."""
  FAILED
}

type CountrySyncStatus {
  country: Country!
  state: SyncState!
  """The country's data is complete up to this instant."""
  asOf: String
  """When the last sync started."""
  lastSyncAt: String
  lastSuccessAt: String
  """Seconds from asOf to now."""
  lagSeconds: Int
  """Vacancies of the country in the store, and by state."""
  records: Int!
  open: Int!
  closed: Int!
  withdrawn: Int!
  """Changes taken in the last sync."""
  lastChanges: Int!
  """A fixed coded message (TIMEOUT, UNREACHABLE, UPSTREAM_ERROR: …); null after a success."""
  lastError: String
}

enum VacancyChangeKind { ADDED UPDATED CLOSED WITHDRAWN }

type VacancyChange {
  kind: VacancyChangeKind!
  """The country's instant of the change."""
  at: String!
  """When the store recorded it."""
  seenAt: String!
  country: Country!
  """Resolved from the owning country."""
  vacancy: Vacancy!
}

type VacancyChangeEdge {
  cursor: String!
  node: VacancyChange!
}

type VacancyChangeConnection {
  edges: [VacancyChangeEdge!]!
  pageInfo: PageInfo!
}

type StatsPeriod {
  """First day, ISO 8601 date."""
  from: String!
  """Last day (inclusive), ISO 8601 date."""
  to: String!
}

type CountryAsOf {
  country: Country!
  asOf: String
}

type StatsDefinition {
  term: String!
  text: String!
}

type ExchangeRate {
  from: String!
  to: String!
  """Units of 'to' per unit of 'from'."""
  rate: Float!
  """The date the rate applies to (ISO 8601)."""
  date: String!
  source: String!
}

type LabourMarketCell {
  """Set when grouped by COUNTRY."""
  country: Country
  """Set when grouped by REGION; null for vacancies without a known region."""
  region: Region
  """The ISCO-08 group when grouped by an ISCO level; null for unmapped national codes."""
  iscoCode: String
  occupation: Occupation
  """YYYY-MM (local month of posting; of start for training) when grouped by MONTH."""
  month: String
  """Open vacancy stock: postings open at the reference instant (posted before it, not filled or
  withdrawn by then, not past validThrough). Perturbed; null when suppressed."""
  vacancies: Int
  """Positions (openings) of the open stock."""
  openPositions: Int
  """Flow: postings first published within the period. Perturbed; null when suppressed."""
  newPostings: Int
  newPositions: Int
  """Postings filled within the period: days from posting to filling."""
  duration: VacancyDuration!
  """Quartiles of the open stock's monthly wages (rounded), only from at least the threshold of distinct wages."""
  monthlyWage: WageQuantiles!
  """Live from the countries' training systems (not from the store)."""
  trainingOffers: Int
  trainingSeats: Int
  """Training seats offered per open vacancy: training supply against demand."""
  seatsPerVacancy: Float
  suppressed: Boolean!
  suppressionReason: String
}

type VacancyDuration {
  """Postings filled within the period (perturbed; null when suppressed)."""
  filled: Int
  meanDays: Float
  medianDays: Float
}

"""Quantiles (linear interpolation between order statistics) of disclosed monthly wages, rounded."""
type WageQuantiles {
  p25: Float
  p50: Float
  p75: Float
  """Vacancies with a disclosed wage in the cell."""
  sampleSize: Int
  suppressed: Boolean!
  reason: String
}
`;
