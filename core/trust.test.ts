import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createCache } from './cache/index.js';
import { replayGuard, signatureFor, signRequestHeaders, verifySignature, type SignedCall } from './trust.js';

const secret = 'a-test-secret-of-enough-length';
const call: SignedCall = { method: 'POST', target: 'http://127.0.0.1:4001/graphql', body: '{"query":"{ countries { code } }"}', requestId: 'req-1' };

describe('gateway signature', () => {
  it('accepts its own signature for the same call, seen from the subgraph (path only)', () => {
    const headers = signRequestHeaders(secret, call);
    expect(headers['x-request-id']).toBe('req-1');
    expect(verifySignature(secret, headers['x-lmis-signature'], { ...call, target: '/graphql' })).toMatchObject({ ok: true });
  });

  it('refuses the signature for another request id, method, path or body (issue 14.3)', () => {
    const sig = signatureFor(secret, call);
    for (const other of [{ requestId: 'req-2' }, { method: 'GET' }, { target: '/graphql?x=1' }, { body: '{"query":"{ _service { sdl } }"}' }]) {
      expect(verifySignature(secret, sig, { ...call, ...other })).toEqual({ ok: false, reason: 'bad signature' });
    }
    expect(verifySignature('another-secret-entirely!', sig, call).ok).toBe(false);
    expect(verifySignature(secret, undefined, call)).toEqual({ ok: false, reason: 'missing signature' });
    expect(verifySignature(secret, 't=abc,v1=zz', call)).toEqual({ ok: false, reason: 'malformed signature' });
    // The old format (no nonce) is refused.
    expect(verifySignature(secret, `t=${Date.now()},v1=${'0'.repeat(64)}`, call)).toEqual({ ok: false, reason: 'malformed signature' });
  });

  it('accepts clock skew within five minutes and refuses beyond', () => {
    const now = Date.now();
    expect(verifySignature(secret, signatureFor(secret, call, now - 4 * 60_000), call, now).ok).toBe(true);
    expect(verifySignature(secret, signatureFor(secret, call, now + 4 * 60_000), call, now).ok).toBe(true);
    expect(verifySignature(secret, signatureFor(secret, call, now - 6 * 60_000), call, now)).toEqual({ ok: false, reason: 'signature expired' });
  });

  it('lets a nonce be used once', async () => {
    const cache = createCache({ namespace: `test:${Math.random()}`, logger: pino({ level: 'silent' }) });
    const firstUse = replayGuard(cache);
    expect([await firstUse('nonce-aaaa-1'), await firstUse('nonce-aaaa-1'), await firstUse('nonce-bbbb-2')]).toEqual([true, false, true]);
    await cache.close();
  });
});
