import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { HostContext } from '../app/runtime.js';
import { toGlobalId } from '../graphql/relay/global-id.js';
import { recordAuditBatch } from './record.js';

/**
 * Audits every customer-360 read: `customer(id)` and `node(id)` resolving a
 * Customer. Ids are collected while the operation runs and written in one
 * insert before the response leaves; if that write fails the data is withheld
 * (an unaudited 360 read must not happen).
 */
export function customer360AuditPlugin(): ApolloServerPlugin<HostContext> {
  return {
    async requestDidStart() {
      const read = new Map<number, string>();
      return {
        async executionDidStart() {
          return {
            willResolveField({ info }) {
              if (info.parentType.name !== 'Query' || (info.fieldName !== 'customer' && info.fieldName !== 'node')) return;
              return (error, result) => {
                if (error || !result || typeof result !== 'object') return;
                const r = result as { id?: unknown; __typename?: string };
                if (info.fieldName === 'node' && r.__typename !== 'Customer') return;
                if (typeof r.id === 'number' && !read.has(r.id)) read.set(r.id, info.fieldName);
              };
            },
          };
        },
        async willSendResponse({ contextValue, response }) {
          if (read.size === 0) return;
          try {
            await recordAuditBatch(
              contextValue,
              [...read].map(([id, field]) => ({ action: 'CUSTOMER_360_READ', targetType: 'Customer', targetId: toGlobalId('Customer', id), details: { field } })),
            );
          } catch (e) {
            contextValue.log.error({ err: (e as Error).message }, 'audit write failed; response withheld');
            if (response.body.kind === 'single') {
              const err = new GraphQLError(contextValue.lang === 'en' ? `Internal error (request ${contextValue.requestId})` : `服务内部错误（请求编号 ${contextValue.requestId}）`, {
                extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: contextValue.requestId },
              });
              response.body.singleResult = { errors: [err.toJSON()] };
              response.http.status = 500;
            }
          }
        },
      };
    },
  };
}
