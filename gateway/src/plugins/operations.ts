import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context.js';
import { httpError } from '../errors.js';

/**
 * Client mistakes Apollo Gateway would otherwise answer with a 500: a document whose operation
 * cannot be picked (several operations and no or an unknown `operationName`), and an operation
 * type the schema does not have (this API is read-only: no mutation, no subscription — the
 * spec's "Operation Type Existence" rule, which graphql-js 16 does not check). Both are refused
 * before any subgraph is called, with HTTP 400 and a code.
 */
export function operationGuard(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request, schema }) {
          if (!operation) {
            const message = request.operationName
              ? `Unknown operation named "${request.operationName}".`
              : 'The document holds several operations: name the one to run in `operationName`.';
            throw httpError(message, 'OPERATION_RESOLUTION_FAILURE', { status: 400 });
          }
          if (!schema.getRootType(operation.operation)) {
            throw httpError(`This API is read-only: the schema has no ${operation.operation} type.`, 'GRAPHQL_VALIDATION_FAILED', { status: 400 });
          }
        },
      };
    },
  };
}
