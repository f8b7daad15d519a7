import type { DoeJob, DsdCourse } from './native.js';

/**
 * The job store behind ajax_list_job: postings newest first (announce minute desc, job_id desc),
 * with posting lists per criterion value so that a filtered page of 200k postings costs a few
 * sorted-array merges, not a scan. Positions index `jobs`; every list ascends (= newest first).
 */

export type Criterion = 'province_id' | 'occupation_code' | 'job_type' | 'degree_name';

const KEYS: Record<Criterion, (job: DoeJob) => string[]> = {
  province_id: (j) => [String(j.province_id)],
  // criteria[occupation_code] is a prefix: 7, 72, 7212 and 721220 all match 721220.
  occupation_code: (j) => (j.occupation_code ? prefixes(j.occupation_code) : []),
  job_type: (j) => [String(j.job_type)],
  degree_name: (j) => [j.degree_name.trim()],
};

const prefixLists = new Map<string, string[]>();
function prefixes(code: string): string[] {
  let list = prefixLists.get(code);
  if (list === undefined) prefixLists.set(code, (list = Array.from({ length: code.length }, (_, n) => code.slice(0, n + 1))));
  return list;
}

export interface DoeData {
  /** Newest first. */
  jobs: DoeJob[];
  /** Announce instant (epoch ms, whole minutes) by position: descending. */
  announcedMs: Float64Array;
  byId: Map<number, DoeJob>;
  courses: DsdCourse[];
  /** Criterion value → ascending positions; built on first use of a criterion. */
  postings(criterion: Criterion, value: string): Int32Array;
}

export function indexJobs(unsorted: DoeJob[], instants: readonly number[], courses: DsdCourse[]): DoeData {
  const order = Array.from(unsorted.keys()).sort((a, b) => instants[b]! - instants[a]! || unsorted[b]!.job_id - unsorted[a]!.job_id);
  const jobs = order.map((n) => unsorted[n]!);
  const lists = new Map<Criterion, Map<string, Int32Array>>();
  return {
    jobs,
    announcedMs: Float64Array.from(order, (n) => instants[n]!),
    byId: new Map(jobs.map((j) => [j.job_id, j])),
    courses,
    postings: (criterion, value) => {
      if (!lists.has(criterion)) lists.set(criterion, buildPostings(jobs, KEYS[criterion]));
      return lists.get(criterion)!.get(value.trim()) ?? new Int32Array(0);
    },
  };
}

function buildPostings(jobs: DoeJob[], keys: (job: DoeJob) => string[]): Map<string, Int32Array> {
  const lists = new Map<string, number[]>();
  jobs.forEach((job, position) => {
    for (const key of keys(job)) {
      const list = lists.get(key);
      if (list) list.push(position);
      else lists.set(key, [position]);
    }
  });
  return new Map([...lists].map(([key, list]) => [key, Int32Array.from(list)]));
}

export interface JobQuery {
  /** Criterion → accepted values: OR within one, AND across. */
  criteria: Map<Criterion, string[]>;
  /** Announced at or before (epoch ms). */
  announcedBefore?: number;
  /** Announced at or after (epoch ms). */
  announcedSince?: number;
  /** What the lists cannot answer (search text, wage floor, skills): checked posting by posting. */
  residual?: (job: DoeJob) => boolean;
}

/** Positions of the matches, ascending (newest first). */
export function matchPositions(data: DoeData, query: JobQuery): Int32Array {
  const lo = query.announcedBefore === undefined ? 0 : firstAtOrBelow(data.announcedMs, query.announcedBefore);
  const hi = query.announcedSince === undefined ? data.jobs.length : firstAtOrBelow(data.announcedMs, query.announcedSince - 1);
  const lists = [...query.criteria].map(([criterion, values]) => union(values.map((v) => data.postings(criterion, v))));
  let positions = lists.length === 0 ? range(lo, hi) : lists.reduce(intersect).filter((p) => p >= lo && p < hi);
  if (query.residual) {
    const keep = query.residual;
    positions = positions.filter((p) => keep(data.jobs[p]!));
  }
  return positions;
}

/** First position whose instant is at or before `ms` (instants descend with position). */
function firstAtOrBelow(instants: Float64Array, ms: number): number {
  let lo = 0;
  let hi = instants.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (instants[mid]! > ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function range(lo: number, hi: number): Int32Array {
  const out = new Int32Array(Math.max(0, hi - lo));
  for (let i = 0; i < out.length; i++) out[i] = lo + i;
  return out;
}

/** Sorted union: one typed-array sort, then duplicates (a job under two listed prefixes) dropped. */
function union(lists: Int32Array[]): Int32Array {
  if (lists.length === 1) return lists[0]!;
  const all = new Int32Array(lists.reduce((n, l) => n + l.length, 0));
  let offset = 0;
  for (const list of lists) {
    all.set(list, offset);
    offset += list.length;
  }
  all.sort();
  let kept = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[kept++] = all[i]!;
  return all.subarray(0, kept);
}

function intersect(a: Int32Array, b: Int32Array): Int32Array {
  const out: number[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      out.push(a[i]!);
      i++;
      j++;
    }
  }
  return Int32Array.from(out);
}
