import type { ServerResponse } from 'node:http';
import { Semaphore } from '../../../core/semaphore.js';
import { sendJson } from '../../../core/http.js';

/**
 * Admission control: at most `maxConcurrent` GraphQL requests run at once; a few more wait in a
 * short queue (`maxQueued`, at most `queueTimeoutMs`), and the rest are shed at once with
 * 503 + Retry-After and the code OVERLOADED. Under overload the gateway so answers fewer
 * requests, whole, instead of every request partially (each country call starved of time).
 * A request is admitted before its body is read, so a shed request costs no memory.
 */
export interface AdmissionSettings {
  maxConcurrent: number;
  maxQueued: number;
  queueTimeoutMs: number;
}

export interface Admission {
  /** Runs `work` when admitted; otherwise answers 503 itself. */
  run(res: ServerResponse, work: () => Promise<void>): Promise<void>;
}

const RETRY_AFTER_SECONDS = 1;

export function admission(settings: AdmissionSettings, onShed: (why: 'queue_full' | 'queue_timeout') => void): Admission {
  const slots = new Semaphore(settings.maxConcurrent);
  return {
    async run(res, work) {
      if (!slots.free && slots.queued >= settings.maxQueued) return shed(res, 'queue_full', onShed);
      let release: () => void;
      try {
        release = await slots.acquire(AbortSignal.timeout(settings.queueTimeoutMs));
      } catch {
        return shed(res, 'queue_timeout', onShed);
      }
      try {
        await work();
      } finally {
        release();
      }
    },
  };
}

function shed(res: ServerResponse, why: 'queue_full' | 'queue_timeout', onShed: (why: 'queue_full' | 'queue_timeout') => void): void {
  onShed(why);
  // The body was not read: close the connection rather than drain what the client still sends.
  sendJson(
    res,
    503,
    { errors: [{ message: `The gateway is at capacity; retry after ${RETRY_AFTER_SECONDS} s.`, extensions: { code: 'OVERLOADED', reason: why.toUpperCase() } }] },
    { 'retry-after': String(RETRY_AFTER_SECONDS), connection: 'close' },
  );
}
