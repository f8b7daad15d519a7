import { coursesFor, generateCourses, generateJobs, startSimServer, type RunningSimulator, type SimulatorOptions } from '../../core/index.js';
import { mfjDialect } from './dialect.js';
import { indexJobs, type MfjData } from './jobIndex.js';
import { toMfjJobs, toProgramme } from './native.js';
import { profile, trainingProfile } from './profile.js';
import { mfjRoutes, type OAuthSettings } from './routes.js';

export type { MfjData } from './jobIndex.js';
export type { MfjJob, MfjProgramme } from './native.js';

/** The dev client; subgraphs/malaysia/subgraph.json declares the same defaults for the adapter. */
export const MFJ_DEV_CLIENT = { clientId: 'lmis-gateway', clientSecret: 'sim-myfuturejobs-secret' };

export type MfjSimulatorOptions = SimulatorOptions & Partial<OAuthSettings>;

/** MYFutureJobs (PERKESO) + TVET training programmes, simulated. `tokenTtlSeconds` lets tests expire tokens fast. */
export async function startSimulator(options: MfjSimulatorOptions): Promise<RunningSimulator> {
  return serveData(generateData(options.seed, options.size), options);
}

/** Serves the given data with MYFutureJobs' API: tests use it to plant records the generator never makes. */
export async function serveData(data: MfjData, options: MfjSimulatorOptions): Promise<RunningSimulator> {
  const oauth: OAuthSettings = {
    clientId: options.clientId ?? MFJ_DEV_CLIENT.clientId,
    clientSecret: options.clientSecret ?? MFJ_DEV_CLIENT.clientSecret,
    tokenTtlSeconds: options.tokenTtlSeconds ?? 300,
  };
  const tokens = new Map<string, number>();
  return startSimServer({ name: 'malaysia', options, routes: mfjRoutes(data, oauth, tokens), dialect: mfjDialect(tokens) });
}

/** Deterministic: the same seed and size give byte-identical records. */
export function generateData(seed: number, size: number): MfjData {
  const jobs = toMfjJobs(generateJobs(profile, seed, size), seed);
  const programmes = generateCourses(trainingProfile, seed, coursesFor(size)).map(toProgramme);
  return indexJobs(jobs, programmes);
}
