import { createRng, type Rng } from '../rng.js';
import { DATA_ANCHOR_MS } from './dates.js';

/**
 * What happens to a posting after it is published: most are filled (the employer marks the
 * vacancy taken), a few are withdrawn (the employer changes plans), the rest stay open — some of
 * those past their expiry, left up as real portals leave them. The anchored dataset already holds
 * this history: older postings mostly filled or expired, recent ones mostly open. Drawn from a
 * stream of its own per posting, so adding the lifecycle shifted none of the other generated facts.
 */

export type PostingState = 'open' | 'filled' | 'withdrawn';

export interface PostingLifecycle {
  /** When the national system last changed the posting: its closing, an edit, or its publication. */
  updatedAtMs: number;
  state: PostingState;
  /** When it was filled or withdrawn; null while open (expiry is expiresAtMs, not a closing). */
  closedAtMs: number | null;
}

/** The facts the lifecycle is drawn from. */
export interface LifecycleSubject {
  seq: number;
  postedAtMs: number;
  expiresAtMs: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Time to fill is roughly exponential; ILO/OECD vacancy-duration studies put the mean near a month. */
export const MEAN_DAYS_TO_FILL = 28;
/** Share of postings the employer withdraws before filling them. */
export const WITHDRAWN_SHARE = 0.05;
/** Share of postings still open that were edited once (positions or wage changed). */
export const EDITED_SHARE = 0.15;

/** A posting's state at the data anchor. */
export function lifecycleAt(subject: LifecycleSubject, seed: number, nowMs = DATA_ANCHOR_MS): PostingLifecycle {
  const rng = createRng((seed ^ Math.imul(subject.seq + 1, 0x2c1b3c6d) ^ 0x11fec7c1) >>> 0);
  const fillAt = subject.postedAtMs + secondsOf(-Math.log(1 - rng.next()) * MEAN_DAYS_TO_FILL * DAY_MS);
  const withdrawAt = rng.chance(WITHDRAWN_SHARE) ? subject.postedAtMs + secondsOf(rng.next() * 21 * DAY_MS + HOUR_MS) : Infinity;
  const edited = rng.chance(EDITED_SHARE);
  const editFraction = rng.next();
  // Nobody fills a posting through the portal after it expired: it is left up, open, as dirt.
  const closing = Math.min(withdrawAt, fillAt < subject.expiresAtMs ? fillAt : Infinity);
  if (closing <= nowMs) return { updatedAtMs: closing, state: closing === withdrawAt ? 'withdrawn' : 'filled', closedAtMs: closing };
  const lastEditable = Math.min(nowMs, subject.expiresAtMs);
  const editAt = edited && lastEditable > subject.postedAtMs ? subject.postedAtMs + secondsOf(editFraction * (lastEditable - subject.postedAtMs)) : subject.postedAtMs;
  return { updatedAtMs: editAt, state: 'open', closedAtMs: null };
}

/** A syndicated copy is closed when its original is, and never changes before it was itself posted. */
export function copyLifecycle(original: PostingLifecycle, copyPostedAtMs: number): PostingLifecycle {
  const closedAtMs = original.closedAtMs === null ? null : Math.max(original.closedAtMs, copyPostedAtMs);
  return { state: original.state, closedAtMs, updatedAtMs: Math.max(original.updatedAtMs, copyPostedAtMs) };
}

/**
 * Openings a posting offers: one for most, a heavy tail of bulk hiring (factories, retail chains,
 * plantations) from one uniform draw — Pareto with a minimum of 2, capped at 300.
 */
export function openingsOf(rng: Rng): number {
  if (rng.chance(0.72)) return 1;
  return Math.min(300, Math.floor(2 / Math.pow(1 - rng.next(), 1 / 1.4)));
}

function secondsOf(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}
