import { markPartial } from '../../kit/index.js';
import type { CountrySource } from './registry.js';

/**
 * What one country contributed to a fan-out: its answer, or why it has none. A failure costs only
 * that country's results; the answer's `sources` reports every outcome.
 */
export type SourceOutcome<Page> =
  | { source: CountrySource; ok: true; page: Page; latencyMs: number; stale: boolean; ageSeconds: number; note?: string }
  | { source: CountrySource; ok: false; status: 'FAILED' | 'TIMEOUT'; message: string; latencyMs: number };

export type SourceState = 'OK' | 'STALE' | 'FAILED' | 'TIMEOUT' | 'NOT_SYNCED';

export interface SourceStatus {
  country: { code: string };
  subgraph: string;
  status: SourceState;
  message: string | null;
  latencyMs: number;
  total: number | null;
  ageSeconds: number | null;
}

/** The public status of one outcome; `totalsAtStart` fills in a failed country's earlier count. */
export function sourceStatus<Page extends { total: number }>(
  outcome: SourceOutcome<Page>,
  totalsAtStart: Readonly<Record<string, number>> = {},
): SourceStatus {
  const base = { country: { code: outcome.source.country }, subgraph: outcome.source.name, latencyMs: Math.round(outcome.latencyMs) };
  if (outcome.ok) {
    return {
      ...base,
      status: outcome.stale ? 'STALE' : 'OK',
      message: outcome.note ?? (outcome.stale ? `served from cache, ${outcome.ageSeconds}s old` : null),
      total: outcome.page.total,
      ageSeconds: outcome.stale || outcome.ageSeconds > 0 ? outcome.ageSeconds : null,
    };
  }
  const earlier = totalsAtStart[outcome.source.country];
  const note = earlier === undefined ? '' : ` (${earlier} matches when this walk started are missing)`;
  return { ...base, status: outcome.status, message: outcome.message + note, total: earlier ?? null, ageSeconds: null };
}

export function answered<Page>(outcomes: readonly SourceOutcome<Page>[]): Array<Extract<SourceOutcome<Page>, { ok: true }>> {
  return outcomes.filter((o): o is Extract<SourceOutcome<Page>, { ok: true }> => o.ok);
}

/**
 * Marks the request partial (kit/partial.ts) when any country did not answer fresh, read from the
 * answer the resolver computed — not from what the client selected — so a query without `sources`
 * is kept out of downstream caches too.
 */
export async function reportPartial<A extends { sources: readonly SourceStatus[] }>(answer: Promise<A>): Promise<A> {
  const done = await answer;
  for (const s of done.sources) if (s.status !== 'OK') markPartial(`${s.status.toLowerCase()}:${s.subgraph}`);
  return done;
}
