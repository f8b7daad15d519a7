import { createRng, type Rng } from '../rng.js';
import { addDays, postedAt } from './dates.js';
import { DIRT_RATES } from './dirt.js';
import { copyLifecycle, lifecycleAt, openingsOf, type PostingLifecycle } from './lifecycle.js';
import { monthlyWageBand, occupationPicker, regionPicker, type WageStructure } from './labourMarket.js';
import { legalFloor, skillsOfUnit, workingDaysPerMonth, type LinkedSkill, type Subdivision } from './referenceData.js';
import { atLeast } from './labourMarket.js';

/**
 * The facts of each simulated job, before a national system dresses them in its own format.
 * Every country simulator generates its postings here from its own profile, so the statistics of
 * the three systems are alike in shape (a real labour market) while their payloads differ
 * completely. Deterministic: the same profile, seed and size give the same jobs.
 */

export interface NationalOccupation {
  code: string;
  title: string;
  iscoCode: string;
}

export type WagePeriod = 'MONTH' | 'DAY' | 'HOUR';

export interface CountryProfile {
  /** ISO country: whose legal minimum wages (its reference/minimum_wages.csv) the generator respects. */
  country: string;
  /** The city or district within a region where a job is (local minimum wages apply there). */
  locality?: (rng: Rng, region: Subdivision) => string;
  /** National occupation list (the system's own codes). */
  occupations: NationalOccupation[];
  /** Codes the system still carries that no current classification knows (outdated editions). */
  outdatedCodes: (occupation: NationalOccupation) => string;
  regions: Subdivision[];
  regionBoosts: Record<string, number>;
  /** Monthly entry wage for elementary work, and the rounding employers use. */
  entryMonthly: number;
  roundTo: number;
  /** Where the country's pay departs from the shared ladder (optional). */
  wages?: WageStructure;
  /** Share of jobs paid by the day (Thai daily wages), and the daily entry rate. */
  daily?: { share: number; entry: number };
  /** Share of postings that hide the wage ("nego"). */
  hiddenWageShare: number;
  employer(rng: Rng, occupation: NationalOccupation): string;
  /** Education labels by ISCO skill level (1 = elementary … 4 = professional), native words. */
  education: Record<1 | 2 | 3 | 4, string[]>;
  /** Native employment-type labels with weights. */
  employmentTypes: Array<[label: string, weight: number]>;
  /** Partner portals that syndicate postings into the system (duplicates come from here). */
  partners: string[];
  /** Unknown free-text skills employers type in. */
  freeTextSkills: string[];
}

export interface GeneratedJob extends PostingLifecycle {
  seq: number;
  occupation: NationalOccupation;
  /** The code as the system stores it: usually occupation.code, sometimes outdated or missing. */
  nationalCode: string | null;
  title: string;
  employer: string;
  region: Subdivision;
  /** City or district (profile.locality), null when the profile has none. */
  locality: string | null;
  postedAtMs: number;
  expiresAtMs: number;
  wage: { min: number; max: number; period: WagePeriod } | null;
  education: string;
  skillLevel: 1 | 2 | 3 | 4;
  employmentType: string;
  skills: LinkedSkill[];
  freeTextSkill: string | null;
  /** Partner portal the job came through; null for postings made in the system itself. */
  partner: string | null;
  /** For a syndicated copy: seq of the native posting it duplicates. */
  duplicateOf: number | null;
  openings: number;
}

export function generateJobs(profile: CountryProfile, seed: number, size: number): GeneratedJob[] {
  const rng = createRng(seed);
  const pickOccupation = occupationPicker(profile.occupations);
  const pickRegion = regionPicker(profile.regions, profile.regionBoosts);
  const jobs: GeneratedJob[] = [];
  for (let seq = 0; seq < size; seq++) {
    const previous = jobs.length > 0 && rng.chance(DIRT_RATES.duplicate) ? rng.pick(jobs) : undefined;
    jobs.push(previous && previous.duplicateOf === null ? syndicatedCopy(rng, profile, previous, seq) : freshJob(rng, profile, seed, seq, pickOccupation(rng), pickRegion(rng)));
  }
  return jobs;
}

/** New postings after the anchor (the simulated clock moving on): fresh jobs posted at `postedAtMs`, open. */
export function jobFactory(profile: CountryProfile): (rng: Rng, seq: number, postedAtMs: number) => GeneratedJob {
  const pickOccupation = occupationPicker(profile.occupations);
  const pickRegion = regionPicker(profile.regions, profile.regionBoosts);
  return (rng, seq, postedAtMs) => ({
    ...freshJob(rng, profile, 0, seq, pickOccupation(rng), pickRegion(rng), postedAtMs),
    updatedAtMs: postedAtMs,
    state: 'open',
    closedAtMs: null,
  });
}

function freshJob(
  rng: Rng,
  profile: CountryProfile,
  seed: number,
  seq: number,
  occupation: NationalOccupation,
  region: Subdivision,
  posted = postedAt(Math.pow(rng.next(), 1.3)),
): GeneratedJob {
  const skillLevel = skillLevelOf(occupation.iscoCode);
  // Its own stream, so that adding localities leaves every other draw as it was.
  const locality = profile.locality ? profile.locality(createRng(seed ^ Math.imul(seq + 1, 0x2545f491)), region) : null;
  const floor = legalFloor(profile.country, region.code, locality, posted);
  const job = {
    seq,
    occupation,
    nationalCode: nationalCodeFor(rng, profile, occupation),
    title: occupation.title,
    employer: profile.employer(rng, occupation),
    region,
    locality,
    postedAtMs: posted,
    expiresAtMs: addDays(posted, rng.chance(DIRT_RATES.expired) ? rng.int(5, 20) : rng.int(30, 90)),
    wage: wageFor(rng, profile, occupation, region.code, floor),
    education: rng.pick(profile.education[skillLevel]),
    skillLevel,
    employmentType: rng.weighted(profile.employmentTypes.map(([l]) => l), profile.employmentTypes.map(([, w]) => w)),
    skills: pickSkills(rng, occupation.iscoCode),
    freeTextSkill: rng.chance(0.05) ? rng.pick(profile.freeTextSkills) : null,
    partner: rng.chance(0.25) ? rng.pick(profile.partners) : null,
    duplicateOf: null,
    openings: openingsOf(rng),
  };
  return { ...job, ...lifecycleAt(job, seed) };
}

/** The same job re-listed by a partner portal a little later, with its own id. */
function syndicatedCopy(rng: Rng, profile: CountryProfile, original: GeneratedJob, seq: number): GeneratedJob {
  const postedAtMs = original.postedAtMs + rng.int(1, 72) * 3_600_000;
  return {
    ...original,
    seq,
    postedAtMs,
    partner: rng.pick(profile.partners),
    duplicateOf: original.seq,
    ...copyLifecycle(original, postedAtMs),
  };
}

function nationalCodeFor(rng: Rng, profile: CountryProfile, occupation: NationalOccupation): string | null {
  if (rng.chance(DIRT_RATES.missingCode)) return null;
  if (rng.chance(DIRT_RATES.outdatedCode)) return profile.outdatedCodes(occupation);
  return occupation.code;
}

/** A wage offer that never undercuts the legal minimum where the job is (a month, or a day). */
function wageFor(rng: Rng, profile: CountryProfile, occupation: NationalOccupation, regionCode: string, floor: { monthly: number; daily: number }): GeneratedJob['wage'] {
  if (rng.chance(profile.hiddenWageShare)) return null;
  const lowSkilled = ['5', '6', '7', '8', '9'].includes(occupation.iscoCode[0] ?? '');
  if (profile.daily && lowSkilled && rng.chance(profile.daily.share)) {
    const days = workingDaysPerMonth(profile.country);
    const band = monthlyWageBand(rng, occupation.iscoCode, profile.daily.entry * days, days, profile.wages, regionCode, floor.monthly);
    // Daily rates round to 5 baht, except that the minimum itself (337, 372 …) is paid as it is.
    const min = atLeast(Math.round(band.min / days / 5) * 5, floor.daily);
    return { min, max: Math.max(min, Math.round(band.max / days / 5) * 5), period: 'DAY' };
  }
  return { ...monthlyWageBand(rng, occupation.iscoCode, profile.entryMonthly, profile.roundTo, profile.wages, regionCode, floor.monthly), period: 'MONTH' };
}

function pickSkills(rng: Rng, iscoCode: string): LinkedSkill[] {
  const linked = skillsOfUnit(iscoCode);
  if (linked.length === 0) return [];
  const count = Math.min(linked.length, rng.int(2, 7));
  const essential = linked.filter((s) => s.essential);
  const chosen = new Set<LinkedSkill>(essential.slice(0, Math.ceil(count / 2)));
  while (chosen.size < count) chosen.add(rng.pick(linked));
  return [...chosen];
}

/** ISCO-08 skill level by major group (ILO): 1 elementary … 4 professional. */
export function skillLevelOf(iscoCode: string): 1 | 2 | 3 | 4 {
  const major = iscoCode[0];
  if (major === '9') return 1;
  if (major === '1' || major === '2') return 4;
  if (major === '3') return 3;
  return 2;
}
