import { describe, expect, it } from 'vitest';
import { educationToIsced, iscoToNational, nationalCodeList, nationalToIsco, regionByName, regionsOf } from '../kit/reference.js';

/** Malaysia's reference data (subgraphs/malaysia/reference/), as the reference module reads it. */

describe('MASCO 2020', () => {
  it('maps codes to their ISCO-08 unit with the Malay title, and guesses no malformed code', () => {
    expect(nationalToIsco('MASCO-2020', '2512-02')).toEqual({ iscoCode: '2512', title: 'Jurutera Perisian' });
    expect(nationalToIsco('MASCO-2020', '7212.01')).toBeUndefined();
  });

  it('finds codes by ISCO-08 prefix, MASCO 2008 unit codes included', () => {
    expect(iscoToNational('MASCO-2020', '7212')).toContain('7212');
    for (const o of nationalCodeList('MASCO-2020')) expect(o.code).toMatch(/^\d{4}-\d{2}$/);
  });
});

describe('states', () => {
  it.each([
    ['MY', 'Pulau Pinang', 'MY-07'],
    ['MY', 'Penang', 'MY-07'],
    ['MY', 'Wilayah Persekutuan Kuala Lumpur', 'MY-14'],
    ['MY', 'WP Kuala Lumpur', 'MY-14'],
    ['MY', 'W.P. Kuala Lumpur', 'MY-14'],
    ['MY', 'Kuala Lumpur', 'MY-14'],
    ['MY', 'Melaka', 'MY-04'],
    ['MY', 'Malacca', 'MY-04'],
    ['MY', 'Negeri Sembilan', 'MY-05'],
    ['MY', 'Johor Darul Takzim', 'MY-01'],
  ] as const)('%s "%s" → %s', (country, name, code) => {
    expect(regionByName(country, name)).toBe(code);
  });

  it('does not know another country\'s region names', () => {
    expect(regionByName('MY', 'Jawa Barat')).toBeUndefined();
  });

  it('lists the IMT-GT states', () => {
    expect(regionsOf('MY').filter((r) => r.imtGt).map((r) => r.code)).toContain('MY-10');
  });
});

describe('education', () => {
  it.each([
    ['MY', 'SPM', 3],
    ['MY', 'STPM', 3],
    ['MY', 'SKM 1', 3],
    ['MY', 'SKM Tahap 3', 3],
    ['MY', 'Diploma', 5],
    ['MY', 'Ijazah Sarjana Muda', 6],
    ['MY', 'Degree', 6],
    ['MY', 'Sarjana', 7],
    ['MY', 'Master', 7],
    ['MY', 'PhD', 8],
  ] as const)('%s "%s" → ISCED %i', (country, label, level) => {
    expect(educationToIsced(country, label)).toBe(level);
  });

  it('leaves an empty label unmapped', () => {
    expect(educationToIsced('MY', '')).toBeUndefined();
  });
});
