import { request as httpRequest } from 'node:http';
import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type TestStack } from '../harness/stack.js';
import { everySubgraph, registeredCountries } from '../harness/countries.js';

/**
 * The gateway's HTTP front against a real stack: every class of client mistake is a 4xx with a
 * code (never a 500), bodies are bounded before they are held (413), GraphQL over HTTP holds per
 * graphql-http's audit suite (every MUST), and a preflight is answered for allowed origins.
 */
const ALLOWED = 'http://app.example';

describe('client errors are 4xx with a code', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startStack({ subgraphs: ['taxonomy'], env: { CORS_ORIGINS: ALLOWED, MAX_BODY_KB: '16' } });
  });
  afterAll(async () => stack?.stop());

  const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) => fetch(stack.gatewayUrl, { method: 'POST', headers, body });
  const json = (value: unknown) => post(JSON.stringify(value));
  const cases: Array<[string, () => Promise<Response>, number]> = [
    ['a mutation (the schema has none)', () => json({ query: 'mutation { x }' }), 400],
    ['a subscription (the schema has none)', () => json({ query: 'subscription { x }' }), 400],
    ['two anonymous operations', () => json({ query: '{ countries { code } } { countries { code } }' }), 400],
    ['several operations, no operationName', () => json({ query: 'query A { countries { code } } query B { countries { code } }' }), 400],
    ['an unknown operationName', () => json({ query: 'query A { countries { code } }', operationName: 'Z' }), 400],
    ['invalid JSON', () => post('{"query": '), 400],
    ['a wrong content type', () => post('{ countries { code } }', { 'content-type': 'text/plain', 'apollo-require-preflight': 'true' }), 400],
    ['a GET with a mutation', () => fetch(`${stack.gatewayUrl}?query=${encodeURIComponent('mutation { x }')}`, { headers: { 'apollo-require-preflight': 'true' } }), 405],
    ['variables of the wrong type', () => json({ query: 'query ($n: Int) { countries { code } occupations(first: $n) { totalCount } }', variables: { n: 'many' } }), 400],
    ['non-object variables', () => json({ query: '{ countries { code } }', variables: [1, 2] }), 400],
    ['an empty query', () => json({ query: '' }), 400],
    ['a batch (batching is off)', () => json([{ query: '{ countries { code } }' }, { query: '{ countries { code } }' }]), 400],
    ['variables nested 2000 deep', () => post(`{"query":"{ countries { code } }","variables":${'{"a":'.repeat(2_000)}1${'}'.repeat(2_001)}`), 400],
    ['a syntax error', () => json({ query: '{ countries { code }' }), 400],
  ];
  for (const [what, send, status] of cases) {
    it(`answers ${what} with ${status} and a code`, async () => {
      const res = await send();
      const body = (await res.json()) as { errors?: Array<{ extensions?: { code?: unknown } }> };
      expect(res.status).toBe(status);
      expect(body.errors?.[0]?.extensions?.code).toMatch(/^[A-Z_]+$/);
      expect(body.errors?.[0]?.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
    });
  }

  it('refuses a body declared too large unread: 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await post(JSON.stringify({ query: `{ countries { code } } #${'x'.repeat(20_000)}` }));
    expect(res.status).toBe(413);
    expect(((await res.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]?.extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('counts the bytes of a chunked body without content-length and stops at the limit', async () => {
    const url = new URL(stack.gatewayUrl);
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      // 64 chunks of 1 KiB: four times the limit, never announced.
      for (let i = 0; i < 64; i += 1) req.write('x'.repeat(1024));
      req.end();
    });
    expect(status).toBe(413);
  });

  it('passes every MUST audit of graphql-http (GraphQL over HTTP)', async () => {
    const results = await Promise.all(serverAudits({ url: stack.gatewayUrl }).map((audit) => audit.fn()));
    const failedMusts = results.filter((r) => r.status === 'error').map((r) => `${r.name}: ${'reason' in r ? r.reason : ''}`);
    expect(results.length).toBeGreaterThan(20);
    expect(failedMusts).toEqual([]);
  });

  it('answers application/graphql-response+json when accepted, and GET queries', async () => {
    const res = await fetch(`${stack.gatewayUrl}?query=${encodeURIComponent('{ countries { code } }')}`, {
      headers: { accept: 'application/graphql-response+json', 'apollo-require-preflight': 'true' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    expect(((await res.json()) as { data: { countries: unknown[] } }).data.countries.length).toBeGreaterThan(0);
  });

  it('answers a preflight from an allowed origin and refuses one from any other', async () => {
    const preflight = (origin: string) =>
      fetch(stack.gatewayUrl, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    const allowed = await preflight(ALLOWED);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(allowed.headers.get('access-control-allow-headers')).toContain('content-type');
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    const other = await preflight('http://evil.example');
    expect(other.status).toBe(403);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('admission control', () => {
  let stack: TestStack;
  beforeAll(async () => {
    // One slot, no queue, slow national systems: the second request arrives while the first runs.
    stack = await startStack({
      subgraphs: everySubgraph(),
      simulator: { latencyMs: [600, 800] },
      env: { MAX_CONCURRENT_REQUESTS: '1', MAX_QUEUED_REQUESTS: '0' },
      responseCacheTtlSeconds: 0,
    });
  }, 60_000);
  afterAll(async () => stack?.stop());

  it('sheds what is over capacity with 503, Retry-After and OVERLOADED, and answers the admitted one whole', async () => {
    const first = stack.query<{ vacancies: { totalCount: number; sources: Array<{ status: string }> } }>('{ vacancies(first: 3) { totalCount sources { status } } }');
    await expect.poll(async () => Object.values(await stack.upstreamCalls()).reduce((a, b) => a + b, 0), { timeout: 10_000, interval: 20 }).toBeGreaterThan(0);
    const shed = await stack.query('{ countries { code } }');
    expect(shed.status).toBe(503);
    expect(shed.headers.get('retry-after')).toBe('1');
    expect(shed.errors?.[0]?.extensions?.code).toBe('OVERLOADED');
    const admitted = await first;
    expect(admitted.status).toBe(200);
    expect(admitted.data?.vacancies.sources.map((s) => s.status)).toEqual(registeredCountries().map(() => 'OK'));
    const metrics = await (await fetch(stack.gatewayUrl.replace(/\/graphql$/, '/metrics'))).text();
    expect(metrics).toMatch(/lmis_gateway_shed_total\{reason="queue_full"\} 1/);
  }, 30_000);
});
