import { fold } from './text.js';

/**
 * Ranked matching of a query against the names of a record. Tiers, best first:
 * exact (0) > prefix (1) > a word starts with the query (2) > substring (3); a match in a title
 * beats any match in an alternative label (+4). Everything is compared folded (case, accents,
 * punctuation), so "Soldador", "WELDERS" and "welders," behave alike.
 */

export interface SearchableNames {
  /** Folded titles (any language). */
  titles: readonly string[];
  /** Folded alternative labels. */
  altLabels: readonly string[];
}

const ALT_PENALTY = 4;

/** The tier of one folded name for a folded query, or undefined when it does not match. */
function tier(name: string, query: string): number | undefined {
  if (name === query) return 0;
  if (name.startsWith(query)) return 1;
  const at = name.indexOf(query);
  if (at < 0) return undefined;
  // A word boundary in folded text is a space; Thai has none, so Thai matches are substrings.
  return name.includes(` ${query}`) ? 2 : 3;
}

/** Best (lowest) rank of a record for a query, or undefined when nothing matches. */
export function rank(names: SearchableNames, foldedQuery: string): number | undefined {
  let best: number | undefined;
  for (const title of names.titles) {
    const t = tier(title, foldedQuery);
    if (t !== undefined && (best === undefined || t < best)) best = t;
    if (best === 0) return 0;
  }
  if (best !== undefined && best <= 3) return best;
  for (const label of names.altLabels) {
    const t = tier(label, foldedQuery);
    if (t !== undefined && (best === undefined || t + ALT_PENALTY < best)) best = t + ALT_PENALTY;
    if (best === ALT_PENALTY) break;
  }
  return best;
}

/** Records matching the query, best rank first, ties kept in input order. */
export function rankedSearch<T>(records: readonly T[], namesOf: (r: T) => SearchableNames, query: string): T[] {
  const q = fold(query);
  if (q === '') return [...records];
  const hits: Array<{ record: T; rank: number; order: number }> = [];
  records.forEach((record, order) => {
    const r = rank(namesOf(record), q);
    if (r !== undefined) hits.push({ record, rank: r, order });
  });
  return hits.sort((a, b) => a.rank - b.rank || a.order - b.order).map((h) => h.record);
}
