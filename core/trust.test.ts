import { describe, expect, it } from 'vitest';
import { signRequestHeaders, signatureFor, verifySignature } from './trust.js';

const secret = 'a-test-secret-of-enough-length';

describe('gateway signature', () => {
  it('accepts its own signature for the same request id', () => {
    const headers = signRequestHeaders(secret, 'req-1');
    expect(headers['x-request-id']).toBe('req-1');
    expect(verifySignature(secret, headers['x-lmis-signature'], 'req-1')).toEqual({ ok: true });
  });

  it('refuses another request id, another secret, a missing or malformed header', () => {
    const sig = signatureFor(secret, 'req-1');
    expect(verifySignature(secret, sig, 'req-2')).toEqual({ ok: false, reason: 'bad signature' });
    expect(verifySignature('another-secret-entirely!', sig, 'req-1').ok).toBe(false);
    expect(verifySignature(secret, undefined, 'req-1')).toEqual({ ok: false, reason: 'missing signature' });
    expect(verifySignature(secret, 't=abc,v1=zz', 'req-1')).toEqual({ ok: false, reason: 'malformed signature' });
  });

  it('accepts clock skew within five minutes and refuses beyond', () => {
    const now = Date.now();
    expect(verifySignature(secret, signatureFor(secret, 'r', now - 4 * 60_000), 'r', now).ok).toBe(true);
    expect(verifySignature(secret, signatureFor(secret, 'r', now + 4 * 60_000), 'r', now).ok).toBe(true);
    expect(verifySignature(secret, signatureFor(secret, 'r', now - 6 * 60_000), 'r', now)).toEqual({ ok: false, reason: 'signature expired' });
  });
});
