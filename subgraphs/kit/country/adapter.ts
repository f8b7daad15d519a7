import type { SubgraphDeps } from '../deps.js';
import type { Logger } from '../../../core/log.js';
import type { CachePolicy } from '../../../core/cache/types.js';
import type { KitMetrics } from '../metrics.js';
import type { EmploymentType, TrainingOfferModel, VacancyModel } from '../model.js';
import type { UpstreamClient, UpstreamClientOptions } from '../upstream/types.js';
import type { CountryManifest } from '../../../schema/registry.js';

/**
 * What a country supplies to `defineCountrySubgraph`. Everything else — the contract resolvers,
 * entity resolution through batch loaders and the upstream cache, stale marking, error shaping,
 * metrics, health — is the kit's. A new country writes an adapter and needs no kit change.
 */

/** subgraphs/<name>/subgraph.json of a country, as the registry validates it. */
export type { CountryManifest } from '../../../schema/registry.js';

/** ExchangeVacancyFilter. */
export interface VacancyFilter {
  iscoCodes?: string[] | null;
  skills?: string[] | null;
  regions?: string[] | null;
  text?: string | null;
  minMonthlyWage?: number | null;
  postedSince?: string | null;
  employmentTypes?: EmploymentType[] | null;
  educationLevels?: number[] | null;
}

/** ExchangeKeyset: results strictly after (postedAt desc, id desc). */
export interface Keyset {
  postedAt: string;
  /** The global id (`ID:…`). */
  id: string;
  /** The same id without the country prefix, as the upstream knows it. */
  nativeId: string;
}

/** ExchangeChangeKeyset: changes strictly after (updatedAt asc, id asc). */
export interface ChangeKeyset {
  updatedAt: string;
  /** The global id (`ID:…`). */
  id: string;
  /** The same id without the country prefix, as the upstream knows it. */
  nativeId: string;
}

/** One page of a national system's "changed since" feed. */
export interface ChangesResult<N> {
  /** Oldest change first; may start with records at the keyset's very instant (the kit skips those it has passed). */
  items: N[];
  /** The national system says more changes follow this page. */
  hasMore: boolean;
  /** The national system's own clock when it answered (ISO 8601). */
  asOf: string;
}

/** A posting's lifecycle as the national system records it: what `toLifecycle` reads from a native record. */
export interface LifecycleModel {
  /** ISO 8601 instant of the national system's last change to the posting. */
  updatedAt: string;
  state: PostingState;
  /** ISO 8601, when filled or withdrawn; null while open (the kit ignores it on an open posting). */
  closedAt: string | null;
  /** Openings the posting offers (the kit counts at least 1). */
  positions: number;
}

export type PostingState = 'OPEN' | 'CLOSED' | 'WITHDRAWN';

/** ExchangeTrainingFilter. */
export interface TrainingFilter {
  iscoCodes?: string[] | null;
  skills?: string[] | null;
  regions?: string[] | null;
  text?: string | null;
  startsAfter?: string | null;
}

export interface SearchResult<N> {
  /** Matches for the filter, ignoring paging. */
  total: number;
  items: N[];
}

/** The country's native HTTP client: each method is ONE upstream call unless it says otherwise. */
export interface CountryUpstream<NV, NT> {
  /** Newest first (postedAt desc, id desc), strictly after `after`. */
  searchVacancies(filter: VacancyFilter, first: number, after: Keyset | null): Promise<SearchResult<NV>>;
  /** Every match (may walk all upstream pages). */
  allVacancies(filter: VacancyFilter): Promise<NV[]>;
  /** The records that exist among `nativeIds`, in any order; unknown ids are simply absent. */
  vacanciesByIds(nativeIds: readonly string[]): Promise<NV[]>;
  /** Soonest start first, ties by id ascending; offset paging. */
  searchTrainings(filter: TrainingFilter, first: number, offset: number): Promise<SearchResult<NT>>;
  allTrainings(filter: TrainingFilter): Promise<NT[]>;
  trainingsByIds(nativeIds: readonly string[]): Promise<NT[]>;
  /**
   * The native "changed since" feed: postings in every state (open, filled, withdrawn) changed at
   * or after `after.updatedAt` (national date filters are inclusive), oldest change first and, within
   * one instant, native id ascending; at least `first` records past the keyset when that many exist.
   * Null: from the very first change (a full sync).
   */
  changes(after: ChangeKeyset | null, first: number): Promise<ChangesResult<NV>>;
}

/** What the kit hands the adapter to build its upstream. */
export interface AdapterContext {
  deps: SubgraphDeps;
  /** deps.upstreamUrl, required for a country. */
  upstreamUrl: string;
  /**
   * This country's own settings (the `settings` of its subgraph.json, e.g. `apiKey`), read from
   * the environment by the names it declares; no other country's are visible here.
   */
  settings: Readonly<Record<string, string | undefined>>;
  /** One of `settings`; throws naming the key when the manifest declares no such setting. */
  setting(key: string): string;
  logger: Logger;
  metrics: KitMetrics;
  /**
   * An upstream client already wired to the kit's logger and metrics; the kit reports its breaker
   * on /ready and closes it on shutdown. `name` defaults to the manifest's name; `baseUrl` to upstreamUrl.
   */
  createClient(options: Partial<Pick<UpstreamClientOptions, 'name'>> & Omit<UpstreamClientOptions, 'name' | 'baseUrl' | 'logger' | 'metrics'> & { baseUrl?: string }): UpstreamClient;
}

/** Cache policies per resource; the kit's defaults apply to whatever is left out. */
export interface CountryCachePolicies {
  /** One search page (short). */
  search: CachePolicy;
  /** Whole-result pulls for statistics. */
  facts: CachePolicy;
  /** One record by id. */
  record: CachePolicy;
}

export interface CountryAdapter<NV, NT> {
  manifest: CountryManifest;
  /**
   * The country's own SDL: `type <Prefix>Vacancy implements Vacancy @key(fields: "id")`,
   * `type <Prefix>TrainingOffer implements TrainingOffer @key(fields: "id")` with every
   * interface field, plus native-only fields and types. The contract is prepended by the kit.
   */
  typeDefs: string;
  /**
   * Resolvers for native-only fields, e.g. `{ IndonesiaVacancy: { kbjiTitle: (v) => v.native.x } }`.
   * Parents are `VacancyEntity<NV>` / `TrainingOfferEntity<NT>`.
   */
  resolvers?: Record<string, Record<string, unknown>>;
  createUpstream(ctx: AdapterContext): CountryUpstream<NV, NT>;
  /** The native id of a raw record (what vacanciesByIds accepts). Must not throw for a record that has an id. */
  vacancyId(native: NV): string;
  trainingId(native: NT): string;
  /** Pure translation; throws for a record it cannot translate (only that entity then fails). */
  toVacancy(native: NV): VacancyModel<NV>;
  toTrainingOffer(native: NT): TrainingOfferModel<NT>;
  /** Pure: the native record's lifecycle fields (last change, state, closing, positions); throws for a record it cannot read. */
  toLifecycle(native: NV): LifecycleModel;
  cachePolicies?: Partial<CountryCachePolicies>;
}
