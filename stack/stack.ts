import type { Cache } from '../core/cache/index.js';
import type { Config } from '../core/config.js';
import type { Logger } from '../core/log.js';
import type { RunningService } from '../core/service.js';
import { createGateway } from '../gateway/src/server.js';
import { readSubgraphList } from '../schema/registry.js';
import { startNamedSimulator } from '../simulators/launch.js';
import { launchSubgraph } from '../subgraphs/launch.js';
import { startServices } from './services.js';

export interface WholeStackOptions {
  config: Config;
  logger: Logger;
  /** One cache per service, each in its own namespace of the same store. */
  newCache(namespace: string, maxBytes?: number): Cache;
  /** The committed supergraph, watched by the gateway; used when every subgraph is at its routing_url. */
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
 * `npm start`'s stack in this process, on the fixed ports (manifests + port bases), in the
 * order startServices takes from the registry. When the ports are moved, the gateway runs a
 * supergraph composed with the real URLs instead of the committed file.
 */
export async function startWholeStack(options: WholeStackOptions): Promise<WholeStack> {
  const { config, logger, newCache } = options;
  const list = readSubgraphList();
  const closers: Array<() => Promise<void>> = [];
  const withCache = async (name: string, maxBytes: number | undefined, start: (cache: Cache) => Promise<RunningService>) => {
    const cache = newCache(name, maxBytes);
    closers.push(() => cache.close());
    const service = await start(cache);
    closers.push(() => service.close());
    return service;
  };
  const started = await startServices<RunningService>(
    { config, ports: 'fixed', list },
    {
      simulator: async (name, port) => {
        const service = await startNamedSimulator(name, { ...config.simulator, port, host: config.host, logger: logger.child({ service: `sim:${name}` }) });
        closers.push(() => service.close());
        return service;
      },
      subgraph: ({ entry, port, upstreamUrl, subgraphUrls }) =>
        withCache(entry.name, undefined, (cache) =>
          launchSubgraph({ name: entry.name, config, cache, logger: logger.child({ service: entry.name }), listen: { port, host: config.host }, ...(upstreamUrl ? { upstreamUrl } : {}), subgraphUrls }),
        ),
      gateway: ({ supergraphSdl, subgraphUrls }) => {
        const atRoutingUrls = list.subgraphs.every((s) => subgraphUrls[s.name] === s.routingUrl);
        return withCache('gateway', config.gatewayCacheBytes, (cache) =>
          createGateway({
            config,
            cache,
            logger: logger.child({ service: 'gateway' }),
            ...(atRoutingUrls ? { supergraphPath: options.supergraphPath } : { supergraphSdl }),
            listen: { port: config.ports.gateway, host: config.host },
          }),
        );
      },
    },
  );
  const gateway = started.gateway!;
  return {
    gatewayUrl: gateway.url,
    ideUrl: gateway.url.replace(/\/graphql$/, '/ide'),
    services: started.started.filter((s) => s.service !== gateway).map((s) => s.service),
    closers,
  };
}
