import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { commonParams, filterParams, integer, list, parseParams, STATS_DIMENSIONS, upper, vacancyFilter } from './params.js';

const schema = z.object({ ...commonParams, ...filterParams, groupBy: list(upper(STATS_DIMENSIONS)).optional(), limit: integer(1, 100).optional() });
const parse = (query: string) => parseParams(schema, new URLSearchParams(query));

describe('export parameters', () => {
  it('reads lists comma separated or repeated, enum values in any case, flags and defaults', () => {
    expect(parse('groupBy=country,isco_major&countries=AA&countries=BB&limit=7&metadata=false')).toEqual({
      ok: true,
      value: { groupBy: ['COUNTRY', 'ISCO_MAJOR'], countries: ['AA', 'BB'], limit: 7, metadata: false, bom: false },
    });
  });

  it('names the parameter and the rule it broke', () => {
    expect(parse('groupBy=COUNTY')).toMatchObject({ ok: false, problem: { reason: 'INVALID_VALUE', argument: 'groupBy' } });
    expect(parse('limit=0')).toMatchObject({ ok: false, problem: { reason: 'INVALID_VALUE', argument: 'limit', message: 'limit: at least 1.' } });
    expect(parse('limit=ten')).toMatchObject({ ok: false, problem: { argument: 'limit' } });
    expect(parse('educationLevels=9')).toMatchObject({ ok: false, problem: { argument: 'educationLevels' } });
    expect(parse('text=')).toMatchObject({ ok: false, problem: { argument: 'text' } });
    expect(parse('grupBy=COUNTRY')).toMatchObject({ ok: false, problem: { reason: 'UNKNOWN_PARAMETER', argument: 'grupBy' } });
  });

  it('builds the graph’s VacancyFilter from the flattened parameters, and nothing else', () => {
    const parsed = parse('countries=AA&iscoCode=72&minMonthlyWage=300&minMonthlyWageCurrency=USD&employmentTypes=full_time&groupBy=COUNTRY');
    expect(parsed.ok && vacancyFilter(parsed.value)).toEqual({
      countries: ['AA'],
      iscoCode: '72',
      employmentTypes: ['FULL_TIME'],
      minMonthlyWage: { amount: 300, currency: 'USD' },
    });
    const none = parse('groupBy=COUNTRY');
    expect(none.ok && vacancyFilter(none.value)).toBeUndefined();
  });
});
