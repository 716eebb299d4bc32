import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, visit, BREAK, type DocumentNode } from 'graphql';
import type { HostContext } from '../graphql/context.js';
import type { Principal } from '../auth/principal.js';

/**
 * True when the document asks for the schema (`__schema` or `__type`, or `_service`, a federation subgraph's SDL
 * under FEDERATION_SUBGRAPH; `__typename` is ordinary).
 */
export function asksForSchema(doc: DocumentNode): boolean {
  let found = false;
  visit(doc, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type' || node.name.value === '_service') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/**
 * Who may introspect. Outside production everyone authenticated may (tools,
 * codegen); in production only the bank's staff — never a PARTNER, who gets
 * the published SDL instead of a live map of every internal field.
 */
export const mayIntrospect = (principal: Principal, production: boolean): boolean => !production || principal.role !== 'PARTNER';

/**
 * Refuses introspection by callers {@link mayIntrospect} turns away, with the
 * same answer as a server with introspection off (400, GRAPHQL_VALIDATION_FAILED).
 * A plugin, not a validation rule: the decision needs the caller.
 */
export function introspectionPolicyPlugin(production: boolean): ApolloServerPlugin<HostContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document }) {
          if (mayIntrospect(contextValue.principal, production) || !asksForSchema(document)) return;
          throw new GraphQLError(
            contextValue.lang === 'en' ? 'GraphQL introspection is not allowed for this caller' : '当前调用方不允许内省查询（introspection）',
            { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } },
          );
        },
      };
    },
  };
}
