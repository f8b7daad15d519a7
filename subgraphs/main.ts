import { createCache } from '../core/cache/index.js';
import { loadConfigOrExit } from '../core/config.js';
import { closeOnSignal } from '../core/lifecycle.js';
import { createLogger } from '../core/log.js';
import { setupTracing } from '../core/tracing.js';
import { dependenciesOf, readSubgraphList } from '../schema/registry.js';
import { configuredUpstreamUrl, simulatorUrl, subgraphPort, subgraphUrl } from '../stack/topology.js';
import { launchSubgraph } from './launch.js';

/**
 * `npm run start:subgraph -- <name>`: one subgraph alone, on the port of its subgraph.json (moved
 * by SUBGRAPH_PORT_BASE), with its upstream (countries: `upstream.urlEnv` or its simulator) or the
 * subgraphs it depends on (exchange) at their default URLs.
 */
const name = process.argv[2];
if (!name) {
  console.error('usage: npm run start:subgraph -- <name>   (names: see schema/supergraph.yaml)');
  process.exit(2);
}
const config = loadConfigOrExit();
const logger = createLogger(name, config.logLevel);
const list = readSubgraphList();
const entry = list.subgraphs.find((s) => s.name === name);
if (!entry) {
  console.error(`unknown subgraph "${name}"; known: ${list.subgraphs.map((s) => s.name).join(', ')}`);
  process.exit(2);
}
const tracing = setupTracing({ serviceName: `lmis-${name}`, otlpEndpoint: config.otlpEndpoint });
const cache = createCache({ redisUrl: config.redisUrl, namespace: name, logger });
const upstreamUrl = entry.manifest.kind === 'country' ? (configuredUpstreamUrl(entry.manifest, config) ?? simulatorUrl(entry.manifest, config)) : undefined;
const subgraphUrls = Object.fromEntries(dependenciesOf(entry, list).subgraphs.map((d) => [d, subgraphUrl(list.subgraphs.find((s) => s.name === d)!, config)]));
const service = await launchSubgraph({
  name,
  config,
  cache,
  logger,
  listen: { port: subgraphPort(entry, config), host: config.host },
  ...(upstreamUrl ? { upstreamUrl } : {}),
  subgraphUrls,
});
logger.info({ url: service.url }, `${name} subgraph listening`);
closeOnSignal(logger, [async () => tracing?.shutdown(), () => cache.close(), () => service.close()]);
