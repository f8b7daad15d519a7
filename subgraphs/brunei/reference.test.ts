import { describe, expect, it } from 'vitest';
import { countryRecord, educationToIsced, iscoToNational, minimumWages, nationalCodeList, nationalToIsco, regionByName, regionsOf, wageConversion } from '../kit/reference.js';

/** Brunei's reference data (subgraphs/brunei/reference/), as the reference module reads it. */

describe('BDSOC 2011 on ISCO-08, BDSOC 2001 items on ISCO-88', () => {
  it('maps the current unit groups to themselves and legacy 5-digit items through their ISCO-88 unit', () => {
    expect(nationalCodeList('BDSOC-2011')).toHaveLength(436);
    expect(nationalToIsco('BDSOC-2011', '7212')).toEqual({ iscoCode: '7212', title: 'Welders and flamecutters' });
    expect(nationalToIsco('BDSOC-2011', '72121')).toBeUndefined();
    expect(iscoToNational('BDSOC-2011', '7212')).toEqual(expect.arrayContaining(['7212', '72121']));
  });
});

describe('districts', () => {
  it.each([
    ['Brunei dan Muara', 'BN-BM'],
    ['Brunei-Muara', 'BN-BM'],
    ['Daerah Brunei dan Muara', 'BN-BM'],
    ['Bandar Seri Begawan', 'BN-BM'],
    ['Belait', 'BN-BE'],
    ['Kuala Belait', 'BN-BE'],
    ['Daerah Tutong', 'BN-TU'],
    ['Temburong', 'BN-TE'],
  ] as const)('"%s" → %s', (name, code) => {
    expect(regionByName('BN', name)).toBe(code);
  });

  it('lists the four districts, none of them IMT-GT, and knows the country', () => {
    expect(regionByName('BN', 'Sarawak')).toBeUndefined();
    expect(regionsOf('BN').map((r) => r.code)).toEqual(['BN-BE', 'BN-BM', 'BN-TE', 'BN-TU']);
    expect(regionsOf('BN').find((r) => r.code === 'BN-BM')).toEqual({ code: 'BN-BM', name: 'Brunei-Muara', nameLocal: 'Brunei dan Muara', imtGt: false });
    expect(countryRecord('BN')).toMatchObject({ code: 'BN', currency: 'BND' });
  });
});

describe('qualifications, wage rules and the minimum wage', () => {
  it.each([
    ['Primary', 1],
    ["BC GCE 'O' Level", 3],
    ['NTec', 3],
    ['HNTec', 4],
    ['Higher National Diploma', 5],
    ["Bachelor's Degree", 6],
    ['Doctorate (PhD)', 8],
  ] as const)('"%s" → ISCED %i', (label, level) => {
    expect(educationToIsced('BN', label)).toBe(level);
  });

  it('counts an hour as 1/190.67 of a month (44-hour week) and knows the 2023 floor', () => {
    expect(wageConversion('BN', 'HOUR').factor).toBeCloseTo((52 * 44) / 12, 6);
    expect(wageConversion('BN', 'DAY').factor).toBe(26);
    expect(minimumWages('BN')).toEqual([expect.objectContaining({ period: 'MONTH', amount: 500, effective: '2023-07-12' })]);
  });
});
