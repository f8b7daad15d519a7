import { cacheLine } from '../../core/banner.js';
import { createCache } from '../../core/cache/index.js';
import { loadConfigOrExit } from '../../core/config.js';
import { closeOnSignal } from '../../core/lifecycle.js';
import { createLogger } from '../../core/log.js';
import { fromRoot } from '../../core/paths.js';
import { setupTracing } from '../../core/tracing.js';
import { createGateway } from './server.js';

/**
 * `npm run start:gateway`: the gateway alone, on PORT (4000), over the committed supergraph
 * (schema/supergraph.graphql, watched — re-run `npm run compose` and it swaps in). The subgraphs
 * are wherever the supergraph's routing URLs say.
 */
const config = loadConfigOrExit();
const logger = createLogger('gateway', config.logLevel);
const tracing = setupTracing({ serviceName: 'lmis-gateway', otlpEndpoint: config.otlpEndpoint });
const cache = createCache({ redisUrl: config.redisUrl, namespace: 'gateway', logger, maxBytes: config.gatewayCacheBytes });
const gateway = await createGateway({
  config,
  cache,
  logger,
  supergraphPath: config.supergraphFile ?? fromRoot('schema/supergraph.graphql'),
  listen: { port: config.ports.gateway, host: config.host },
});
// Closed in reverse: the gateway drains first, then the cache, then buffered spans are sent.
closeOnSignal(logger, [async () => tracing?.shutdown(), () => cache.close(), () => gateway.close()]);

console.log(`LMIS Gateway: GraphQL endpoint ${gateway.url}`);
if (config.ideEnabled) console.log(`LMIS Gateway: GraphQL IDE      ${gateway.ideUrl}`);
console.log(`LMIS Gateway: ${await cacheLine(cache, config.redisUrl)}`);
if (tracing) console.log(`LMIS Gateway: traces to ${config.otlpEndpoint}`);
