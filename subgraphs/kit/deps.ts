import type { Cache } from '../../core/cache/types.js';
import type { Config } from '../../core/config.js';
import type { Logger } from '../../core/log.js';

/** What a subgraph's `start` receives. Built by main.ts, stack/main.ts or a test harness. */
export interface SubgraphDeps {
  config: Config;
  cache: Cache;
  logger: Logger;
  /** Country subgraphs: the national system's (or its simulator's) base URL. */
  upstreamUrl?: string;
  /** Exchange: country subgraph name → its GraphQL URL. */
  subgraphUrls?: Record<string, string>;
}
