import { localMonth } from '../../kit/country/translate.js';
import type { TrainingHit } from './model.js';

/**
 * The dimensions of statistics cells and how a record falls into them, pure: the store groups
 * vacancies in SQL (store/aggregate.ts) by the same dimensions, and the live training supply of
 * labourMarketStats (queries/storeStatistics.ts) is grouped here, by `grouping` and `trainingKeys`.
 */

export type StatsDimension = 'COUNTRY' | 'REGION' | 'ISCO_MAJOR' | 'ISCO_SUB_MAJOR' | 'ISCO_MINOR' | 'ISCO_UNIT' | 'MONTH';

const ISCO_DIGITS: Partial<Record<StatsDimension, number>> = { ISCO_MAJOR: 1, ISCO_SUB_MAJOR: 2, ISCO_MINOR: 3, ISCO_UNIT: 4 };

export interface CellKey {
  country: string | null;
  region: string | null;
  iscoCode: string | null;
  month: string | null;
}

/** How a grouping reads a record: which dimensions are on and at which ISCO depth. */
interface Grouping {
  country: boolean;
  region: boolean;
  month: boolean;
  /** Digits of the finest ISCO level asked for; 0 = not grouped by occupation. */
  iscoDigits: number;
}

export function grouping(groupBy: readonly StatsDimension[]): Grouping {
  return {
    country: groupBy.includes('COUNTRY'),
    region: groupBy.includes('REGION'),
    month: groupBy.includes('MONTH'),
    iscoDigits: Math.max(0, ...groupBy.map((d) => ISCO_DIGITS[d] ?? 0)),
  };
}

/** A training offer serves every occupation it lists; it counts once per distinct group. */
export function trainingKeys(g: Grouping, country: string, t: TrainingHit): CellKey[] {
  const codes = g.iscoDigits && t.iscoCodes.length > 0 ? t.iscoCodes : [null];
  const keys = new Map<string, CellKey>();
  for (const code of codes) {
    const key: CellKey = {
      country: g.country ? country : null,
      region: g.region ? t.regionCode : null,
      iscoCode: g.iscoDigits ? iscoPrefix(code, g.iscoDigits) : null,
      month: g.month ? localMonth(t.startDate) : null,
    };
    keys.set(JSON.stringify(key), key);
  }
  return [...keys.values()];
}

function iscoPrefix(code: string | null, digits: number): string | null {
  return code && code.length >= digits ? code.slice(0, digits) : null;
}
