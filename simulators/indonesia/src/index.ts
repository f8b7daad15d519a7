import { DATA_ANCHOR_MS, LiveMarket, coursesFor, createRng, generateCourses, generateJobs, startSimServer, type GeneratedJob, type RunningSimulator, type SimulatorOptions } from '../../core/index.js';
import { karirhubDialect } from './dialect.js';
import { toHit, toPelatihan, type KarirhubHit, type Pelatihan } from './native.js';
import { profile, trainingProfile } from './profile.js';
import { karirhubRoutes, type KarirhubData } from './routes.js';
import { KarirhubIndex } from './searchIndex.js';

/** Dev credentials; core/config.ts carries the same defaults for the adapter. */
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
  const market = new LiveMarket(generateJobs(profile, options.seed, options.size), profile, options.seed);
  const natives = withBrokenRecords(options.seed, options.brokenRecordRate ?? 0, nativesOf(market.jobs, options.seed));
  const data = buildData(natives, courses(options.seed, options.size), () => market.nowMs);
  return startSimServer({
    name: 'indonesia',
    options,
    routes: karirhubRoutes(data),
    dialect: karirhubDialect(options.apiKey ?? KARIRHUB_API_KEY, KARIRHUB_APP_ID),
    advance: (request) => {
      const report = market.advance(request);
      // Re-dress only the changed jobs (each hit's dirt is drawn from its own seq, so it stays), keep a broken title broken.
      for (const seq of report.changed) {
        const hit = toHit(market.jobs[seq] as GeneratedJob, options.seed);
        natives[seq] = natives[seq]?.title === null ? { ...hit, title: null } : hit;
      }
      Object.assign(data, buildData(natives, data.courses, data.now));
      return report;
    },
  });
}

export function generateData(seed: number, size: number, brokenRecordRate = 0): KarirhubData {
  const jobs = generateJobs(profile, seed, size);
  return buildData(withBrokenRecords(seed, brokenRecordRate, nativesOf(jobs, seed)), courses(seed, size), () => DATA_ANCHOR_MS);
}

/** Karirhub's records by seq. A job a partner portal re-lists was first posted on Karirhub itself: the original has no platform_link. */
function nativesOf(jobs: readonly GeneratedJob[], seed: number): KarirhubHit[] {
  const relisted = new Set(jobs.flatMap((j) => (j.duplicateOf === null ? [] : [j.duplicateOf])));
  return jobs.map((job) => toHit(relisted.has(job.seq) ? { ...job, partner: null } : job, seed));
}

/**
 * The published indices list only what the portal shows, `aktif` postings (expired ones linger,
 * as on the real portal); filled and withdrawn ones leave them. The sync replica keeps every
 * posting in every status, oldest change first, for partner systems that mirror Karirhub.
 */
function buildData(natives: readonly KarirhubHit[], courseList: Pelatihan[], now: () => number): KarirhubData {
  const listed = natives.filter((h) => h.status === 'aktif').sort(newestFirst);
  const changes = [...natives].sort(oldestChangeFirst);
  return {
    hits: listed,
    byId: new Map(natives.map((h) => [h.objectID, h])),
    index: new KarirhubIndex(listed).warm(['province_name', 'kbji_code']),
    changes,
    changeIndex: new KarirhubIndex(changes, { attribute: 'updated_at_timestamp', direction: 'asc' }),
    courses: courseList,
    now,
  };
}

function courses(seed: number, size: number): Pelatihan[] {
  return generateCourses(trainingProfile, seed, coursesFor(size)).map(toPelatihan);
}

function withBrokenRecords(seed: number, rate: number, hits: KarirhubHit[]): KarirhubHit[] {
  if (rate <= 0) return hits;
  const rng = createRng(seed ^ 0xbad);
  return hits.map((hit) => (rng.chance(rate) ? { ...hit, title: null } : hit));
}

function newestFirst(a: KarirhubHit, b: KarirhubHit): number {
  return b.published_at - a.published_at || (a.objectID < b.objectID ? 1 : a.objectID > b.objectID ? -1 : 0);
}

function oldestChangeFirst(a: KarirhubHit, b: KarirhubHit): number {
  return a.updated_at_timestamp - b.updated_at_timestamp || (a.objectID < b.objectID ? -1 : a.objectID > b.objectID ? 1 : 0);
}
