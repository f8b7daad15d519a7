import { describe, expect, it } from 'vitest';
import { grouping, trainingKeys } from './stats.js';
import { trainingHit } from './testHits.js';

/** How the live training supply of labourMarketStats falls into the store's cells. */
describe('statistics cells of training offers', () => {
  const welding = trainingHit({ id: 'MY:t1', iscoCodes: ['7212', '7213', '2512'], regionCode: 'MY-10', startDate: '2026-12-01T00:00:00+08:00', seats: 30 });

  it('reads the finest ISCO level asked for, and which dimensions are on', () => {
    expect(grouping(['COUNTRY', 'ISCO_MAJOR', 'ISCO_MINOR'])).toEqual({ country: true, region: false, month: false, iscoDigits: 3 });
    expect(grouping([])).toEqual({ country: false, region: false, month: false, iscoDigits: 0 });
  });

  it('counts an offer once per distinct group it serves, never twice in one cell', () => {
    const keys = trainingKeys(grouping(['COUNTRY', 'ISCO_MAJOR']), 'MY', welding);
    expect(keys).toEqual([
      { country: 'MY', region: null, iscoCode: '7', month: null },
      { country: 'MY', region: null, iscoCode: '2', month: null },
    ]);
    expect(trainingKeys(grouping(['ISCO_UNIT']), 'MY', welding).map((k) => k.iscoCode)).toEqual(['7212', '7213', '2512']);
  });

  it('groups by region and the offer`s own local start month; an offer without codes forms the unknown occupation', () => {
    expect(trainingKeys(grouping(['REGION', 'MONTH']), 'MY', welding)).toEqual([{ country: null, region: 'MY-10', iscoCode: null, month: '2026-12' }]);
    const uncoded = trainingHit({ id: 'MY:t2', iscoCodes: [] });
    expect(trainingKeys(grouping(['ISCO_UNIT', 'MONTH']), 'MY', uncoded)).toEqual([{ country: null, region: null, iscoCode: null, month: null }]);
  });
});
