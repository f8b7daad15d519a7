import { describe, expect, it } from 'vitest';
import {
  educationToIsced,
  isco88ToIsco08,
  iscoGroup,
  iscoGroups,
  iscoToNational,
  iscoUnit,
  nationalCodeList,
  nationalToIsco,
  regionByName,
  regionsOf,
  searchIscoGroups,
  skillIdByLabel,
  skillLabel,
  skillsForIsco,
  skillProfile,
  unitsUnder,
  iscoTitle,
} from '../subgraphs/kit/reference.js';

/** The reference module through the kit's re-export, as the country subgraphs use it. */

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

describe('national codes', () => {
  it('maps KBJI 2014 and MASCO 2020 codes to their ISCO-08 unit', () => {
    expect(nationalToIsco('KBJI-2014', '7212.01')).toEqual({ iscoCode: '7212', title: 'Tukang Las dan Pemotong Logam dengan Api' });
    expect(nationalToIsco('KBJI-2014', '8322.02')).toEqual({ iscoCode: '8322', title: 'Sopir' });
    expect(nationalToIsco('MASCO-2020', '2512-02')).toEqual({ iscoCode: '2512', title: 'Jurutera Perisian' });
  });

  it('maps Thai DOE codes through ISCO-88, including groups ISCO-08 split', () => {
    expect(isco88ToIsco08('7212')).toBe('7212');
    expect(isco88ToIsco08('2131')).toBe('2511');
    expect(isco88ToIsco08('4115')).toBe('4120');
    expect(isco88ToIsco08('9132')).toBe('9112');
    expect(isco88ToIsco08('5122')).toBe('5120');
    expect(isco88ToIsco08('8322')).toBe('8322');
    expect(nationalToIsco('TH-DOE-ISCO88', '213110')?.iscoCode).toBe('2511');
    // ISCO-88 9132 kept kitchen helpers with cleaners; ISCO-08 moved them to 9412.
    expect(nationalToIsco('TH-DOE-ISCO88', '913240')).toEqual({ iscoCode: '9412', title: 'ผู้ช่วยงานครัว' });
  });

  it('does not guess unknown or outdated codes', () => {
    expect(nationalToIsco('KBJI-2014', '7212.99')).toBeUndefined();
    expect(nationalToIsco('MASCO-2020', '7212.01')).toBeUndefined();
    expect(nationalToIsco('TH-DOE-ISCO88', '721299')).toBeUndefined();
  });

  it('lists codes and finds them by ISCO-08 prefix', () => {
    // Current codes, then the outdated editions' codes that map there (ISCO-88 7212 → 7212).
    expect(iscoToNational('KBJI-2014', '7212')).toEqual(['7212.01', '7212.02', '7212.03', '7212.04', '7212.05', ...[...'0123456789'].map((d) => `7212${d}`)]);
    expect(iscoToNational('TH-DOE-ISCO88', '7212').slice(-1)).toEqual(['721299']);
    // ISCO-88 2131/2132 split over 25xx: only the DOE's own occupation codes reach 2512.
    expect(iscoToNational('TH-DOE-ISCO88', '2512')).toEqual(['213220', '213240']);
    expect(iscoToNational('MASCO-2020', '7212')).toContain('7212');
    const kbji = nationalCodeList('KBJI-2014');
    expect(new Set(kbji.map((o) => o.iscoCode)).size).toBe(436);
    for (const o of nationalCodeList('MASCO-2020')) expect(o.code).toMatch(/^\d{4}-\d{2}$/);
    expect(new Set(nationalCodeList('TH-DOE-ISCO88').map((o) => o.code.slice(0, 4))).size).toBeGreaterThanOrEqual(150);
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

describe('regions', () => {
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
    ['TH', 'กรุงเทพมหานคร', 'TH-10'],
    ['TH', 'กรุงเทพฯ', 'TH-10'],
    ['TH', 'Bangkok', 'TH-10'],
    ['TH', 'ชลบุรี', 'TH-20'],
    ['TH', 'จ.ชลบุรี', 'TH-20'],
    ['TH', 'จังหวัดสงขลา', 'TH-90'],
    ['TH', 'Chon Buri', 'TH-20'],
    ['TH', 'Chonburi', 'TH-20'],
    ['TH', 'Phra Nakhon Si Ayutthaya', 'TH-14'],
  ] as const)('%s "%s" → %s', (country, name, code) => {
    expect(regionByName(country, name)).toBe(code);
  });

  it('does not match names across countries or unknown names', () => {
    expect(regionByName('MY', 'Jawa Barat')).toBeUndefined();
    expect(regionByName('TH', 'Atlantis')).toBeUndefined();
    expect(regionByName('ID', '  ')).toBeUndefined();
  });

  it('lists regions with local names and IMT-GT membership', () => {
    const th = regionsOf('TH');
    expect(th).toHaveLength(78);
    expect(th.find((r) => r.code === 'TH-90')).toEqual({ code: 'TH-90', name: 'Songkhla', nameLocal: 'สงขลา', imtGt: true });
    expect(regionsOf('MY').filter((r) => r.imtGt).map((r) => r.code)).toContain('MY-10');
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
    ['TH', 'ประถมศึกษา', 1],
    ['TH', 'ม.3', 2],
    ['TH', 'ม.6', 3],
    ['TH', 'ปวช.', 3],
    ['TH', 'ปวส.', 5],
    ['TH', 'ปริญญาตรี', 6],
    ['TH', 'ปริญญาตรีขึ้นไป', 6],
    ['TH', 'ปริญญาโท', 7],
    ['TH', 'ปริญญาเอก', 8],
  ] as const)('%s "%s" → ISCED %i', (country, label, level) => {
    expect(educationToIsced(country, label)).toBe(level);
  });

  it('reads survey codes and leaves unknown labels unmapped', () => {
    expect(educationToIsced('ID', '13')).toBe(5); // SAKERNAS: Diploma III
    expect(educationToIsced('TH', '6')).toBe(3); // LFS RE_ED 5-7: upper secondary
    expect(educationToIsced('ID', 'Tidak disebutkan')).toBeUndefined();
    expect(educationToIsced('MY', '')).toBeUndefined();
  });
});
