import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

/** Issue 14.9: production refuses weak or known secrets, not only the literal dev default. */
describe('production secrets', () => {
  const strong = 'f3a9c1d27be84e6a9d0c5b1e7f2a4c8d';
  it('refuses the dev default, a known test secret, a short or a monotonous one', () => {
    for (const secret of ['dev-only-shared-secret-change-me', 'a-test-secret-of-enough-length-x', 'abcdefghijklmnop', 'a'.repeat(40)]) {
      expect(() => loadConfig({ NODE_ENV: 'production', GATEWAY_SHARED_SECRET: secret }), secret).toThrow(/GATEWAY_SHARED_SECRET/);
    }
    expect(() => loadConfig({ NODE_ENV: 'production', GATEWAY_SHARED_SECRET: strong, JWT_SECRET: 'x'.repeat(32) })).toThrow(/JWT_SECRET/);
  });
  it('accepts a random 32-character secret, and anything outside production', () => {
    expect(loadConfig({ NODE_ENV: 'production', GATEWAY_SHARED_SECRET: strong }).gatewaySecret).toBe(strong);
    expect(loadConfig({ NODE_ENV: 'development' }).gatewaySecret).toMatch(/^dev-only/);
  });
});
