import type { Logger } from '../../../core/log.js';
import type { KitMetrics } from '../metrics.js';

/**
 * The HTTP client every country uses to reach its national system. Failures surface as one
 * error type, `UpstreamError`, whose `kind` tells the GraphQL layer which code to answer with.
 */

export type UpstreamErrorKind = 'TIMEOUT' | 'UNAVAILABLE' | 'RATE_LIMITED' | 'BAD_RESPONSE' | 'TOO_LARGE' | 'CIRCUIT_OPEN' | 'AUTH';

export class UpstreamError extends Error {
  readonly upstream: string;
  readonly kind: UpstreamErrorKind;
  readonly status: number | undefined;

  constructor(upstream: string, kind: UpstreamErrorKind, message: string, status?: number) {
    super(`${upstream}: ${message}`);
    this.name = 'UpstreamError';
    this.upstream = upstream;
    this.kind = kind;
    this.status = status;
  }
}

export interface BreakerOptions {
  /** Consecutive failures that open the circuit. Default 5. */
  consecutiveFailures?: number;
  /** Error percentage over the rolling window that opens the circuit. Default 50. */
  errorThresholdPercentage?: number;
  /** Minimum calls in the window before the percentage counts. Default 10. */
  volumeThreshold?: number;
  /** Rolling window length. Default 10 000 ms. */
  rollingWindowMs?: number;
  /** Open → half-open after this long. Default 5 000 ms. */
  resetTimeoutMs?: number;
}

export interface UpstreamClientOptions {
  /** Names the upstream in errors, logs and metrics, e.g. "karirhub". */
  name: string;
  baseUrl: string;
  /** Deadline of one logical call, retries and Retry-After waits included. Default 5 000 ms. */
  timeoutMs?: number;
  /** Deadline of a bulk call (`bulk: true`). Default 60 000 ms. */
  bulkTimeoutMs?: number;
  /** Extra attempts for idempotent calls. Default 2. */
  retries?: number;
  /** Requests in flight at once. Default 16. */
  concurrency?: number;
  breaker?: BreakerOptions;
  /** Credentials added to every request (e.g. an OAuth bearer token). */
  authHeaders?: () => Promise<Record<string, string>>;
  /**
   * Largest answer body accepted, counted while it streams in; past it the call is aborted and
   * fails TOO_LARGE (that country alone). Defaults 4 MiB for a page, 32 MiB for a bulk pull.
   */
  maxResponseBytes?: number;
  bulkMaxResponseBytes?: number;
  /** Called once when the upstream answers 401; the call is then retried once (token refresh). */
  onAuthRejected?: () => void;
  logger: Logger;
  metrics: KitMetrics;
}

export type QueryValue = string | number | boolean | undefined | null | ReadonlyArray<string | number>;

export interface UpstreamRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Appended to baseUrl. */
  path: string;
  /** Arrays repeat the parameter; undefined/null values are left out. */
  query?: Record<string, QueryValue>;
  json?: unknown;
  /** application/x-www-form-urlencoded body. */
  form?: Record<string, string>;
  headers?: Record<string, string>;
  /**
   * Headers computed per attempt from what is actually sent (e.g. a single-use signature over
   * method, URL and body, kit/trust.ts): a retry is then signed afresh.
   */
  sign?: (sent: { method: string; url: string; body: string | undefined }) => Record<string, string>;
  /** Safe to retry. Default: true for GET, false otherwise. */
  idempotent?: boolean;
  /** Default 'json'. */
  parse?: 'json' | 'text';
  /** Metric label; defaults to the path with digits collapsed. */
  route?: string;
  /** A tighter deadline for this call. */
  timeoutMs?: number;
  /**
   * A pull of every match in one answer (e.g. DataTables' `length=-1`): it gets the client's bulk
   * deadline instead of the page deadline, and a timeout is not retried — asking again for
   * everything from a system that could not answer in time only doubles its load.
   */
  bulk?: boolean;
}

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface UpstreamClient {
  readonly name: string;
  request<T>(req: UpstreamRequest): Promise<T>;
  breakerState(): BreakerState;
  close(): Promise<void>;
}
