import { cachedValue } from '../../../core/cache/index.js';
import type { Cache, CachePolicy } from '../../kit/index.js';
import { UpstreamError } from '../../kit/index.js';
import type { Logger } from '../../../core/log.js';
import { CountryCallError, type CountryClient } from './countryClient.js';
import { queryFingerprint } from './cursor.js';
import type { CountryOperation } from './operations.js';
import type { SourceOutcome } from './outcome.js';
import type { CountrySource } from './registry.js';

/**
 * The parallel fan-out: every selected country is called at once (never one after another), each
 * under its own deadline, through the shared cache policy (core/cache: TTL, stale-if-error,
 * single-flight). Exactly ONE call per country per page: the caller passes the variables for each
 * country and gets one outcome per country back — an answer, an answer from cache, or the reason
 * there is none.
 */

export interface CachedPage {
  total: number;
  stale: boolean;
  ageSeconds: number;
}

export interface FanOutOptions {
  cache: Cache;
  clients: ReadonlyMap<string, CountryClient>;
  /** Page calls vs whole-result pulls (facts). */
  policies: { page: CachePolicy; bulk: CachePolicy };
  logger: Logger;
}

export type FanOut = <P extends CachedPage>(
  sources: readonly CountrySource[],
  operation: CountryOperation,
  variablesFor: (source: CountrySource) => Record<string, unknown>,
  requestId: string,
) => Promise<Array<SourceOutcome<P>>>;

export function createFanOut(options: FanOutOptions): FanOut {
  return <P extends CachedPage>(
    sources: readonly CountrySource[],
    operation: CountryOperation,
    variablesFor: (source: CountrySource) => Record<string, unknown>,
    requestId: string,
  ) => Promise.all(sources.map((source) => callOne<P>(options, source, operation, variablesFor(source), requestId)));
}

async function callOne<P extends CachedPage>(
  options: FanOutOptions,
  source: CountrySource,
  operation: CountryOperation,
  variables: Record<string, unknown>,
  requestId: string,
): Promise<SourceOutcome<P>> {
  const started = performance.now();
  const latencyMs = () => performance.now() - started;
  const policy = operation.bulk ? options.policies.bulk : options.policies.page;
  const key = `country:${operation.name}:${source.country}:${queryFingerprint(variables)}`;
  const load = () => {
    const client = options.clients.get(source.name);
    if (!client) throw new CountryCallError(source, 'no client for this country', false);
    return client.call<P>(operation, variables, requestId);
  };
  try {
    const got = await cachedValue(options.cache, key, policy, load, {
      onRefreshError: (error) => options.logger.warn({ country: source.country, err: messageOf(error) }, 'background refresh failed'),
      // A country that answered from its stale cache: passed on as STALE, never kept here as fresh.
      storable: (page) => !page.stale,
    });
    const page = got.value;
    // A country may itself answer from its stale cache; both kinds of staleness are reported.
    const stale = got.stale || page.stale;
    const note = got.outcome === 'stale-if-error' ? `${source.name} failed; served from the exchange's cache, ${got.ageSeconds}s old` : undefined;
    return { source, ok: true, page, latencyMs: latencyMs(), stale, ageSeconds: page.ageSeconds + got.ageSeconds, ...(note ? { note } : {}) };
  } catch (error) {
    // The country's own words (an upstream's error body, an internal message) go to the log with
    // the request id; the client gets a fixed sentence for the class of failure.
    const status = isTimeout(error) ? 'TIMEOUT' : 'FAILED';
    options.logger.warn({ country: source.country, operation: operation.name, err: messageOf(error), requestId }, 'country call failed');
    return { source, ok: false, status, message: FAILURE_MESSAGES[status](source.name), latencyMs: latencyMs() };
  }
}

const FAILURE_MESSAGES = {
  TIMEOUT: (name: string) => `${name} did not answer in time`,
  FAILED: (name: string) => `${name} is unavailable`,
} as const;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isTimeout(error: unknown): boolean {
  if (error instanceof UpstreamError) return error.kind === 'TIMEOUT';
  return error instanceof CountryCallError && error.timeout;
}
