import { describe, expect, it } from 'vitest';
import { nativeKeysFor, nativeValues, occupationCodesFor, regionNamesFor, skillNames, spellingsByRegion } from './filters.js';
import { iscoToNational, skillIdByLabel } from './reference.js';

describe('filter values in native words', () => {
  it('tells "no filter" from "nothing can match"', () => {
    const toNative = (values: readonly string[]) => values.filter((v) => v !== 'unknown');
    expect(nativeValues(undefined, toNative)).toBeUndefined();
    expect(nativeValues([], toNative)).toBeUndefined();
    expect(nativeValues(['unknown'], toNative)).toBeNull();
    expect(nativeValues(['a', 'unknown'], toNative)).toEqual(['a']);
  });

  it('finds the occupation codes under ISCO-08 prefixes through the crosswalk, each once', () => {
    const units = occupationCodesFor('ISCO-08', ['721', '7212']);
    expect(units).toContain('7212');
    expect(units.every((c) => c.startsWith('721'))).toBe(true);
    expect(new Set(units).size).toBe(units.length);
    expect(occupationCodesFor('KBJI-2014', ['72'])).toEqual([...new Set(iscoToNational('KBJI-2014', '72'))]);
    expect(occupationCodesFor('ISCO-08', ['0000'])).toEqual([]);
  });

  it('names skills in the languages asked, and reverses a translation table', () => {
    const id = skillIdByLabel('operate brazing equipment')!;
    expect(skillNames([id, 'no-such-id'])).toEqual(['operate brazing equipment']);
    expect(skillNames([id], ['th', 'en'])).toContain('operate brazing equipment');
    expect(nativeKeysFor({ FT: 'FULL_TIME', PT: 'PART_TIME', CT: 'CONTRACT' }, ['FULL_TIME', 'CONTRACT', 'GIG'])).toEqual(['FT', 'CT']);
  });

  it('groups a system\'s region spellings by ISO code, dropping unknown ones', () => {
    const spellings = spellingsByRegion('MY', ['Penang', 'Pulau Pinang', 'Selangor', 'Atlantis']);
    expect(spellings.get('MY-07')).toEqual(['Penang', 'Pulau Pinang']);
    expect(spellings.get('MY-10')).toEqual(['Selangor']);
    expect([...spellings.values()].flat()).not.toContain('Atlantis');
  });

  it('names ISO regions as regions.csv does, dropping unknown codes', () => {
    expect(regionNamesFor('MY', ['MY-10', 'MY-07', 'MY-99'])).toEqual(['Pulau Pinang', 'Selangor']);
    expect(regionNamesFor('XX', ['XX-01'])).toEqual([]);
  });
});
