import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Cache } from './cache/types.js';

/**
 * The gateway's signature on forwarded requests. Subgraphs are not meant to be called by anyone
 * but the gateway (and the exchange's fan-out), so each call carries
 *   x-lmis-signature: t=<unix ms>,n=<nonce>,v1=<hex HMAC-SHA256(secret, canonical)>
 *   canonical = t \n nonce \n METHOD \n path?query \n sha256(body) \n x-request-id
 * The MAC covers the request itself — method, path, body digest — so a captured signature is
 * useless for another query; the timestamp window bounds its life, and the nonce, remembered in
 * the shared cache for the window (`replayGuard`), makes it single-use across every replica.
 * One implementation for both signers (gateway data source, exchange fan-out) and the verifier.
 */

export const SIGNATURE_HEADER = 'x-lmis-signature';
export const REQUEST_ID_HEADER = 'x-request-id';
export const SIGNATURE_TOLERANCE_MS = 5 * 60 * 1000;

/** One call as both ends see it. `target` is a URL or a path; only path and query count. */
export interface SignedCall {
  method: string;
  target: string;
  body: string | undefined;
  requestId: string;
}

function canonical(timestamp: number, nonce: string, call: SignedCall): string {
  const { pathname, search } = new URL(call.target, 'http://subgraph');
  const digest = createHash('sha256').update(call.body ?? '').digest('hex');
  return [timestamp, nonce, call.method.toUpperCase(), pathname + search, digest, call.requestId].join('\n');
}

function mac(secret: string, timestamp: number, nonce: string, call: SignedCall): string {
  return createHmac('sha256', secret).update(canonical(timestamp, nonce, call)).digest('hex');
}

export function signatureFor(secret: string, call: SignedCall, now = Date.now(), nonce = randomUUID()): string {
  return `t=${now},n=${nonce},v1=${mac(secret, now, nonce, call)}`;
}

/** The headers a signed call carries: the request id and the signature over the call. */
export function signRequestHeaders(secret: string, call: SignedCall, now = Date.now()): Record<string, string> {
  return { [REQUEST_ID_HEADER]: call.requestId, [SIGNATURE_HEADER]: signatureFor(secret, call, now) };
}

export type Verdict = { ok: true; nonce: string; timestamp: number } | { ok: false; reason: string };

const NONCE = /^[\w-]{8,64}$/;

/** Checks a signature header against the call it claims to sign (not yet against replays). */
export function verifySignature(secret: string, header: string | undefined, call: SignedCall, now = Date.now(), toleranceMs = SIGNATURE_TOLERANCE_MS): Verdict {
  if (!header) return { ok: false, reason: 'missing signature' };
  const parts = new Map(
    header.split(',').map((p) => {
      const at = p.indexOf('=');
      return [p.slice(0, at).trim(), p.slice(at + 1).trim()] as const;
    }),
  );
  const t = Number(parts.get('t'));
  const nonce = parts.get('n') ?? '';
  const given = parts.get('v1') ?? '';
  if (!Number.isSafeInteger(t) || !NONCE.test(nonce) || !/^[0-9a-f]{64}$/.test(given)) return { ok: false, reason: 'malformed signature' };
  if (Math.abs(now - t) > toleranceMs) return { ok: false, reason: 'signature expired' };
  const expected = Buffer.from(mac(secret, t, nonce, call), 'hex');
  return timingSafeEqual(expected, Buffer.from(given, 'hex')) ? { ok: true, nonce, timestamp: t } : { ok: false, reason: 'bad signature' };
}

/**
 * Single use: a nonce seen before within the window is a replay. Counted in the shared cache
 * (Redis when configured), so two replicas of a subgraph agree. When the store is unreachable
 * the check fails open, as the rate limit does — the MAC and the time window still hold.
 */
export function replayGuard(cache: Cache, toleranceMs = SIGNATURE_TOLERANCE_MS): (nonce: string) => Promise<boolean> {
  return async (nonce) => {
    const uses = await cache.incr(`signature-nonce:${nonce}`, 2 * toleranceMs);
    return uses === undefined || uses <= 1;
  };
}
