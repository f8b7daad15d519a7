import { BearerTokens, LiveMarket, coursesFor, generateCourses, generateJobs, startSimServer, type AdvanceReport, type AdvanceRequest, type GeneratedJob, type OAuthClient, type RunningSimulator, type SimulatorOptions } from '../../core/index.js';
import { jcbDialect } from './dialect.js';
import { toJcbCourse, toJcbVacancy, withChanges, type JcbVacancy } from './native.js';
import { profile, trainingProfile } from './profile.js';
import { jcbRoutes } from './routes.js';
import { indexVacancies, type JcbData } from './store.js';

export type { JcbData } from './store.js';
export type { JcbCourse, JcbVacancy } from './native.js';

/** The dev client; subgraphs/brunei/subgraph.json declares the same defaults for the adapter. */
export const JCB_DEV_CLIENT = { clientId: 'lmis-gateway', clientSecret: 'sim-jobcentre-secret' };

export type JcbSimulatorOptions = SimulatorOptions & Partial<OAuthClient>;

/** JobCentre Brunei (MPEC) vacancies and training courses, simulated. `tokenTtlSeconds` lets tests expire tokens fast. */
export async function startSimulator(options: JcbSimulatorOptions): Promise<RunningSimulator> {
  const market = new LiveMarket(generateJobs(profile, options.seed, options.size), profile, options.seed);
  const natives = market.jobs.map((job) => toJcbVacancy(job, options.seed));
  const data = indexVacancies(natives, coursesOf(options.seed, options.size), () => market.nowMs);
  return serveData(data, options, (request) => {
    const report = market.advance(request);
    for (const seq of report.changed) natives[seq] = redressed(natives[seq], market.jobs[seq] as GeneratedJob, options.seed);
    Object.assign(data, indexVacancies(natives, data.courses, data.now));
    return report;
  });
}

/** A changed posting keeps its dressing; a new one is dressed from its own seq. */
function redressed(native: JcbVacancy | undefined, job: GeneratedJob, seed: number): JcbVacancy {
  return native ? withChanges(native, job, seed) : toJcbVacancy(job, seed);
}

/**
 * Serves the given data with JobCentre's API: tests use it to plant records the generator never
 * makes. Planted data has no clock unless `advance` is given.
 */
export async function serveData(data: JcbData, options: JcbSimulatorOptions, advance?: (request: AdvanceRequest) => AdvanceReport): Promise<RunningSimulator> {
  const client: OAuthClient = {
    clientId: options.clientId ?? JCB_DEV_CLIENT.clientId,
    clientSecret: options.clientSecret ?? JCB_DEV_CLIENT.clientSecret,
    tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
  };
  const tokens = new BearerTokens();
  return startSimServer({ name: 'brunei', options, routes: jcbRoutes(data, client, tokens), dialect: jcbDialect(tokens), ...(advance ? { advance } : {}) });
}

/** Deterministic: the same seed and size give byte-identical records. */
export function generateData(seed: number, size: number): JcbData {
  return indexVacancies(generateJobs(profile, seed, size).map((job) => toJcbVacancy(job, seed)), coursesOf(seed, size));
}

function coursesOf(seed: number, size: number) {
  return generateCourses(trainingProfile, seed, coursesFor(size)).map(toJcbCourse);
}
