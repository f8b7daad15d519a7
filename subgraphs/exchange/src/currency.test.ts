import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../../../core/paths.js';
import { convert, parseRateTable, rateBetween } from './currency.js';

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

  it('rejects a table whose base is not 1, and accepts the shipped file', () => {
    expect(() => parseRateTable({ base: 'USD', date: '2024-12-31', source: 's', perBase: { USD: 2 } })).toThrow(/base/);
    const shipped = parseRateTable(JSON.parse(readFileSync(fromRoot('config/exchange-rates.json'), 'utf8')));
    expect(Object.keys(shipped.perBase).sort()).toEqual(['IDR', 'MYR', 'THB', 'USD']);
  });
});
