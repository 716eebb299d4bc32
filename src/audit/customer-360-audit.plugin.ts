import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { HostContext } from '../graphql/context.js';
import { toGlobalId } from '../graphql/relay/global-id.js';
import type { AuditEntry } from './record.js';
import { recordAuditShared } from './audit-writer.js';
import { openCustomerReads, recordCustomerReads, type CustomerReads } from './customer-reads.js';
import { openRequestAudit, takeDeferredAudit } from './request-audit.js';

/** The audit entries of one request's reads: one per customer, field and type names only. */
export function customer360Entries(reads: CustomerReads): AuditEntry[] {
  return [...reads].map(([id, r]) => ({
    action: 'CUSTOMER_360_READ',
    targetType: 'Customer',
    targetId: toGlobalId('Customer', id),
    details: { fields: [...r.fields].sort(), ...(r.via.size > 0 ? { via: [...r.via].sort() } : {}) },
  }));
}

/**
 * Audits every read of a customer's data, whatever the path: `customer(id)`,
 * `node(id)`, a page of `customers`, `order.customer`, a holding or an order
 * reached by itself, a mutation's result. Any field resolved on a `Customer`
 * counts — plugins' fields on Customer included, with nothing to register —
 * and so does any field of an object keyed by a customer (see
 * `customerOf` in customer-reads.ts; the resolvers themselves note it, no
 * per-field server hook). Reads are collected while the operation runs and
 * written — with the entries resolvers deferred to the request's audit
 * (identifier searches, see request-audit.ts) — in ONE insert when execution
 * ends (one statement per request, whatever the page size, counted in
 * `x-sql-statements`; concurrent requests share it, see audit-writer.ts); the
 * response waits for its commit, and if that write fails the data is withheld
 * (an unaudited read must not happen). Details hold field and type names only, never values.
 */
export function customer360AuditPlugin(): ApolloServerPlugin<HostContext> {
  return {
    async serverWillStart({ schema }) {
      recordCustomerReads(schema);
    },
    async requestDidStart() {
      let reads: CustomerReads = new Map();
      return {
        async executionDidStart(requestContext) {
          openRequestAudit(requestContext.contextValue);
          reads = openCustomerReads(requestContext.contextValue);
          return {
            async executionDidEnd(executionError) {
              // Nothing is sent when execution itself failed; otherwise audit before the response leaves.
              const { contextValue, response } = requestContext;
              const entries = [...takeDeferredAudit(contextValue), ...customer360Entries(reads)];
              if (executionError || entries.length === 0) return;
              try {
                await recordAuditShared(contextValue, entries);
              } catch (e) {
                contextValue.log.error({ err: e }, 'audit write failed; response withheld');
                const err = new GraphQLError(
                  contextValue.lang === 'en' ? `Internal error (request ${contextValue.requestId})` : `服务内部错误（请求编号 ${contextValue.requestId}）`,
                  {
                    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: contextValue.requestId },
                  },
                );
                response.body = { kind: 'single', singleResult: { errors: [err.toJSON()] } };
                response.http.status = 500;
              }
            },
          };
        },
      };
    },
  };
}
