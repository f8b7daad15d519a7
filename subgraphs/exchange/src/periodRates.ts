import { countryReferences, type ExchangeRateEntry } from '../../../reference/index.js';
import { parseRateTable, rateBetween, type AppliedRate, type RateTable } from './currency.js';
import type { CountrySource } from './registry.js';

/**
 * Exchange rates per period, built from each registered country's own rates (its
 * reference/country.json `exchangeRates`, local currency units per US dollar): a statistic about
 * a date uses the table of the period containing it, or — for a period without its own table
 * yet — the latest earlier one (the applied rate carries its own date, so the answer says
 * which). Dates before the first table use the first.
 */

export interface PeriodRateTable extends RateTable {
  from: string;
  to: string;
}

/** A country's rate entries with the currency they price. */
export interface CurrencyRates {
  currency: string;
  /** Where the entries come from, for error messages. */
  file: string;
  rates: readonly ExchangeRateEntry[];
}

/** Every registered country's rates, as country.json lists them. */
export function registeredRates(): CurrencyRates[] {
  return countryReferences().map((ref) => ({ currency: ref.country.currency, file: `${ref.dir}/country.json`, rates: ref.country.exchangeRates }));
}

/**
 * The period tables: one per period (from, to, date) any country lists, with every country's
 * rate in it. A country missing a period fails at start naming its file and the period, since a
 * statistic of that period could not convert its wages.
 */
export function periodTables(sources: readonly CurrencyRates[]): PeriodRateTable[] {
  const periods = new Map<string, ExchangeRateEntry>();
  for (const entry of sources.flatMap((s) => s.rates)) periods.set(periodKey(entry), periods.get(periodKey(entry)) ?? entry);
  return [...periods.values()]
    .map((period) => periodTable(period, sources))
    .sort((a, b) => a.from.localeCompare(b.from));
}

function periodTable(period: ExchangeRateEntry, sources: readonly CurrencyRates[]): PeriodRateTable {
  const entries = sources.map((s) => {
    const entry = s.rates.find((r) => periodKey(r) === periodKey(period));
    if (!entry) throw new Error(`${s.file}: exchangeRates has no entry for ${period.from}…${period.to} (${period.period}), which another country lists`);
    return { currency: s.currency, entry };
  });
  const table = parseRateTable({
    base: 'USD',
    date: period.date,
    period: period.period,
    // One citation when the countries share a series, else each in registry order.
    source: [...new Set(entries.map((e) => e.entry.source))].join('; '),
    perBase: { USD: 1, ...Object.fromEntries(entries.map((e) => [e.currency, e.entry.perUSD])) },
    sourceOf: Object.fromEntries(entries.map((e) => [e.currency, e.entry.source])),
  });
  return { ...table, from: period.from, to: period.to };
}

const periodKey = (e: ExchangeRateEntry): string => `${e.from}|${e.to}|${e.date}`;

/** The registered countries' period tables; every exchange country's currency must have a rate. */
export function loadPeriodRates(countries: readonly CountrySource[], sources = registeredRates()): PeriodRateTable[] {
  const tables = periodTables(sources);
  for (const t of tables) for (const c of countries) rateBetween(t, c.currency, t.base);
  return tables;
}

/** The table for a date (YYYY-MM-DD). */
export function tableFor(tables: readonly PeriodRateTable[], date: string): PeriodRateTable {
  const day = date.slice(0, 10);
  return tables.filter((t) => t.from <= day).at(-1) ?? tables[0]!;
}

/** The rates from each currency into `to` for a date, as the answer states them. */
export function ratesOn(tables: readonly PeriodRateTable[], date: string, currencies: readonly string[], to: string): AppliedRate[] {
  const table = tableFor(tables, date);
  return [...new Set(currencies)].map((from) => rateBetween(table, from, to));
}
