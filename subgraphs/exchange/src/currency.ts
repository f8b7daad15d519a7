import { z } from 'zod';

/**
 * Conversion between the region's currencies with ONE dated rate table
 * (config/exchange-rates.json). Every statistic that converts says which rate and date it used,
 * so a figure can always be traced back and recomputed.
 */

const RateTableSchema = z.object({
  base: z.string().regex(/^[A-Z]{3}$/),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  period: z.string().optional(),
  source: z.string().min(1),
  perBase: z.record(z.string().regex(/^[A-Z]{3}$/), z.number().positive()),
  /** Where each currency's rate comes from, when the currencies are priced by different series. */
  sourceOf: z.record(z.string().regex(/^[A-Z]{3}$/), z.string().min(1)).optional(),
});

export type RateTable = z.infer<typeof RateTableSchema>;

export interface AppliedRate {
  from: string;
  to: string;
  /** Units of `to` per unit of `from`. */
  rate: number;
  date: string;
  source: string;
}

/** Validates the rate file's content; throws naming the problem (a bad file must fail at start). */
export function parseRateTable(json: unknown): RateTable {
  const parsed = RateTableSchema.safeParse(json);
  if (!parsed.success) throw new Error(`Invalid exchange-rate table: ${parsed.error.message}`);
  if (parsed.data.perBase[parsed.data.base] !== 1) {
    throw new Error(`Invalid exchange-rate table: the base currency ${parsed.data.base} must have rate 1`);
  }
  return parsed.data;
}

export function isKnownCurrency(table: RateTable, code: string): boolean {
  return table.perBase[code] !== undefined;
}

export function knownCurrencies(table: RateTable): string[] {
  return Object.keys(table.perBase).sort();
}

/** The rate from one currency to another, via the table's base currency. */
export function rateBetween(table: RateTable, from: string, to: string): AppliedRate {
  const fromPerBase = table.perBase[from];
  const toPerBase = table.perBase[to];
  if (fromPerBase === undefined) throw new RangeError(`No exchange rate for ${from}`);
  if (toPerBase === undefined) throw new RangeError(`No exchange rate for ${to}`);
  return { from, to, rate: toPerBase / fromPerBase, date: table.date, source: sourceBetween(table, from, to) };
}

/** The citation of a rate: the series of the two currencies it joins (one, when they share it). */
function sourceBetween(table: RateTable, from: string, to: string): string {
  if (!table.sourceOf) return table.source;
  const cited = [from, to].flatMap((c) => (table.sourceOf?.[c] ? [table.sourceOf[c]] : []));
  return cited.length ? [...new Set(cited)].join('; ') : table.source;
}

export function convert(table: RateTable, amount: number, from: string, to: string): number {
  return from === to ? amount : amount * rateBetween(table, from, to).rate;
}
