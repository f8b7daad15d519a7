/**
 * Requests the simulators (the national systems) have served, from their own counters
 * (`GET /__sim/stats`; the control routes are never counted). One that cannot say (busy or gone)
 * counts as 0 and is noted in `unanswered`, so a report never passes on a missing figure silently.
 */
export async function upstreamTotal(sims: Record<string, { url: string }>, unanswered: Set<string>): Promise<number> {
  const totals = await Promise.all(
    Object.entries(sims).map(async ([name, sim]) => {
      try {
        return ((await (await fetch(`${sim.url}/__sim/stats`, { signal: AbortSignal.timeout(30_000) })).json()) as { total: number }).total;
      } catch (error) {
        unanswered.add(`simulator ${name} did not report its stats (${error instanceof Error ? (error.cause as Error | undefined)?.message ?? error.message : String(error)})`);
        return 0;
      }
    }),
  );
  return totals.reduce((a, b) => a + b, 0);
}
