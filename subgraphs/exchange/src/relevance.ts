/**
 * Text relevance of a vacancy title to the caller's search text, 0..1, computed by the exchange
 * from the titles the countries return (the national systems rank differently or not at all, so
 * only a score computed in one place can be merged across borders).
 *
 *   score = 0.8 · coverage + 0.2 · phrase
 *   coverage = mean over the distinct query words of 1 (the title has the word) or 0.5 (a title word
 *              starts with it, for query words of 3+ characters), else 0
 *   phrase   = 1 when the whole normalised query occurs in the title (multi-word queries only)
 *
 * Words come from Intl.Segmenter, which also splits Thai (written without spaces). Scores are
 * rounded to 4 decimals so that a score stored in a cursor compares equal to the recomputed one.
 */

const segmenter = new Intl.Segmenter('und', { granularity: 'word' });

export function normalise(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase('und').replace(/\s+/g, ' ').trim();
}

export function words(text: string): string[] {
  return [...segmenter.segment(normalise(text))].filter((s) => s.isWordLike).map((s) => s.segment);
}

/** Precomputes the query once; the returned function scores one title. */
export function relevanceScorer(query: string): (title: string) => number {
  const queryWords = [...new Set(words(query))];
  const phrase = normalise(query);
  return (title: string) => {
    if (queryWords.length === 0) return 0;
    const titleWords = words(title);
    const titleSet = new Set(titleWords);
    const coverage =
      queryWords.reduce((sum, q) => {
        if (titleSet.has(q)) return sum + 1;
        return q.length >= 3 && titleWords.some((t) => t.startsWith(q)) ? sum + 0.5 : sum;
      }, 0) / queryWords.length;
    const phraseHit = queryWords.length > 1 && normalise(title).includes(phrase) ? 1 : 0;
    return Math.round((0.8 * coverage + 0.2 * phraseHit) * 10_000) / 10_000;
  };
}
