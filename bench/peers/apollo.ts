import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { fetch } from 'undici';
import { startStandaloneServer } from '@apollo/server/standalone';
import { signRequestHeaders } from '../../core/trust.js';

/** A plain Apollo Gateway: no APQ store of ours, no response cache, no limits — it only signs. */
export async function startPlainApollo(supergraphPath: string, secret: string): Promise<string> {
  // Signed where the body is known (the signature covers it and is single-use).
  const fetcher: RemoteGraphQLDataSource['fetcher'] = (url, init) => {
    const body = typeof init?.body === 'string' ? init.body : undefined;
    const signed = signRequestHeaders(secret, { method: init?.method ?? 'POST', target: url, body, requestId: randomUUID() });
    return fetch(url, { method: init?.method ?? 'POST', headers: { ...(init?.headers as Record<string, string>), ...signed }, body: body ?? null });
  };
  const gateway = new ApolloGateway({ supergraphSdl: readFileSync(supergraphPath, 'utf8'), buildService: ({ url }) => new RemoteGraphQLDataSource({ url, fetcher }) });
  const server = new ApolloServer({ gateway });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return `${url.replace(/\/$/, '')}/graphql`.replace('/graphql/graphql', '/graphql');
}
