import { readFileSync } from 'node:fs';
import { fromRoot } from '../../../core/paths.js';
import { parseRateTable, rateBetween, type RateTable } from './currency.js';
import type { CountrySource } from './registry.js';

/** config/exchange-rates.json, validated; every registered country's currency must have a rate. */
export function loadRateTable(countries: readonly CountrySource[], file = fromRoot('config/exchange-rates.json')): RateTable {
  const table = parseRateTable(JSON.parse(readFileSync(file, 'utf8')));
  for (const c of countries) rateBetween(table, c.currency, table.base);
  return table;
}
