import type { ApolloServerPlugin, GraphQLResponse } from '@apollo/server';
import type { Logger } from '../../../core/log.js';
import type { GatewayContext } from '../context.js';

/**
 * The GraphQL contract a client relies on: `data: null` always comes with at least one error
 * saying why. A subgraph or the query plan can lose an error on the way (an entity fetch that
 * answered null for a non-null field); the client then gets a coded error instead of silence,
 * and the log gets the request id.
 */
export function answerIntegrity(logger: Logger): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (explainNullData(response)) logger.error({ requestId: contextValue.requestId }, 'data: null without errors; added INCOMPLETE_RESPONSE');
        },
      };
    },
  };
}

/** Adds the missing error in place; true when it had to. */
export function explainNullData(response: GraphQLResponse): boolean {
  const body = response.body;
  if (body.kind !== 'single' || body.singleResult.data !== null || body.singleResult.errors?.length) return false;
  body.singleResult.errors = [{ message: 'The answer has no data and lost the error that explains why.', extensions: { code: 'INCOMPLETE_RESPONSE' } }];
  return true;
}
