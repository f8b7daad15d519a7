import type { Rng } from '../rng.js';

/**
 * The dirt real portals carry, at realistic low rates: odd whitespace and casing from manual
 * entry, duplicates from syndication, postings left up after they expired, codes that are
 * outdated or missing. Each simulator decides its rates; these make the dirt.
 */
export const DIRT_RATES = {
  oddWhitespace: 0.03,
  oddCasing: 0.03,
  duplicate: 0.02,
  expired: 0.04,
  outdatedCode: 0.02,
  missingCode: 0.015,
} as const;

export function oddWhitespace(rng: Rng, text: string): string {
  if (!rng.chance(DIRT_RATES.oddWhitespace)) return text;
  return rng.pick([`  ${text}`, `${text}  `, text.replace(/ /g, '  '), `\t${text}`]);
}

export function oddCasing(rng: Rng, text: string): string {
  if (!rng.chance(DIRT_RATES.oddCasing)) return text;
  return rng.chance(0.5) ? text.toUpperCase() : text.toLowerCase();
}

/** Both kinds of manual-entry dirt on one string. */
export function dirty(rng: Rng, text: string): string {
  return oddCasing(rng, oddWhitespace(rng, text));
}
