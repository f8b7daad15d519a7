import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countries } from '../../../reference/index.js';
import { loadPeriodRates, periodTables, ratesOn, type CurrencyRates } from './periodRates.js';
import { loadRateTable } from './rates.js';

const entry = (year: number, perUSD: number, source = `series ${year}`) => ({
  from: `${year}-01-01`, to: `${year}-12-31`, date: `${year}-12-31`, period: `${year} annual average`, perUSD, source,
});
const sources: CurrencyRates[] = [
  { currency: 'AAA', file: 'a/country.json', rates: [entry(2024, 10), entry(2025, 11, 'bank A')] },
  { currency: 'BBB', file: 'b/country.json', rates: [entry(2025, 2, 'bank B'), entry(2024, 4)] },
];

describe('period rate tables from the countries’ own rates', () => {
  it('joins each period across countries, in date order, citing each distinct source once', () => {
    const tables = periodTables(sources);
    expect(tables.map((t) => [t.from, t.perBase])).toEqual([
      ['2024-01-01', { USD: 1, AAA: 10, BBB: 4 }],
      ['2025-01-01', { USD: 1, AAA: 11, BBB: 2 }],
    ]);
    expect(tables[0]!.source).toBe('series 2024');
    expect(tables[1]!.source).toBe('bank A; bank B');
    expect(ratesOn(tables, '2026-03-01', ['AAA'], 'BBB')[0]).toMatchObject({ rate: 2 / 11, date: '2025-12-31', source: 'bank A; bank B' });
  });

  it('cites for each applied rate only the series of the currencies it joins', () => {
    const tables = periodTables(sources);
    expect(ratesOn(tables, '2025-06-01', ['AAA', 'BBB'], 'USD').map((r) => [r.from, r.source])).toEqual([
      ['AAA', 'bank A'],
      ['BBB', 'bank B'],
    ]);
  });

  it('refuses a country that lacks a period another lists, naming its file', () => {
    const gap: CurrencyRates[] = [sources[0]!, { currency: 'CCC', file: 'c/country.json', rates: [entry(2024, 3)] }];
    expect(() => periodTables(gap)).toThrow(/c\/country\.json.*2025-01-01/);
  });

  it('takes the headline table from the period the config dates, and refuses an unlisted date', () => {
    const config = join(tmpdir(), `rates-${process.pid}.json`);
    writeFileSync(config, JSON.stringify({ base: 'USD', date: '2025-12-31' }));
    expect(loadRateTable([], config, sources)).toMatchObject({ date: '2025-12-31', perBase: { AAA: 11 } });
    writeFileSync(config, JSON.stringify({ base: 'USD', date: '2019-12-31' }));
    expect(() => loadRateTable([], config, sources)).toThrow(/2019-12-31/);
  });

  it('loads the shipped rates of every registered country for every period', () => {
    const tables = loadPeriodRates([]);
    expect(tables.length).toBeGreaterThan(0);
    for (const t of tables) for (const c of countries()) expect(t.perBase[c.currency], `${c.code} ${t.period}`).toBeGreaterThan(0);
  });
});
