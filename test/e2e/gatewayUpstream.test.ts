import { createServer } from 'node:net';
import { parse } from 'graphql';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCache } from '../../core/cache/index.js';
import { loadConfig, type Config } from '../../core/config.js';
import type { RunningService } from '../../core/service.js';
import { createGateway, type GatewayOptions } from '../../gateway/src/server.js';
import { composeSupergraph, registrySdl } from '../../schema/compose.js';
import { startSubgraph, type RequestBase } from '../../subgraphs/kit/index.js';
import { launchSubgraph } from '../../subgraphs/launch.js';
import { postGraphQL } from '../harness/stack.js';
import { oneCountry } from '../harness/countries.js';

/**
 * What the gateway does on the way to a subgraph and back, against a small fixture subgraph
 * ("probe") beside the real taxonomy: the forwarded request id and language, per-subgraph
 * deadlines, coded errors for unreachable or refusing subgraphs (partial answers, never a 500),
 * and the response cache following the subgraphs' cache hints.
 */
const PROBE = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
enum CacheControlScope { PUBLIC PRIVATE }
directive @cacheControl(maxAge: Int, scope: CacheControlScope, inheritMaxAge: Boolean) on FIELD_DEFINITION | OBJECT | INTERFACE | UNION
type Query {
  echo: Echo!
  shortLived: String! @cacheControl(maxAge: 5)
  personal: String! @cacheControl(maxAge: 60, scope: PRIVATE)
  slow(ms: Int!): String!
}
type Echo { requestId: String! acceptLanguage: String }`;

const probeResolvers = {
  Query: {
    echo: (_: unknown, __: unknown, ctx: RequestBase) => ({ requestId: ctx.requestId, acceptLanguage: ctx.headers['accept-language'] ?? null }),
    shortLived: () => 'five seconds',
    personal: () => 'only yours',
    slow: (_: unknown, { ms }: { ms: number }) => new Promise<string>((resolve) => setTimeout(() => resolve('late'), ms)),
  },
};

/** Any registered country: the taxonomy's answer for it is the part that must survive. */
const { code } = oneCountry();

type Errors = Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
const codes = (errors: Errors | undefined) => (errors ?? []).map((e) => e.extensions?.code);

function deadPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
    });
  });
}

describe('gateway ↔ subgraphs', () => {
  const config: Config = loadConfig({ NODE_ENV: 'test' });
  const logger = pino({ level: 'silent' });
  const cache = createCache({ namespace: `test:gateway-upstream:${Date.now()}`, logger });
  const services: RunningService[] = [];
  let taxonomyUrl = '';
  let probeUrl = '';

  const gatewayOn = async (urls: { probe: string }, overrides: Partial<GatewayOptions> = {}) => {
    const subgraphs = [...registrySdl({ taxonomy: taxonomyUrl }).filter((s) => s.name === 'taxonomy'), { name: 'probe', url: urls.probe, sdl: PROBE }];
    const gateway = await createGateway({ config, cache, logger, supergraphSdl: composeSupergraph({ subgraphs }), listen: { port: 0 }, ...overrides });
    services.unshift(gateway);
    return (query: string, headers: Record<string, string> = {}) => postGraphQL<Record<string, unknown>>(gateway.url, { query }, headers);
  };

  beforeAll(async () => {
    const taxonomy = await launchSubgraph({ name: 'taxonomy', config, cache, logger, listen: { port: 0 } });
    const probe = await startSubgraph({ name: 'probe', typeDefs: parse(PROBE), resolvers: probeResolvers }, { config, cache, logger }, { port: 0 });
    services.push(probe, taxonomy);
    taxonomyUrl = taxonomy.url;
    probeUrl = probe.url;
  });
  afterAll(async () => {
    for (const service of services) await service.close();
    await cache.close();
  });

  it('forwards the request id (echoed back to the client) and the Accept-Language', async () => {
    const ask = await gatewayOn({ probe: probeUrl });
    const given = await ask('{ echo { requestId acceptLanguage } }', { 'x-request-id': 'trace-123', 'accept-language': 'th-TH, en;q=0.5' });
    expect(given.data?.echo).toEqual({ requestId: 'trace-123', acceptLanguage: 'th-TH, en;q=0.5' });
    expect(given.headers.get('x-request-id')).toBe('trace-123');

    const generated = await ask('{ echo { requestId } }');
    const id = generated.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(generated.data?.echo).toEqual({ requestId: id });
  });

  it('gives a slow subgraph its deadline: its fields fail with UPSTREAM_TIMEOUT, the rest answers', async () => {
    const ask = await gatewayOn({ probe: probeUrl }, { subgraphTimeoutsMs: { probe: 300 } });
    const answer = await ask(`{ slow(ms: 1500) country(code: "${code}") { code } }`);
    expect(answer.status).toBe(200);
    expect(codes(answer.errors)).toEqual(['UPSTREAM_TIMEOUT']);
    expect(answer.errors?.[0]?.extensions?.serviceName).toBe('probe');
    // The slow field is non-null, so the whole probe part is gone; the taxonomy part is not.
    expect(JSON.stringify(answer)).not.toContain('late');
    const taxonomyOnly = await ask(`{ country(code: "${code}") { code } }`);
    expect(taxonomyOnly.data).toEqual({ country: { code } });
  });

  it('answers UPSTREAM_UNAVAILABLE (HTTP 200, no 500) when a subgraph is down', async () => {
    const ask = await gatewayOn({ probe: `http://127.0.0.1:${await deadPort()}/graphql` });
    const answer = await ask('{ shortLived }');
    expect(answer.status).toBe(200);
    expect(codes(answer.errors)).toEqual(['UPSTREAM_UNAVAILABLE']);
    expect(answer.errors?.[0]?.message).toContain('probe');
  });

  it('does not pass a subgraph refusal through as the client’s own UNAUTHENTICATED', async () => {
    const wrongSecret = { ...config, gatewaySecret: 'a-different-secret-of-enough-length' };
    const ask = await gatewayOn({ probe: probeUrl }, { config: wrongSecret });
    const answer = await ask('{ shortLived }');
    expect(codes(answer.errors)).toEqual(['UPSTREAM_UNAVAILABLE']);
    expect(answer.errors?.[0]?.extensions?.status).toBe(401);
    expect(JSON.stringify(answer)).not.toContain('signature');
  });

  it('caches whole responses for the smallest max-age the subgraphs hinted, and never a private one', async () => {
    const ask = await gatewayOn({ probe: probeUrl }, { responseCacheTtlSeconds: 30 });
    const hinted = `{ shortLived country(code: "${code}") { code } }`;
    const first = await ask(hinted);
    expect([first.headers.get('x-cache'), first.headers.get('cache-control')]).toEqual(['MISS', 'public, max-age=5']);
    const second = await ask(hinted);
    expect(second.headers.get('x-cache')).toBe('HIT');
    expect(second.headers.get('cache-control')).toMatch(/^public, max-age=[0-5]$/);
    expect(second.data).toEqual(first.data);

    // No hint from either subgraph: the gateway's default lifetime.
    expect((await ask('{ echo { acceptLanguage } }')).headers.get('cache-control')).toBe('public, max-age=30');

    const personal = await ask('{ personal }');
    expect([personal.headers.get('x-cache'), personal.headers.get('cache-control')]).toEqual(['MISS', 'no-store']);
    expect((await ask('{ personal }')).headers.get('x-cache')).toBe('MISS');
  });
});
