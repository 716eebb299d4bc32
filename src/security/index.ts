import type { ApolloServerPlugin } from '@apollo/server';
import type { ParseOptions, ValidationRule } from 'graphql';
import type { HostContext } from '../app/runtime.js';
import { customer360AuditPlugin } from '../audit/customer-360-audit.plugin.js';
import type { Config } from '../config/config.js';
import { storableInputPlugin } from '../graphql/storable-input.js';
import type { Logger } from '../logger.js';
import { abuseLimitProtection, abuseLimitsFrom } from './abuse-limits.js';
import { introspectionPolicyPlugin } from './introspection.js';
import { createRateLimiter, type RateLimiter } from './rate-limit.js';

export { abuseLimitsFrom, abuseLimitProtection, type AbuseLimits } from './abuse-limits.js';
export { asksForSchema, introspectionPolicyPlugin, mayIntrospect } from './introspection.js';
export { createRateLimiter, memoryRateLimiter, redisRateLimiter, type RateLimiter, type RateDecision } from './rate-limit.js';

/** What createHttpApp needs to enforce the security policy of a deployment. */
export interface SecurityOptions {
  apolloPlugins: ApolloServerPlugin<HostContext>[];
  validationRules: ValidationRule[];
  parseOptions: ParseOptions;
  rateLimiter: RateLimiter;
}

/**
 * The security policy from configuration: abuse limits, introspection policy,
 * inputs the database cannot store refused up front, customer-360 audit and
 * the per-caller rate limit.
 */
export function createSecurity(config: Config, log?: Logger): SecurityOptions {
  const armor = abuseLimitProtection(abuseLimitsFrom(config));
  return {
    apolloPlugins: [...armor.plugins, introspectionPolicyPlugin(config.NODE_ENV === 'production'), storableInputPlugin<HostContext>(), customer360AuditPlugin()],
    validationRules: armor.validationRules,
    parseOptions: armor.parseOptions,
    rateLimiter: createRateLimiter({ perMinute: config.RATE_LIMIT_PER_MINUTE, redisUrl: config.REDIS_URL, log }),
  };
}
