import { afterAll, beforeAll, describe, it } from 'vitest';
import { loadConfig } from '../../core/config.js';
import type { RunningService } from '../../core/service.js';
import { readCountryManifest } from '../../schema/registry.js';
import { COUNTRY_CHECKS, type ConformanceTarget } from './checks.js';

/**
 * The suite every country subgraph passes, as vitest runs it. A country test file is one line:
 *   runCountryConformance('<name>', () => startCountryForTest('<name>'));
 * `startCountry` starts the country's simulator and subgraph (port 0, a fresh cache namespace,
 * a modest simulator size) and reports the simulator's request count so the checks can prove
 * the batching and caching claims by counting upstream calls. The checks themselves are
 * checks.ts, the same ones `npm run conformance` runs against a partner's running subgraph.
 */

export interface UpstreamStats {
  /** Requests the simulator has served so far. */
  requests: number;
}

export interface CountryUnderTest {
  subgraph: RunningService;
  simulator: RunningService;
  stats(): Promise<UpstreamStats>;
  /** Makes the national system change (a simulator's POST /__sim/advance); absent for fixed data. */
  advance?(changes: number): Promise<void>;
}

export interface ConformanceOptions {
  /** The gateway secret the subgraph was started with; default: the config default. */
  secret?: string;
  /** Pages walked at most in the keyset test (first = 200 each). Default 25. */
  maxPages?: number;
  /** The manifest, when the country is not in the registry (the template, the kit's own test country). The taxonomy check is never run here. */
  manifest?: { typePrefix: string; country: string };
}

export function runCountryConformance(name: string, startCountry: () => Promise<CountryUnderTest>, options: ConformanceOptions = {}): void {
  const manifest = options.manifest ?? readCountryManifest(name);
  const secret = options.secret ?? loadConfig({ NODE_ENV: 'test' }).gatewaySecret;

  describe(`country conformance: ${name}`, () => {
    let c: CountryUnderTest;
    let target: ConformanceTarget;

    beforeAll(async () => {
      c = await startCountry();
      target = {
        url: c.subgraph.url,
        secret,
        country: manifest.country,
        typePrefix: manifest.typePrefix,
        upstreamRequests: async () => (await c.stats()).requests,
        ...(c.advance ? { advance: c.advance } : {}),
        ...(options.maxPages ? { maxPages: options.maxPages } : {}),
      };
    });
    afterAll(async () => {
      await c?.subgraph.close();
      await c?.simulator.close();
    });

    for (const check of COUNTRY_CHECKS) {
      it(check.name, async () => {
        await check.run(target);
      });
    }
  });
}
