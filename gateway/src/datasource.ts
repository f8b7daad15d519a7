import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { fetch as undiciFetch } from 'undici';
import { signRequestHeaders } from '../../subgraphs/kit/trust.js';
import type { GatewayContext } from './context.js';

/**
 * How the gateway talks to a subgraph: forwards the request id and the caller's language, signs
 * every call (subgraphs refuse unsigned ones), and gives each call a deadline so one slow
 * subgraph costs its own fields only.
 */
export class SignedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    options: { name: string; url: string },
    private readonly secret: string,
    private readonly timeoutMs: number,
  ) {
    super({
      url: options.url,
      // A deadline per call: Apollo's own fetcher has none (federation issue #2647).
      fetcher: ((input: string, init?: Record<string, unknown>) =>
        undiciFetch(input, { ...(init ?? {}), signal: AbortSignal.timeout(this.timeoutMs) } as never)) as never,
    });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    if (!headers) return;
    const requestId = context.requestId ?? cryptoId();
    for (const [key, value] of Object.entries(signRequestHeaders(this.secret, requestId))) headers.set(key, value);
    if (context.lang) headers.set('accept-language', context.lang);
  }
}

function cryptoId(): string {
  return globalThis.crypto.randomUUID();
}
