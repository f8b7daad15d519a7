import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createCache } from '../../../core/cache/index.js';
import { loadConfig } from '../../../core/config.js';
import type { RunningService } from '../../../core/service.js';
import { testlandAdapter, testlandManifest } from '../../../test/conformance/fake/adapter.js';
import { startFakeUpstream, testlandData } from '../../../test/conformance/fake/upstream.js';
import type { AdapterContext } from './adapter.js';
import { defineCountrySubgraph } from './define.js';

/**
 * A country's settings reach its adapter from its own manifest declarations only: another
 * country's variables in the same environment are invisible, and a required one that is unset
 * stops the start naming the variable.
 */

const logger = pino({ level: 'silent' });
const started: RunningService[] = [];
afterEach(async () => {
  for (const s of started.splice(0)) await s.close();
});

async function startWith(env: Record<string, string>, settings: typeof testlandManifest.settings): Promise<AdapterContext> {
  const upstream = await startFakeUpstream(testlandData(10));
  started.push(upstream);
  const base = testlandAdapter();
  let seen: AdapterContext | undefined;
  const adapter = {
    ...base,
    manifest: { ...testlandManifest, settings },
    createUpstream: (ctx: AdapterContext) => {
      seen = ctx;
      return base.createUpstream(ctx);
    },
  };
  const cache = createCache({ namespace: `settings-test-${randomUUID()}`, logger });
  started.push({ name: 'cache', url: '', port: 0, close: () => cache.close() });
  const subgraph = await defineCountrySubgraph(adapter).start(
    { config: loadConfig({ NODE_ENV: 'test', ...env }), cache, logger, upstreamUrl: upstream.url },
    { port: 0 },
  );
  started.push(subgraph);
  return seen!;
}

describe('country settings', () => {
  const token = { env: 'UPSTREAM_TESTLAND_TOKEN', description: 'Testland bearer token', default: 'sim-token', secret: true };

  it('hands the adapter exactly its declared settings, from the environment or their defaults', async () => {
    const ctx = await startWith({ UPSTREAM_TESTLAND_TOKEN: 'live-token', UPSTREAM_OTHERLAND_TOKEN: 'not-testlands' }, { token });
    expect(ctx.settings).toEqual({ token: 'live-token' });
    expect(ctx.setting('token')).toBe('live-token');
    expect(() => ctx.setting('otherlandToken')).toThrow(/declares no setting "otherlandToken"/);
    expect((await startWith({}, { token })).settings).toEqual({ token: 'sim-token' });
  });

  it('refuses to start without a required setting, naming the variable', async () => {
    const { default: _unused, ...required } = token;
    await expect(startWith({}, { token: required })).rejects.toThrow(/UPSTREAM_TESTLAND_TOKEN \(testland\)/);
  });
});
