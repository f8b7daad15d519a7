import { randomUUID } from 'node:crypto';
import { signRequestHeaders } from '../../core/trust.js';

/** Talking to a subgraph the way the gateway does: signed POSTs over real HTTP. */

export interface GraphQLAnswer<D> {
  status: number;
  data?: D | null;
  errors?: Array<{ message: string; path?: ReadonlyArray<string | number>; extensions?: Record<string, unknown> }>;
}

export async function postGraphQL<D>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  options: { secret?: string; headers?: Record<string, string> } = {},
): Promise<GraphQLAnswer<D>> {
  const body = JSON.stringify({ query, variables });
  const signed = options.secret ? signRequestHeaders(options.secret, { method: 'POST', target: url, body, requestId: `conformance-${randomUUID()}` }) : {};
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...signed, ...options.headers }, body });
  const answer = (await res.json()) as Omit<GraphQLAnswer<D>, 'status'>;
  return { status: res.status, ...answer };
}

/** The `extensions.code` of every error, in order. */
export function codes(answer: GraphQLAnswer<unknown>): unknown[] {
  return (answer.errors ?? []).map((e) => e.extensions?.code);
}
