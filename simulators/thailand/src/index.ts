import { loadConfig } from '../../../core/config.js';
import { LiveMarket, coursesFor, generateCourses, generateJobs, startSimServer, type AdvanceReport, type AdvanceRequest, type GeneratedJob, type RunningSimulator, type SimulatorOptions } from '../../core/index.js';
import { doeDialect } from './dialect.js';
import { indexJobs, type DoeData } from './jobIndex.js';
import { announcedMinute, toDoeJob, toDsdCourse } from './native.js';
import { profile, trainingProfile } from './profile.js';
import { doeRoutes } from './routes.js';

export type { DoeData } from './jobIndex.js';
export type { DoeJob, DsdCourse } from './native.js';

export type DoeSimulatorOptions = SimulatorOptions & { token?: string };

/** Thai Mee Ngan Tham (Department of Employment) + DSD training courses (XML), simulated. */
export async function startSimulator(options: DoeSimulatorOptions): Promise<RunningSimulator> {
  const market = new LiveMarket(generateJobs(profile, options.seed, options.size), profile, options.seed);
  const natives = market.jobs.map((job) => toDoeJob(job, options.seed));
  const data = indexJobs(natives, market.jobs.map(announcedMinute), coursesOf(options.seed, options.size), () => market.nowMs);
  return serveData(data, options, (request) => {
    const report = market.advance(request);
    // Each record's dressing is drawn from its own seq: re-dressing a changed job keeps its words.
    for (const seq of report.changed) natives[seq] = toDoeJob(market.jobs[seq] as GeneratedJob, options.seed);
    Object.assign(data, indexJobs(natives, market.jobs.map(announcedMinute), data.courses, data.now));
    return report;
  });
}

/**
 * Serves the given data with the platform's API: tests use it to plant records the generator
 * never makes. Planted data has no clock unless `advance` is given.
 */
export async function serveData(data: DoeData, options: DoeSimulatorOptions, advance?: (request: AdvanceRequest) => AdvanceReport): Promise<RunningSimulator> {
  // The dev token the adapter's configuration defaults to.
  const token = options.token ?? loadConfig({}).credentials.thailand.token;
  return startSimServer({ name: 'thailand', options, routes: doeRoutes(data, token), dialect: doeDialect(token), ...(advance ? { advance } : {}) });
}

/** Deterministic: the same seed and size give byte-identical records. */
export function generateData(seed: number, size: number): DoeData {
  const generated = generateJobs(profile, seed, size);
  return indexJobs(
    generated.map((job) => toDoeJob(job, seed)),
    generated.map(announcedMinute),
    coursesOf(seed, size),
  );
}

function coursesOf(seed: number, size: number) {
  return generateCourses(trainingProfile, seed, coursesFor(size)).map(toDsdCourse);
}
