import { ArgsType, Field, ID, Int, InterfaceType, ObjectType, type ClassType } from 'type-graphql';

/** Relay's Node: every object with a global id. */
@InterfaceType('Node', {
  description: 'An object with a global, opaque id.',
  autoRegisterImplementations: false,
  // `node(id)` tags what it returns with the concrete type name.
  resolveType: (value: { __typename?: string }) => value.__typename,
})
export abstract class Node {
  @Field(() => ID, { description: 'Opaque global id.' })
  id!: string;
}

@ObjectType('PageInfo', { description: 'Relay page information.' })
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => Boolean) hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: 'Items after `after` (default 20, max 100).' })
  first?: number | null;
  @Field(() => String, { nullable: true })
  after?: string | null;
  @Field(() => Int, { nullable: true, description: 'Items before `before` (max 100).' })
  last?: number | null;
  @Field(() => String, { nullable: true })
  before?: string | null;
}

/** The shape a connection resolver returns; `totalCount` is a getter that queries only when read. */
export interface ConnectionResult<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  readonly totalCount: Promise<number> | number;
}

/**
 * Makes `XxxConnection` and `XxxEdge` types for a node type. One call per node
 * type (type-graphql needs distinct classes).
 */
export function connectionTypes<T extends object>(name: string, nodeType: () => ClassType<T> | Function) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String) cursor!: string;
    @Field(nodeType as () => ClassType<T>) node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} objects.` })
  class Connection {
    @Field(() => [Edge]) edges!: Edge[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
    @Field(() => Int, { description: 'Total matching items (counted only when asked for).' })
    totalCount!: number;
  }
  return { Connection, Edge };
}
