import { createCache } from '../../../core/cache/index.js';
import { loadConfig } from '../../../core/config.js';
import { createLogger } from '../../../core/log.js';
import { readManifest } from '../../../schema/registry.js';
import { start } from './subgraph.js';

/** Runs the taxonomy subgraph on its own: settings from the environment, port from subgraph.json. */
const config = loadConfig();
const logger = createLogger('taxonomy', config.logLevel);
const cache = createCache({ redisUrl: config.redisUrl, namespace: 'taxonomy', logger });
const service = await start({ config, cache, logger }, { port: readManifest('taxonomy').port, host: config.host });
logger.info({ url: service.url }, 'taxonomy subgraph listening');

const stop = async (signal: string): Promise<void> => {
  logger.info({ signal }, 'stopping');
  await service.close();
  await cache.close();
  process.exit(0);
};
process.once('SIGINT', () => void stop('SIGINT'));
process.once('SIGTERM', () => void stop('SIGTERM'));
