import type { Cache } from '../core/cache/index.js';
import { importProjectModule } from '../core/modules.js';
import type { Config } from '../core/config.js';
import type { Logger } from '../core/log.js';
import type { ListenOptions, RunningService } from '../core/service.js';
import { loadReference } from '../reference/index.js';
import type { SubgraphDeps } from './kit/deps.js';

/** The shape every `subgraphs/<name>/src/subgraph.ts` exports. */
interface SubgraphModule {
  start(deps: SubgraphDeps, listen: ListenOptions): Promise<RunningService>;
}

/** Imports a subgraph by its registry name, so launchers need no change to add one. */
export async function loadSubgraph(name: string): Promise<SubgraphModule> {
  if (!/^[a-z][a-z0-9_-]*$/.test(name)) throw new Error(`not a subgraph name: "${name}"`);
  return importProjectModule<SubgraphModule>(`subgraphs/${name}/src/subgraph`);
}

export interface SubgraphLaunch {
  name: string;
  config: Config;
  cache: Cache;
  logger: Logger;
  listen: ListenOptions;
  upstreamUrl?: string;
  subgraphUrls?: Record<string, string>;
}

export async function launchSubgraph(launch: SubgraphLaunch): Promise<RunningService> {
  const { start } = await loadSubgraph(launch.name);
  loadReference();
  const deps: SubgraphDeps = {
    config: launch.config,
    cache: launch.cache,
    logger: launch.logger,
    ...(launch.upstreamUrl ? { upstreamUrl: launch.upstreamUrl } : {}),
    ...(launch.subgraphUrls ? { subgraphUrls: launch.subgraphUrls } : {}),
  };
  return start(deps, launch.listen);
}
