import type { Cache, CachePolicy } from '../../../../core/cache/types.js';
import type { RateTable } from '../currency.js';
import { ExchangeInputError } from '../errors.js';
import type { FanOut } from '../fanout.js';
import type { PeriodRateTable } from '../periodRates.js';
import type { Disclosure } from '../store/disclosure.js';
import type { KeptCells } from '../store/keptCells.js';
import type { VacancyStore } from '../store/vacancyStore.js';
import type { CountrySource } from '../registry.js';
import { MAX_FIRST } from '../pages.js';

/** What every exchange query works with; built once at start. */
export interface ExchangeContext {
  countries: readonly CountrySource[];
  rates: RateTable;
  fanOut: FanOut;
  disclosureThreshold: number;
  /** Where whole answers that are costly to compute (statistics) are kept and shared. */
  cache: Cache;
  statsPolicy: CachePolicy;
  /** The regional vacancy store (statistics, trend, change feed, sync status). */
  store: VacancyStore;
  /** The store's grouped passes, kept under the data version they were computed from. */
  storeCells: KeptCells;
  disclosure: Disclosure;
  periodRates: readonly PeriodRateTable[];
}

/** A reference the gateway resolves from the owning country subgraph. */
export interface EntityRef {
  __typename: string;
  id: string;
}

/** A vacancy reference with the search hit's own fields, which the exchange provides (`@provides`). */
export interface VacancyRef extends EntityRef {
  title: string;
  postedAt: string;
  country: { code: string };
  occupation: { iscoCode: string } | null;
  region: { code: string } | null;
  skills: Array<{ id: string }>;
}

export function sourcesFor(ctx: ExchangeContext, codes: readonly string[]): CountrySource[] {
  return ctx.countries.filter((c) => codes.includes(c.country));
}

export function validFirst(first: number | null | undefined, fallback = 20): number {
  const value = first ?? fallback;
  if (!Number.isInteger(value) || value < 0 || value > MAX_FIRST) {
    throw new ExchangeInputError('FIRST_OUT_OF_RANGE', `first must be between 0 and ${MAX_FIRST}; got ${value}.`, 'first');
  }
  return value;
}

export function sumTotals(pages: ReadonlyArray<{ source: CountrySource; page: { total: number } }>): Record<string, number> {
  return Object.fromEntries(pages.map((p) => [p.source.country, p.page.total]));
}
