import type { IncomingHttpHeaders } from 'node:http';
import type { Logger } from '../../core/log.js';
import type { RunningService } from '../../core/service.js';
import type { AdvanceReport, AdvanceRequest } from './market.js';

export interface SimulatorOptions {
  /** 0 = ephemeral (tests). */
  port: number;
  host?: string;
  seed: number;
  /** Number of vacancies to generate. */
  size: number;
  /** Latency added to every answer, uniformly drawn from [min, max] ms. */
  latencyMs: [number, number];
  /** Share of requests answered with a 5xx. */
  errorRate: number;
  logger?: Logger;
  /** Per-client token bucket; answers 429 with Retry-After when empty. */
  rateLimit?: { perSecond: number; burst: number };
}

export interface SimStats {
  total: number;
  byRoute: Record<string, number>;
}

export interface RunningSimulator extends RunningService {
  stats(): SimStats;
  reset(): void;
  /** Moves the system's clock forward and applies deterministic changes (what `POST /__sim/advance` does). */
  advance(request: AdvanceRequest): AdvanceReport;
}

export interface SimRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** Parsed JSON body; throws BadRequest when it is not JSON. */
  json(): unknown;
  /** Form-encoded body (or the query string for GET). */
  form(): URLSearchParams;
  /** Who is calling, for rate limits: the credential if any, else the address. */
  clientId: string;
}

export interface SimResponse {
  status?: number;
  headers?: Record<string, string>;
  json?: unknown;
  text?: string;
  contentType?: string;
}

export interface Route {
  /** Stable name for request accounting, e.g. "search". */
  name: string;
  method: 'GET' | 'POST';
  /** `/api/jobs/:id` style; `*` matches one segment literally named `*` (Algolia's `/indexes/*`). */
  path: string;
  handler(req: SimRequest): SimResponse | Promise<SimResponse>;
  /** Default true: the dialect's authenticate() runs first. */
  auth?: boolean;
}

/** How a national system speaks when things go wrong, and how it checks credentials. */
export interface NativeDialect {
  error(status: number, message: string): SimResponse;
  /** null = authenticated; otherwise the refusal to send. */
  authenticate?(req: SimRequest): SimResponse | null;
}

/** Thrown by handlers for a malformed request: becomes the dialect's 400. */
export class BadRequest extends Error {}
/** Thrown by handlers for an unknown resource: becomes the dialect's 404. */
export class NotFound extends Error {}

export interface Faults {
  latencyMs?: [number, number];
  errorRate?: number;
  /** Every request is refused at the socket (connection reset), like a host that is down. */
  down?: boolean;
  /** Bodies are cut in half: invalid JSON/XML, as a broken proxy would deliver. */
  malformed?: boolean;
  /** Bodies are written in small chunks this many ms apart. */
  slowDripMs?: number;
}
