import { readDataCsv } from './csv.js';

/**
 * How each country turns a wage per hour, day or week into a month (data/wage_conversion.csv):
 * Indonesia counts 25 days (PP 35/2021, 6-day week) and 173 hours, Malaysia and Thailand 26 days
 * and 208 hours. Rows are dated; the one in force on the posting's date applies. A `*` row is the
 * arithmetic every country shares (week, year, month).
 */

export type ConvertiblePeriod = 'HOUR' | 'DAY' | 'WEEK' | 'MONTH' | 'YEAR';

export interface WageConversion {
  factor: number;
  from: ConvertiblePeriod;
  basis: string;
  /** ISO date from which the rule applies. */
  effective: string;
  /** True when the month is what the rate would pay full time (not the pay of the hours worked). */
  fullTimeEquivalent: boolean;
}

let table: Map<string, WageConversion[]> | undefined;

function conversions(): Map<string, WageConversion[]> {
  if (table) return table;
  table = new Map();
  for (const row of readDataCsv('wage_conversion.csv')) {
    const key = `${row.country}:${row.period}`;
    const rule: WageConversion = {
      factor: Number(row.factor),
      from: row.period as ConvertiblePeriod,
      basis: row.basis ?? '',
      effective: row.effective ?? '',
      fullTimeEquivalent: row.full_time_equivalent === 'true',
    };
    table.set(key, [...(table.get(key) ?? []), rule].sort((a, b) => b.effective.localeCompare(a.effective)));
  }
  return table;
}

/** The rule for a country's wages per `period` in force on `onDate` (ISO date; default today). */
export function wageConversion(country: string, period: ConvertiblePeriod, onDate?: string): WageConversion {
  const day = (onDate ?? new Date().toISOString()).slice(0, 10);
  const rules = conversions().get(`${country}:${period}`) ?? conversions().get(`*:${period}`) ?? [];
  const rule = rules.find((r) => r.effective <= day) ?? rules[rules.length - 1];
  if (!rule) throw new Error(`no wage conversion for ${country} ${period}`);
  return rule;
}
