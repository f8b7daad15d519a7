import { coursesFor, generateCourses, generateJobs, startSimServer, type RunningSimulator, type SimulatorOptions } from '../../core/index.js';
import { doeDialect } from './dialect.js';
import { parseBeDateTime, toDoeJob, toDsdCourse } from './native.js';
import { profile, trainingProfile } from './profile.js';
import { doeRoutes, type DoeData } from './routes.js';

/** Dev token; core/config.ts carries the same default for the adapter. */
export const DOE_TOKEN = 'sim-doe-token';

/** Thai Mee Ngan Tham (Department of Employment) + DSD training (XML), simulated. */
export async function startSimulator(options: SimulatorOptions & { token?: string }): Promise<RunningSimulator> {
  const token = options.token ?? DOE_TOKEN;
  return startSimServer({ name: 'thailand', options, routes: doeRoutes(generateData(options.seed, options.size), token), dialect: doeDialect(token) });
}

export function generateData(seed: number, size: number): DoeData {
  const jobs = generateJobs(profile, seed, size).map((job) => toDoeJob(job, seed));
  const announcedMs = new Map(jobs.map((j) => [j.job_id, parseBeDateTime(j.anounce_date) ?? 0]));
  jobs.sort((a, b) => (announcedMs.get(b.job_id) ?? 0) - (announcedMs.get(a.job_id) ?? 0) || b.job_id - a.job_id);
  const courses = generateCourses(trainingProfile, seed, coursesFor(size)).map(toDsdCourse);
  return { jobs, announcedMs, byId: new Map(jobs.map((j) => [j.job_id, j])), courses };
}
