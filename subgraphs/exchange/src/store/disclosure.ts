/**
 * Statistical disclosure control by the cell key method (ABS TableBuilder; Eurostat's census
 * "cell key method"): every vacancy carries a fixed record key in [0, 1); a cell's key is the
 * sum of its records' keys modulo 1; its published count is the true count plus a small noise
 * looked up in a published perturbation table by (count, cell key). The same set of vacancies
 * therefore always gets the same noise — asking for a cell twice, or through two filters that
 * select the same vacancies, gives the same figure, so averaging repeated questions learns
 * nothing — while a total and its parts are perturbed independently, so "parent minus its
 * published children" or "A+B minus A" yields the suppressed value plus the sum of several
 * unknown noises, never the value itself. After perturbation, counts below the threshold are
 * suppressed. The table is in docs/SECURITY.md; `off` (exact counts) exists for internal runs.
 */

/** Noise values, most likely first in the table's rows. */
export const MAX_NOISE = 2;
/** Counts above this use the last row (the noise no longer depends on the count). */
export const TABLE_ROWS = 10;
const NOISE = [-2, -1, 0, 1, 2] as const;
const BASE = [0.06, 0.19, 0.5, 0.19, 0.06] as const;

/**
 * Row n: the probabilities of each noise for a true count n. Noise that would make the count
 * negative or zero is impossible (a non-empty cell never reads as empty); its probability moves
 * to noise 0 — so small counts are perturbed less often, but suppression covers them anyway.
 */
export function perturbationRow(n: number): number[] {
  const row: number[] = BASE.map((p, i) => (n + NOISE[i]! >= 1 ? p : 0));
  row[2] = row[2]! + (1 - row.reduce((a, b) => a + b, 0));
  return row;
}

/** The whole published table: rows 1..TABLE_ROWS, cumulative bounds per noise value. */
export function perturbationTable(): Array<{ count: number; probabilities: number[] }> {
  return Array.from({ length: TABLE_ROWS }, (_, i) => ({ count: i + 1, probabilities: perturbationRow(i + 1) }));
}

const ROWS = perturbationTable().map((r) => cumulative(r.probabilities));

function cumulative(p: readonly number[]): number[] {
  let sum = 0;
  return p.map((x) => (sum += x));
}

/** The cell key from the sum of the cell's record keys. */
export function cellKey(sumOfRecordKeys: number): number {
  return sumOfRecordKeys - Math.floor(sumOfRecordKeys);
}

/** The noise for a true count and a cell key in [0, 1). */
export function noiseFor(count: number, key: number): number {
  if (count <= 0) return 0;
  const bounds = ROWS[Math.min(count, TABLE_ROWS) - 1]!;
  const index = bounds.findIndex((b) => key < b);
  return NOISE[index === -1 ? NOISE.length - 1 : index]!;
}

export interface Disclosure {
  threshold: number;
  /** False only for exact internal runs (DISCLOSURE_PERTURBATION=off). */
  perturb: boolean;
}

export interface Published {
  value: number | null;
  suppressed: boolean;
}

/**
 * A count as published: perturbed by its cell key (`shift` separates measures of one cell, so
 * postings and positions get independent noise), then suppressed when below the threshold.
 */
export function publishCount(d: Disclosure, count: number, sumOfKeys: number, shift = 0): Published {
  if (count === 0) return { value: 0, suppressed: false };
  const value = d.perturb ? count + noiseFor(count, cellKey(sumOfKeys + shift)) : count;
  return value < d.threshold ? { value: null, suppressed: true } : { value, suppressed: false };
}

/**
 * A sum (positions) perturbed in proportion: the count's noise applied to the mean per posting,
 * rounded — the same cell always reads the same; it is published only with its count.
 */
export function publishSum(d: Disclosure, sum: number, count: number, sumOfKeys: number, shift: number): number | null {
  if (count === 0) return 0;
  if (!d.perturb) return sum;
  const noise = noiseFor(count, cellKey(sumOfKeys + shift));
  return Math.max(count > 0 ? 1 : 0, Math.round(sum + (noise * sum) / count));
}
