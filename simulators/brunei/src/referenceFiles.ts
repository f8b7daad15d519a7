import { readFileSync } from 'node:fs';
import { fromRoot } from '../../../core/paths.js';
import { parseCsvRecords } from '../../../subgraphs/taxonomy/src/reference/csv.js';

/** Brunei's reference data as its folder ships it (subgraphs/brunei/reference/), read once per file. */
const files = new Map<string, Array<Record<string, string>>>();

export function bruneiRows(file: 'regions.csv' | 'occupations.csv' | 'education.csv'): Array<Record<string, string>> {
  let rows = files.get(file);
  if (!rows) files.set(file, (rows = parseCsvRecords(readFileSync(fromRoot('subgraphs/brunei/reference', file), 'utf8'))));
  return rows;
}
