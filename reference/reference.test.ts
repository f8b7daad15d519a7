import { describe, expect, it } from 'vitest';
import {
  isco88ToIsco08,
  iscoGroup,
  iscoGroups,
  iscoUnit,
  searchIscoGroups,
  skillIdByLabel,
  skillLabel,
  skillsForIsco,
  skillProfile,
  unitsUnder,
  iscoTitle,
} from '../subgraphs/kit/reference.js';

/**
 * The reference module through the kit's re-export, as the country subgraphs use it: the shared
 * data here; each country's own (its code list, regions, education labels) is tested in its
 * folder (subgraphs/<name>/reference.test.ts).
 */

describe('ISCO-08 structure and titles', () => {
  it('has the complete classification', () => {
    expect(iscoGroups('MAJOR')).toHaveLength(10);
    expect(iscoGroups('SUB_MAJOR')).toHaveLength(43);
    expect(iscoGroups('MINOR')).toHaveLength(130);
    expect(iscoGroups('UNIT')).toHaveLength(436);
    expect(iscoUnit('7212')).toEqual({ code: '7212', titleEn: 'Welders and flamecutters' });
    expect(iscoUnit('721')).toBeUndefined();
    expect(iscoGroup('721')?.children).toEqual(['7211', '7212', '7213', '7214', '7215']);
  });

  it('has a title in every language for every group, minor groups included', () => {
    for (const group of iscoGroups()) {
      for (const lang of ['id', 'ms', 'th'] as const) expect(iscoTitle(group, lang).isFallback, `${group.code} ${lang}`).toBe(false);
    }
    expect(iscoTitle(iscoGroup('322')!, 'id')).toEqual({ text: 'Asisten Ahli Keperawatan dan Kebidanan', language: 'id', isFallback: false });
    expect(iscoTitle(iscoGroup('322')!, 'th').text).toBe('ผู้ปฏิบัติงานด้านการพยาบาลและการผดุงครรภ์ระดับเทคนิค');
    expect(iscoTitle(iscoGroup('7212')!, 'ms')).toEqual({ text: 'Pengimpal dan Pemotong Nyala', language: 'ms', isFallback: false });
  });

  it('ranks search hits: exact > prefix > word > substring, titles above alternative labels', () => {
    const codes = (q: string) => searchIscoGroups(iscoGroups(), q).map((g) => g.code);
    expect(codes('Welders and flamecutters')[0]).toBe('7212'); // exact title
    expect(codes('welder')[0]).toBe('7212'); // title prefix beats the minor group's word match
    expect(codes('welder').indexOf('7212')).toBeLessThan(codes('welder').indexOf('721'));
    expect(codes('PENGIMPAL')[0]).toBe('7212'); // Malay title, any case
    expect(codes('ช่างเชื่อม')[0]).toBe('7212'); // Thai
    expect(codes('Cafe manager')).toContain('1412'); // "café" folded, an ESCO label
    const barista = codes('barista');
    expect(barista[0]).toBe('5132'); // only an ESCO alternative label names it
  });
});

describe('the ISCO-88 → ISCO-08 correspondence (shared data)', () => {
  it('gives each ISCO-88 unit its primary ISCO-08 unit, including groups ISCO-08 split', () => {
    expect(isco88ToIsco08('7212')).toBe('7212');
    expect(isco88ToIsco08('2131')).toBe('2511');
    expect(isco88ToIsco08('4115')).toBe('4120');
    expect(isco88ToIsco08('9132')).toBe('9112');
    expect(isco88ToIsco08('5122')).toBe('5120');
    expect(isco88ToIsco08('8322')).toBe('8322');
  });
});

describe('skills', () => {
  const customers = '0da516ee-e70e-4384-be13-f5ff80be8127';

  it('links ESCO skills to unit groups, essential first', () => {
    const { essential, optional } = skillsForIsco('7212');
    expect(essential).toContain('10f24e0d-bd23-4432-b96b-e9f23136c503'); // operate brazing equipment
    expect(optional.some((id) => essential.includes(id))).toBe(false);
    expect(skillsForIsco('72').essential).toEqual(expect.arrayContaining(essential));
    expect(skillsForIsco('99999')).toEqual({ essential: [], optional: [] });
  });

  it('builds each profile from the ESCO occupations of the group, weighted: a niche skill of one occupation is optional', () => {
    const hyperbaric = '050dc15e-a41f-4958-bb2c-3fa46c2182be'; // essential to one ESCO welder occupation of eight
    expect(skillsForIsco('7212').essential).not.toContain(hyperbaric);
    expect(skillsForIsco('7212').optional).toContain(hyperbaric);
    expect(skillProfile('7212')).toMatchObject({ basis: 'UNIT' });
    expect(skillProfile('7212')!.weights.get(hyperbaric)).toBeCloseTo(1 / 8, 2);
    const [solar, panels, monitoring] = ['05e5e14f-ffa6-4106-b311-c6335ccc2bd2', '08a5f6dd-d3dd-4371-9919-6d730f34499c', '0e8d16c9-e2db-4862-ac06-1567f01ef806'];
    expect(skillsForIsco('7411').essential).toContain(monitoring); // four of seven electrician occupations
    expect(skillsForIsco('7411').essential).not.toEqual(expect.arrayContaining([solar]));
    expect(skillsForIsco('7411').essential).not.toEqual(expect.arrayContaining([panels]));
  });

  it('gives a unit group without ESCO occupations of its own the profile of its minor group, flagged', () => {
    expect(skillsForIsco('3221').essential.length).toBeGreaterThan(0);
    expect(skillProfile('3221')).toMatchObject({ basis: 'MINOR' });
    for (const { code } of unitsUnder('')) expect(skillsForIsco(code).essential.length + skillsForIsco(code).optional.length, code).toBeGreaterThan(0);
  });

  it('finds skills by any label, in any case and spacing', () => {
    expect(skillIdByLabel('Communicate  with CUSTOMERS')).toBe(customers);
    expect(skillIdByLabel('berkomunikasi dengan pelanggan')).toBe(customers);
    expect(skillIdByLabel('สื่อสารกับลูกค้า')).toBe(customers);
    expect(skillIdByLabel('interact with customers')).toBe(customers); // an ESCO alternative label
    expect(skillIdByLabel('juggling chainsaws')).toBeUndefined();
  });

  it('labels skills in the language asked, else English', () => {
    expect(skillLabel(customers, 'th')).toBe('สื่อสารกับลูกค้า');
    expect(skillLabel(customers, 'ms-MY')).toBe('berkomunikasi dengan pelanggan');
    expect(skillLabel(customers)).toBe('communicate with customers');
    expect(skillLabel('0b472dad-1a3f-456e-99ba-de5ffe8665c2', 'fr')).toBe('non-ferrous metal processing');
    expect(skillLabel('00000000-0000-0000-0000-000000000000')).toBeUndefined();
  });
});
