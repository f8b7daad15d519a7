import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ParseOptions, ValidationRule } from 'graphql';
import type { GatewayContext } from '../context.js';
import { costLimit } from './cost.js';

/**
 * What one request may ask for: depth, aliases and directives (graphql-armor validation
 * rules), cost with list sizes multiplied (./cost.ts; armor's cost limit ignores `first`) and tokens (graphql-js's own parser limit). A query over a limit is refused before any
 * subgraph is called, with HTTP 400 and a coded error: GRAPHQL_VALIDATION_FAILED, or
 * GRAPHQL_PARSE_FAILED for the token limit. Armor's token plugin is not used: it throws from a
 * hook Apollo does not guard, which turns an over-long query into a 500.
 */
export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
  maxTokens: number;
  maxDirectives: number;
}

/** Deep enough for every documented example (occupation → parent → … and nested lists). */
export const DEFAULT_LIMITS: QueryLimits = { maxDepth: 12, maxCost: 20_000, maxAliases: 20, maxTokens: 3_000, maxDirectives: 30 };

export function queryLimits(limits: QueryLimits, options: { suggestFields: boolean }): {
  validationRules: ValidationRule[];
  plugins: ApolloServerPlugin<GatewayContext>[];
  parseOptions: ParseOptions;
} {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth },
    costLimit: { enabled: false },
    maxAliases: { n: limits.maxAliases },
    maxTokens: { enabled: false },
    maxDirectives: { n: limits.maxDirectives },
    // "Did you mean …?" hints leak the schema; they go where introspection goes.
    blockFieldSuggestion: { enabled: !options.suggestFields },
  });
  const { validationRules, plugins } = armor.protect();
  return {
    validationRules,
    plugins: [...(plugins as ApolloServerPlugin<GatewayContext>[]), costLimit(limits.maxCost)],
    parseOptions: { maxTokens: limits.maxTokens },
  };
}
