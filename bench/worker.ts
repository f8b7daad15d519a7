import pino from 'pino';
import { createCache } from '../core/cache/index.js';
import { loadConfig } from '../core/config.js';

/**
 * One benchmarked process: `node --import tsx bench/worker.ts <kind> <name> <json options>`.
 * Starts one simulator, subgraph or gateway on an ephemeral port and prints `{"url": …}` on one
 * line, so the benchmark can measure each process's memory on its own. Imports are per kind:
 * a subgraph process must not carry the peers' gateways in its memory.
 */
const [kind = '', name = '', raw = '{}'] = process.argv.slice(2);
const options = JSON.parse(raw) as Record<string, unknown>;
// `options.env`: settings a benchmark varies per process (bench/overload.ts: admission control).
const config = loadConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '100000000', ...(options.env as Record<string, string> | undefined) });
// BENCH_LOG=warn shows a service's own log on stderr (stdout carries only its URL).
const logger = pino({ level: process.env.BENCH_LOG ?? 'silent' }, pino.destination(2));
const cache = (maxBytes?: number) =>
  createCache({ namespace: `bench:${name}:${process.pid}`, logger, ...(maxBytes ? { maxBytes } : {}), ...(options.redisUrl ? { redisUrl: String(options.redisUrl) } : {}) });

async function start(): Promise<string> {
  if (kind === 'sim') {
    const { startNamedSimulator } = await import('../simulators/launch.js');
    const sim = await startNamedSimulator(name, { port: 0, seed: 42, size: Number(options.size), latencyMs: options.latencyMs as [number, number], errorRate: 0 });
    return sim.url;
  }
  if (kind === 'subgraph') {
    const { launchSubgraph } = await import('../subgraphs/launch.js');
    const service = await launchSubgraph({
      name,
      config,
      cache: cache(),
      logger,
      listen: { port: 0 },
      ...(options.upstreamUrl ? { upstreamUrl: String(options.upstreamUrl) } : {}),
      ...(options.subgraphUrls ? { subgraphUrls: options.subgraphUrls as Record<string, string> } : {}),
    });
    return service.url;
  }
  const path = String(options.supergraphPath);
  if (name === 'ours') {
    const { createGateway } = await import('../gateway/src/server.js');
    // `responseCacheTtlSeconds: 0`: the store benchmark measures the exchange's answers, not the gateway's cache.
    const ttl = options.responseCacheTtlSeconds === undefined ? {} : { responseCacheTtlSeconds: Number(options.responseCacheTtlSeconds) };
    return (await createGateway({ config, cache: cache(config.gatewayCacheBytes), logger, supergraphPath: path, listen: { port: 0 }, ...ttl })).url;
  }
  if (name === 'plain-apollo') return (await import('./peers/apollo.js')).startPlainApollo(path, config.gatewaySecret);
  if (name === 'hive' || name === 'hive-cache') return (await import('./peers/hive.js')).startHive(path, config.gatewaySecret, name === 'hive-cache');
  throw new Error(`unknown worker ${kind} ${name}`);
}

process.stdout.write(`${JSON.stringify({ url: await start() })}\n`);
