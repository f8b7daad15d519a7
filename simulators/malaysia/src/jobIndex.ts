import type { MfjJob, MfjProgramme } from './native.js';

/**
 * The job store behind /api/jobs: postings newest first, with posting lists per facet value, so a
 * filtered page of 200k postings costs a few sorted-array merges instead of a scan of every
 * posting. Positions are indexes into `jobs`; every posting list is ascending, i.e. newest first.
 */

export type Facet = 'CONTRACT_TYPE' | 'SALARY' | 'EDUCATION' | 'STATE' | 'MASCO' | 'SKILL';
/** The facets whose counts come back with every search (as the portal's filter sidebar shows). */
export const COUNTED_FACETS = ['STATE', 'CONTRACT_TYPE', 'SALARY', 'EDUCATION'] as const;
type CountedFacet = (typeof COUNTED_FACETS)[number];

/** The values a job files under, per facet; all normalised (the portal matches facets case-insensitively). */
const KEYS: Record<Facet, (job: MfjJob) => string[]> = {
  CONTRACT_TYPE: (j) => [String(j.contractType.code)],
  SALARY: (j) => [normal(j.salaryBand ?? 'NONE')],
  EDUCATION: (j) => [String(j.educationLevel.code)],
  STATE: (j) => [normal(j.location.state)],
  // MASCO==2, ==25, ==2512 and ==2512-01 all match 2512-01.
  MASCO: (j) => (j.mascoCode ? prefixes(j.mascoCode) : []),
  SKILL: (j) => j.skills.flatMap((s) => (s.code ? [normal(s.code), normal(s.name)] : [normal(s.name)])),
};

// A few thousand distinct strings recur across 200k postings: normalise each once.
const normalised = new Map<string, string>();
function normal(text: string): string {
  let n = normalised.get(text);
  if (n === undefined) normalised.set(text, (n = text.trim().toLowerCase()));
  return n;
}
const prefixLists = new Map<string, string[]>();
function prefixes(code: string): string[] {
  let list = prefixLists.get(code);
  if (list === undefined) prefixLists.set(code, (list = Array.from({ length: code.length }, (_, n) => normal(code.slice(0, n + 1)))));
  return list;
}

/** What a facet count shows: the value as stored, not lower-cased. */
const SHOWN: Record<CountedFacet, (job: MfjJob) => string> = {
  STATE: (j) => j.location.state,
  CONTRACT_TYPE: (j) => String(j.contractType.code),
  SALARY: (j) => j.salaryBand ?? 'NONE',
  EDUCATION: (j) => String(j.educationLevel.code),
};

export interface MfjData {
  /** Newest first (posted instant desc, id desc). */
  jobs: MfjJob[];
  /** Posted instant (epoch ms) by position: descending. */
  postedMs: Float64Array;
  byId: Map<string, MfjJob>;
  programmes: MfjProgramme[];
  /** Facet value → ascending positions; built on first use of a facet. */
  postings(facet: Facet, value: string): Int32Array;
  /** Per counted facet: the distinct shown values, and each position's value number. */
  shown: Record<CountedFacet, { values: string[]; of: Uint16Array }>;
}

/** Legacy postings carry a date only: they sort as midnight Malaysia time, as the portal shows them. */
export function postedInstant(job: MfjJob): number {
  return Date.parse(job.postedDate.length === 10 ? `${job.postedDate}T00:00:00+08:00` : job.postedDate);
}

export function indexJobs(unsorted: MfjJob[], programmes: MfjProgramme[]): MfjData {
  const instants = Float64Array.from(unsorted, postedInstant);
  const order = Array.from(unsorted.keys()).sort((a, b) => instants[b]! - instants[a]! || (unsorted[a]!.id < unsorted[b]!.id ? 1 : -1));
  const jobs = order.map((n) => unsorted[n]!);
  const lists = new Map<Facet, Map<string, Int32Array>>();
  return {
    jobs,
    postedMs: Float64Array.from(order, (n) => instants[n]!),
    byId: new Map(jobs.map((j) => [j.id, j])),
    programmes,
    postings: (facet, value) => {
      if (!lists.has(facet)) lists.set(facet, buildPostings(jobs, KEYS[facet]));
      return lists.get(facet)!.get(value.trim().toLowerCase()) ?? new Int32Array(0);
    },
    shown: Object.fromEntries(COUNTED_FACETS.map((f) => [f, dictionary(jobs, SHOWN[f])])) as MfjData['shown'],
  };
}

function buildPostings(jobs: MfjJob[], keys: (job: MfjJob) => string[]): Map<string, Int32Array> {
  const lists = new Map<string, number[]>();
  jobs.forEach((job, position) => {
    const own = keys(job);
    for (const key of own.length > 1 ? new Set(own) : own) {
      const list = lists.get(key);
      if (list) list.push(position);
      else lists.set(key, [position]);
    }
  });
  return new Map([...lists].map(([key, list]) => [key, Int32Array.from(list)]));
}

function dictionary(jobs: MfjJob[], shown: (job: MfjJob) => string): { values: string[]; of: Uint16Array } {
  const numbers = new Map<string, number>();
  const of = Uint16Array.from(jobs, (job) => {
    const value = shown(job);
    if (!numbers.has(value)) numbers.set(value, numbers.size);
    return numbers.get(value)!;
  });
  return { values: [...numbers.keys()], of };
}

export interface JobQuery {
  /** Facet → accepted values: OR within a facet, AND across facets. */
  facets: Map<Facet, string[]>;
  /** Posted at or before (epoch ms). */
  postedBefore?: number;
  /** Posted at or after (epoch ms). */
  postedSince?: number;
  /** What the indexes cannot answer (keywords, wage floor): checked posting by posting. */
  residual?: (job: MfjJob) => boolean;
}

/** Positions of the matches, ascending (newest first). */
export function matchPositions(data: MfjData, query: JobQuery): Int32Array {
  const lo = query.postedBefore === undefined ? 0 : firstAtOrBelow(data.postedMs, query.postedBefore);
  const hi = query.postedSince === undefined ? data.jobs.length : firstAtOrBelow(data.postedMs, query.postedSince - 1);
  const lists = [...query.facets].map(([facet, values]) => union(values.map((v) => data.postings(facet, v))));
  let positions = lists.length === 0 ? range(lo, hi) : within(lists.reduce(intersect), lo, hi);
  if (query.residual) {
    const keep = query.residual;
    positions = positions.filter((p) => keep(data.jobs[p]!));
  }
  return positions;
}

/** Counts per value of each counted facet over the matches, most frequent first. */
export function facetCounts(data: MfjData, positions: Int32Array): Record<string, Array<{ value: string; count: number }>> {
  return Object.fromEntries(
    COUNTED_FACETS.map((facet) => {
      const { values, of } = data.shown[facet];
      const counts = new Uint32Array(values.length);
      for (const p of positions) counts[of[p]!]!++;
      const rows = values.map((value, n) => ({ value, count: counts[n]! })).filter((r) => r.count > 0);
      return [facet, rows.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))];
    }),
  );
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

function within(list: Int32Array, lo: number, hi: number): Int32Array {
  return list.filter((p) => p >= lo && p < hi);
}

function union(lists: Int32Array[]): Int32Array {
  if (lists.length === 1) return lists[0]!;
  return Int32Array.from(new Set(lists.flatMap((l) => Array.from(l)))).sort();
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
