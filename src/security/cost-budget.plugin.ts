import type { ApolloServerPlugin } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { HostContext } from '../graphql/context.js';
import { FinmartError } from '../graphql/errors.js';
import { text } from '../i18n/localized.js';
import type { CostBudget } from './cost-budget.js';
import { createOperationCost } from './operation-cost.js';

/**
 * Prices each operation (graphql-armor's cost model, variables included) once
 * it is validated and before it runs, then:
 * - refuses it when it costs more than GRAPHQL_MAX_COST — armor's own rule
 *   prices `first: $n` as one item, so a page size passed as a variable would
 *   otherwise slip under the limit (400 GRAPHQL_VALIDATION_FAILED);
 * - spends the cost from the caller's budget, or refuses it with 429
 *   RATE_LIMITED and Retry-After when the budget is short.
 * The response carries `x-query-cost` and `ratelimit-cost-remaining`.
 */
export function costBudgetPlugin(opts: { budget: CostBudget; maxCost: number }): ApolloServerPlugin<HostContext> {
  const costOf = createOperationCost();
  return {
    async serverWillStart() {
      return {
        async serverWillStop() {
          await opts.budget.close();
        },
      };
    },
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, operation, request, schema, response }) {
          if (!operation) return; // Apollo has refused it already (unknown operation name)
          const cost = Math.ceil(costOf(schema, document, operation, request.variables ?? {}));
          response.http.headers.set('x-query-cost', String(cost));
          if (cost > opts.maxCost) {
            throw new GraphQLError(`Query Cost limit of ${opts.maxCost} exceeded, found ${cost}.`, {
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
            });
          }
          const d = await opts.budget.spend(contextValue.principal.subject, cost);
          response.http.headers.set('ratelimit-cost-remaining', String(d.remaining));
          if (!d.allowed) {
            throw new FinmartError(
              'RATE_LIMITED',
              text(
                `查询成本额度已用完（本次 ${cost}，剩余 ${d.remaining}），请 ${d.retryAfterSeconds} 秒后重试`,
                `Query cost budget exhausted (this operation ${cost}, left ${d.remaining}); retry in ${d.retryAfterSeconds} s`,
              ),
              { retryAfter: d.retryAfterSeconds, http: { status: 429, headers: new HeaderMap([['retry-after', String(d.retryAfterSeconds)]]) } },
            );
          }
        },
      };
    },
  };
}
