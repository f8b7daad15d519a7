import { DATA_ANCHOR_MS, addDays } from './dates.js';
import { createRng, type Rng } from '../rng.js';
import { occupationPicker } from './labourMarket.js';
import type { NationalOccupation } from './jobs.js';
import type { Subdivision } from './referenceData.js';

/**
 * Training offers of public vocational centres (BLK, ILP/ADTEC, DSD institutes): courses that
 * train for a national occupation, starting over the next months, with seats and a (often
 * subsidised, so zero) fee. Deterministic like the jobs.
 */
export interface TrainingProfile {
  occupations: NationalOccupation[];
  regions: Subdivision[];
  provider(rng: Rng, region: Subdivision): { name: string; kind: string };
  courseTitle(occupation: NationalOccupation): string;
  modes: string[];
  certifications: string[];
  /** Fee in the national currency when not free. */
  fee(rng: Rng): number;
}

export interface GeneratedCourse {
  seq: number;
  occupation: NationalOccupation;
  title: string;
  provider: { name: string; kind: string };
  region: Subdivision;
  startMs: number;
  hours: number;
  seats: number;
  fee: number;
  mode: string;
  certification: string;
}

/** About one course per 40 postings: training supply well below demand, as in the region. */
export function coursesFor(vacancies: number): number {
  return Math.max(20, Math.round(vacancies / 40));
}

/** Vocational training is concentrated in trades and services: manual occupations weigh more. */
export function generateCourses(profile: TrainingProfile, seed: number, count: number): GeneratedCourse[] {
  // The catalogue's own stream, distinct per country (its code list) so systems do not mirror each other.
  const rng = createRng(seed ^ 0x5eed ^ hashCodes(profile.occupations));
  const trades = profile.occupations.filter((o) => ['3', '4', '5', '7', '8'].includes(o.iscoCode[0] ?? ''));
  const pick = occupationPicker(trades);
  return Array.from({ length: count }, (_, seq) => {
    const occupation = pick(rng);
    const region = rng.pick(profile.regions);
    return {
      seq,
      occupation,
      title: profile.courseTitle(occupation),
      provider: profile.provider(rng, region),
      region,
      startMs: addDays(DATA_ANCHOR_MS, rng.int(-30, 150)),
      hours: rng.pick([80, 120, 160, 240, 320, 480]),
      seats: rng.pick([16, 20, 24, 25, 30, 40]),
      fee: rng.chance(0.7) ? 0 : profile.fee(rng),
      mode: rng.weighted(profile.modes, profile.modes.map((_, i) => (i === 0 ? 6 : 1))),
      certification: rng.pick(profile.certifications),
    };
  });
}

function hashCodes(occupations: readonly NationalOccupation[]): number {
  let h = 2166136261;
  for (const o of occupations.slice(0, 50)) for (let i = 0; i < o.code.length; i++) h = Math.imul(h ^ o.code.charCodeAt(i), 16777619);
  return h >>> 0;
}
