import { codePrefixes, firstAtOrAfter, matchPositions, postingIndex, type PositionQuery, type PostingIndex, type PostingKeys } from '../../core/postings.js';
import { DATA_ANCHOR_MS } from '../../core/index.js';
import type { MfjJob, MfjProgramme } from './native.js';

/**
 * The job store behind /api/jobs: postings newest first, with posting lists per facet value, so a
 * filtered page of 200k postings costs a few sorted-array merges (../../core/postings.ts) instead
 * of a scan of every posting.
 */

export type Facet = 'CONTRACT_TYPE' | 'SALARY' | 'EDUCATION' | 'STATE' | 'MASCO' | 'SKILL';
/** The facets whose counts come back with every search (as the portal's filter sidebar shows). */
export const COUNTED_FACETS = ['STATE', 'CONTRACT_TYPE', 'SALARY', 'EDUCATION'] as const;
type CountedFacet = (typeof COUNTED_FACETS)[number];

/** The values a job files under, per facet; all normalised (the portal matches facets case-insensitively). */
const KEYS: PostingKeys<MfjJob, Facet> = {
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
const prefixes = codePrefixes(normal);

/** What a facet count shows: the value as stored, not lower-cased. */
const SHOWN: Record<CountedFacet, (job: MfjJob) => string> = {
  STATE: (j) => j.location.state,
  CONTRACT_TYPE: (j) => String(j.contractType.code),
  SALARY: (j) => j.salaryBand ?? 'NONE',
  EDUCATION: (j) => String(j.educationLevel.code),
};

export interface MfjData {
  /** What the portal lists (ACTIVE postings; expired ones linger), newest first (posted instant desc, id desc). */
  jobs: MfjJob[];
  /** Posted instant (epoch ms) by position: descending. */
  postedMs: Float64Array;
  /** Every posting in every status: a filled posting's page still answers. */
  byId: Map<string, MfjJob>;
  /** Every posting, oldest change first (lastModifiedDate asc, id asc): the changes feed. */
  changes: MfjJob[];
  /** Last-change instant (epoch ms) by position in `changes`: ascending. */
  changedMs: Float64Array;
  /** The system's clock (epoch ms). */
  now(): number;
  programmes: MfjProgramme[];
  index: PostingIndex<Facet>;
  /** Per counted facet: the distinct shown values, and each position's value number. */
  shown: Record<CountedFacet, { values: string[]; of: Uint16Array }>;
}

/** Legacy postings carry a date only: they sort as midnight Malaysia time, as the portal shows them. */
export function postedInstant(job: MfjJob): number {
  return Date.parse(job.postedDate.length === 10 ? `${job.postedDate}T00:00:00+08:00` : job.postedDate);
}

/**
 * The portal's stores over every posting: the search lists only ACTIVE postings (a filled or
 * withdrawn job leaves the portal); the changes feed and the by-id lookups keep them all.
 */
/** Without a clock (`now`), the system's time is the latest change in its data, at the earliest the data anchor. */
export function indexJobs(all: MfjJob[], programmes: MfjProgramme[], now?: () => number): MfjData {
  const unsorted = all.filter((j) => j.status === 'ACTIVE');
  const instants = Float64Array.from(unsorted, postedInstant);
  const order = Array.from(unsorted.keys()).sort((a, b) => instants[b]! - instants[a]! || (unsorted[a]!.id < unsorted[b]!.id ? 1 : -1));
  const jobs = order.map((n) => unsorted[n]!);
  const modified = all.map((job) => ({ job, ms: Date.parse(job.lastModifiedDate) })).sort((a, b) => a.ms - b.ms || (a.job.id < b.job.id ? -1 : 1));
  const fixedNow = Math.max(DATA_ANCHOR_MS, modified.at(-1)?.ms ?? 0);
  return {
    jobs,
    postedMs: Float64Array.from(order, (n) => instants[n]!),
    byId: new Map(all.map((j) => [j.id, j])),
    changes: modified.map((m) => m.job),
    changedMs: Float64Array.from(modified, (m) => m.ms),
    now: now ?? (() => fixedNow),
    programmes,
    index: postingIndex(jobs, KEYS, (value) => value.trim().toLowerCase()),
    shown: Object.fromEntries(COUNTED_FACETS.map((f) => [f, dictionary(jobs, SHOWN[f])])) as MfjData['shown'],
  };
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

/** Facets, the posting window (`before` / `since`, epoch ms) and what the indexes cannot answer. */
export type JobQuery = PositionQuery<Facet, MfjJob>;

/** Positions of the matches, ascending (newest first). */
export function matchJobs(data: MfjData, query: JobQuery): Int32Array {
  return matchPositions(data.jobs, data.postedMs, data.index, query);
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

/** First position in `changes` modified at or after `ms` (the feed's `modifiedSince` is inclusive). */
export function firstChangedSince(data: MfjData, ms: number): number {
  return firstAtOrAfter(data.changedMs, ms);
}
