/**
 * What an adapter learns from its upstream (the spellings it really holds, its own numbering):
 * loaded on first use, shared by concurrent callers, renewed after `ttlMs` so that values new
 * postings bring are learned too. A failed load is not remembered.
 */
export function learned<T>(load: () => Promise<T>, ttlMs: number): () => Promise<T> {
  let current: { at: number; value: Promise<T> } | undefined;
  return () => {
    if (!current || Date.now() - current.at > ttlMs) {
      const attempt = { at: Date.now(), value: load() };
      attempt.value.catch(() => {
        if (current === attempt) current = undefined;
      });
      current = attempt;
    }
    return current.value;
  };
}
