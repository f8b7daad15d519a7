import { codePrefixes, firstAtOrAfter, matchPositions, postingIndex, type PositionQuery, type PostingIndex, type PostingKeys } from '../../core/postings.js';
import { DATA_ANCHOR_MS } from '../../core/index.js';
import { JOB_STATUS, parseBeDateTime, type DoeJob, type DsdCourse } from './native.js';

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
  /** What the platform lists (เปิดรับสมัคร; expired ones linger), newest first. */
  jobs: DoeJob[];
  /** Announce instant (epoch ms, whole minutes) by position: descending. */
  announcedMs: Float64Array;
  /** Every posting in every status. */
  byId: Map<number, DoeJob>;
  /** Every posting, oldest change first (update_date asc, job_id asc): the update feed. */
  changes: DoeJob[];
  /** Last-change instant (epoch ms) by position in `changes`: ascending. */
  changedMs: Float64Array;
  /** The system's clock (epoch ms). */
  now(): number;
  courses: DsdCourse[];
  index: PostingIndex<Criterion>;
}

/**
 * The platform's stores over every posting (`instants[n]` is posting n's announce instant): the
 * job list shows only postings still open (a filled or cancelled announcement leaves the list);
 * the update feed and the by-id lookups keep them all.
 */
/** Without a clock (`now`), the system's time is the latest change in its data, at the earliest the data anchor. */
export function indexJobs(all: DoeJob[], instants: readonly number[], courses: DsdCourse[], now?: () => number): DoeData {
  const order = Array.from(all.keys())
    .filter((n) => all[n]!.job_status === JOB_STATUS.open)
    .sort((a, b) => instants[b]! - instants[a]! || all[b]!.job_id - all[a]!.job_id);
  const jobs = order.map((n) => all[n]!);
  const modified = all.map((job) => ({ job, ms: parseBeDateTime(job.update_date) ?? 0 })).sort((a, b) => a.ms - b.ms || a.job.job_id - b.job.job_id);
  const fixedNow = Math.max(DATA_ANCHOR_MS, modified.at(-1)?.ms ?? 0);
  return {
    jobs,
    announcedMs: Float64Array.from(order, (n) => instants[n]!),
    byId: new Map(all.map((j) => [j.job_id, j])),
    changes: modified.map((m) => m.job),
    changedMs: Float64Array.from(modified, (m) => m.ms),
    now: now ?? (() => fixedNow),
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

/** First position in `changes` updated at or after `ms` (criteria[update_since] is inclusive). */
export function firstChangedSince(data: DoeData, ms: number): number {
  return firstAtOrAfter(data.changedMs, ms);
}
