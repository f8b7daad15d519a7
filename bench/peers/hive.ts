import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { createGatewayRuntime } from '@graphql-hive/gateway';
import InMemoryLRUCache from '@graphql-mesh/cache-inmemory-lru';
import { listenOn } from '../../core/httpServer.js';
import { signRequestHeaders } from '../../core/trust.js';

/**
 * Hive Gateway (MIT), the open-source JS peer, on the same supergraph and subgraphs: as it comes,
 * or with its response cache. The one addition is a plugin that signs subgraph calls, without
 * which our subgraphs refuse it.
 */
export async function startHive(supergraphPath: string, secret: string, responseCache: boolean): Promise<string> {
  const runtime = createGatewayRuntime({
    supergraph: supergraphPath,
    logging: false,
    // Its response cache needs a store: Hive's own in-memory LRU, as its docs suggest for one instance.
    ...(responseCache ? { cache: new InMemoryLRUCache(), responseCaching: { session: () => null, ttl: 30_000 } } : {}),
    plugins: () => [
      {
        onFetch({ url, options, setOptions }) {
          const call = { method: options.method ?? 'POST', target: url, body: typeof options.body === 'string' ? options.body : undefined, requestId: randomUUID() };
          const headers = { ...(options.headers as Record<string, string>), ...signRequestHeaders(secret, call) };
          setOptions({ ...options, headers });
        },
      },
    ],
  });
  const server = createServer(runtime);
  const port = await listenOn(server, { port: 0 });
  return `http://127.0.0.1:${port}/graphql`;
}
