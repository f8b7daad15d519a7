import { describe, expect, it } from 'vitest';
import { educationToIsced, iscoToNational, nationalCodeList, nationalToIsco, regionByName, regionsOf, utcOffsetOf } from '../kit/reference.js';

/** Indonesia's reference data (subgraphs/indonesia/reference/), as the reference module reads it. */

describe('KBJI 2014', () => {
  it('maps codes to their ISCO-08 unit with the Indonesian title, and guesses no unknown code', () => {
    expect(nationalToIsco('KBJI-2014', '7212.01')).toEqual({ iscoCode: '7212', title: 'Tukang Las dan Pemotong Logam dengan Api' });
    expect(nationalToIsco('KBJI-2014', '8322.02')).toEqual({ iscoCode: '8322', title: 'Sopir' });
    expect(nationalToIsco('KBJI-2014', '7212.99')).toBeUndefined();
  });

  it('lists codes and finds them by ISCO-08 prefix, the KBJI 2002 codes that map there last', () => {
    // Current codes, then the outdated edition's codes (ISCO-88 7212 → 7212, plus a national digit).
    expect(iscoToNational('KBJI-2014', '7212')).toEqual(['7212.01', '7212.02', '7212.03', '7212.04', '7212.05', ...[...'0123456789'].map((d) => `7212${d}`)]);
    expect(new Set(nationalCodeList('KBJI-2014').map((o) => o.iscoCode)).size).toBe(436);
  });
});

describe('provinces', () => {
  it.each([
    ['ID', 'DKI Jakarta', 'ID-JK'],
    ['ID', 'Jakarta', 'ID-JK'],
    ['ID', 'Prov. Jawa Barat', 'ID-JB'],
    ['ID', 'JAWA BARAT', 'ID-JB'],
    ['ID', 'West Java', 'ID-JB'],
    ['ID', 'Jabar', 'ID-JB'],
    ['ID', 'Daerah Istimewa Yogyakarta', 'ID-YO'],
    ['ID', 'DI Yogyakarta', 'ID-YO'],
    ['ID', 'Sumatera Utara', 'ID-SU'],
    ['ID', 'Sumatra Utara', 'ID-SU'],
    ['ID', 'Kepulauan Riau', 'ID-KR'],
    ['ID', 'Papua', 'ID-PA'],
  ] as const)('%s "%s" → %s', (country, name, code) => {
    expect(regionByName(country, name)).toBe(code);
  });

  it('leaves blank names unmatched', () => {
    expect(regionByName('ID', '  ')).toBeUndefined();
  });

  it('knows the 2022 Papua provinces by their corrected names, the misspelling only as an alias', () => {
    expect(regionsOf('ID').find((r) => r.code === 'ID-PE')?.name).toBe('Papua Pegunungan');
    expect(regionByName('ID', 'Papua Pengunungan')).toBe('ID-PE');
  });

  it('gives each province its legal time (WIB +7, WITA +8, WIT +9), Jakarta\'s for a posting without one', () => {
    expect([utcOffsetOf('ID', 'ID-JK'), utcOffsetOf('ID', 'ID-BA'), utcOffsetOf('ID', 'ID-PA')]).toEqual([7, 8, 9]);
    expect(utcOffsetOf('ID', null)).toBe(7);
    expect(utcOffsetOf('ID', 'ID-JW')).toBe(7); // a geographical unit has no zone of its own
  });
});

describe('education', () => {
  it.each([
    ['ID', 'SD', 1],
    ['ID', 'SMP', 2],
    ['ID', 'SMA', 3],
    ['ID', 'SMK', 3],
    ['ID', 'Minimal SMA/SMK sederajat', 3],
    ['ID', 'D1', 4],
    ['ID', 'D3', 5],
    ['ID', 'D4', 6],
    ['ID', 'S1', 6],
    ['ID', 'Sarjana', 6],
    ['ID', 'D3/S1', 5],
    ['ID', 'S2', 7],
    ['ID', 'S3', 8],
  ] as const)('%s "%s" → ISCED %i', (country, label, level) => {
    expect(educationToIsced(country, label)).toBe(level);
  });

  it('reads SAKERNAS survey codes and leaves unknown labels unmapped', () => {
    expect(educationToIsced('ID', '13')).toBe(5); // Diploma III
    expect(educationToIsced('ID', 'Tidak disebutkan')).toBeUndefined();
  });
});
