import { coursesFor, createRng, generateCourses, generateJobs, startSimServer, type RunningSimulator, type SimulatorOptions } from '../../core/index.js';
import { karirhubDialect } from './dialect.js';
import { toHit, toPelatihan, type KarirhubHit } from './native.js';
import { profile, trainingProfile } from './profile.js';
import { karirhubRoutes, type KarirhubData } from './routes.js';
import { KarirhubIndex } from './searchIndex.js';

/** Dev credentials; subgraphs/indonesia/subgraph.json declares the same defaults for the adapter. */
export const KARIRHUB_APP_ID = 'KARIRHUB';
export const KARIRHUB_API_KEY = 'sim-karirhub-key';

export interface KarirhubOptions extends SimulatorOptions {
  apiKey?: string;
  /**
   * Share of postings a partner feed delivered broken (no title). Off by default: the shared
   * tests count walks against nbHits, and a broken record is in nbHits but never in a page.
   */
  brokenRecordRate?: number;
}

/** Karirhub (Kemnaker) + Skillhub BLK training, simulated. */
export async function startSimulator(options: KarirhubOptions): Promise<RunningSimulator> {
  return startSimServer({
    name: 'indonesia',
    options,
    routes: karirhubRoutes(generateData(options.seed, options.size, options.brokenRecordRate)),
    dialect: karirhubDialect(options.apiKey ?? KARIRHUB_API_KEY, KARIRHUB_APP_ID),
  });
}

export function generateData(seed: number, size: number, brokenRecordRate = 0): KarirhubData {
  const jobs = generateJobs(profile, seed, size);
  // A job a partner portal re-lists was first posted on Karirhub itself: the original has no platform_link.
  const relisted = new Set(jobs.flatMap((j) => (j.duplicateOf === null ? [] : [j.duplicateOf])));
  const natives = jobs.map((job) => toHit(relisted.has(job.seq) ? { ...job, partner: null } : job, seed));
  const hits = withBrokenRecords(seed, brokenRecordRate, natives);
  hits.sort(newestFirst);
  const courses = generateCourses(trainingProfile, seed, coursesFor(size)).map(toPelatihan);
  return { hits, byId: new Map(hits.map((h) => [h.objectID, h])), index: new KarirhubIndex(hits).warm(['province_name', 'kbji_code']), courses };
}

function withBrokenRecords(seed: number, rate: number, hits: KarirhubHit[]): KarirhubHit[] {
  if (rate <= 0) return hits;
  const rng = createRng(seed ^ 0xbad);
  return hits.map((hit) => (rng.chance(rate) ? { ...hit, title: null } : hit));
}

function newestFirst(a: KarirhubHit, b: KarirhubHit): number {
  return b.published_at - a.published_at || (a.objectID < b.objectID ? 1 : a.objectID > b.objectID ? -1 : 0);
}
