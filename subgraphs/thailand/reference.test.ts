import { describe, expect, it } from 'vitest';
import { educationToIsced, iscoToNational, nationalCodeList, nationalToIsco, regionByName, regionsOf, wageConversion } from '../kit/reference.js';

/** Thailand's reference data (subgraphs/thailand/reference/), as the reference module reads it. */

describe('Thai DOE codes on ISCO-88', () => {
  it('maps codes through ISCO-88, including groups ISCO-08 split', () => {
    expect(nationalToIsco('TH-DOE-ISCO88', '213110')?.iscoCode).toBe('2511');
    // ISCO-88 9132 kept kitchen helpers with cleaners; ISCO-08 moved them to 9412.
    expect(nationalToIsco('TH-DOE-ISCO88', '913240')).toEqual({ iscoCode: '9412', title: 'ผู้ช่วยงานครัว' });
    expect(nationalToIsco('TH-DOE-ISCO88', '721299')).toBeUndefined();
  });

  it('finds codes by ISCO-08 prefix, withdrawn "other" codes last', () => {
    expect(iscoToNational('TH-DOE-ISCO88', '7212').slice(-1)).toEqual(['721299']);
    // ISCO-88 2131/2132 split over 25xx: only the DOE's own occupation codes reach 2512.
    expect(iscoToNational('TH-DOE-ISCO88', '2512')).toEqual(['213220', '213240']);
    expect(new Set(nationalCodeList('TH-DOE-ISCO88').map((o) => o.code.slice(0, 4))).size).toBeGreaterThanOrEqual(150);
  });
});

describe('provinces', () => {
  it.each([
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

  it('leaves unknown names unmatched and lists provinces with Thai names and IMT-GT membership', () => {
    expect(regionByName('TH', 'Atlantis')).toBeUndefined();
    const th = regionsOf('TH');
    expect(th).toHaveLength(78);
    expect(th.find((r) => r.code === 'TH-90')).toEqual({ code: 'TH-90', name: 'Songkhla', nameLocal: 'สงขลา', imtGt: true });
  });
});

describe('education', () => {
  it.each([
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

  it('reads LFS survey codes', () => {
    expect(educationToIsced('TH', '6')).toBe(3); // RE_ED 5-7: upper secondary
  });
});

describe('wage conversion', () => {
  it('counts a month as 26 working days of 8 hours (Labour Protection Act, 6-day week)', () => {
    expect(wageConversion('TH', 'DAY', '2026-06-01')).toMatchObject({ factor: 26, fullTimeEquivalent: true, effective: '2025-01-01' });
    expect(wageConversion('TH', 'HOUR', '2026-06-01')).toMatchObject({ factor: 208, fullTimeEquivalent: true });
  });
});
