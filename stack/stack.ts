import type { Cache } from '../core/cache/index.js';
import type { Config } from '../core/config.js';
import type { Logger } from '../core/log.js';
import type { RunningService } from '../core/service.js';
import { createGateway } from '../gateway/src/server.js';
import { countrySubgraphs } from '../schema/registry.js';
import { startNamedSimulator } from '../simulators/launch.js';
import { launchSubgraph } from '../subgraphs/launch.js';
import { topology } from './topology.js';

export interface WholeStackOptions {
  config: Config;
  logger: Logger;
  /** One cache per service, each in its own namespace of the same store. */
  newCache(namespace: string, maxBytes?: number): Cache;
  supergraphPath: string;
}

export interface WholeStack {
  gatewayUrl: string;
  ideUrl: string;
  /** Everything but the gateway, in start order. */
  services: RunningService[];
  /** Close functions in start order (callers close in reverse). */
  closers: Array<() => Promise<void>>;
}

/**
 * Starts simulators → subgraphs → gateway. Subgraphs start in registry order except the
 * exchange, which starts last because it calls the country subgraphs.
 */
export async function startWholeStack(options: WholeStackOptions): Promise<WholeStack> {
  const { config, logger, newCache } = options;
  const where = topology(config);
  const services: RunningService[] = [];
  const closers: Array<() => Promise<void>> = [];
  const track = (service: RunningService, cache?: Cache) => {
    services.push(service);
    if (cache) closers.push(() => cache.close());
    closers.push(() => service.close());
  };

  for (const sim of where.simulators) {
    track(await startNamedSimulator(sim.name, { ...config.simulator, port: sim.port, host: config.host, logger: logger.child({ service: `sim:${sim.name}` }) }));
  }
  const subgraphUrls = Object.fromEntries(countrySubgraphs().map((c) => [c.name, where.subgraphUrl(c.name)]));
  const ordered = [...where.subgraphs].sort((a, b) => Number(a.name === 'exchange') - Number(b.name === 'exchange'));
  for (const entry of ordered) {
    const cache = newCache(entry.name);
    const upstreamUrl = where.upstreamUrl(entry.name);
    const service = await launchSubgraph({
      name: entry.name,
      config,
      cache,
      logger: logger.child({ service: entry.name }),
      listen: { port: entry.port, host: config.host },
      ...(upstreamUrl ? { upstreamUrl } : {}),
      ...(entry.name === 'exchange' ? { subgraphUrls } : {}),
    });
    track(service, cache);
  }

  const gatewayCache = newCache('gateway', config.gatewayCacheBytes);
  const gateway = await createGateway({
    config,
    cache: gatewayCache,
    logger: logger.child({ service: 'gateway' }),
    supergraphPath: options.supergraphPath,
    listen: { port: config.ports.gateway, host: config.host },
  });
  closers.push(() => gatewayCache.close(), () => gateway.close());
  return { gatewayUrl: gateway.url, ideUrl: gateway.url.replace(/\/graphql$/, '/ide'), services, closers };
}
