import { BearerTokens, LiveMarket, coursesFor, generateCourses, generateJobs, startSimServer, type AdvanceReport, type AdvanceRequest, type GeneratedJob, type OAuthClient, type RunningSimulator, type SimulatorOptions } from '../../core/index.js';
import { mfjDialect } from './dialect.js';
import { indexJobs, type MfjData } from './jobIndex.js';
import { toMfjJobs, toNewMfjJob, toProgramme, withChanges, type MfjJob } from './native.js';
import { profile, trainingProfile } from './profile.js';
import { mfjRoutes } from './routes.js';

export type { MfjData } from './jobIndex.js';
export type { MfjJob, MfjProgramme } from './native.js';

/** The dev client; subgraphs/malaysia/subgraph.json declares the same defaults for the adapter. */
export const MFJ_DEV_CLIENT = { clientId: 'lmis-gateway', clientSecret: 'sim-myfuturejobs-secret' };

export type MfjSimulatorOptions = SimulatorOptions & Partial<OAuthClient>;

/** MYFutureJobs (PERKESO) + TVET training programmes, simulated. `tokenTtlSeconds` lets tests expire tokens fast. */
export async function startSimulator(options: MfjSimulatorOptions): Promise<RunningSimulator> {
  const market = new LiveMarket(generateJobs(profile, options.seed, options.size), profile, options.seed);
  const natives = toMfjJobs(market.jobs, options.seed);
  const data = indexJobs(natives, programmesFor(options.seed, options.size), () => market.nowMs);
  return serveData(data, options, (request) => {
    const report = market.advance(request);
    for (const seq of report.changed) natives[seq] = redressed(natives[seq], market.jobs[seq] as GeneratedJob, options.seed);
    Object.assign(data, indexJobs(natives, data.programmes, data.now));
    return report;
  });
}

/** A changed posting keeps its dressing; a new one is dressed from its own seq. */
function redressed(native: MfjJob | undefined, job: GeneratedJob, seed: number): MfjJob {
  return native ? withChanges(native, job) : toNewMfjJob(job, seed);
}

/**
 * Serves the given data with MYFutureJobs' API: tests use it to plant records the generator never
 * makes. Planted data has no clock unless `advance` is given.
 */
export async function serveData(data: MfjData, options: MfjSimulatorOptions, advance?: (request: AdvanceRequest) => AdvanceReport): Promise<RunningSimulator> {
  const oauth: OAuthClient = {
    clientId: options.clientId ?? MFJ_DEV_CLIENT.clientId,
    clientSecret: options.clientSecret ?? MFJ_DEV_CLIENT.clientSecret,
    tokenTtlSeconds: options.tokenTtlSeconds ?? 300,
  };
  const tokens = new BearerTokens();
  return startSimServer({ name: 'malaysia', options, routes: mfjRoutes(data, oauth, tokens), dialect: mfjDialect(tokens), ...(advance ? { advance } : {}) });
}

/** Deterministic: the same seed and size give byte-identical records. */
export function generateData(seed: number, size: number): MfjData {
  return indexJobs(toMfjJobs(generateJobs(profile, seed, size), seed), programmesFor(seed, size));
}

function programmesFor(seed: number, size: number) {
  return generateCourses(trainingProfile, seed, coursesFor(size)).map(toProgramme);
}
