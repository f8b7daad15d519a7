import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLError, parse } from 'graphql';
import { pino } from 'pino';
import { createCache } from '../../core/cache/index.js';
import { loadConfig } from '../../core/config.js';
import type { RunningService } from '../../core/service.js';
import { postGraphQL, codes } from '../../test/conformance/graphql.js';
import type { RequestBase } from '../../core/request.js';
import { startSubgraph } from './service.js';

const config = loadConfig({ NODE_ENV: 'test' });
const logLines: Array<Record<string, unknown>> = [];
const logger = pino(
  { level: 'info' },
  new Writable({
    write(chunk: Buffer, _e, done) {
      logLines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  }),
);

const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
  type Query { whoami: String! crash: String coded: String slow: String! }
`);
const resolvers = {
  Query: {
    whoami: (_: unknown, __: unknown, ctx: RequestBase) => {
      ctx.logger.info('whoami called');
      return `${ctx.requestId}/${ctx.lang}`;
    },
    crash: () => {
      throw new Error('database password is hunter2');
    },
    coded: () => {
      throw new GraphQLError('no such thing', { extensions: { code: 'NOT_FOUND' } });
    },
    slow: () => new Promise((r) => setTimeout(() => r('done'), 200)),
  },
};

describe('subgraph service', () => {
  let service: RunningService;
  const call = (query: string, headers: Record<string, string> = {}) => postGraphQL<Record<string, string | null>>(service.url, query, {}, { secret: config.gatewaySecret, headers });

  beforeAll(async () => {
    const cache = createCache({ namespace: 'svc-test', logger });
    service = await startSubgraph({ name: 'svc', typeDefs, resolvers }, { config, cache, logger }, { port: 0 });
  });
  afterAll(async () => {
    await service?.close();
  });

  it('runs signed operations with the request id and language in context and logs', async () => {
    const answer = await call('{ whoami }', { 'accept-language': 'ms-MY,en;q=0.5' });
    expect(answer.data?.whoami).toMatch(/^conformance-[\w-]+\/ms$/);
    const requestId = answer.data!.whoami!.split('/')[0];
    expect(logLines.some((l) => l.msg === 'whoami called' && l.requestId === requestId)).toBe(true);
  });

  it('refuses unsigned calls with 401 and a coded GraphQL error', async () => {
    const res = await fetch(service.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ whoami }"}' });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
  });

  it('masks unexpected errors and passes coded ones through', async () => {
    const crash = await call('{ crash }');
    expect(crash.errors?.[0]?.message).toBe('Internal server error');
    expect(JSON.stringify(crash)).not.toContain('hunter2');
    expect(codes(crash)).toEqual(['INTERNAL_SERVER_ERROR']);
    const coded = await call('{ coded }');
    expect(coded.errors?.[0]?.message).toBe('no such thing');
    expect(codes(coded)).toEqual(['NOT_FOUND']);
    expect(codes(await call('{ nosuchfield }'))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('serves health, readiness and metrics without a signature', async () => {
    const base = service.url.replace(/\/graphql$/, '');
    expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: 'ok', service: 'svc' });
    expect(await (await fetch(`${base}/ready`)).json()).toMatchObject({ status: 'ready', cache: { backend: 'memory' }, upstreams: [] });
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/lmis_subgraph_graphql_requests_total\{[^}]*outcome="ok"[^}]*\} [1-9]/);
    expect((await fetch(`${base}/nowhere`)).status).toBe(404);
  });

  it('lets in-flight requests finish when closing', async () => {
    const cache = createCache({ namespace: 'svc-close', logger });
    const other = await startSubgraph({ name: 'svc2', typeDefs, resolvers }, { config, cache, logger }, { port: 0 });
    const pending = postGraphQL<{ slow: string }>(other.url, '{ slow }', {}, { secret: config.gatewaySecret });
    await new Promise((r) => setTimeout(r, 50));
    await other.close();
    expect((await pending).data?.slow).toBe('done');
    await expect(fetch(other.url)).rejects.toThrow();
  });
});
