import { createCache } from '../../../core/cache/index.js';
import { loadConfigOrExit } from '../../../core/config.js';
import { createLogger } from '../../../core/log.js';
import { readManifest } from '../../../schema/registry.js';
import { start } from './subgraph.js';

/** Runs the exchange on its own: config from the environment, country URLs from the registry. */
const config = loadConfigOrExit();
const logger = createLogger('exchange', config.logLevel);
const cache = createCache({ redisUrl: config.redisUrl, namespace: 'exchange', logger });
const service = await start({ config, cache, logger }, { port: readManifest('exchange').port, host: config.host });
logger.info({ url: service.url }, 'exchange subgraph listening');

const stop = async (signal: string) => {
  logger.info({ signal }, 'stopping');
  await service.close();
  await cache.close();
  process.exit(0);
};
process.once('SIGINT', () => void stop('SIGINT'));
process.once('SIGTERM', () => void stop('SIGTERM'));
