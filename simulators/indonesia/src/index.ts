import { coursesFor, generateCourses, generateJobs, startSimServer, type RunningSimulator, type SimulatorOptions } from '../../core/index.js';
import { karirhubDialect } from './dialect.js';
import { toHit, toPelatihan, type KarirhubHit } from './native.js';
import { profile, trainingProfile } from './profile.js';
import { karirhubRoutes, type KarirhubData } from './routes.js';

/** Dev credentials; core/config.ts carries the same defaults for the adapter. */
export const KARIRHUB_APP_ID = 'KARIRHUB';
export const KARIRHUB_API_KEY = 'sim-karirhub-key';

/** Karirhub (Kemnaker) + Skillhub BLK training, simulated. */
export async function startSimulator(options: SimulatorOptions & { apiKey?: string }): Promise<RunningSimulator> {
  return startSimServer({
    name: 'indonesia',
    options,
    routes: karirhubRoutes(generateData(options.seed, options.size)),
    dialect: karirhubDialect(options.apiKey ?? KARIRHUB_API_KEY, KARIRHUB_APP_ID),
  });
}

export function generateData(seed: number, size: number): KarirhubData {
  const hits = generateJobs(profile, seed, size).map((job) => toHit(job, seed));
  hits.sort(newestFirst);
  const courses = generateCourses(trainingProfile, seed, coursesFor(size)).map(toPelatihan);
  return { hits, byId: new Map(hits.map((h) => [h.objectID, h])), courses };
}

function newestFirst(a: KarirhubHit, b: KarirhubHit): number {
  return b.published_at - a.published_at || (a.objectID < b.objectID ? 1 : a.objectID > b.objectID ? -1 : 0);
}
