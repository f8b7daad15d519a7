import type { CsvValue } from './csv.js';

/**
 * The statistics cell as columns, shared by the stats and trend exports: the grouping columns
 * the groupBy asked for (in its order), then the figures.
 */
export interface Cell {
  country: { code: string } | null;
  region: { code: string; name: string; nameLocal: string | null } | null;
  iscoCode: string | null;
  occupation: { title: string } | null;
  month: string | null;
  vacancies: number | null;
  openPositions: number | null;
  newPostings: number | null;
  newPositions: number | null;
  suppressed: boolean;
  suppressionReason: string | null;
}

export const CELL_FIELDS =
  'country { code } region { code name nameLocal } iscoCode occupation { title(lang: $lang) } month vacancies openPositions newPostings newPositions suppressed suppressionReason';

export type Column<T = Cell> = [name: string, value: (row: T) => CsvValue];

const DIMENSION_COLUMNS: Record<string, Column[]> = {
  COUNTRY: [['country', (c) => c.country?.code]],
  REGION: [
    ['region', (c) => c.region?.code],
    ['regionName', (c) => c.region?.name],
    ['regionNameLocal', (c) => c.region?.nameLocal],
  ],
  ISCO: [
    ['iscoCode', (c) => c.iscoCode],
    ['occupation', (c) => c.occupation?.title],
  ],
  MONTH: [['month', (c) => c.month]],
};

const FIGURE_COLUMNS: Column[] = [
  ['vacancies', (c) => c.vacancies],
  ['openPositions', (c) => c.openPositions],
  ['newPostings', (c) => c.newPostings],
  ['newPositions', (c) => c.newPositions],
];

const SUPPRESSION_COLUMNS: Column[] = [
  ['suppressed', (c) => c.suppressed],
  ['suppressionReason', (c) => c.suppressionReason],
];

/** The grouping columns for a groupBy (every ISCO level shares one pair: code and title). */
export function dimensionColumns(groupBy: readonly string[]): Column[] {
  const keys = [...new Set(groupBy.map((d) => (d.startsWith('ISCO_') ? 'ISCO' : d)))];
  return keys.flatMap((k) => DIMENSION_COLUMNS[k] ?? []);
}

/** Dimensions, the four counts, (`more`), then suppression. */
export function cellColumns<T extends Cell>(groupBy: readonly string[], more: Array<Column<T>> = []): Array<Column<T>> {
  return [...dimensionColumns(groupBy), ...FIGURE_COLUMNS, ...more, ...SUPPRESSION_COLUMNS];
}
