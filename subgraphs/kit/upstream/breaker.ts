import CircuitBreaker from 'opossum';
import type { KitMetrics } from '../metrics.js';
import type { Logger } from '../../../core/log.js';
import { UpstreamError, type BreakerOptions, type BreakerState } from './types.js';

/**
 * One circuit breaker per upstream (opossum). It opens on an error rate over a rolling window
 * or on a run of consecutive failures (opossum has only the former, so the run is counted
 * here), and half-opens after the reset timeout. Only outages count: a rate limit or a 4xx is
 * the upstream working as designed.
 */

export interface Breaker {
  run<R>(attempt: () => Promise<R>): Promise<R>;
  state(): BreakerState;
  shutdown(): void;
}

const OUTAGES = new Set(['TIMEOUT', 'UNAVAILABLE']);

export function createBreaker(upstream: string, options: BreakerOptions, metrics: KitMetrics, logger: Logger): Breaker {
  const breaker = new CircuitBreaker((attempt: () => Promise<unknown>) => attempt(), {
    name: upstream,
    timeout: false, // deadlines are the client's job
    errorThresholdPercentage: options.errorThresholdPercentage ?? 50,
    volumeThreshold: options.volumeThreshold ?? 10,
    rollingCountTimeout: options.rollingWindowMs ?? 10_000,
    resetTimeout: options.resetTimeoutMs ?? 5_000,
    errorFilter: (error: unknown) => !(error instanceof UpstreamError && OUTAGES.has(error.kind)),
  });
  const maxConsecutive = options.consecutiveFailures ?? 5;
  let consecutive = 0;
  breaker.on('failure', () => {
    consecutive += 1;
    if (consecutive >= maxConsecutive && !breaker.opened) breaker.open();
  });
  breaker.on('success', () => (consecutive = 0));
  breaker.on('close', () => (consecutive = 0));

  const report = (state: BreakerState) => () => {
    metrics.setBreakerState(upstream, state);
    const level = state === 'closed' ? 'info' : 'warn';
    logger[level]({ upstream, breaker: state }, `circuit ${state}`);
  };
  breaker.on('open', report('open'));
  breaker.on('halfOpen', report('half-open'));
  breaker.on('close', report('closed'));
  metrics.setBreakerState(upstream, 'closed');

  const state = (): BreakerState => (breaker.opened ? 'open' : breaker.halfOpen ? 'half-open' : 'closed');
  return {
    run: async <R>(attempt: () => Promise<R>): Promise<R> => {
      try {
        return (await breaker.fire(attempt)) as R;
      } catch (error) {
        if (isOpenCircuit(error)) throw new UpstreamError(upstream, 'CIRCUIT_OPEN', 'circuit open after repeated failures');
        throw error;
      }
    },
    state,
    shutdown: () => breaker.shutdown(),
  };
}

function isOpenCircuit(error: unknown): boolean {
  return error instanceof Error && (error as Error & { code?: string }).code === 'EOPENBREAKER';
}
