import { describe, expect, it } from 'vitest';
import { countrySubgraphs, readSubgraphList } from '../schema/registry.js';
import { countryReferences, useCountryFolder } from './country.js';
import { countryRecord, isCountryCode } from './countries.js';
import { educationToIsced, regionByName, regionsOf } from './index.js';
import { nationalSystems } from './national.js';
import { utcOffsetOf } from './regions.js';
import { minimumWages, wageConversion } from './wages.js';

/**
 * A country folder that is not registered (the partner template, subgraphs/_template) joins a
 * process's reference data through `useCountryFolder` — after the indices were built, so every
 * one of them must pick it up — and a registered folder is never loaded twice.
 */
describe('an unregistered country folder', () => {
  it('is unknown until the process adds it, then known to every index', () => {
    const registered = countrySubgraphs(readSubgraphList()).length;
    expect(isCountryCode('ZZ')).toBe(false);
    expect(regionsOf('ZZ')).toEqual([]);
    expect(minimumWages('ZZ')).toEqual([]);
    expect(() => wageConversion('ZZ', 'DAY')).toThrow(/no wage conversion for ZZ DAY/);
    const systems = nationalSystems();

    const ref = useCountryFolder('_template');
    expect(ref).toMatchObject({ subgraph: 'template', country: { code: 'ZZ', currency: 'XTS' } });
    expect(countryReferences()).toHaveLength(registered + 1);
    expect(countryRecord('ZZ')?.names.en).toMatch(/example/);
    expect(regionsOf('ZZ').map((r) => r.code)).toEqual(['ZZ-CD', 'ZZ-NP', 'ZZ-SC']);
    expect(regionByName('ZZ', 'North Province')).toBe('ZZ-NP');
    expect(utcOffsetOf('ZZ')).toBe(7);
    expect(wageConversion('ZZ', 'DAY', '2026-02-20')).toMatchObject({ factor: 26, fullTimeEquivalent: true });
    expect(minimumWages('ZZ')[0]).toMatchObject({ period: 'MONTH', source: 'ZZ-EXAMPLE' });
    expect(educationToIsced('ZZ', 'Diploma')).toBe(5);
    // Its system is ISCO-08 itself: no national classification to add.
    expect(nationalSystems()).toEqual(systems);
  });

  it('is added once, and a registered folder is the one already loaded', () => {
    const before = countryReferences();
    expect(useCountryFolder('_template')).toBe(before.find((r) => r.country.code === 'ZZ'));
    const [first] = countrySubgraphs(readSubgraphList());
    expect(useCountryFolder(first!.name)).toBe(before[0]);
    expect(countryReferences()).toBe(before);
  });

  it('names the folder when it is not a country', () => {
    expect(() => useCountryFolder('no-such-country')).toThrow(/subgraphs\/no-such-country\/subgraph\.json/);
  });
});
