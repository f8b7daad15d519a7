import { createRng, type Rng } from './rng.js';
import { DATA_ANCHOR_MS } from './generate/dates.js';
import { jobFactory, type CountryProfile, type GeneratedJob } from './generate/jobs.js';

/**
 * A national system's clock and the changes time brings: `advance` moves the clock forward and
 * applies N deterministic changes spread evenly over the interval (the last one at the new time):
 * new postings, postings filled, withdrawn, and updated (positions or wage changed), at realistic
 * shares. Jobs stay indexed by seq; a changed job is replaced by a new object, so whatever a
 * simulator built from the old one is untouched until it rebuilds.
 */

export interface AdvanceRequest {
  changes: number;
  /** How far the clock moves; default 1 day. */
  days?: number;
}

export interface AdvanceReport {
  /** The system's clock after the advance (epoch ms). */
  nowMs: number;
  created: number;
  filled: number;
  withdrawn: number;
  updated: number;
  /** Seqs of the jobs changed or created, each once. */
  changed: number[];
}

/** Shares of each kind of change (ex-post flows on public employment services: about as many postings close as open). */
export const CHANGE_SHARES = { created: 0.4, filled: 0.32, withdrawn: 0.05, updated: 0.23 } as const;
export const MAX_CHANGES = 100_000;
export const MAX_DAYS = 365;
const DAY_MS = 86_400_000;
/** Tries to find an open, unexpired posting to change before making a new one instead. */
const PICK_ATTEMPTS = 200;

type ChangeKind = keyof typeof CHANGE_SHARES;
const KINDS = Object.keys(CHANGE_SHARES) as ChangeKind[];

export class LiveMarket {
  nowMs = DATA_ANCHOR_MS;
  private rounds = 0;
  private readonly newJob: ReturnType<typeof jobFactory>;

  /** `jobs[seq]` must be the job with that seq (as generateJobs makes them). */
  constructor(
    readonly jobs: GeneratedJob[],
    private readonly profile: CountryProfile,
    private readonly seed: number,
  ) {
    this.newJob = jobFactory(profile);
  }

  advance(request: AdvanceRequest): AdvanceReport {
    const { changes, days } = checkAdvance(request);
    const rng = createRng((this.seed ^ Math.imul(++this.rounds, 0x5bd1e995) ^ 0xadca) >>> 0);
    const from = this.nowMs;
    const span = days * DAY_MS;
    const report: AdvanceReport = { nowMs: from + span, created: 0, filled: 0, withdrawn: 0, updated: 0, changed: [] };
    const changed = new Set<number>();
    for (let i = 0; i < changes; i++) {
      const at = Math.floor((from + ((i + 1) * span) / changes) / 1000) * 1000;
      const kind = rng.weighted(KINDS, KINDS.map((k) => CHANGE_SHARES[k]));
      const target = kind === 'created' ? undefined : this.openPosting(rng, at);
      const job = target === undefined ? this.create(rng, at) : this.change(rng, kind, target, at);
      report[target === undefined ? 'created' : kind]++;
      changed.add(job.seq);
    }
    this.nowMs = report.nowMs;
    report.changed = [...changed];
    return report;
  }

  private create(rng: Rng, at: number): GeneratedJob {
    const job = this.newJob(rng, this.jobs.length, at);
    this.jobs.push(job);
    return job;
  }

  private change(rng: Rng, kind: ChangeKind, job: GeneratedJob, at: number): GeneratedJob {
    const next: GeneratedJob =
      kind === 'filled' || kind === 'withdrawn'
        ? { ...job, state: kind, closedAtMs: at, updatedAtMs: at }
        : { ...job, ...this.edit(rng, job), updatedAtMs: at };
    this.jobs[job.seq] = next;
    return next;
  }

  /** An employer's edit: a raised wage when the posting shows one (half the time), else a new head count. */
  private edit(rng: Rng, job: GeneratedJob): Partial<GeneratedJob> {
    if (job.wage && rng.chance(0.5)) {
      const factor = 1 + rng.int(5, 15) / 100;
      const step = job.wage.period === 'MONTH' ? this.profile.roundTo : 5;
      const raise = (amount: number) => Math.max(amount + step, Math.round((amount * factor) / step) * step);
      return { wage: { ...job.wage, min: raise(job.wage.min), max: raise(job.wage.max) } };
    }
    const openings = job.openings === 1 || rng.chance(0.6) ? job.openings + rng.int(1, 3) : Math.max(1, job.openings - rng.int(1, job.openings - 1));
    return { openings };
  }

  /** A random posting still open and not yet expired at `at`, or undefined when none is found quickly. */
  private openPosting(rng: Rng, at: number): GeneratedJob | undefined {
    for (let attempt = 0; attempt < PICK_ATTEMPTS; attempt++) {
      const job = this.jobs[rng.int(0, this.jobs.length - 1)];
      if (job && job.state === 'open' && job.expiresAtMs > at && job.postedAtMs < at) return job;
    }
    return undefined;
  }
}

/** The request, checked: a message naming what is wrong, for the simulator's 400. */
export function checkAdvance(request: unknown): { changes: number; days: number } {
  const { changes, days = 1 } = (request ?? {}) as { changes?: unknown; days?: unknown };
  if (typeof changes !== 'number' || !Number.isInteger(changes) || changes < 0 || changes > MAX_CHANGES) {
    throw new RangeError(`changes must be an integer between 0 and ${MAX_CHANGES}`);
  }
  if (typeof days !== 'number' || !Number.isFinite(days) || days <= 0 || days > MAX_DAYS) throw new RangeError(`days must be a number above 0 and at most ${MAX_DAYS}`);
  return { changes, days };
}
