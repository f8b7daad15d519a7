import { describe, expect, it } from 'vitest';
import { countries } from '../../../reference/index.js';
import { convert, parseRateTable, rateBetween } from './currency.js';
import { loadRateTable } from './rates.js';

const table = parseRateTable({ base: 'USD', date: '2024-12-31', source: 'test', perBase: { USD: 1, IDR: 16000, MYR: 4 } });

describe('currency', () => {
  it('converts through the base currency', () => {
    expect(convert(table, 100, 'USD', 'IDR')).toBe(1_600_000);
    expect(convert(table, 4000, 'MYR', 'USD')).toBe(1000);
    expect(convert(table, 4, 'MYR', 'IDR')).toBe(16000);
    expect(convert(table, 7, 'IDR', 'IDR')).toBe(7);
  });

  it('names the rate and its date', () => {
    expect(rateBetween(table, 'MYR', 'USD')).toEqual({ from: 'MYR', to: 'USD', rate: 0.25, date: '2024-12-31', source: 'test' });
    expect(() => rateBetween(table, 'EUR', 'USD')).toThrow(/EUR/);
  });

  it('rejects a table whose base is not 1, and builds the shipped headline table from every registered country', () => {
    expect(() => parseRateTable({ base: 'USD', date: '2024-12-31', source: 's', perBase: { USD: 2 } })).toThrow(/base/);
    const shipped = loadRateTable([]);
    expect(shipped.date).toBe('2024-12-31');
    expect(Object.keys(shipped.perBase).sort()).toEqual(['USD', ...countries().map((c) => c.currency)].sort());
  });
});
