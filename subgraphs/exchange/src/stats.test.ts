import { describe, expect, it } from 'vitest';
import { computeStats, quantile, wageQuantiles, type CountryFacts, type VacancyFact } from './stats.js';
import { trainingHit } from './testHits.js';

const toUsd = (amount: number, currency: string) => (currency === 'MYR' ? amount / 4 : amount);

function vacancies(country: string, n: number, isco: string, wage: (i: number) => number | null): VacancyFact[] {
  return Array.from({ length: n }, (_, i) => ({ iscoCode: isco, regionCode: null, month: `2025-0${(i % 2) + 1}`, monthlyWage: wage(i), currency: country === 'MY' ? 'MYR' : 'USD' }));
}

describe('quantile', () => {
  it('interpolates linearly between order statistics (type 7)', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantile([10], 0.75)).toBe(10);
    expect(quantile([1, 2, 3, 4, 5], 0.75)).toBe(4);
  });
});

describe('wageQuantiles', () => {
  it('withholds quantiles of fewer disclosed wages than the threshold', () => {
    expect(wageQuantiles([1, 2, 3, 4], 5)).toMatchObject({ p50: null, sampleSize: null, suppressed: true });
    expect(wageQuantiles([5, 1, 4, 2, 3], 5)).toMatchObject({ p25: 2, p50: 3, p75: 4, sampleSize: 5, suppressed: false });
  });
});

describe('computeStats', () => {
  const facts: CountryFacts[] = [
    {
      country: 'MY',
      vacancies: [...vacancies('MY', 6, '7212', (i) => 4000 + 400 * i), ...vacancies('MY', 2, '2512', () => 8000)],
      trainings: [trainingHit({ id: 'MY:t1', iscoCodes: ['7212', '7213'], seats: 30 }), trainingHit({ id: 'MY:t2', iscoCodes: ['2512'], seats: 10 })],
    },
    { country: 'ID', vacancies: vacancies('ID', 5, '7212', (i) => (i < 3 ? 300 : null)), trainings: [] },
  ];

  it('counts, converts wages, and sets training seats against vacancies per cell', () => {
    const cells = computeStats(facts, { groupBy: ['COUNTRY', 'ISCO_MAJOR'], threshold: 5, toTarget: toUsd });
    const my7 = cells.find((c) => c.country === 'MY' && c.iscoCode === '7')!;
    expect(my7.vacancies).toBe(6);
    // MYR 4000..6000 step 400 → USD 1000..1500 step 100
    expect(my7.monthlyWage).toMatchObject({ p25: 1125, p50: 1250, p75: 1375, sampleSize: 6 });
    // t1 lists two unit groups of major group 7 but counts once there.
    expect(my7).toMatchObject({ trainingOffers: 1, trainingSeats: 30, seatsPerVacancy: 5 });
    expect(cells.map((c) => `${c.country}/${c.iscoCode}`)).toEqual(['ID/7', 'MY/2', 'MY/7']);
  });

  it('suppresses cells under the threshold entirely, and wages with too few disclosed', () => {
    const cells = computeStats(facts, { groupBy: ['COUNTRY', 'ISCO_UNIT'], threshold: 5, toTarget: toUsd });
    const small = cells.find((c) => c.country === 'MY' && c.iscoCode === '2512')!;
    expect(small).toMatchObject({ suppressed: true, vacancies: null, trainingSeats: null, seatsPerVacancy: null });
    expect(small.suppressionReason).toMatch(/fewer than 5 vacancies/);
    expect(small.monthlyWage.p50).toBeNull();
    const id = cells.find((c) => c.country === 'ID')!;
    expect(id).toMatchObject({ suppressed: false, vacancies: 5 });
    expect(id.monthlyWage).toMatchObject({ suppressed: true, p50: null });
    // Training for 7213 (no vacancies) forms its own, suppressed, cell.
    expect(cells.find((c) => c.iscoCode === '7213')).toMatchObject({ suppressed: true, vacancies: null });
  });

  it('groups by local posting month and leaves ungrouped dimensions null', () => {
    const cells = computeStats(facts, { groupBy: ['MONTH'], threshold: 1, toTarget: toUsd });
    // Training offers without a start date form the null month, with no vacancies (suppressed).
    expect(cells.map((c) => [c.month, c.vacancies])).toEqual([['2025-01', 7], ['2025-02', 6], [null, null]]);
    expect(cells.every((c) => c.country === null && c.iscoCode === null)).toBe(true);
  });
});
