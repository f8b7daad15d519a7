import { Agent, request as undiciRequest } from 'undici';
import { createBreaker } from './breaker.js';
import { backoffMs, retryAfterMs, sleep } from './retry.js';
import { Semaphore } from '../../../core/semaphore.js';
import { UpstreamError, type QueryValue, type UpstreamClient, type UpstreamClientOptions, type UpstreamRequest } from './types.js';

/**
 * The HTTP client for one national system. One logical call = one deadline covering every
 * attempt; idempotent calls retry transient failures with backoff and full jitter; a 429 waits
 * for Retry-After when the deadline allows; a 401 refreshes credentials once; the circuit
 * breaker stops hammering an upstream that is down; a semaphore caps concurrent requests; an
 * answer body larger than the cap is aborted while it streams (TOO_LARGE).
 */

interface RawResponse {
  status: number;
  text: string;
}

const RETRYABLE = new Set(['TIMEOUT', 'UNAVAILABLE', 'RATE_LIMITED']);

export function createUpstreamClient(options: UpstreamClientOptions): UpstreamClient {
  const { name, logger, metrics } = options;
  const timeoutMs = options.timeoutMs ?? 5_000;
  const bulkTimeoutMs = options.bulkTimeoutMs ?? 60_000;
  /** The call's whole budget: its own deadline, else the bulk or the page deadline. */
  const budgetMs = (req: UpstreamRequest) => req.timeoutMs ?? (req.bulk ? bulkTimeoutMs : timeoutMs);
  const retries = options.retries ?? 2;
  const concurrency = options.concurrency ?? 16;
  const agent = new Agent({ connections: concurrency, keepAliveTimeout: 10_000, keepAliveMaxTimeout: 60_000 });
  const breaker = createBreaker(name, options.breaker ?? {}, metrics, logger);
  const permits = new Semaphore(concurrency);
  const base = options.baseUrl.replace(/\/+$/, '');
  const maxBytes = (req: UpstreamRequest) => (req.bulk ? (options.bulkMaxResponseBytes ?? 32 * MIB) : (options.maxResponseBytes ?? 4 * MIB));

  /** One HTTP exchange, with credentials; throws UpstreamError for anything but 2xx. */
  const exchange = async (req: UpstreamRequest, deadline: number): Promise<RawResponse> => {
    // A timer cleared when the exchange ends: AbortSignal.timeout would fire (and build a
    // DOMException) for every call long after its answer, thousands a second under load.
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), Math.max(1, deadline - Date.now()));
    const { signal } = controller;
    let release: (() => void) | undefined;
    try {
      release = await permits.acquire(signal);
      const auth = options.authHeaders ? await options.authHeaders() : {};
      const { body, contentType } = encodeBody(req);
      const url = urlFor(base, req);
      const method = req.method ?? 'GET';
      const signed = req.sign?.({ method, url, body }) ?? {};
      const res = await undiciRequest(url, {
        dispatcher: agent,
        method,
        headers: { accept: 'application/json, text/plain, */*', ...contentType, ...auth, ...req.headers, ...signed },
        body,
        signal,
      });
      const text = await boundedText(name, res, maxBytes(req), () => controller.abort());
      if (res.statusCode >= 200 && res.statusCode < 300) return { status: res.statusCode, text };
      throw statusError(name, res.statusCode, res.headers['retry-after'], text);
    } catch (error) {
      if (error instanceof UpstreamError) throw error;
      if (signal.aborted) throw new UpstreamError(name, 'TIMEOUT', `no answer within ${budgetMs(req)} ms`);
      throw new UpstreamError(name, 'UNAVAILABLE', describe(error));
    } finally {
      clearTimeout(timer);
      release?.();
    }
  };

  /** Attempts until success, a non-retryable failure, the retry budget or the deadline. */
  const attempts = async (req: UpstreamRequest, deadline: number): Promise<RawResponse> => {
    const idempotent = req.idempotent ?? (req.method ?? 'GET') === 'GET';
    let authRefreshed = false;
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await breaker.run(() => exchange(req, deadline));
      } catch (error) {
        if (!(error instanceof UpstreamError)) throw error;
        // 401: the credentials expired; the request was not processed, so one retry is safe.
        if (error.status === 401 && options.onAuthRejected && !authRefreshed) {
          authRefreshed = true;
          options.onAuthRejected();
          attempt -= 1;
          continue;
        }
        if (!idempotent || attempt >= retries || !RETRYABLE.has(error.kind) || (req.bulk && error.kind === 'TIMEOUT')) throw error;
        const wait = error instanceof RateLimited && error.retryAfterMs !== undefined ? error.retryAfterMs : backoffMs(attempt);
        if (Date.now() + wait >= deadline) throw error;
        await sleep(wait);
      }
    }
  };

  return {
    name,
    async request<T>(req: UpstreamRequest): Promise<T> {
      const started = Date.now();
      const deadline = started + budgetMs(req);
      const route = req.route ?? req.path.replace(/\d+/g, ':n');
      try {
        const raw = await attempts(req, deadline);
        const parsed = parse<T>(name, raw, req.parse ?? 'json');
        metrics.upstreamDuration.observe({ upstream: name, route, outcome: 'ok' }, (Date.now() - started) / 1000);
        return parsed;
      } catch (error) {
        const kind = error instanceof UpstreamError ? error.kind : 'UNAVAILABLE';
        metrics.upstreamDuration.observe({ upstream: name, route, outcome: kind }, (Date.now() - started) / 1000);
        metrics.upstreamErrors.inc({ upstream: name, kind });
        logger.warn({ upstream: name, route, kind, err: error instanceof Error ? error.message : String(error) }, 'upstream call failed');
        throw error instanceof UpstreamError ? error : new UpstreamError(name, 'UNAVAILABLE', describe(error));
      }
    },
    breakerState: () => breaker.state(),
    close: async () => {
      breaker.shutdown();
      await agent.close();
    },
  };
}

const MIB = 1024 * 1024;

type UndiciResponse = Awaited<ReturnType<typeof undiciRequest>>;

/**
 * The body as text, counted while it streams: past `limit` bytes the call is aborted, so one huge
 * national answer cannot fill the subgraph's memory. A declared length over the limit fails at once.
 */
async function boundedText(upstream: string, res: UndiciResponse, limit: number, abort: () => void): Promise<string> {
  const tooLarge = () => new UpstreamError(upstream, 'TOO_LARGE', `answer over ${limit} bytes`, res.statusCode);
  if (Number(res.headers['content-length'] ?? 0) > limit) {
    abort();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) {
      abort();
      throw tooLarge();
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A 429 that knows how long the upstream asked us to wait. */
class RateLimited extends UpstreamError {
  constructor(
    upstream: string,
    readonly retryAfterMs: number | undefined,
  ) {
    super(upstream, 'RATE_LIMITED', 'rate limited (429)', 429);
  }
}

function statusError(upstream: string, status: number, retryAfter: string | string[] | undefined, body: string): UpstreamError {
  if (status === 429) return new RateLimited(upstream, retryAfterMs(retryAfter));
  if (status === 401 || status === 403) return new UpstreamError(upstream, 'AUTH', `refused our credentials (${status})`, status);
  if (status >= 500) return new UpstreamError(upstream, 'UNAVAILABLE', `answered ${status}`, status);
  return new UpstreamError(upstream, 'BAD_RESPONSE', `answered ${status}: ${body.slice(0, 200)}`, status);
}

function parse<T>(upstream: string, raw: RawResponse, as: 'json' | 'text'): T {
  if (as === 'text') return raw.text as T;
  if (raw.text === '') return undefined as T;
  try {
    return JSON.parse(raw.text) as T;
  } catch {
    throw new UpstreamError(upstream, 'BAD_RESPONSE', 'answered with a body that is not JSON', raw.status);
  }
}

function urlFor(base: string, req: UpstreamRequest): string {
  // An empty path addresses the base URL itself (e.g. a GraphQL endpoint), without a trailing slash.
  const path = req.path === '' || req.path.startsWith('/') ? req.path : `/${req.path}`;
  const url = new URL(base + path);
  for (const [key, value] of Object.entries(req.query ?? {})) appendQuery(url.searchParams, key, value);
  return url.toString();
}

function appendQuery(params: URLSearchParams, key: string, value: QueryValue): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) for (const v of value) params.append(key, String(v));
  else params.append(key, String(value));
}

function encodeBody(req: UpstreamRequest): { body: string | undefined; contentType: Record<string, string> } {
  if (req.json !== undefined) return { body: JSON.stringify(req.json), contentType: { 'content-type': 'application/json' } };
  if (req.form) return { body: new URLSearchParams(req.form).toString(), contentType: { 'content-type': 'application/x-www-form-urlencoded' } };
  return { body: undefined, contentType: {} };
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as Error & { code?: string }).code;
    return code ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}
