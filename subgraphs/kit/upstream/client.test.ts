import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createKitMetrics } from '../metrics.js';
import { createUpstreamClient } from './client.js';
import { UpstreamError, type UpstreamClient, type UpstreamClientOptions } from './types.js';

/** The upstream client against a real local HTTP server whose behaviour each test scripts. */

type Handler = (req: IncomingMessage, res: ServerResponse, n: number) => void;

let server: Server;
let baseUrl: string;
let handler: Handler = (_req, res) => res.end('{}');
let hits = 0;
const clients: UpstreamClient[] = [];

beforeAll(async () => {
  server = createServer((req, res) => handler(req, res, ++hits));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  hits = 0;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

function client(options: Partial<UpstreamClientOptions> = {}): UpstreamClient {
  const c = createUpstreamClient({ name: 'testsys', baseUrl, logger: pino({ level: 'silent' }), metrics: createKitMetrics('t'), ...options });
  clients.push(c);
  return c;
}
const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};
async function failure(p: Promise<unknown>): Promise<UpstreamError> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UpstreamError);
  return error as UpstreamError;
}

describe('upstream client', () => {
  it('builds the URL from base, path and query (arrays repeat) and parses JSON or text', async () => {
    handler = (req, res) => json(res, 200, { url: req.url });
    expect(await client().request({ path: '/jobs', query: { q: 'a b', id: ['1', '2'], skip: undefined } })).toEqual({ url: '/api/jobs?q=a+b&id=1&id=2' });
    expect(await client().request({ path: '' })).toEqual({ url: '/api' });
    handler = (_req, res) => res.end('<xml/>');
    expect(await client().request({ path: 'x', parse: 'text' })).toBe('<xml/>');
  });

  it('retries a failing GET and gives up on a failing POST at once', async () => {
    handler = (_req, res, n) => (n === 1 ? json(res, 503, {}) : json(res, 200, { ok: true }));
    expect(await client().request({ path: '/a' })).toEqual({ ok: true });
    expect(hits).toBe(2);
    hits = 0;
    handler = (_req, res) => json(res, 503, {});
    const error = await failure(client().request({ method: 'POST', path: '/a', json: {} }));
    expect([error.kind, error.status, error.upstream, hits]).toEqual(['UNAVAILABLE', 503, 'testsys', 1]);
  });

  it('waits for Retry-After on 429 when the deadline allows, and not when it does not', async () => {
    handler = (_req, res, n) => (n === 1 ? json(res, 429, {}, { 'retry-after': '0' }) : json(res, 200, { ok: 1 }));
    expect(await client().request({ path: '/r' })).toEqual({ ok: 1 });
    expect(hits).toBe(2);
    hits = 0;
    handler = (_req, res) => json(res, 429, {}, { 'retry-after': '30' });
    const error = await failure(client({ timeoutMs: 1_000 }).request({ path: '/r' }));
    expect([error.kind, hits]).toEqual(['RATE_LIMITED', 1]);
  });

  it('refreshes credentials once on 401 and retries', async () => {
    let token = 'old';
    let refreshed = 0;
    handler = (req, res) => (req.headers.authorization === 'Bearer new' ? json(res, 200, { ok: true }) : json(res, 401, {}));
    const c = client({ authHeaders: async () => ({ authorization: `Bearer ${token}` }), onAuthRejected: () => ((token = 'new'), refreshed++) });
    expect(await c.request({ method: 'POST', path: '/p', json: {} })).toEqual({ ok: true });
    expect(refreshed).toBe(1);
    token = 'revoked';
    handler = (_req, res) => json(res, 401, {});
    expect((await failure(c.request({ path: '/p' }))).kind).toBe('AUTH');
  });

  it('gives up at the deadline with TIMEOUT', async () => {
    handler = (_req, res) => setTimeout(() => json(res, 200, {}), 400);
    const error = await failure(client({ timeoutMs: 100, retries: 0 }).request({ path: '/slow' }));
    expect(error.kind).toBe('TIMEOUT');
  });

  it('gives a bulk call the bulk deadline and does not ask again after it times out', async () => {
    handler = (_req, res) => setTimeout(() => json(res, 200, { all: true }), 120);
    const c = client({ timeoutMs: 60, bulkTimeoutMs: 1_000, retries: 2 });
    expect(await c.request({ path: '/all', bulk: true })).toEqual({ all: true });
    expect((await failure(c.request({ path: '/page' }))).kind).toBe('TIMEOUT');
    hits = 0;
    const tight = client({ timeoutMs: 1_000, bulkTimeoutMs: 60, retries: 2 });
    const error = await failure(tight.request({ path: '/all', bulk: true }));
    expect([error.kind, error.message]).toEqual(['TIMEOUT', 'testsys: no answer within 60 ms']);
    expect(hits).toBe(1);
  });

  it('aborts an answer larger than the cap while it streams, with or without a declared length (issue 14.6)', async () => {
    const big = JSON.stringify({ items: 'x'.repeat(64 * 1024) });
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write(big.slice(0, 40_000)); // chunked: no content-length
      res.end(big.slice(40_000));
    };
    expect((await failure(client({ maxResponseBytes: 16 * 1024, retries: 0 }).request({ path: '/big' }))).kind).toBe('TOO_LARGE');
    handler = (_req, res) => json(res, 200, { items: 'x'.repeat(64 * 1024) });
    expect((await failure(client({ maxResponseBytes: 16 * 1024, retries: 0 }).request({ path: '/big' }))).kind).toBe('TOO_LARGE');
    expect(await client({ maxResponseBytes: 128 * 1024 }).request({ path: '/big' })).toEqual({ items: 'x'.repeat(64 * 1024) });
  });

  it('reports a body that is not JSON as BAD_RESPONSE, and a 404 without retrying', async () => {
    handler = (_req, res) => res.end('not json');
    expect((await failure(client().request({ path: '/j' }))).kind).toBe('BAD_RESPONSE');
    hits = 0;
    handler = (_req, res) => json(res, 404, { error: 'nope' });
    const error = await failure(client().request({ path: '/j' }));
    expect([error.kind, error.status, hits]).toEqual(['BAD_RESPONSE', 404, 1]);
  });

  it('opens the circuit after consecutive failures, then half-opens and closes again', async () => {
    handler = (_req, res) => json(res, 500, {});
    const c = client({ retries: 0, breaker: { consecutiveFailures: 3, resetTimeoutMs: 150 } });
    for (let i = 0; i < 3; i++) expect((await failure(c.request({ path: '/b' }))).kind).toBe('UNAVAILABLE');
    expect(c.breakerState()).toBe('open');
    expect((await failure(c.request({ path: '/b' }))).kind).toBe('CIRCUIT_OPEN');
    expect(hits).toBe(3);
    await new Promise((r) => setTimeout(r, 200));
    expect(c.breakerState()).toBe('half-open');
    handler = (_req, res) => json(res, 200, { back: true });
    expect(await c.request({ path: '/b' })).toEqual({ back: true });
    expect(c.breakerState()).toBe('closed');
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    handler = (_req, res) => {
      peak = Math.max(peak, ++inFlight);
      setTimeout(() => {
        inFlight -= 1;
        json(res, 200, {});
      }, 30);
    };
    const c = client({ concurrency: 2 });
    await Promise.all(Array.from({ length: 6 }, () => c.request({ path: '/c' })));
    expect(hits).toBe(6);
    expect(peak).toBe(2);
  });
});
