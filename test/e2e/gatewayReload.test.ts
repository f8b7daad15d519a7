import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'graphql';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCache } from '../../core/cache/index.js';
import { loadConfig } from '../../core/config.js';
import type { RunningService } from '../../core/service.js';
import { createGateway } from '../../gateway/src/server.js';
import { composeSupergraph, registrySdl } from '../../schema/compose.js';
import { startSubgraph } from '../../subgraphs/kit/index.js';
import { launchSubgraph } from '../../subgraphs/launch.js';
import { oneCountry } from '../harness/countries.js';

/**
 * The gateway watches its supergraph file: a valid new one is swapped in, an invalid one is
 * refused and the old one kept, and a request in flight during a change finishes normally.
 */
const GREETER = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
type Query { hello: String! slowHello(ms: Int!): String! }`;

describe('supergraph file hot swap', () => {
  const config = loadConfig({ NODE_ENV: 'test' });
  const logger = pino({ level: 'silent' });
  const cache = createCache({ namespace: 'test:reload', logger });
  const file = join(mkdtempSync(join(tmpdir(), 'lmis-')), 'supergraph.graphql');
  let services: RunningService[] = [];
  let gatewayUrl = '';
  const reloads = async (outcome: 'swapped' | 'rejected') => {
    const text = await (await fetch(gatewayUrl.replace(/\/graphql$/, '/metrics'))).text();
    return Number(new RegExp(`lmis_gateway_supergraph_reloads_total\\{outcome="${outcome}"\\} (\\d+)`).exec(text)?.[1] ?? 0);
  };
  const supergraphHash = async () => ((await (await fetch(gatewayUrl.replace(/\/graphql$/, '/ready'))).json()) as { supergraph: string }).supergraph;
  let taxonomyUrl = '';
  let greeterUrl = '';

  const ask = async (query: string) => {
    const res = await fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    return (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  };
  const until = async (check: () => Promise<boolean>) => {
    for (let i = 0; i < 100 && !(await check()); i++) await new Promise((r) => setTimeout(r, 50));
  };

  beforeAll(async () => {
    const taxonomy = await launchSubgraph({ name: 'taxonomy', config, cache, logger, listen: { port: 0 } });
    const greeter = await startSubgraph(
      {
        name: 'greeter',
        typeDefs: parse(GREETER),
        resolvers: { Query: { hello: () => 'halo', slowHello: async (_: unknown, { ms }: { ms: number }) => new Promise((r) => setTimeout(() => r('sawasdee'), ms)) } },
      },
      { config, cache, logger },
      { port: 0 },
    );
    taxonomyUrl = taxonomy.url;
    greeterUrl = greeter.url;
    writeFileSync(file, composeSupergraph({ subgraphs: registrySdl({ taxonomy: taxonomyUrl }).filter((s) => s.name === 'taxonomy') }));
    const gateway = await createGateway({ config, cache, logger, supergraphPath: file, listen: { port: 0 } });
    gatewayUrl = gateway.url;
    services = [gateway, greeter, taxonomy];
  });
  afterAll(async () => {
    for (const s of services) await s.close();
    await cache.close();
  });

  it('swaps in a new valid supergraph, keeps serving during and after an invalid one', async () => {
    expect((await ask('{ hello }')).errors).toBeDefined();
    const before = await supergraphHash();
    const withGreeter = [...registrySdl({ taxonomy: taxonomyUrl }).filter((s) => s.name === 'taxonomy'), { name: 'greeter', url: greeterUrl, sdl: GREETER }];
    writeFileSync(file, composeSupergraph({ subgraphs: withGreeter }));
    await until(async () => (await ask('{ hello }')).data?.hello === 'halo');
    expect((await ask('{ hello }')).data).toEqual({ hello: 'halo' });
    expect(await reloads('swapped')).toBe(1);
    expect(await supergraphHash()).not.toBe(before);

    const inFlight = ask('{ slowHello(ms: 600) }');
    await new Promise((r) => setTimeout(r, 100));
    writeFileSync(file, 'this is not a supergraph');
    expect(await inFlight).toEqual({ data: { slowHello: 'sawasdee' } });
    await until(async () => (await reloads('rejected')) === 1);
    expect(await reloads('rejected')).toBe(1);
    const { code } = oneCountry();
    expect((await ask(`{ hello country(code: "${code}") { code } }`)).data).toEqual({ hello: 'halo', country: { code } });
  });
});
