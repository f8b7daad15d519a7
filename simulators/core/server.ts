import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { closeServer, listenOn, trackInFlight } from '../../core/httpServer.js';
import { checkAdvance, type AdvanceReport, type AdvanceRequest } from './market.js';
import { TokenBuckets } from './rateLimit.js';
import { matchRoute } from './routing.js';
import { RequestCounter } from './stats.js';
import { BadRequest, NotFound, type Faults, type NativeDialect, type Route, type RunningSimulator, type SimRequest, type SimResponse, type SimulatorOptions } from './types.js';

const MAX_BODY_BYTES = 1024 * 1024;

export interface SimServerOptions {
  name: string;
  options: SimulatorOptions;
  routes: Route[];
  dialect: NativeDialect;
  /**
   * The system's clock and change injection (a LiveMarket's advance, then the country rebuilds its
   * native data). Absent for a system serving fixed, planted data: it has no clock to move.
   */
  advance?: (request: AdvanceRequest) => AdvanceReport;
}

/**
 * The HTTP side every simulator shares: routing, the national system's error dialect, latency
 * with jitter, rate limits, random 5xx, fault injection, request accounting, and the test-only
 * `/__sim/stats`, `/__sim/faults`, `/__sim/reset`, `/__sim/advance` routes (never delayed, never counted).
 */
export async function startSimServer({ name, options, routes, dialect, advance }: SimServerOptions): Promise<RunningSimulator> {
  const counter = new RequestCounter();
  const buckets = options.rateLimit ? new TokenBuckets(options.rateLimit.perSecond, options.rateLimit.burst) : undefined;
  let faults: Faults = {};
  const logger = options.logger;

  const control = (req: IncomingMessage, res: ServerResponse, path: string, body: Buffer): boolean => {
    if (path === '/__sim/stats' && req.method === 'GET') return send(res, { json: counter.snapshot() }), true;
    if (path === '/__sim/reset' && req.method === 'POST') {
      faults = {};
      counter.reset();
      buckets?.reset();
      return send(res, { json: { ok: true } }), true;
    }
    if (path === '/__sim/faults' && req.method === 'POST') {
      const parsed = parseFaults(body);
      if (!parsed) return send(res, { status: 400, json: { error: 'faults must be a JSON object' } }), true;
      faults = { ...faults, ...parsed };
      return send(res, { json: { ok: true, faults } }), true;
    }
    if (path === '/__sim/advance' && req.method === 'POST') return send(res, advanceAnswer(advance, body)), true;
    return false;
  };

  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://sim');
    const body = await readBody(req);
    if (url.pathname.startsWith('/__sim/') && control(req, res, url.pathname, body)) return;
    if (faults.down) return void req.socket.destroy();
    await delay(faults.latencyMs ?? options.latencyMs);
    const answer = await answerFor(req, url, body);
    await send(res, answer, faults);
  };

  const answerFor = async (req: IncomingMessage, url: URL, body: Buffer): Promise<SimResponse> => {
    const match = matchRoute(routes, req.method ?? 'GET', url.pathname);
    if (match === undefined) return dialect.error(404, `No route for ${url.pathname}`);
    if (match === 'method') return dialect.error(405, `Method ${req.method} not allowed on ${url.pathname}`);
    counter.count(match.route.name);
    const request = simRequest(req, url, body, match.params);
    if (Math.random() < (faults.errorRate ?? options.errorRate)) return dialect.error(503, 'Service temporarily unavailable');
    const wait = buckets?.take(request.clientId) ?? 0;
    if (wait > 0) return withHeader(dialect.error(429, 'Too many requests'), 'retry-after', String(wait));
    const refusal = match.route.auth === false ? null : (dialect.authenticate?.(request) ?? null);
    if (refusal) return refusal;
    try {
      return await match.route.handler(request);
    } catch (error) {
      if (error instanceof BadRequest) return dialect.error(400, error.message);
      if (error instanceof NotFound) return dialect.error(404, error.message);
      logger?.error({ err: error, route: match.route.name }, 'simulator handler failed');
      return dialect.error(500, 'Internal error');
    }
  };

  const server = createServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      if (error instanceof BadRequest) return void send(res, dialect.error(413, error.message));
      logger?.error({ err: error }, 'simulator request failed');
      if (!res.headersSent) void send(res, dialect.error(500, 'Internal error'));
    });
  });
  const inFlight = trackInFlight(server);
  const port = await listenOn(server, { port: options.port, host: options.host ?? '127.0.0.1' });
  return {
    name: `sim:${name}`,
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    stats: () => counter.snapshot(),
    reset: () => {
      faults = {};
      counter.reset();
      buckets?.reset();
    },
    advance: (request) => clockOf(name, advance)(checkAdvance(request)),
    close: () => closeServer(server, inFlight, 2_000),
  };
}

function clockOf(name: string, advance: SimServerOptions['advance']): NonNullable<SimServerOptions['advance']> {
  if (!advance) throw new RangeError(`the ${name} simulator serves fixed data: it has no clock to advance`);
  return advance;
}

function advanceAnswer(advance: SimServerOptions['advance'], body: Buffer): SimResponse {
  if (!advance) return { status: 404, json: { error: 'this simulator serves fixed data: it has no clock to advance' } };
  try {
    const report = advance(checkAdvance(JSON.parse(body.toString('utf8') || 'null')));
    return { json: { ...report, now: new Date(report.nowMs).toISOString() } };
  } catch (error) {
    if (error instanceof SyntaxError || error instanceof RangeError) return { status: 400, json: { error: `advance: ${error.message}` } };
    throw error;
  }
}

function simRequest(req: IncomingMessage, url: URL, body: Buffer, params: Record<string, string>): SimRequest {
  const credential = req.headers.authorization ?? req.headers['x-algolia-api-key'];
  return {
    method: req.method ?? 'GET',
    path: url.pathname,
    params,
    query: url.searchParams,
    headers: req.headers,
    body,
    json: () => {
      try {
        return JSON.parse(body.toString('utf8') || 'null') as unknown;
      } catch {
        throw new BadRequest('Body is not valid JSON');
      }
    },
    form: () => (req.method === 'GET' ? url.searchParams : new URLSearchParams(body.toString('utf8'))),
    clientId: String(credential ?? req.socket.remoteAddress ?? 'unknown'),
  };
}

async function send(res: ServerResponse, answer: SimResponse, faults: Faults = {}): Promise<void> {
  const text = answer.text ?? JSON.stringify(answer.json ?? null);
  const payload = Buffer.from(faults.malformed ? text.slice(0, Math.floor(text.length / 2)) : text, 'utf8');
  res.writeHead(answer.status ?? 200, {
    'content-type': answer.contentType ?? (answer.text === undefined ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8'),
    'content-length': payload.length,
    ...answer.headers,
  });
  if (!faults.slowDripMs) return void res.end(payload);
  for (let offset = 0; offset < payload.length && !res.destroyed; offset += 256) {
    res.write(payload.subarray(offset, offset + 256));
    await sleep(faults.slowDripMs);
  }
  res.end();
}

function withHeader(answer: SimResponse, key: string, value: string): SimResponse {
  return { ...answer, headers: { ...answer.headers, [key]: value } };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BadRequest('Request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function parseFaults(body: Buffer): Faults | undefined {
  try {
    const value = JSON.parse(body.toString('utf8')) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Faults) : undefined;
  } catch {
    return undefined;
  }
}

function delay([min, max]: [number, number]): Promise<void> {
  const ms = min + Math.random() * Math.max(0, max - min);
  return ms > 0 ? sleep(ms) : Promise.resolve();
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
