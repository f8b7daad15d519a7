import { describe, expect, it } from 'vitest';
import { aggregate, percentileCont, type AggregateQuery } from './aggregate.js';
import { VacancyColumns, type ColumnRow } from './columns.js';
import { bucket, periodCounts } from './periodCounts.js';
import type { StoreScope } from './selection.js';

/**
 * The column engine against a brute force written over the rows themselves (filter, group with
 * a string key, sort): the same figures, medians and quartiles included, for scopes that use
 * every filter the image answers, nulls among the codes.
 */

const DAY = 86_400_000;
const T0 = Date.parse('2026-08-01T00:00:00Z');

/** A deterministic generator (no Math.random: a failure must reproduce). */
function rows(n: number): ColumnRow[] {
  let seed = 7;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const pick = <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  return Array.from({ length: n }, (_, i) => {
    const postedAt = T0 + Math.floor(next() * 90) * DAY + Math.floor(next() * DAY);
    const state = pick(['OPEN', 'OPEN', 'CLOSED', 'WITHDRAWN'] as const);
    return {
      slot: i * 2 + 1, // gaps: a slot never written is no row
      country: pick(['ID', 'MY']),
      region: pick(['ID-JK', 'MY-10', null]),
      isco: pick(['2512', '2511', '7212', '72', null]),
      month: new Date(postedAt).toISOString().slice(0, 7),
      employmentType: pick(['FULL_TIME', 'PART_TIME', null]),
      currency: pick(['IDR', 'MYR']),
      state,
      duplicate: next() < 0.1,
      positions: 1 + Math.floor(next() * 3),
      recordKey: Math.floor(next() * 2 ** 32) / 2 ** 32,
      monthlyWage: next() < 0.2 ? null : 1000 + Math.floor(next() * 20) * 250,
      postedAt,
      // Whole days often: a posting closing or expiring exactly at a reference instant tests the bounds.
      closedAt: state === 'OPEN' ? null : next() < 0.5 ? T0 + Math.ceil((postedAt - T0) / DAY + next() * 40) * DAY : postedAt + Math.floor(next() * 40 * DAY),
      validThrough: next() < 0.3 ? null : T0 + Math.ceil((postedAt - T0) / DAY + next() * 60) * DAY,
    };
  });
}

const ROWS = rows(2_000);
const columns = new VacancyColumns();
ROWS.forEach((r) => columns.put(r));

const inScope = (r: ColumnRow, s: StoreScope) =>
  s.countries.includes(r.country) &&
  (s.includeDuplicates || !r.duplicate) &&
  (!s.iscoCode || (r.isco ?? '').startsWith(s.iscoCode)) &&
  (!s.regions || (r.region !== null && s.regions.includes(r.region))) &&
  (!s.employmentTypes || (r.employmentType !== null && s.employmentTypes.includes(r.employmentType))) &&
  (!s.postedSince || r.postedAt >= Date.parse(s.postedSince)) &&
  (!s.minMonthlyWage || (r.monthlyWage !== null && r.monthlyWage >= (s.minMonthlyWage.get(r.currency) ?? Infinity)));

const until = (r: ColumnRow) => Math.min(r.closedAt ?? Infinity, r.validThrough ?? Infinity);
const openAt = (r: ColumnRow, t: number) => r.postedAt < t && until(r) >= t;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = (s.length - 1) / 2;
  return s[Math.floor(m)]! + (m - Math.floor(m)) * (s[Math.ceil(m)]! - s[Math.floor(m)]!);
};

function bruteForce(q: AggregateQuery, groupOf: (r: ColumnRow) => string) {
  const [stock, from, to] = [q.stockAt.getTime(), q.from.getTime(), q.to.getTime()];
  const groups = new Map<string, ColumnRow[]>();
  for (const r of ROWS.filter((x) => inScope(x, q.scope) && x.postedAt < Math.max(stock, to))) groups.set(groupOf(r), [...(groups.get(groupOf(r)) ?? []), r]);
  return new Map(
    [...groups].map(([key, members]) => {
      const open = members.filter((r) => openAt(r, stock));
      const filled = members.filter((r) => r.state === 'CLOSED' && r.closedAt! >= from && r.closedAt! < to);
      const wages = open.filter((r) => r.monthlyWage !== null).map((r) => r.monthlyWage! * q.rates.get(r.currency)!);
      return [key, {
        open: open.length,
        openPositions: open.reduce((a, r) => a + r.positions, 0),
        added: members.filter((r) => r.postedAt >= from && r.postedAt < to).length,
        filled: filled.length,
        durationMedian: filled.length ? median(filled.map((r) => (r.closedAt! - r.postedAt) / DAY)) : null,
        wageMedian: wages.length ? median(wages) : null,
        distinctWages: new Set(open.filter((r) => r.monthlyWage !== null).map((r) => r.monthlyWage)).size,
      }];
    }),
  );
}

const SCOPES: StoreScope[] = [
  { countries: ['ID', 'MY'], includeDuplicates: false },
  { countries: ['ID'], includeDuplicates: true, iscoCode: '25', employmentTypes: ['FULL_TIME'] },
  { countries: ['ID', 'MY'], includeDuplicates: false, regions: ['MY-10'], postedSince: '2026-09-01', minMonthlyWage: new Map([['MYR', 3000], ['IDR', 2000]]) },
];

describe('the column engine', () => {
  for (const scope of SCOPES) {
    it(`equals a brute force over the rows for ${JSON.stringify({ ...scope, minMonthlyWage: scope.minMonthlyWage && [...scope.minMonthlyWage] })}`, () => {
      const q: AggregateQuery = { scope, groupBy: ['COUNTRY', 'ISCO_MAJOR', 'REGION'], stockAt: new Date(T0 + 50 * DAY), from: new Date(T0 + 20 * DAY), to: new Date(T0 + 60 * DAY), rates: new Map([['IDR', 0.5], ['MYR', 2]]) };
      const expected = bruteForce(q, (r) => JSON.stringify([r.country, r.isco && r.isco.length >= 1 ? r.isco[0] : null, r.region]));
      const cells = aggregate(columns, q).filter((c) => c.open || c.added || c.filled);
      const got = new Map(cells.map((c) => [JSON.stringify([c.country, c.iscoCode, c.region]), { open: c.open, openPositions: c.openPositions, added: c.added, filled: c.filled, durationMedian: c.durationMedian, wageMedian: c.wageQuartiles?.[1] ?? null, distinctWages: c.distinctWages }]));
      const nonEmpty = new Map([...expected].filter(([, e]) => e.open || e.added || e.filled));
      expect(nonEmpty.size).toBeGreaterThan(0);
      expect([...got.keys()].sort()).toEqual([...nonEmpty.keys()].sort());
      for (const [key, e] of nonEmpty) {
        const g = got.get(key)!;
        expect({ ...g, durationMedian: g.durationMedian?.toFixed(9), wageMedian: g.wageMedian?.toFixed(9) }, key).toEqual({ ...e, durationMedian: e.durationMedian?.toFixed(9), wageMedian: e.wageMedian?.toFixed(9) });
      }
    });
  }

  it('counts each period of a trend like a statistics question of that period', () => {
    const scope = SCOPES[0]!;
    const boundaries = [0, 30, 61, 91].map((d) => new Date(T0 + d * DAY));
    const periods = periodCounts(columns, { scope, groupBy: ['COUNTRY'], boundaries });
    for (let p = 0; p < 3; p++) {
      const single = aggregate(columns, { scope, groupBy: ['COUNTRY'], stockAt: boundaries[p + 1]!, from: boundaries[p]!, to: boundaries[p + 1]!, rates: new Map() });
      const counts = (cells: Array<{ country: string | null; open: number; added: number; filled: number; openKeys: number }>) =>
        cells.map(({ country, open, added, filled, openKeys }) => ({ country, open, added, filled, openKeys })).sort((a, b) => String(a.country).localeCompare(String(b.country)));
      expect(counts(periods[p]!.cells)).toEqual(counts(single));
    }
  });

  it('interpolates percentiles as PostgreSQL percentile_cont does, and buckets as width_bucket', () => {
    expect(percentileCont(Float64Array.of(1, 2, 3, 4), 0.5)).toBe(2.5);
    expect(percentileCont(Float64Array.of(10, 20, 30, 40, 50), 0.25)).toBe(20);
    expect(percentileCont(Float64Array.of(7), 0.75)).toBe(7);
    expect([5, 10, 15, 20, 25].map((x) => bucket([10, 20], x))).toEqual([0, 1, 1, 2, 2]);
  });

  it('keeps one row per slot: a second put replaces the first', () => {
    const c = new VacancyColumns();
    c.put(ROWS[0]!);
    c.put({ ...ROWS[0]!, state: 'CLOSED', closedAt: ROWS[0]!.postedAt + DAY });
    expect(c.rows).toBe(1);
    expect(c.state[ROWS[0]!.slot]).toBe(1);
    expect(() => c.put({ ...ROWS[0]!, slot: -1 })).toThrow(RangeError);
  });
});
