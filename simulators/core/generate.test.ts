import { describe, expect, it } from 'vitest';
import { describeProfile } from './describe.js';
import { generateJobs, type CountryProfile } from './generate/jobs.js';
import { MAJOR_GROUP_SHARE, monthlyWageBand } from './generate/labourMarket.js';
import { DATA_ANCHOR_MS } from './generate/dates.js';
import { CHANGE_SHARES, LiveMarket, checkAdvance } from './market.js';
import { createRng, weightedTable } from './rng.js';

/** The shared generator: seeded draws, the labour-market shape, pay structures, the README tables. */
const occupations = ['1120', '2512', '3313', '4110', '5223', '6111', '7212', '8322', '9112'].flatMap((isco) =>
  [1, 2].map((n) => ({ code: `${isco}.0${n}`, title: `Job ${isco}`, iscoCode: isco })),
);
const regions = ['AA', 'BB', 'CC'].map((c, i) => ({ code: `X-${c}`, name: `Region ${c}`, nameLocal: '', nationalCode: String(i), imtGt: i === 0 }));
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

const DAY = 86_400_000;

describe('posting lifecycle', () => {
  const jobs = generateJobs(profile, 2, 6000);
  const share = (list: typeof jobs, holds: (j: (typeof jobs)[number]) => boolean) => list.filter(holds).length / list.length;

  it('gives every posting a state, a last change at or after posting, and a closing exactly when filled or withdrawn', () => {
    for (const job of jobs) {
      expect(job.updatedAtMs).toBeGreaterThanOrEqual(job.postedAtMs);
      expect(job.updatedAtMs % 1000).toBe(0);
      expect(job.closedAtMs === null).toBe(job.state === 'open');
      if (job.closedAtMs !== null) expect(job.updatedAtMs).toBe(job.closedAtMs);
      if (job.duplicateOf === null) expect(job.updatedAtMs).toBeLessThanOrEqual(DATA_ANCHOR_MS);
    }
  });

  it('holds history: older postings mostly filled or expired, a few withdrawn, recent ones mostly open', () => {
    const old = jobs.filter((j) => j.postedAtMs < DATA_ANCHOR_MS - 60 * DAY);
    const recent = jobs.filter((j) => j.postedAtMs > DATA_ANCHOR_MS - 7 * DAY && j.postedAtMs <= DATA_ANCHOR_MS);
    expect(share(old, (j) => j.state === 'filled' || j.expiresAtMs < DATA_ANCHOR_MS)).toBeGreaterThan(0.9);
    expect(share(old, (j) => j.state === 'filled')).toBeGreaterThan(0.6);
    expect(share(recent, (j) => j.state === 'open')).toBeGreaterThan(0.7);
    expect(share(jobs, (j) => j.state === 'withdrawn')).toBeGreaterThan(0.02);
    expect(share(jobs, (j) => j.state === 'withdrawn')).toBeLessThan(0.08);
    // Nobody fills a posting after it expired: it lingers, open.
    expect(jobs.filter((j) => j.state === 'filled' && j.closedAtMs! >= j.expiresAtMs && j.duplicateOf === null)).toEqual([]);
  });

  it('closes a syndicated copy with its original', () => {
    const copies = jobs.filter((j) => j.duplicateOf !== null);
    expect(copies.length).toBeGreaterThan(20);
    for (const copy of copies) expect(copy.state).toBe(jobs[copy.duplicateOf!]!.state);
  });

  it('offers one opening in most postings and a tail of bulk hiring', () => {
    const openings = jobs.map((j) => j.openings);
    expect(openings.every((n) => Number.isInteger(n) && n >= 1 && n <= 300)).toBe(true);
    expect(share(jobs, (j) => j.openings === 1)).toBeGreaterThan(0.65);
    expect(share(jobs, (j) => j.openings >= 20)).toBeGreaterThan(0.005);
    expect(share(jobs, (j) => j.openings >= 20)).toBeLessThan(0.05);
  });
});

describe('simulated clock and change injection', () => {
  const market = () => new LiveMarket(generateJobs(profile, 5, 3000), profile, 5);

  it('moves the clock and applies N changes at realistic shares, spread over the interval, each job reported once', () => {
    const m = market();
    const before = [...m.jobs];
    const start = m.nowMs;
    expect(start).toBe(m.jobs.reduce((latest, j) => Math.max(latest, j.updatedAtMs), DATA_ANCHOR_MS));
    const report = m.advance({ changes: 1000, days: 2 });
    expect(report.nowMs).toBe(start + 2 * DAY);
    expect(m.nowMs).toBe(report.nowMs);
    expect(report.created + report.filled + report.withdrawn + report.updated).toBe(1000);
    expect(report.created / 1000).toBeGreaterThan(CHANGE_SHARES.created - 0.08);
    expect(report.filled / 1000).toBeGreaterThan(CHANGE_SHARES.filled - 0.08);
    expect(report.withdrawn).toBeGreaterThan(10);
    expect(report.updated / 1000).toBeGreaterThan(CHANGE_SHARES.updated - 0.08);
    expect(new Set(report.changed).size).toBe(report.changed.length);
    expect(m.jobs).toHaveLength(3000 + report.created);
    const changed = new Set(report.changed);
    m.jobs.forEach((job, seq) => {
      expect(job.seq).toBe(seq);
      if (!changed.has(seq)) return expect(job).toBe(before[seq]);
      expect(job.updatedAtMs).toBeGreaterThan(start);
      expect(job.updatedAtMs).toBeLessThanOrEqual(report.nowMs);
      expect(job.closedAtMs === null).toBe(job.state === 'open');
      // A new posting may change again later in the same interval.
      if (seq >= 3000) expect(job.postedAtMs).toBeGreaterThan(start);
      expect(job.postedAtMs).toBeLessThanOrEqual(job.updatedAtMs);
    });
    expect(m.jobs.filter((j) => j.state !== 'open' && changed.has(j.seq) && j.closedAtMs! > start)).toHaveLength(report.filled + report.withdrawn);
  });

  it('changes postings the way employers do: edits change a wage or a head count, closings close open postings', () => {
    const m = market();
    const before = [...m.jobs];
    const report = m.advance({ changes: 400 });
    const edits = report.changed.filter((seq) => seq < 3000 && m.jobs[seq]!.state === 'open');
    expect(edits.length).toBeGreaterThan(0);
    for (const seq of edits) {
      const [was, now] = [before[seq]!, m.jobs[seq]!];
      expect(was.state).toBe('open');
      expect(now.openings !== was.openings || JSON.stringify(now.wage) !== JSON.stringify(was.wage)).toBe(true);
      if (now.wage && was.wage && now.wage.min !== was.wage.min) expect(now.wage.min).toBeGreaterThan(was.wage.min);
    }
    for (const seq of report.changed.filter((s) => s < 3000 && m.jobs[s]!.state !== 'open')) expect(before[seq]!.state).toBe('open');
  });

  it('is deterministic from the seed, and each advance brings other changes', () => {
    const [a, b] = [market(), market()];
    const first = a.advance({ changes: 300 });
    expect(b.advance({ changes: 300 })).toEqual(first);
    expect(JSON.stringify(a.jobs)).toBe(JSON.stringify(b.jobs));
    expect(a.advance({ changes: 300 }).changed).not.toEqual(first.changed);
  });

  it('refuses a malformed request with a message', () => {
    for (const bad of [{}, { changes: -1 }, { changes: 1.5 }, { changes: 200_000 }, { changes: 1, days: 0 }, { changes: 1, days: 'two' }, null]) {
      expect(() => checkAdvance(bad), JSON.stringify(bad)).toThrow(RangeError);
    }
    expect(checkAdvance({ changes: 5 })).toEqual({ changes: 5, days: 1 });
  });
});
