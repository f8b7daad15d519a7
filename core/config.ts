import { isIP } from 'node:net';
import { z } from 'zod';
import { fromRoot } from './paths.js';
import { readSafelist, type Safelist } from './safelist.js';

/**
 * The ONE place that reads the environment. Every service receives its settings as explicit
 * values built here; explicit options passed in code beat the environment (tests pass ports 0
 * and their own URLs). Values are validated with zod so a typo fails at start, loudly.
 */

/** The port bases the manifests' ports are written against. */
export const DEFAULT_SUBGRAPH_BASE = 4001;
export const DEFAULT_SIMULATOR_BASE = 4101;

const port = z.coerce.number().int().min(0).max(65535);
const csv = z
  .string()
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean));

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HOST: z.string().default('127.0.0.1'),
  /** Gateway port. */
  PORT: port.default(4000),
  /** Moves every subgraph port: a subgraph listens on its subgraph.json port + (base − 4001). */
  SUBGRAPH_PORT_BASE: port.default(DEFAULT_SUBGRAPH_BASE),
  /** Moves every simulator port the same way (manifest `upstream.simulatorPort` + (base − 4101)). */
  SIM_PORT_BASE: port.default(DEFAULT_SIMULATOR_BASE),
  /** When set, every cache layer uses Redis; otherwise an in-process LRU. */
  REDIS_URL: z.string().url().optional(),
  /** HMAC secret the gateway signs forwarded requests with; subgraphs refuse unsigned calls. */
  GATEWAY_SHARED_SECRET: z.string().min(16).default('dev-only-shared-secret-change-me'),
  /** Client API keys: `key:scope1+scope2,key2:scope`. Empty = anonymous public access only. */
  API_KEYS: csv.default([]),
  /** HS256 secret for client JWTs (alternative to API keys). */
  JWT_SECRET: z.string().min(16).optional(),
  JWT_ISSUER: z.string().optional(),
  /** Serve the GraphQL IDE and allow introspection (default: on outside production). */
  ENABLE_IDE: z.enum(['true', 'false']).optional(),
  /** Requests per minute per API key (or per IP for anonymous callers). */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
  /** Most a query may cost, list sizes multiplied (gateway/src/plugins/cost.ts). */
  /** Failed authentications per source address and minute before 429 AUTH_THROTTLED (gateway/src/authThrottle.ts). */
  AUTH_FAILURES_PER_MINUTE: z.coerce.number().int().positive().default(10),
  /** Proxies (addresses or CIDRs) whose X-Forwarded-For names the client (gateway/src/clientAddress.ts). */
  TRUSTED_PROXIES: csv.default([]).refine((entries) => entries.every(isAddressOrCidr), 'comma-separated addresses or CIDRs (10.0.0.0/8, ::1)'),
  /** When set, GET /metrics needs `Authorization: Bearer <token>` (gateway/src/metricsAccess.ts). */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** Largest document a client may register as a persisted query, and how long it is kept (gateway/src/apq.ts). */
  APQ_MAX_DOCUMENT_KB: z.coerce.number().int().positive().default(16),
  APQ_TTL_SECONDS: z.coerce.number().int().positive().max(604_800).default(3_600),
  /** New documents one caller may register per hour; re-sending a stored one does not count. */
  APQ_REGISTRATIONS_PER_HOUR: z.coerce.number().int().positive().default(100),
  /** `open`: anyone registers (bounded above); `safelist`: only APQ_SAFELIST_FILE's operations run; `off`: no APQ. */
  APQ_MODE: z.enum(['open', 'safelist', 'off']).default('open'),
  /** The persisted-query manifest `safelist` mode accepts (default config/persisted-queries.json, `npm run safelist`). */
  APQ_SAFELIST_FILE: z.string().min(1).optional(),
  MAX_QUERY_COST: z.coerce.number().int().positive().default(20_000),
  /** Largest answer the gateway sends (serialised, KB); a larger one becomes RESPONSE_TOO_LARGE. */
  MAX_RESPONSE_KB: z.coerce.number().int().positive().default(4_096),
  /** Simulated national systems. */
  SIM_SEED: z.coerce.number().int().default(42),
  SIM_SIZE: z.coerce.number().int().positive().default(3000),
  SIM_LATENCY_MS: z.string().regex(/^\d+(-\d+)?$/).default('20-80'),
  SIM_ERROR_RATE: z.coerce.number().min(0).max(1).default(0),
  /** Memory budget of the gateway's in-process cache (responses, APQ) when REDIS_URL is unset. */
  GATEWAY_CACHE_MB: z.coerce.number().int().positive().default(32),
  /** Statistical disclosure control: cells with fewer vacancies than this are suppressed. */
  DISCLOSURE_THRESHOLD: z.coerce.number().int().min(1).default(5),
  // Production hardening (docs/SECURITY.md "Bad input and overload", deploy/README.md).
  /** The supergraph file the gateway runs and watches (default schema/supergraph.graphql). */
  SUPERGRAPH_FILE: z.string().min(1).optional(),
  /** Origins a browser may call the gateway from (`*` = any, without credentials); empty = none. */
  CORS_ORIGINS: csv.default([]),
  /** Largest request body the gateway and subgraphs read, in KiB. */
  MAX_BODY_KB: z.coerce.number().int().positive().default(64),
  /** Requests the gateway executes at once, and how many more may wait for a slot before 503. */
  MAX_CONCURRENT_REQUESTS: z.coerce.number().int().positive().default(32),
  MAX_QUEUED_REQUESTS: z.coerce.number().int().min(0).default(128),
  /** The longest a request waits in that queue before it is shed (503 OVERLOADED). */
  QUEUE_TIMEOUT_MS: z.coerce.number().int().positive().default(2_000),
  /** The exchange's concurrent calls per country. */
  COUNTRY_CONCURRENCY: z.coerce.number().int().positive().default(16),
  /** OTLP/HTTP collector for traces (e.g. http://otel-collector:4318); unset = no export. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url().optional(),
  /** Cell key perturbation of published counts (docs/SECURITY.md); `off` only for exact internal runs. */
  DISCLOSURE_PERTURBATION: z.enum(['cell-key', 'off']).default('cell-key'),
  /** The exchange's vacancy store: PostgreSQL when set, else embedded PGlite (in memory, or STORE_DIR). */
  DATABASE_URL: z.string().url().optional(),
  STORE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/).default('lmis_store'),
  STORE_DIR: z.string().min(1).optional(),
  /** Seconds between incremental syncs of each country; 0 = sync only on start and on demand. */
  STORE_SYNC_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(60),
});

export type Env = z.infer<typeof EnvSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  logLevel: Env['LOG_LEVEL'];
  host: string;
  ports: {
    gateway: number;
    /** SUBGRAPH_PORT_BASE − 4001: added to every subgraph.json port. */
    subgraphOffset: number;
    /** SIM_PORT_BASE − 4101: added to every simulator port. */
    simulatorOffset: number;
  };
  redisUrl: string | undefined;
  gatewaySecret: string;
  apiKeys: Map<string, string[]>;
  jwt: { secret: string; issuer: string | undefined } | undefined;
  ideEnabled: boolean;
  rateLimitPerMinute: number;
  maxQueryCost: number;
  apq: {
    maxDocumentBytes: number;
    ttlSeconds: number;
    registrationsPerHour: number;
    mode: Env['APQ_MODE'];
    /** The listed operations by hash, read and validated at start (`safelist` mode only). */
    safelist: Safelist | undefined;
  };
  metricsToken: string | undefined;
  trustedProxies: string[];
  authFailuresPerMinute: number;
  maxResponseKb: number;
  simulator: { seed: number; size: number; latencyMs: [number, number]; errorRate: number };
  /**
   * The settings a subgraph declares in its subgraph.json (credentials, its upstream URL…), read
   * from the same environment and validated: each country asks for its own declarations only.
   */
  settingsFor(owner: string, declared: Readonly<Record<string, SettingDeclaration>>): Record<string, string | undefined>;
  disclosureThreshold: number;
  disclosurePerturbation: boolean;
  store: { databaseUrl: string | undefined; schema: string; dir: string | undefined; syncIntervalMs: number };
  /** Bytes the gateway's in-process cache may hold. */
  gatewayCacheBytes: number;
  supergraphFile: string | undefined;
  cors: { origins: string[] };
  maxBodyBytes: number;
  admission: { maxConcurrent: number; maxQueued: number; queueTimeoutMs: number };
  countryConcurrency: number;
  otlpEndpoint: string | undefined;
}

/** A bad environment: one line naming every bad variable, no stack trace needed. */
export class ConfigError extends Error {
  constructor(problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

/** Parse and validate an environment; throws a ConfigError naming every bad variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  const e = parsed.data;
  if (e.NODE_ENV === 'production') {
    const weak = [
      weakSecret('GATEWAY_SHARED_SECRET', e.GATEWAY_SHARED_SECRET),
      e.JWT_SECRET === undefined ? undefined : weakSecret('JWT_SECRET', e.JWT_SECRET),
    ].filter((line): line is string => line !== undefined);
    if (weak.length > 0) throw new ConfigError(weak);
  }
  return {
    env: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    host: e.HOST,
    ports: {
      gateway: e.PORT,
      subgraphOffset: e.SUBGRAPH_PORT_BASE - DEFAULT_SUBGRAPH_BASE,
      simulatorOffset: e.SIM_PORT_BASE - DEFAULT_SIMULATOR_BASE,
    },
    redisUrl: e.REDIS_URL,
    gatewaySecret: e.GATEWAY_SHARED_SECRET,
    apiKeys: parseApiKeys(e.API_KEYS),
    jwt: e.JWT_SECRET ? { secret: e.JWT_SECRET, issuer: e.JWT_ISSUER } : undefined,
    ideEnabled: e.ENABLE_IDE ? e.ENABLE_IDE === 'true' : e.NODE_ENV !== 'production',
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    maxQueryCost: e.MAX_QUERY_COST,
    apq: {
      maxDocumentBytes: e.APQ_MAX_DOCUMENT_KB * 1024,
      ttlSeconds: e.APQ_TTL_SECONDS,
      registrationsPerHour: e.APQ_REGISTRATIONS_PER_HOUR,
      mode: e.APQ_MODE,
      safelist: e.APQ_MODE === 'safelist' ? safelistFrom(e.APQ_SAFELIST_FILE ?? fromRoot(DEFAULT_SAFELIST_FILE)) : undefined,
    },
    metricsToken: e.METRICS_TOKEN,
    trustedProxies: e.TRUSTED_PROXIES,
    authFailuresPerMinute: e.AUTH_FAILURES_PER_MINUTE,
    maxResponseKb: e.MAX_RESPONSE_KB,
    simulator: {
      seed: e.SIM_SEED,
      size: e.SIM_SIZE,
      latencyMs: parseRange(e.SIM_LATENCY_MS),
      errorRate: e.SIM_ERROR_RATE,
    },
    settingsFor: (owner, declared) => readDeclaredSettings(owner, declared, source),
    disclosureThreshold: e.DISCLOSURE_THRESHOLD,
    disclosurePerturbation: e.DISCLOSURE_PERTURBATION === 'cell-key',
    store: { databaseUrl: e.DATABASE_URL, schema: e.STORE_SCHEMA, dir: e.STORE_DIR, syncIntervalMs: e.STORE_SYNC_INTERVAL_SECONDS * 1000 },
    gatewayCacheBytes: e.GATEWAY_CACHE_MB * 1024 * 1024,
    supergraphFile: e.SUPERGRAPH_FILE,
    cors: { origins: e.CORS_ORIGINS },
    maxBodyBytes: e.MAX_BODY_KB * 1024,
    admission: { maxConcurrent: e.MAX_CONCURRENT_REQUESTS, maxQueued: e.MAX_QUEUED_REQUESTS, queueTimeoutMs: e.QUEUE_TIMEOUT_MS },
    countryConcurrency: e.COUNTRY_CONCURRENCY,
    otlpEndpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT,
  };
}

/**
 * What a process entry point calls: the config, or — for a bad environment — that one line on
 * stderr and exit code 1 (an operator reads the variable's name, not a zod stack trace).
 */
export function loadConfigOrExit(source: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(source);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

/** Secrets shipped in this repository or its docs: never acceptable in production. */
const KNOWN_DEFAULTS = ['dev-only-shared-secret-change-me', 'a-test-secret-of-enough-length', 'change-me', 'changeme', 'secret'];
const MIN_PRODUCTION_SECRET = 32;

/**
 * A production secret must be long and varied (32+ characters, 12+ distinct ones — what
 * `openssl rand -hex 32` gives) and none of the defaults anyone can read here.
 */
function weakSecret(name: string, value: string): string | undefined {
  const lowered = value.toLowerCase();
  if (value.startsWith('dev-only') || KNOWN_DEFAULTS.some((known) => lowered.includes(known))) return `${name}: a known default; set a random one in production`;
  if (value.length < MIN_PRODUCTION_SECRET || new Set(value).size < 12) {
    return `${name}: too weak for production (at least ${MIN_PRODUCTION_SECRET} random characters, e.g. openssl rand -hex 32)`;
  }
  return undefined;
}

/** What a subgraph.json `settings` entry (or its upstream URL) declares; see schema/registry.ts. */
export interface SettingDeclaration {
  env: string;
  default?: string;
  /** A URL setting is checked to be one. */
  format?: 'text' | 'url';
  /** Without a default a setting is required, unless optional. */
  optional?: boolean;
  /** An older variable name still read when `env` is unset. */
  deprecatedEnv?: string;
}

/** One owner's declared settings from the environment; throws naming every missing or bad variable. */
export function readDeclaredSettings(
  owner: string,
  declared: Readonly<Record<string, SettingDeclaration>>,
  source: NodeJS.ProcessEnv,
): Record<string, string | undefined> {
  const shape = Object.fromEntries(
    Object.entries(declared).map(([key, d]) => {
      const base = d.format === 'url' ? z.string().url() : z.string().min(1);
      return [key, d.default !== undefined ? base.default(d.default) : d.optional ? base.optional() : base];
    }),
  );
  const values = Object.fromEntries(
    Object.entries(declared).map(([key, d]) => [key, source[d.env] || (d.deprecatedEnv ? source[d.deprecatedEnv] : undefined) || undefined]),
  );
  const parsed = z.object(shape).safeParse(values);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${declared[String(i.path[0])]?.env ?? String(i.path[0])} (${owner}): ${i.message}`));
  }
  return parsed.data as Record<string, string | undefined>;
}

export const DEFAULT_SAFELIST_FILE = 'config/persisted-queries.json';

/** A missing or malformed manifest stops the start like any bad variable (core/safelist.ts checks it). */
function safelistFrom(path: string): Safelist {
  try {
    return readSafelist(path);
  } catch (error) {
    throw new ConfigError([`APQ_SAFELIST_FILE: ${error instanceof Error ? error.message : String(error)}`]);
  }
}

function parseApiKeys(entries: string[]): Map<string, string[]> {
  return new Map(
    entries.map((entry) => {
      const [key, scopes = 'public'] = entry.split(':');
      return [key ?? '', scopes.split('+')];
    }),
  );
}

function parseRange(text: string): [number, number] {
  const [lo, hi] = text.split('-').map(Number);
  return [lo ?? 0, hi ?? lo ?? 0];
}

function isAddressOrCidr(entry: string): boolean {
  const [address = '', prefix] = entry.split('/');
  const family = isIP(address);
  if (family === 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 6 ? 128 : 32));
}
