import { describe, expect, it } from 'vitest';
import { describeProfile } from './describe.js';
import { generateJobs, type CountryProfile } from './generate/jobs.js';
import { MAJOR_GROUP_SHARE, monthlyWageBand } from './generate/labourMarket.js';
import { createRng, weightedTable } from './rng.js';

/** The shared generator: seeded draws, the labour-market shape, pay structures, the README tables. */
const occupations = ['1120', '2512', '3313', '4110', '5223', '6111', '7212', '8322', '9112'].flatMap((isco) =>
  [1, 2].map((n) => ({ code: `${isco}.0${n}`, title: `Job ${isco}`, iscoCode: isco })),
);
const regions = ['AA', 'BB', 'CC'].map((c, i) => ({ code: `X-${c}`, name: `Region ${c}`, nameTh: '', nationalCode: String(i), imtGt: i === 0 }));
const profile: CountryProfile = {
  country: 'MY',
  occupations,
  outdatedCodes: (o) => `${o.iscoCode}9`,
  regions,
  regionBoosts: { 'X-CC': 2 },
  entryMonthly: 1000,
  roundTo: 10,
  hiddenWageShare: 0.3,
  employer: (rng) => `Firm ${rng.int(1, 9)}`,
  education: { 1: ['basic'], 2: ['secondary'], 3: ['diploma'], 4: ['degree'] },
  employmentTypes: [['full', 3], ['part', 1]],
  partners: ['PartnerA'],
  freeTextSkills: ['honest'],
};

describe('simulator generator', () => {
  it('draws the same jobs from the same seed, other jobs from another, and forks independent streams', () => {
    expect(JSON.stringify(generateJobs(profile, 3, 200))).toBe(JSON.stringify(generateJobs(profile, 3, 200)));
    expect(JSON.stringify(generateJobs(profile, 4, 200))).not.toBe(JSON.stringify(generateJobs(profile, 3, 200)));
    const rng = createRng(9);
    const fork = rng.fork('courses');
    expect(fork.next()).toBe(createRng(9).fork('courses').next());
    expect(fork.next()).not.toBe(rng.next());
    expect(createRng(1).shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
    const pick = weightedTable(['rare', 'common'], [1, 99]);
    const draws = Array.from({ length: 1000 }, () => pick(rng));
    expect(draws.filter((d) => d === 'common').length).toBeGreaterThan(900);
  });

  it('gives each ISCO major group its labour-market share, whatever the code list looks like', () => {
    const jobs = generateJobs(profile, 1, 6000);
    for (const major of ['2', '5', '9']) {
      const share = jobs.filter((j) => j.occupation.iscoCode.startsWith(major)).length / jobs.length;
      expect(share).toBeCloseTo(MAJOR_GROUP_SHARE[major] ?? 0, 1);
    }
  });

  it('pays by a country`s own wage structure: ladder, occupation premium, regional floor', () => {
    const band = (iscoCode: string, region = '', structure = {}) => monthlyWageBand(createRng(5), iscoCode, 1000, 1, structure, region);
    expect(band('1120', '', { levels: { '1': 10 } }).min).toBeGreaterThan(band('1120').min);
    expect(band('2512', '', { premiums: { '25': 2 } }).min).toBeCloseTo(band('2512').min * 2, -1);
    expect(band('2512', '', { premiums: { '2': 0.5, '25': 2 } }).min).toBeCloseTo(band('2512').min * 2, -1);
    // A regional floor lifts elementary pay fully, skilled pay by its square root.
    expect(band('9112', 'X-AA', { regional: { 'X-AA': 2 } }).min).toBeGreaterThanOrEqual(2000);
    expect(band('2512', 'X-AA', { regional: { 'X-AA': 4 } }).min).toBeCloseTo(band('2512').min * 2, -1);
  });

  it('describes the generated distributions as README tables', () => {
    const text = describeProfile('testland', profile, { seed: 1, size: 500, currency: 'XTS' });
    expect(text).toContain('#### testland (seed 1, 500 vacancies)');
    expect(text).toContain('median monthly wage (XTS)');
    expect(text.match(/^\| [1-9] /gm)).toHaveLength(9);
    expect(text).toMatch(/IMT-GT regions: \d+\.\d %/);
    expect(text).toMatch(/Hidden wages \d+\.\d %/);
  });
});

describe('legal minimum wages', () => {
  it('no generated wage offer undercuts the floor of its region and locality (UMP/UMK, Thai provincial and district rates, Malaysia)', async () => {
    const { legalFloor } = await import('./generate/referenceData.js');
    const countries = await Promise.all([import('../indonesia/src/profile.js'), import('../malaysia/src/profile.js'), import('../thailand/src/profile.js')]);
    for (const { profile: country } of countries) {
      const name = country.country;
      for (const job of generateJobs(country, 11, 3000)) {
        if (!job.wage) continue;
        const floor = legalFloor(country.country, job.region.code, job.locality, job.postedAtMs);
        const limit = job.wage.period === 'DAY' ? floor.daily : floor.monthly;
        expect(job.wage.min, `${name} ${job.region.code} ${job.locality ?? ''}`).toBeGreaterThanOrEqual(Math.ceil(limit));
      }
    }
    // The deep south pays its 337 baht, not a rounded 335.
    expect(legalFloor('TH', 'TH-96', null, Date.UTC(2026, 5, 1)).daily).toBe(337);
    expect(legalFloor('ID', 'ID-JB', 'Kab. Karawang', Date.UTC(2026, 5, 1)).monthly).toBe(5_886_853);
  });
});
