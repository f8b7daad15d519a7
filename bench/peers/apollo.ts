import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { signRequestHeaders } from '../../core/trust.js';

/** A plain Apollo Gateway: no APQ store of ours, no response cache, no limits — it only signs. */
export async function startPlainApollo(supergraphPath: string, secret: string): Promise<string> {
  class Signed extends RemoteGraphQLDataSource {
    override willSendRequest({ request }: Parameters<NonNullable<RemoteGraphQLDataSource['willSendRequest']>>[0]): void {
      for (const [k, v] of Object.entries(signRequestHeaders(secret, randomUUID()))) request.http?.headers.set(k, v);
    }
  }
  const gateway = new ApolloGateway({ supergraphSdl: readFileSync(supergraphPath, 'utf8'), buildService: ({ url }) => new Signed({ url }) });
  const server = new ApolloServer({ gateway });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return `${url.replace(/\/$/, '')}/graphql`.replace('/graphql/graphql', '/graphql');
}
