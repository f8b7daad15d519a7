import { createCache } from '../core/cache/index.js';
import { loadConfigOrExit } from '../core/config.js';
import { closeOnSignal } from '../core/lifecycle.js';
import { createLogger } from '../core/log.js';
import { setupTracing } from '../core/tracing.js';
import { countrySubgraphs } from '../schema/registry.js';
import { topology } from '../stack/topology.js';
import { launchSubgraph } from './launch.js';

/**
 * `npm run start:subgraph -- <name>`: one subgraph alone, on the port of its subgraph.json, with
 * its upstream (countries) or the country subgraphs (exchange) at their default URLs.
 */
const name = process.argv[2];
if (!name) {
  console.error('usage: npm run start:subgraph -- <name>   (names: see schema/supergraph.yaml)');
  process.exit(2);
}
const config = loadConfigOrExit();
const logger = createLogger(name, config.logLevel);
const where = topology(config);
const entry = where.subgraphs.find((s) => s.name === name);
if (!entry) {
  console.error(`unknown subgraph "${name}"; known: ${where.subgraphs.map((s) => s.name).join(', ')}`);
  process.exit(2);
}
const tracing = setupTracing({ serviceName: `lmis-${name}`, otlpEndpoint: config.otlpEndpoint });
const cache = createCache({ redisUrl: config.redisUrl, namespace: name, logger });
const upstreamUrl = where.upstreamUrl(name);
const subgraphUrls = Object.fromEntries(countrySubgraphs().map((c) => [c.name, where.subgraphUrl(c.name)]));
const service = await launchSubgraph({
  name,
  config,
  cache,
  logger,
  listen: { port: entry.port, host: config.host },
  ...(upstreamUrl ? { upstreamUrl } : {}),
  ...(name === 'exchange' ? { subgraphUrls } : {}),
});
logger.info({ url: service.url }, `${name} subgraph listening`);
closeOnSignal(logger, [async () => tracing?.shutdown(), () => cache.close(), () => service.close()]);
