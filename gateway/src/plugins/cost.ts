import type { ApolloServerPlugin } from '@apollo/server';
import { createRequire } from 'node:module';
import type { DocumentNode, GraphQLCompositeType, GraphQLField, GraphQLSchema } from 'graphql';
import type { ComplexityEstimator, getComplexity as GetComplexity } from 'graphql-query-complexity';
import type { GatewayContext } from '../context.js';
import { httpError } from '../errors.js';

/**
 * What an answer costs to build, counted the way it grows (issue 15.2): every field costs 1 plus
 * its children, and a list multiplies its children by how many entries it may hold — the value of
 * its slicing argument (`first`, `last`, `limit`, schema defaults included) or, for a list
 * without one, `DEFAULT_LIST_SIZE`. Lists inside a `…Connection` (edges, sources) count once: the
 * field that returned the connection already multiplied by its `first`. The lists without a slicing
 * argument in this graph are short per entry (a vacancy's skills, a page's matches or sources, an
 * occupation's national codes); the long ones all take `first`, so 5 keeps real app queries (a
 * page of 100 matches with their skills) well inside the limit while nested pages are refused.
 */
export const DEFAULT_LIST_SIZE = 5;
// Apollo Gateway (CommonJS) builds the schema with graphql's CommonJS build; graphql-query-complexity's
// ESM build would check it against graphql's ESM build ("from another module or realm"), so the
// CommonJS build of both is used here.
const { getComplexity } = createRequire(import.meta.url)('graphql-query-complexity') as { getComplexity: typeof GetComplexity };
const SLICING_ARGUMENTS = ['first', 'last', 'limit'] as const;

export const listSizeEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => 1 + multiplier(type, field, args) * childComplexity;

function multiplier(parent: GraphQLCompositeType, field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number {
  for (const name of SLICING_ARGUMENTS) {
    const value = args[name];
    if (typeof value === 'number' && Number.isFinite(value)) return Math.max(value, 1);
  }
  // Read from the type's printed form ("[Skill!]!"), which no realm check can refuse.
  if (!String(field.type).startsWith('[')) return 1;
  return parent.name.endsWith('Connection') ? 1 : DEFAULT_LIST_SIZE;
}

/**
 * Refuses an operation whose cost exceeds `maxCost` before any subgraph is called: HTTP 400,
 * QUERY_TOO_COSTLY, with the computed cost and the limit. Run once the operation is resolved, so
 * variables (`first: $n`) count with their values.
 */
export function costLimit(maxCost: number): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, schema }) {
          const cost = costOf({ schema, query: document, variables: request.variables, operationName: request.operationName });
          // Variables of the wrong type: execution refuses them with its own coded 400, before any
          // field runs, so there is nothing to count.
          if (cost === undefined) return;
          if (cost > maxCost) {
            throw httpError(`The query would cost ${cost}, more than the limit of ${maxCost}: ask for smaller pages (first) or fewer nested lists.`, 'QUERY_TOO_COSTLY', { status: 400 }, { cost, maxCost });
          }
        },
      };
    },
  };
}

function costOf(options: { schema: GraphQLSchema; query: DocumentNode; variables: Record<string, unknown> | undefined; operationName: string | undefined }): number | undefined {
  try {
    return getComplexity({
      schema: options.schema,
      query: options.query,
      estimators: [listSizeEstimator],
      ...(options.variables ? { variables: options.variables } : {}),
      ...(options.operationName ? { operationName: options.operationName } : {}),
    });
  } catch (error) {
    // Compared by name: the error comes from graphql's CommonJS build, another realm than ours.
    if (error instanceof Error && error.name === 'GraphQLError') return undefined;
    throw error;
  }
}
