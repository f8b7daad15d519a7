import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { fromRoot } from '../../../core/paths.js';
import { rateBetween, type RateTable } from './currency.js';
import { periodTables, registeredRates, type CurrencyRates } from './periodRates.js';
import type { CountrySource } from './registry.js';

/**
 * The one headline rate table (wage filters, the vacancy list's conversions): the period table
 * whose date config/exchange-rates.json names. The rates themselves are the countries' own
 * (their country.json); the config only says which period is current, so re-basing is one date.
 */

const HeadlineSchema = z.object({
  base: z.literal('USD'),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

export function loadRateTable(countries: readonly CountrySource[], file = fromRoot('config/exchange-rates.json'), sources: readonly CurrencyRates[] = registeredRates()): RateTable {
  const parsed = HeadlineSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.message}`);
  const tables = periodTables(sources);
  const headline = tables.find((t) => t.date === parsed.data.date);
  if (!headline) throw new Error(`${file}: no country lists an exchange-rate period dated ${parsed.data.date} (listed: ${tables.map((t) => t.date).join(', ')})`);
  const { from: _from, to: _to, ...table } = headline;
  for (const c of countries) rateBetween(table, c.currency, table.base);
  return table;
}
