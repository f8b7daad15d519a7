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

/** Vocational training is concentrated in trades and services: manual occupations weigh more. */
export function generateCourses(profile: TrainingProfile, seed: number, count: number): GeneratedCourse[] {
  const rng = createRng(seed ^ 0x5eed);
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
