/**
 * Simulated data is anchored to a fixed moment, not the wall clock, so one seed always gives the
 * same bytes. Postings spread over the 120 days before the anchor.
 */
export const DATA_ANCHOR_MS = Date.UTC(2026, 10, 20, 0, 0, 0);
export const POSTING_WINDOW_DAYS = 120;
const DAY_MS = 86_400_000;

/** Posting instant `fraction` (0..1) of the way back through the window, on a whole second. */
export function postedAt(fraction: number): number {
  return Math.floor((DATA_ANCHOR_MS - fraction * POSTING_WINDOW_DAYS * DAY_MS) / 1000) * 1000;
}

export function addDays(ms: number, days: number): number {
  return ms + days * DAY_MS;
}
