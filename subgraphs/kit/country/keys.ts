import { createHash } from 'node:crypto';

/**
 * Cache keys of a country's resources. Search keys hash the canonical form of the arguments so
 * that the same question asked with keys in another order, or with explicit nulls, hits.
 */
export function cacheKeys(country: string) {
  return {
    vacancyRecord: `${country}:vacancy:`,
    trainingRecord: `${country}:training:`,
    vacancySearch: (args: unknown) => `${country}:vacancy-search:${digest(args)}`,
    /** The filter's total as its first page (no keyset) reported it. */
    vacancyTotal: (filter: unknown) => `${country}:vacancy-total:${digest(filter)}`,
    vacancyFacts: (filter: unknown) => `${country}:vacancy-facts:${digest(filter)}`,
    vacancyColumns: (filter: unknown) => `${country}:vacancy-columns:${digest(filter)}`,
    trainingSearch: (args: unknown) => `${country}:training-search:${digest(args)}`,
    trainingFacts: (filter: unknown) => `${country}:training-facts:${digest(filter)}`,
  };
}

export function digest(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex').slice(0, 32);
}

/** JSON with sorted keys, nulls and undefined left out. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const fields = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== null && v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`);
    return `{${fields.join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
