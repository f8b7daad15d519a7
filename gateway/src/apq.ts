/**
 * Bounds on automatic persisted queries (issue 14.4, in part): anyone may register a document, so
 * a registration (a POST carrying both `query` and `extensions.persistedQuery`) is refused past
 * `APQ_MAX_DOCUMENT_KB` with 400 PERSISTED_QUERY_TOO_LARGE before Apollo stores it, and stored
 * documents live `APQ_TTL_SECONDS`, not forever. (GET registrations are bounded by Node's URL and
 * header limit, 16 KiB.)
 */
export function apqRegistrationTooLarge(body: unknown, maxBytes: number): { message: string; extensions: Record<string, unknown> } | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { query, extensions } = body as { query?: unknown; extensions?: { persistedQuery?: unknown } };
  if (typeof query !== 'string' || typeof extensions !== 'object' || extensions === null || !extensions.persistedQuery) return undefined;
  if (Buffer.byteLength(query) <= maxBytes) return undefined;
  const maxKilobytes = Math.floor(maxBytes / 1024);
  return { message: `A persisted query may be at most ${maxKilobytes} KB.`, extensions: { code: 'PERSISTED_QUERY_TOO_LARGE', maxKilobytes } };
}
