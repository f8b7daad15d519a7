import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCache, type Cache } from '../../core/cache/index.js';
import { loadConfig } from '../../core/config.js';
import { fromRoot } from '../../core/paths.js';
import type { RunningService } from '../../core/service.js';
import { defineCountrySubgraph } from '../../subgraphs/kit/index.js';
import { launchSubgraph } from '../../subgraphs/launch.js';
import { oneCountry } from '../harness/countries.js';
import { startCountryForTest, type CountryForTest } from '../harness/country.js';
import { testlandAdapter } from './fake/adapter.js';
import { startFakeUpstream, testlandData, type FakeUpstream } from './fake/upstream.js';

/**
 * `npm run conformance` as a partner runs it: a child process against subgraphs running over
 * HTTP — a real country (with the taxonomy it is checked against), and a country whose batch
 * fetch by id is broken. The exit code and the printed checks are the interface under test.
 */

const config = loadConfig({ NODE_ENV: 'test' });
const logger = pino({ level: 'silent' });
/** A registered country: any conforming one. */
const registered = oneCountry().name;

function runCli(args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fromRoot('test/conformance/cli.ts'), ...args], {
      cwd: fromRoot(),
      env: { ...process.env, LOG_LEVEL: 'silent' },
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, out }));
  });
}

describe('conformance CLI', () => {
  let country: CountryForTest;
  let taxonomy: RunningService;
  let broken: RunningService;
  let brokenUpstream: FakeUpstream;
  const caches: Cache[] = [];
  const cache = () => {
    const c = createCache({ namespace: `cli-test-${randomUUID()}`, logger });
    caches.push(c);
    return c;
  };

  beforeAll(async () => {
    country = await startCountryForTest(registered);
    taxonomy = await launchSubgraph({ name: 'taxonomy', config, cache: cache(), logger, listen: { port: 0 } });
    brokenUpstream = await startFakeUpstream(testlandData(260));
    const correct = testlandAdapter();
    // Forgets every record asked for by id: the gateway could never resolve a vacancy.
    const forgetful = {
      ...correct,
      createUpstream: (ctx: Parameters<typeof correct.createUpstream>[0]) => ({ ...correct.createUpstream(ctx), vacanciesByIds: async () => [] }),
    };
    broken = await defineCountrySubgraph(forgetful).start({ config, cache: cache(), logger, upstreamUrl: brokenUpstream.url }, { port: 0 });
  });
  afterAll(async () => {
    await country?.stop();
    await taxonomy?.close();
    await broken?.close();
    await brokenUpstream?.close();
    await Promise.all(caches.map((c) => c.close()));
  });

  it('passes a conforming country over HTTP, counting its upstream calls, and finds it in the taxonomy', async () => {
    const { code, out } = await runCli([
      '--url',
      country.subgraph.url,
      '--secret',
      config.gatewaySecret,
      '--name',
      registered,
      '--taxonomy-url',
      taxonomy.url,
      '--upstream-stats',
      `${country.simulator.url}/__sim/stats`,
      '--advance',
      `${country.simulator.url}/__sim/advance`,
    ]);
    expect(out).not.toMatch(/^FAIL/m);
    expect(out).toMatch(/^PASS {2}resolves 50 uncached entities with ONE upstream call/m);
    expect(out).toMatch(/^PASS {2}gives a harvester, from its last keyset, the changes[^\n]*\n(?!\s+note)/m);
    expect(out).toMatch(/^PASS {2}the taxonomy knows the country/m);
    expect(out).toContain('13 passed, 0 failed');
    expect(code).toBe(0);
  });

  it('fails a broken country with the check, the reason and what to fix; exit code 1', async () => {
    const { code, out } = await runCli(['--url', broken.url, '--secret', config.gatewaySecret, '--country', 'TL', '--taxonomy-url', taxonomy.url]);
    expect(out).toContain('types TestlandVacancy / TestlandTrainingOffer'); // read from the subgraph's own SDL
    expect(out).toMatch(
      /^FAIL {2}resolves 50 uncached entities[^\n]*\n\s+why : the entities came back in another order or some are missing\n\s+fix : implement vacanciesByIds/m,
    );
    expect(out).toMatch(/^FAIL {2}the taxonomy knows the country[^\n]*\n\s+why : the taxonomy has no country TL/m);
    expect(out).toMatch(/^PASS {2}walks every page with the keyset/m);
    expect(out).toMatch(/^PASS {2}gives a harvester[^\n]*\n\s+note: not run: no way to make the national system change/m);
    expect(code).toBe(1);
  });

  it('leaves the taxonomy check out, saying why, for a country the registry does not list', async () => {
    const { out } = await runCli(['--url', broken.url, '--secret', config.gatewaySecret, '--country', 'TL']);
    expect(out).not.toMatch(/^(PASS|FAIL) {2}the taxonomy knows the country/m);
    expect(out).toMatch(/^SKIP {2}the taxonomy knows the country[^\n]*\n\s+note: TL is not registered in schema\/supergraph\.yaml/m);
  });

  it('says every signed call is refused when the secret is wrong', async () => {
    const { code, out } = await runCli([
      '--url',
      country.subgraph.url,
      '--secret',
      'a-secret-the-subgraph-does-not-know',
      '--name',
      registered,
      '--no-taxonomy',
    ]);
    expect(out).toMatch(/why : a call signed with the given secret answered HTTP 401: is --secret the subgraph's GATEWAY_SHARED_SECRET\?/);
    expect(code).toBe(1);
  });

  it('answers bad arguments with usage and exit code 2', async () => {
    const { code, out } = await runCli(['--url', country.subgraph.url]);
    expect(out).toContain('usage: npm run conformance');
    expect(code).toBe(2);
  });
});
