import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { fromRoot } from '../../../core/paths.js';
import { parseRateTable, rateBetween, type AppliedRate, type RateTable } from './currency.js';
import type { CountrySource } from './registry.js';

/**
 * Exchange rates per period (config/exchange-rates-by-period.json): a statistic about a date uses
 * the table of the period containing it, or — for a period without its own table yet — the
 * latest earlier one (the applied rate carries its own date, so the answer says which). Dates
 * before the first table use the first.
 */

export interface PeriodRateTable extends RateTable {
  from: string;
  to: string;
}

const FileSchema = z.object({
  tables: z.array(z.object({ from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }).passthrough()).min(1),
});

export function loadPeriodRates(countries: readonly CountrySource[], file = fromRoot('config/exchange-rates-by-period.json')): PeriodRateTable[] {
  const parsed = FileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const tables = parsed.tables
    .map((t) => ({ ...parseRateTable(t), from: t.from, to: t.to }))
    .sort((a, b) => a.from.localeCompare(b.from));
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
