import { GraphQLError } from 'graphql';

/**
 * Bad input is answered with a coded GraphQL error, never a crash. `code` is the team-wide
 * BAD_USER_INPUT; `reason` says which rule was broken so clients can react without parsing text.
 */
export type InputErrorReason =
  | 'UNKNOWN_COUNTRY'
  | 'UNKNOWN_REGION'
  | 'MALFORMED_CURSOR'
  | 'CURSOR_MISMATCH'
  | 'FIRST_OUT_OF_RANGE'
  | 'EMPTY_SKILL_LIST'
  | 'UNKNOWN_CURRENCY'
  | 'MALFORMED_ISCO_CODE'
  | 'MALFORMED_DATE'
  | 'INVALID_VALUE'
  | 'INVALID_PERIOD'
  | 'PERIOD_TOO_LONG'
  | 'NOT_IN_STORE';

export class ExchangeInputError extends GraphQLError {
  constructor(reason: InputErrorReason, message: string, argument?: string) {
    super(message, { extensions: { code: 'BAD_USER_INPUT', reason, ...(argument ? { argument } : {}) } });
  }
}
