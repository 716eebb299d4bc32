import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ParseOptions, ValidationRule } from 'graphql';
import type { HostContext } from '../graphql/context.js';
import type { Config } from '../config/config.js';
import { COST_MODEL } from './operation-cost.js';

/** The abuse limits a deployment enforces (config variables GRAPHQL_MAX_*). */
export interface AbuseLimits {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
}

export const abuseLimitsFrom = (config: Config): AbuseLimits => ({
  maxDepth: config.GRAPHQL_MAX_DEPTH,
  maxCost: config.GRAPHQL_MAX_COST,
  maxAliases: config.GRAPHQL_MAX_ALIASES,
  maxDirectives: config.GRAPHQL_MAX_DIRECTIVES,
  maxTokens: config.GRAPHQL_MAX_TOKENS,
});

/**
 * graphql-armor's depth, cost, alias, directive and token limits plus masked
 * field suggestions (no schema discovery through "Did you mean") unless
 * `suggestions` (development). Rejections
 * are validation errors: HTTP 400, GRAPHQL_VALIDATION_FAILED (tokens:
 * GRAPHQL_PARSE_FAILED).
 */
export function abuseLimitProtection(
  limits: AbuseLimits,
  opts: { suggestions?: boolean } = {},
): {
  plugins: ApolloServerPlugin<HostContext>[];
  validationRules: ValidationRule[];
  parseOptions: ParseOptions;
} {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, flattenFragments: true },
    costLimit: { ...COST_MODEL, maxCost: limits.maxCost },
    maxAliases: { n: limits.maxAliases },
    maxDirectives: { n: limits.maxDirectives },
    // Armor's token plugin throws outside Apollo's error handling (HTTP 500);
    // graphql-js's own `maxTokens` parse option does the same job cleanly (400).
    maxTokens: { enabled: false },
    // Suggestions are masked unless configured on (GRAPHQL_SUGGESTIONS: development by default).
    blockFieldSuggestion: { enabled: !opts.suggestions },
  });
  const p = armor.protect();
  return { plugins: p.plugins as ApolloServerPlugin<HostContext>[], validationRules: p.validationRules, parseOptions: { maxTokens: limits.maxTokens } };
}
