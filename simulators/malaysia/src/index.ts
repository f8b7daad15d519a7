import { coursesFor, generateCourses, generateJobs, startSimServer, type RunningSimulator, type SimulatorOptions } from '../../core/index.js';
import { mfjDialect } from './dialect.js';
import { toMfjJob, toProgramme, type MfjJob } from './native.js';
import { profile, trainingProfile } from './profile.js';
import { mfjRoutes, type MfjData, type OAuthSettings } from './routes.js';

/** Dev client credentials; core/config.ts carries the same defaults for the adapter. */
export const MFJ_CLIENT = { clientId: 'lmis-gateway', clientSecret: 'sim-myfuturejobs-secret' };

/** MYFutureJobs (PERKESO) + TVET training programmes, simulated. `tokenTtlSeconds` lets tests expire tokens fast. */
export async function startSimulator(options: SimulatorOptions & Partial<OAuthSettings>): Promise<RunningSimulator> {
  const oauth: OAuthSettings = { ...MFJ_CLIENT, tokenTtlSeconds: 300, ...pick(options) };
  const tokens = new Map<string, number>();
  return startSimServer({ name: 'malaysia', options, routes: mfjRoutes(generateData(options.seed, options.size), oauth, tokens), dialect: mfjDialect(tokens) });
}

export function generateData(seed: number, size: number): MfjData {
  const jobs = generateJobs(profile, seed, size).map((job) => toMfjJob(job, seed));
  // Legacy records carry a date only: they sort as midnight Malaysia time, as they display.
  const postedMs = new Map(jobs.map((j) => [j.id, Date.parse(j.postedDate.length === 10 ? `${j.postedDate}T00:00:00+08:00` : j.postedDate)]));
  jobs.sort((a: MfjJob, b: MfjJob) => (postedMs.get(b.id) ?? 0) - (postedMs.get(a.id) ?? 0) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  const programmes = generateCourses(trainingProfile, seed, coursesFor(size)).map(toProgramme);
  return { jobs, postedMs, byId: new Map(jobs.map((j) => [j.id, j])), programmes };
}

function pick(options: Partial<OAuthSettings>): Partial<OAuthSettings> {
  return Object.fromEntries(Object.entries({ clientId: options.clientId, clientSecret: options.clientSecret, tokenTtlSeconds: options.tokenTtlSeconds }).filter(([, v]) => v !== undefined));
}
