import { coursesFor, generateCourses, generateJobs, startSimServer, type RunningSimulator, type SimulatorOptions } from '../../core/index.js';
import { doeDialect } from './dialect.js';
import { indexJobs, type DoeData } from './jobIndex.js';
import { announcedMinute, toDoeJob, toDsdCourse } from './native.js';
import { profile, trainingProfile } from './profile.js';
import { doeRoutes } from './routes.js';

export type { DoeData } from './jobIndex.js';
export type { DoeJob, DsdCourse } from './native.js';

/** The dev token; subgraphs/thailand/subgraph.json declares the same default for the adapter. */
export const DOE_DEV_TOKEN = 'sim-doe-token';

export type DoeSimulatorOptions = SimulatorOptions & { token?: string };

/** Thai Mee Ngan Tham (Department of Employment) + DSD training courses (XML), simulated. */
export async function startSimulator(options: DoeSimulatorOptions): Promise<RunningSimulator> {
  return serveData(generateData(options.seed, options.size), options);
}

/** Serves the given data with the platform's API: tests use it to plant records the generator never makes. */
export async function serveData(data: DoeData, options: DoeSimulatorOptions): Promise<RunningSimulator> {
  const token = options.token ?? DOE_DEV_TOKEN;
  return startSimServer({ name: 'thailand', options, routes: doeRoutes(data, token), dialect: doeDialect(token) });
}

/** Deterministic: the same seed and size give byte-identical records. */
export function generateData(seed: number, size: number): DoeData {
  const generated = generateJobs(profile, seed, size);
  const courses = generateCourses(trainingProfile, seed, coursesFor(size)).map(toDsdCourse);
  return indexJobs(
    generated.map((job) => toDoeJob(job, seed)),
    generated.map(announcedMinute),
    courses,
  );
}
