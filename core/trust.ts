import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The gateway's signature on forwarded requests. Subgraphs are not meant to be called by anyone
 * but the gateway (and the exchange's fan-out), so each call carries
 *   x-lmis-signature: t=<unix ms>,v1=<hex HMAC-SHA256(secret, t + "." + x-request-id)>
 * Binding the request id makes a captured signature useless for another request id; the
 * timestamp window bounds replays.
 */

export const SIGNATURE_HEADER = 'x-lmis-signature';
export const REQUEST_ID_HEADER = 'x-request-id';
export const SIGNATURE_TOLERANCE_MS = 5 * 60 * 1000;

function mac(secret: string, timestamp: number, requestId: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${requestId}`).digest('hex');
}

export function signatureFor(secret: string, requestId: string, now = Date.now()): string {
  return `t=${now},v1=${mac(secret, now, requestId)}`;
}

/** The headers a signed call carries: the request id and the signature over it. */
export function signRequestHeaders(secret: string, requestId: string, now = Date.now()): Record<string, string> {
  return { [REQUEST_ID_HEADER]: requestId, [SIGNATURE_HEADER]: signatureFor(secret, requestId, now) };
}

export type Verdict = { ok: true } | { ok: false; reason: string };

/** Checks a signature header against the request id it claims to sign. */
export function verifySignature(
  secret: string,
  header: string | undefined,
  requestId: string | undefined,
  now = Date.now(),
  toleranceMs = SIGNATURE_TOLERANCE_MS,
): Verdict {
  if (!header) return { ok: false, reason: 'missing signature' };
  const parts = new Map(
    header.split(',').map((p) => {
      const at = p.indexOf('=');
      return [p.slice(0, at).trim(), p.slice(at + 1).trim()] as const;
    }),
  );
  const t = Number(parts.get('t'));
  const given = parts.get('v1') ?? '';
  if (!Number.isSafeInteger(t) || !/^[0-9a-f]{64}$/.test(given)) return { ok: false, reason: 'malformed signature' };
  if (Math.abs(now - t) > toleranceMs) return { ok: false, reason: 'signature expired' };
  const expected = Buffer.from(mac(secret, t, requestId ?? ''), 'hex');
  return timingSafeEqual(expected, Buffer.from(given, 'hex')) ? { ok: true } : { ok: false, reason: 'bad signature' };
}
