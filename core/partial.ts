import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Partiality as metadata. An answer that lacks a country (FAILED, TIMEOUT) or carries one from a
 * stale cache (STALE) must not be cached downstream as if it were whole and fresh — whichever
 * fields the client selected. Code that produces such an answer calls `markPartial(reason)`; the
 * kit's server (service.ts) answers the request with `x-lmis-partial: <reasons>` and
 * `cache-control: no-store`, the gateway's data source records that header in the request
 * context, and the whole-response cache refuses to store the answer.
 *
 * The reasons live in an AsyncLocalStorage scope opened per HTTP request, so resolvers, batch
 * loaders and the upstream cache can mark without threading a context through every call.
 */
export const PARTIAL_HEADER = 'x-lmis-partial';

const scope = new AsyncLocalStorage<Set<string>>();

/** Runs one request's work in a fresh scope; gives back its result and what was marked. */
export async function withPartialScope<T>(work: () => Promise<T>): Promise<{ result: T; reasons: string[] }> {
  const reasons = new Set<string>();
  const result = await scope.run(reasons, work);
  return { result, reasons: [...reasons] };
}

/** Notes that the current request's answer is partial or stale (no-op outside a request scope). */
export function markPartial(reason: string): void {
  scope.getStore()?.add(reason);
}

/** The header value, bounded: reasons are short tokens such as `stale:<subgraph>`. */
export function partialHeaderValue(reasons: readonly string[]): string {
  return reasons.slice(0, 20).join(', ').slice(0, 512);
}
