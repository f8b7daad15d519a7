import { createRng, type Rng } from '../rng.js';
import { addDays, postedAt } from './dates.js';
import { DIRT_RATES } from './dirt.js';
import { copyLifecycle, lifecycleAt, openingsOf, type PostingLifecycle } from './lifecycle.js';
import { monthlyWageBand, occupationPicker, regionPicker, type WageStructure } from './labourMarket.js';
import { skillsOfUnit, type LinkedSkill, type Subdivision } from './referenceData.js';

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
    jobs.push(previous && previous.duplicateOf === null ? syndicatedCopy(rng, profile, previous, seq) : freshJob(rng, profile, seq, pickOccupation(rng), pickRegion(rng), seed));
  }
  return jobs;
}

/** New postings after the anchor (the simulated clock moving on): fresh jobs posted at `postedAtMs`, open. */
export function jobFactory(profile: CountryProfile): (rng: Rng, seq: number, postedAtMs: number) => GeneratedJob {
  const pickOccupation = occupationPicker(profile.occupations);
  const pickRegion = regionPicker(profile.regions, profile.regionBoosts);
  return (rng, seq, postedAtMs) => ({
    ...freshJob(rng, profile, seq, pickOccupation(rng), pickRegion(rng), 0, postedAtMs),
    updatedAtMs: postedAtMs,
    state: 'open',
    closedAtMs: null,
  });
}

function freshJob(rng: Rng, profile: CountryProfile, seq: number, occupation: NationalOccupation, region: Subdivision, seed: number, posted = postedAt(Math.pow(rng.next(), 1.3))): GeneratedJob {
  const skillLevel = skillLevelOf(occupation.iscoCode);
  const job = {
    seq,
    occupation,
    nationalCode: nationalCodeFor(rng, profile, occupation),
    title: occupation.title,
    employer: profile.employer(rng, occupation),
    region,
    postedAtMs: posted,
    expiresAtMs: addDays(posted, rng.chance(DIRT_RATES.expired) ? rng.int(5, 20) : rng.int(30, 90)),
    wage: wageFor(rng, profile, occupation, region.code),
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

function wageFor(rng: Rng, profile: CountryProfile, occupation: NationalOccupation, regionCode: string): GeneratedJob['wage'] {
  if (rng.chance(profile.hiddenWageShare)) return null;
  const lowSkilled = ['5', '6', '7', '8', '9'].includes(occupation.iscoCode[0] ?? '');
  if (profile.daily && lowSkilled && rng.chance(profile.daily.share)) {
    const band = monthlyWageBand(rng, occupation.iscoCode, profile.daily.entry * 26, 26, profile.wages, regionCode);
    return { min: Math.round(band.min / 26 / 5) * 5, max: Math.round(band.max / 26 / 5) * 5, period: 'DAY' };
  }
  return { ...monthlyWageBand(rng, occupation.iscoCode, profile.entryMonthly, profile.roundTo, profile.wages, regionCode), period: 'MONTH' };
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
