import { print } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { graphql } from './gql/index.js';

/**
 * A typed client in a few lines: the query is written once with `graphql(...)`; codegen gives it
 * its result and variable types, so `answer.occupation.parent.title` is checked by tsc against
 * the API schema. Any fetch works; this one is the platform's.
 */
export const OccupationWithVacancies = graphql(`
  query OccupationWithVacancies($isco: ID!, $lang: String) {
    occupation(iscoCode: $isco) {
      iscoCode
      title(lang: $lang)
      parent {
        title
      }
      vacancies(first: 3) {
        totalCount
        sources {
          status
        }
        edges {
          node {
            id
            title
          }
        }
      }
    }
  }
`);

export interface GraphQLFailure {
  message: string;
  extensions?: { code?: string };
}

/** POSTs a typed document; resolves with typed data, or throws with the errors' codes. */
export async function request<Result, Variables>(url: string, document: TypedDocumentNode<Result, Variables>, variables: Variables): Promise<Result> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await res.json()) as { data?: Result | null; errors?: GraphQLFailure[] };
  if (body.errors?.length || !body.data) {
    throw new Error(`HTTP ${res.status}: ${(body.errors ?? []).map((e) => `${e.extensions?.code ?? 'ERROR'} ${e.message}`).join('; ')}`);
  }
  return body.data;
}
