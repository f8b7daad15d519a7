/** Small list helpers adapters share. */

/** The items in batches of at most `size` (national APIs cap how many ids one call takes). */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, n) => items.slice(n * size, (n + 1) * size));
}

/** The defined items, each once, in first-seen order. */
export function unique<T>(items: ReadonlyArray<T | undefined>): T[] {
  return [...new Set(items.filter((i): i is T => i !== undefined))];
}

/** A native date parser that gives NaN instead of throwing: a record with an unreadable date sorts and compares as unknown. */
export function orNaN(parse: (text: string) => number): (text: unknown) => number {
  return (text) => {
    try {
      return typeof text === 'string' ? parse(text) : Number.NaN;
    } catch {
      return Number.NaN;
    }
  };
}
