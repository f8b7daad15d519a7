import type { StatsDimension } from '../stats.js';
import type { VacancyColumns } from './columns.js';
import { durationDays, grouping, isFilledWithin, isOpenAt, postedWithin, rowTest, type GroupName, type StoreScope } from './selection.js';

/**
 * A statistics question's grouped figures, from the column image in one pass over its rows:
 * open stock at the end of the reference day, new postings in the period, postings and
 * positions, filled vacancies' duration (mean, and median as percentile_cont would give it), and
 * the open stock's wage quartiles in the answer's currency (each source currency multiplied by
 * its rate for the period). Sums of record keys come along for the cell key method. A sorted
 * measure nobody asked for is not collected.
 */
export interface AggregateQuery {
  scope: StoreScope;
  groupBy: readonly StatsDimension[];
  /** Exclusive end of the reference day (stock). */
  stockAt: Date;
  /** The flow period [from, to). */
  from: Date;
  to: Date;
  /** Source currency → multiplier into the answer's currency. */
  rates: ReadonlyMap<string, number>;
  /** Which sorted measures to compute (default: both); counts and positions always come. */
  measures?: SortedMeasures;
}

export interface SortedMeasures {
  duration: boolean;
  wages: boolean;
}

export const ALL_MEASURES: SortedMeasures = { duration: true, wages: true };
export const COUNTS_ONLY: SortedMeasures = { duration: false, wages: false };

export interface AggregateCell {
  country: string | null;
  region: string | null;
  iscoCode: string | null;
  month: string | null;
  open: number;
  openPositions: number;
  openKeys: number;
  added: number;
  addedPositions: number;
  addedKeys: number;
  filled: number;
  filledKeys: number;
  durationMean: number | null;
  durationMedian: number | null;
  wages: number;
  distinctWages: number;
  wageQuartiles: [number, number, number] | null;
}

/**
 * A cell's running counts. A class, not the cell's object literal: V8 keeps a class's number
 * fields in fast storage, and the same loop counting into the literal (nulls among its fields)
 * ran three times slower.
 */
export class CellCounts {
  open = 0;
  openPositions = 0;
  openKeys = 0;
  added = 0;
  addedPositions = 0;
  addedKeys = 0;
  filled = 0;
  filledKeys = 0;

  constructor(readonly name: GroupName) {}

  countOpen(positions: number, recordKey: number): void {
    this.open += 1;
    this.openPositions += positions;
    this.openKeys += recordKey;
  }

  countAdded(positions: number, recordKey: number): void {
    this.added += 1;
    this.addedPositions += positions;
    this.addedKeys += recordKey;
  }

  countFilled(recordKey: number): void {
    this.filled += 1;
    this.filledKeys += recordKey;
  }

  get empty(): boolean {
    return this.open === 0 && this.added === 0 && this.filled === 0;
  }

  /** The counts as a cell, without sorted measures. */
  cell(): AggregateCell {
    const { open, openPositions, openKeys, added, addedPositions, addedKeys, filled, filledKeys } = this;
    return { ...this.name, open, openPositions, openKeys, added, addedPositions, addedKeys, filled, filledKeys, durationMean: null, durationMedian: null, wages: 0, distinctWages: 0, wageQuartiles: null };
  }
}

/** A cell's counts and the values of its sorted measures. */
class Tally extends CellCounts {
  durations: number[] = [];
  wages: number[] = [];
  wageCount = 0;
  distinct = new Set<number>();

  finish(measures: SortedMeasures): AggregateCell {
    const cell = { ...this.cell(), wages: this.wageCount, distinctWages: this.distinct.size };
    if (measures.duration && this.durations.length) {
      cell.durationMean = this.durations.reduce((a, b) => a + b, 0) / this.durations.length;
      cell.durationMedian = percentileCont(Float64Array.from(this.durations).sort(), 0.5);
    }
    if (measures.wages && this.wages.length) {
      const sorted = Float64Array.from(this.wages).sort();
      cell.wageQuartiles = [percentileCont(sorted, 0.25), percentileCont(sorted, 0.5), percentileCont(sorted, 0.75)];
    }
    return cell;
  }
}

/** `titles`: the slots a text filter matched (store/selection.ts titleMatches), when the scope has text. */
export function aggregate(c: VacancyColumns, q: AggregateQuery, titles?: Uint8Array): AggregateCell[] {
  const measures = q.measures ?? ALL_MEASURES;
  const selected = rowTest(c, q.scope, titles);
  const group = grouping(c, q.groupBy);
  const rate = Float64Array.from(c.dictionaries.currency.values, (v) => (v === null ? NaN : q.rates.get(v) ?? NaN));
  const [stockAt, from, to] = [q.stockAt.getTime(), q.from.getTime(), q.to.getTime()];
  // Nothing posted after both the reference instant and the period's end counts in any figure.
  const latest = Math.max(stockAt, to);
  const tallies = new Map<number, Tally>();
  for (let i = 0; i < c.size; i++) {
    if (!(c.postedAt[i]! < latest) || !selected(i)) continue;
    const open = isOpenAt(c, i, stockAt);
    const added = postedWithin(c, i, from, to);
    const filled = isFilledWithin(c, i, from, to);
    if (!open && !added && !filled) continue;
    const key = group.key(i);
    let t = tallies.get(key);
    if (!t) tallies.set(key, (t = new Tally(group.name(key))));
    const positions = c.positions[i]!;
    const recordKey = c.recordKey[i]!;
    if (open) t.countOpen(positions, recordKey);
    if (added) t.countAdded(positions, recordKey);
    if (filled) {
      t.countFilled(recordKey);
      if (measures.duration) t.durations.push(durationDays(c, i));
    }
    const wage = c.monthlyWage[i]!;
    if (open && measures.wages && !Number.isNaN(wage)) {
      t.wageCount += 1;
      t.distinct.add(wage);
      const converted = wage * rate[c.currency[i]!]!;
      if (!Number.isNaN(converted)) t.wages.push(converted);
    }
  }
  return [...tallies.values()].map((t) => t.finish(measures));
}

/** PostgreSQL's percentile_cont: linear interpolation between the two values around position p·(n−1). */
export function percentileCont(sorted: Float64Array, p: number): number {
  const position = p * (sorted.length - 1);
  const [first, second] = [Math.floor(position), Math.ceil(position)];
  const low = sorted[first]!;
  return first === second ? low : low + (position - first) * (sorted[second]! - low);
}
