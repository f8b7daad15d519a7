import { codePrefixes, matchPositions, postingIndex, type PositionQuery, type PostingIndex, type PostingKeys } from '../../core/postings.js';
import type { DoeJob, DsdCourse } from './native.js';

/**
 * The job store behind ajax_list_job: postings newest first (announce minute desc, job_id desc),
 * with posting lists per criterion value (../../core/postings.ts) so that a filtered page of 200k
 * postings costs a few sorted-array merges, not a scan.
 */

export type Criterion = 'province_id' | 'occupation_code' | 'job_type' | 'degree_name';

const KEYS: PostingKeys<DoeJob, Criterion> = {
  province_id: (j) => [String(j.province_id)],
  // criteria[occupation_code] is a prefix: 7, 72, 7212 and 721220 all match 721220.
  occupation_code: (j) => (j.occupation_code ? prefixes(j.occupation_code) : []),
  job_type: (j) => [String(j.job_type)],
  degree_name: (j) => [j.degree_name.trim()],
};

const prefixes = codePrefixes();

export interface DoeData {
  /** Newest first. */
  jobs: DoeJob[];
  /** Announce instant (epoch ms, whole minutes) by position: descending. */
  announcedMs: Float64Array;
  byId: Map<number, DoeJob>;
  courses: DsdCourse[];
  index: PostingIndex<Criterion>;
}

export function indexJobs(unsorted: DoeJob[], instants: readonly number[], courses: DsdCourse[]): DoeData {
  const order = Array.from(unsorted.keys()).sort((a, b) => instants[b]! - instants[a]! || unsorted[b]!.job_id - unsorted[a]!.job_id);
  const jobs = order.map((n) => unsorted[n]!);
  return {
    jobs,
    announcedMs: Float64Array.from(order, (n) => instants[n]!),
    byId: new Map(jobs.map((j) => [j.job_id, j])),
    courses,
    index: postingIndex(jobs, KEYS, (value) => value.trim()),
  };
}

/** Criteria, the announce window (`before` / `since`, epoch ms) and what the lists cannot answer. */
export type JobQuery = PositionQuery<Criterion, DoeJob>;

/** Positions of the matches, ascending (newest first). */
export function matchJobs(data: DoeData, query: JobQuery): Int32Array {
  return matchPositions(data.jobs, data.announcedMs, data.index, query);
}
