import { z } from 'zod';

/**
 * The ONE place that reads the environment. Every service receives its settings as explicit
 * values built here; explicit options passed in code beat the environment (tests pass ports 0
 * and their own URLs). Values are validated with zod so a typo fails at start, loudly.
 */

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
  /** First subgraph port; each subgraph's subgraph.json gives its offset-free default. */
  SUBGRAPH_PORT_BASE: port.default(4001),
  SIM_INDONESIA_PORT: port.default(4101),
  SIM_MALAYSIA_PORT: port.default(4102),
  SIM_THAILAND_PORT: port.default(4103),
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
  /** Simulated national systems. */
  SIM_SEED: z.coerce.number().int().default(42),
  SIM_SIZE: z.coerce.number().int().positive().default(3000),
  SIM_LATENCY_MS: z.string().regex(/^\d+(-\d+)?$/).default('20-80'),
  SIM_ERROR_RATE: z.coerce.number().min(0).max(1).default(0),
  /** Upstream credentials (never logged). Defaults match the simulators' dev credentials. */
  INDONESIA_API_KEY: z.string().default('sim-karirhub-key'),
  MALAYSIA_CLIENT_ID: z.string().default('lmis-gateway'),
  MALAYSIA_CLIENT_SECRET: z.string().default('sim-myfuturejobs-secret'),
  THAILAND_API_TOKEN: z.string().default('sim-doe-token'),
  /** Memory budget of the gateway's in-process cache (responses, APQ) when REDIS_URL is unset. */
  GATEWAY_CACHE_MB: z.coerce.number().int().positive().default(32),
  /** Statistical disclosure control: cells with fewer vacancies than this are suppressed. */
  DISCLOSURE_THRESHOLD: z.coerce.number().int().min(1).default(5),
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
    subgraphBase: number;
    simulators: { indonesia: number; malaysia: number; thailand: number };
  };
  redisUrl: string | undefined;
  gatewaySecret: string;
  apiKeys: Map<string, string[]>;
  jwt: { secret: string; issuer: string | undefined } | undefined;
  ideEnabled: boolean;
  rateLimitPerMinute: number;
  simulator: { seed: number; size: number; latencyMs: [number, number]; errorRate: number };
  /** UPSTREAM_<NAME>_URL for any registered country (e.g. UPSTREAM_INDONESIA_URL); else its simulator. */
  upstreams: Record<string, { url: string | undefined }>;
  credentials: {
    indonesia: { apiKey: string };
    malaysia: { clientId: string; clientSecret: string };
    thailand: { token: string };
  };
  disclosureThreshold: number;
  disclosurePerturbation: boolean;
  store: { databaseUrl: string | undefined; schema: string; dir: string | undefined; syncIntervalMs: number };
  /** Bytes the gateway's in-process cache may hold. */
  gatewayCacheBytes: number;
}

/** Parse and validate an environment; throws a readable error naming every bad variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && e.GATEWAY_SHARED_SECRET.startsWith('dev-only')) {
    throw new Error('Invalid configuration:\n  GATEWAY_SHARED_SECRET: must be set in production');
  }
  return {
    env: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    host: e.HOST,
    ports: {
      gateway: e.PORT,
      subgraphBase: e.SUBGRAPH_PORT_BASE,
      simulators: { indonesia: e.SIM_INDONESIA_PORT, malaysia: e.SIM_MALAYSIA_PORT, thailand: e.SIM_THAILAND_PORT },
    },
    redisUrl: e.REDIS_URL,
    gatewaySecret: e.GATEWAY_SHARED_SECRET,
    apiKeys: parseApiKeys(e.API_KEYS),
    jwt: e.JWT_SECRET ? { secret: e.JWT_SECRET, issuer: e.JWT_ISSUER } : undefined,
    ideEnabled: e.ENABLE_IDE ? e.ENABLE_IDE === 'true' : e.NODE_ENV !== 'production',
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    simulator: {
      seed: e.SIM_SEED,
      size: e.SIM_SIZE,
      latencyMs: parseRange(e.SIM_LATENCY_MS),
      errorRate: e.SIM_ERROR_RATE,
    },
    upstreams: upstreamUrls(source),
    credentials: {
      indonesia: { apiKey: e.INDONESIA_API_KEY },
      malaysia: { clientId: e.MALAYSIA_CLIENT_ID, clientSecret: e.MALAYSIA_CLIENT_SECRET },
      thailand: { token: e.THAILAND_API_TOKEN },
    },
    disclosureThreshold: e.DISCLOSURE_THRESHOLD,
    disclosurePerturbation: e.DISCLOSURE_PERTURBATION === 'cell-key',
    store: { databaseUrl: e.DATABASE_URL, schema: e.STORE_SCHEMA, dir: e.STORE_DIR, syncIntervalMs: e.STORE_SYNC_INTERVAL_SECONDS * 1000 },
    gatewayCacheBytes: e.GATEWAY_CACHE_MB * 1024 * 1024,
  };
}

/** Every UPSTREAM_<NAME>_URL variable, so a new country needs no change here. */
function upstreamUrls(source: NodeJS.ProcessEnv): Record<string, { url: string | undefined }> {
  const urls: Record<string, { url: string | undefined }> = {};
  for (const [key, value] of Object.entries(source)) {
    const match = /^UPSTREAM_([A-Z0-9_]+)_URL$/.exec(key);
    if (!match || !value) continue;
    if (!z.string().url().safeParse(value).success) throw new Error(`Invalid configuration:\n  ${key}: not a URL`);
    urls[(match[1] ?? '').toLowerCase()] = { url: value };
  }
  return urls;
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
