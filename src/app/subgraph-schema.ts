import { buildSubgraphSchema } from '@apollo/subgraph';
import { isSpecifiedScalarType, Kind, parse, printSchema, type DefinitionNode, type DocumentNode, type GraphQLSchema } from 'graphql';
import { createResolversMap } from 'type-graphql';

/** The Federation 2 version the host's subgraph schema links, and the directives it uses. */
export const FEDERATION_LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])';

/** Reference resolvers by entity type: `{ InsuranceProduct: { __resolveReference(ref, ctx) } }`. */
export type EntityResolvers = Record<string, { __resolveReference(reference: never, context: never): unknown }>;

/**
 * The schema's SDL with the directives type-graphql keeps on each type's AST node (`@Directive('@key(…)')`),
 * which graphql-js's printer leaves out, behind the federation `@link`.
 */
export function subgraphTypeDefs(schema: GraphQLSchema): DocumentNode {
  const printed = parse(printSchema(schema));
  const definitions = printed.definitions.map((d): DefinitionNode => {
    if (d.kind !== Kind.OBJECT_TYPE_DEFINITION && d.kind !== Kind.INTERFACE_TYPE_DEFINITION) return d;
    const directives = schema.getType(d.name.value)?.astNode?.directives ?? [];
    return directives.length ? { ...d, directives: [...(d.directives ?? []), ...directives] } : d;
  });
  return { kind: Kind.DOCUMENT, definitions: [...parse(FEDERATION_LINK).definitions, ...definitions] };
}

/**
 * The same schema as an Apollo Federation 2 subgraph (the pattern of type-graphql's `apollo-federation-2`
 * example): its SDL with the directives, the resolvers it already has (`createResolversMap`, which carries
 * the lean resolvers and the interface type resolvers) and each entity's `__resolveReference`. `_service` and
 * `_entities` are added by `@apollo/subgraph`; every other element keeps its name, type and description.
 */
export function toSubgraphSchema(schema: GraphQLSchema, entities: EntityResolvers): GraphQLSchema {
  const resolvers: Record<string, unknown> = { ...createResolversMap(schema) };
  // Built-in scalars are the subgraph schema's own.
  for (const name of Object.keys(resolvers)) {
    const type = schema.getType(name);
    if (type && isSpecifiedScalarType(type)) delete resolvers[name];
  }
  for (const [type, resolver] of Object.entries(entities)) resolvers[type] = { ...(resolvers[type] as object), ...resolver };
  // The map's shape is @apollo/subgraph's GraphQLResolverMap (not exported from its entry point).
  return buildSubgraphSchema({ typeDefs: subgraphTypeDefs(schema), resolvers: resolvers as never });
}
