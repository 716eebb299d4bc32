import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { HostContext } from '../app/runtime.js';
import { toGlobalId } from '../graphql/relay/global-id.js';
import { recordAuditBatch, type AuditEntry } from './record.js';
import { openRequestAudit, takeDeferredAudit } from './request-audit.js';

/** What one request read of one customer: the Customer fields, and the other customer-owned types reached. */
interface CustomerRead {
  fields: Set<string>;
  via: Set<string>;
}

/**
 * The customer whose data a field reads, from the object it is resolved on:
 * a `Customer` (its id), or any object whose row is keyed by a customer
 * (`customerId`: holdings, orders, contacts, complaints, decision records, and
 * whatever a plugin adds that is keyed the same way). `null` for everything
 * else (products, branches, managers…).
 */
export function customerOf(parentType: string, source: unknown): number | null {
  if (source === null || typeof source !== 'object') return null;
  const s = source as { id?: unknown; customerId?: unknown };
  if (parentType === 'Customer') return typeof s.id === 'number' ? s.id : null;
  return typeof s.customerId === 'number' ? s.customerId : null;
}

/** The audit entries of one request's reads: one per customer, field and type names only. */
export function customer360Entries(reads: Map<number, CustomerRead>): AuditEntry[] {
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
 * {@link customerOf}). Reads are collected while the operation runs and
 * written — with the entries resolvers deferred to the request's audit
 * (identifier searches, see request-audit.ts) — in ONE insert when execution
 * ends (one statement per request, whatever the page size, counted in
 * `x-sql-statements`); if that write fails the data is withheld (an unaudited
 * read must not happen). Details hold field and type names only, never values.
 */
export function customer360AuditPlugin(): ApolloServerPlugin<HostContext> {
  return {
    async requestDidStart() {
      const reads = new Map<number, CustomerRead>();
      return {
        async executionDidStart(requestContext) {
          openRequestAudit(requestContext.contextValue);
          return {
            willResolveField({ source, info }) {
              const parent = info.parentType.name;
              const customerId = customerOf(parent, source);
              if (customerId === null) return;
              let r = reads.get(customerId);
              if (!r) reads.set(customerId, (r = { fields: new Set(), via: new Set() }));
              if (parent === 'Customer') r.fields.add(info.fieldName);
              else r.via.add(parent);
            },
            async executionDidEnd(executionError) {
              // Nothing is sent when execution itself failed; otherwise audit before the response leaves.
              const { contextValue, response } = requestContext;
              const entries = [...takeDeferredAudit(contextValue), ...customer360Entries(reads)];
              if (executionError || entries.length === 0) return;
              try {
                await recordAuditBatch(contextValue, entries);
              } catch (e) {
                contextValue.log.error({ err: e }, 'audit write failed; response withheld');
                const err = new GraphQLError(contextValue.lang === 'en' ? `Internal error (request ${contextValue.requestId})` : `服务内部错误（请求编号 ${contextValue.requestId}）`, {
                  extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: contextValue.requestId },
                });
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
