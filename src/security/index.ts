import type { ApolloServerPlugin } from '@apollo/server';
import type { ParseOptions, ValidationRule } from 'graphql';
import type { HostContext } from '../graphql/context.js';
import { customer360AuditPlugin } from '../audit/customer-360-audit.plugin.js';
import type { Config } from '../config/config.js';
import { storableInputPlugin } from '../graphql/storable-input.js';
import type { Logger } from '../logger.js';
import { abuseLimitProtection, abuseLimitsFrom } from './abuse-limits.js';
import { createConcurrencyLimiter, type ConcurrencyLimiter } from './concurrency.js';
import { createCostBudget, type CostBudget } from './cost-budget.js';
import { costBudgetPlugin } from './cost-budget.plugin.js';
import { introspectionPolicyPlugin } from './introspection.js';
import { connectRedis, createRateLimiter, type RateLimiter } from './rate-limit.js';

export { abuseLimitsFrom, abuseLimitProtection, type AbuseLimits } from './abuse-limits.js';
export { asksForSchema, introspectionPolicyPlugin, mayIntrospect } from './introspection.js';
export { connectRedis, createRateLimiter, memoryRateLimiter, redisRateLimiter, type RateLimiter, type RateDecision } from './rate-limit.js';
export { createCostBudget, memoryCostBudget, redisCostBudget, type CostBudget, type BudgetDecision } from './cost-budget.js';
export { createConcurrencyLimiter, type ConcurrencyLimiter } from './concurrency.js';
export { costBudgetPlugin } from './cost-budget.plugin.js';
export { createOperationCost } from './operation-cost.js';

/** What createHttpApp needs to enforce the security policy of a deployment. */
export interface SecurityOptions {
  apolloPlugins: ApolloServerPlugin<HostContext>[];
  validationRules: ValidationRule[];
  parseOptions: ParseOptions;
  rateLimiter: RateLimiter;
  concurrencyLimiter: ConcurrencyLimiter;
  costBudget: CostBudget;
}

/**
 * The security policy from configuration: abuse limits, introspection policy,
 * inputs the database cannot store refused up front, customer-360 audit, and
 * per caller (JWT subject) a request rate, a number of requests in flight and
 * a budget of query cost.
 */
export function createSecurity(config: Config, log?: Logger): SecurityOptions {
  const armor = abuseLimitProtection(abuseLimitsFrom(config), { suggestions: config.GRAPHQL_SUGGESTIONS });
  // One Redis connection for both per-caller counters (each closes it; a second quit is harmless).
  const redis = config.REDIS_URL ? connectRedis(config.REDIS_URL, log) : undefined;
  const budget = createCostBudget({ perMinute: config.RATE_LIMIT_COST_PER_MINUTE, redis, log });
  return {
    apolloPlugins: [
      ...armor.plugins,
      costBudgetPlugin({ budget, maxCost: config.GRAPHQL_MAX_COST }),
      introspectionPolicyPlugin(config.NODE_ENV === 'production'),
      storableInputPlugin<HostContext>(),
      customer360AuditPlugin(),
    ],
    validationRules: armor.validationRules,
    parseOptions: armor.parseOptions,
    rateLimiter: createRateLimiter({ perMinute: config.RATE_LIMIT_PER_MINUTE, redis, log }),
    concurrencyLimiter: createConcurrencyLimiter(config.RATE_LIMIT_CONCURRENCY),
    costBudget: budget,
  };
}
