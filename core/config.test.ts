import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

/** The generic per-subgraph settings: declared by name in a subgraph.json, read from one environment. */

const declared = {
  apiKey: { env: 'UPSTREAM_ZZ_API_KEY', default: 'sim-key', deprecatedEnv: 'ZZ_API_KEY' },
  region: { env: 'UPSTREAM_ZZ_REGION', optional: true },
};

describe('declared settings', () => {
  it('reads the declared variables, the default when unset, nothing else', () => {
    const config = loadConfig({ UPSTREAM_ZZ_REGION: 'north', UPSTREAM_YY_API_KEY: 'not-mine' });
    expect(config.settingsFor('zz', declared)).toEqual({ apiKey: 'sim-key', region: 'north' });
  });

  it('prefers the new name over the deprecated alias, and accepts the alias alone', () => {
    expect(loadConfig({ UPSTREAM_ZZ_API_KEY: 'new', ZZ_API_KEY: 'old' }).settingsFor('zz', declared).apiKey).toBe('new');
    expect(loadConfig({ ZZ_API_KEY: 'old' }).settingsFor('zz', declared).apiKey).toBe('old');
  });

  it('requires a setting without a default, naming the variable and its owner', () => {
    expect(() => loadConfig({}).settingsFor('zz', { token: { env: 'UPSTREAM_ZZ_TOKEN' } })).toThrow(/UPSTREAM_ZZ_TOKEN \(zz\)/);
    expect(loadConfig({}).settingsFor('zz', { region: declared.region })).toEqual({ region: undefined });
  });

  it('names the variable and its owner when a URL setting is not a URL', () => {
    const config = loadConfig({ UPSTREAM_ZZ_URL: 'not a url' });
    expect(() => config.settingsFor('zz', { url: { env: 'UPSTREAM_ZZ_URL', format: 'url' } })).toThrow(/UPSTREAM_ZZ_URL \(zz\)/);
  });

  it('moves every port by the bases', () => {
    const config = loadConfig({ SUBGRAPH_PORT_BASE: '5001', SIM_PORT_BASE: '5101' });
    expect(config.ports).toEqual({ gateway: 4000, subgraphOffset: 1000, simulatorOffset: 1000 });
  });
});

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
