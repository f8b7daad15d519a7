import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context.js';

/**
 * The last line against an answer too big to send (issue 15.2): the cost limit bounds what a query
 * may ask for, this bounds what the gateway actually ships. An answer over `maxBytes` (serialised)
 * is replaced by one coded error, RESPONSE_TOO_LARGE, with the limit; it is never sent, and —
 * carrying an error — never cached. Registered before the response cache so the cache sees the
 * replacement.
 */
export function responseSizeCap(maxBytes: number): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          const body = response.body;
          if (body.kind !== 'single') return;
          const bytes = Buffer.byteLength(JSON.stringify(body.singleResult));
          if (bytes <= maxBytes) return;
          body.singleResult = {
            data: null,
            errors: [
              {
                message: `The answer would be larger than the gateway sends (${Math.ceil(maxBytes / 1024)} KB): ask for smaller pages (first) or fewer fields.`,
                extensions: { code: 'RESPONSE_TOO_LARGE', maxKilobytes: Math.ceil(maxBytes / 1024) },
              },
            ],
          };
        },
      };
    },
  };
}
