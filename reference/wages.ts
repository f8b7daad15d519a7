import { z } from 'zod';
import { countryReference, countryRows, dateCell, derived, optionalCell, type CountryReference } from './country.js';
import { readDataCsv } from './csv.js';

/**
 * Wages: how each country turns a wage per hour, day or week into a month, and its legal minimum
 * wages. Conversion rows are dated (the one in force on the posting's date applies) and come from
 * the country's reference/wage_conversion.csv; data/wage_conversion.csv holds the `*` rows, the
 * arithmetic every country shares (week, year, month) and the fallback for a period a country
 * does not regulate.
 */

export type ConvertiblePeriod = 'HOUR' | 'DAY' | 'WEEK' | 'MONTH' | 'YEAR';
const PERIOD = z.enum(['HOUR', 'DAY', 'WEEK', 'MONTH', 'YEAR']);

export interface WageConversion {
  factor: number;
  from: ConvertiblePeriod;
  basis: string;
  /** ISO date from which the rule applies. */
  effective: string;
  /** True when the month is what the rate would pay full time (not the pay of the hours worked). */
  fullTimeEquivalent: boolean;
}

const ConversionRow = z.object({
  period: PERIOD,
  factor: z.coerce.number().positive(),
  effective: dateCell,
  full_time_equivalent: z.enum(['true', 'false']),
  basis: z.string().min(1),
});

const conversions = derived(conversionTable);

function conversionTable(references: readonly CountryReference[]): Map<string, WageConversion[]> {
  const rows = [
    ...readDataCsv('wage_conversion.csv').map((r) => ({ country: r.country ?? '', row: ConversionRow.parse(r) })),
    ...references.flatMap((ref) => countryRows(ref, 'wage_conversion.csv', ConversionRow).map((row) => ({ country: ref.country.code, row }))),
  ];
  const table = new Map<string, WageConversion[]>();
  for (const { country, row } of rows) {
    const key = `${country}:${row.period}`;
    const rule: WageConversion = { factor: row.factor, from: row.period, basis: row.basis, effective: row.effective, fullTimeEquivalent: row.full_time_equivalent === 'true' };
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

// ---- legal minimum wages ------------------------------------------------------------------------

/** One legal minimum (reference/minimum_wages.csv), in the country's currency. */
export interface MinimumWage {
  /** ISO 3166-2 code; undefined = national. */
  region: string | undefined;
  /** City or district as the portals name it; undefined = the whole region. */
  locality: string | undefined;
  period: 'MONTH' | 'DAY';
  amount: number;
  effective: string;
  /** The citation id (data/README.md). */
  source: string;
}

const MinimumWageRow = z.object({
  region: optionalCell,
  locality: optionalCell,
  period: z.enum(['MONTH', 'DAY']),
  amount: z.coerce.number().positive(),
  effective: dateCell,
  source: z.string().min(1),
});

/** Per country, filled as asked; a new one when the loaded countries change. */
const minimumsCache = derived(() => new Map<string, MinimumWage[]>());

/** A registered country's legal minimum wages, newest first; none for an unregistered code. */
export function minimumWages(country: string): readonly MinimumWage[] {
  const minimums = minimumsCache();
  const cached = minimums.get(country);
  if (cached) return cached;
  const ref = countryReference(country);
  const rows = ref ? countryRows(ref, 'minimum_wages.csv', MinimumWageRow) : [];
  const list = rows.map((r): MinimumWage => ({ ...r })).sort((a, b) => b.effective.localeCompare(a.effective));
  minimums.set(country, list);
  return list;
}
