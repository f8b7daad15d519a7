/**
 * Asks one request again and again until its answer comes back whole (no GraphQL error, no
 * country FAILED or TIMEOUT), bounded in time. A warm-up on freshly started processes (code not
 * yet optimised, one core shared by every backend) can time a country out often enough to open
 * its circuit breaker, and statistics over a large dataset take a while to compute the first
 * time; measuring starts once the stack answers whole. Returns how long that took, or undefined.
 */
export async function untilWhole(url: string, body: string, limitMs: number): Promise<number | undefined> {
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    try {
      const text = await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(limitMs) })).text();
      if (!/"status":"(FAILED|TIMEOUT)"|"errors":/.test(text)) return Date.now() - started;
    } catch {
      // not answering yet: ask again
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return undefined;
}

/**
 * Waits until a gateway has worked off what a round left queued (a slow gateway can hold seconds
 * of requests after the load generator stops): it must answer a trivial query quickly again, so
 * the next gateway's round does not share the core with the last one's backlog.
 */
export async function untilIdle(url: string, limitMs = 20_000): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    const sent = performance.now();
    try {
      await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}', signal: AbortSignal.timeout(limitMs) })).text();
    } catch {
      // not answering yet
    }
    if (performance.now() - sent < IDLE_ANSWER_MS) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
const IDLE_ANSWER_MS = 20;

