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

@ObjectType('PageInfo', { description: 'Relay page information: where this page sits in the whole list, and the cursors to page on from it.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'More items follow the last one of this page: pass endCursor as `after` to read them (paging forward with `first`).' })
  hasNextPage!: boolean;
  @Field(() => Boolean, {
    description: 'More items precede the first one of this page: pass startCursor as `before` to read them (paging backward with `last`).',
  })
  hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true, description: 'Cursor of the first edge of the page; null when the page is empty.' }) startCursor!: string | null;
  @Field(() => String, { nullable: true, description: 'Cursor of the last edge of the page; null when the page is empty.' }) endCursor!: string | null;
}

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: 'Items after `after` (default 20, max 100).' })
  first?: number | null;
  @Field(() => String, {
    nullable: true,
    description: "Opaque cursor (an edge's `cursor` or PageInfo.endCursor): start after that item. Cursors belong to the list and ordering they came from.",
  })
  after?: string | null;
  @Field(() => Int, { nullable: true, description: 'Items before `before` (max 100).' })
  last?: number | null;
  @Field(() => String, {
    nullable: true,
    description: "Opaque cursor (an edge's `cursor` or PageInfo.startCursor): end before that item, to page backward with `last`.",
  })
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
  @ObjectType(`${name}Edge`, { description: `One ${name} of a page, with its cursor.` })
  class Edge {
    @Field(() => String, { description: 'Opaque cursor of this item: pass it as `after` (or `before`) to page on from here.' }) cursor!: string;
    @Field(nodeType as () => ClassType<T>, { description: `The ${name} itself.` }) node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} objects (Relay connection: page with first/after or last/before).` })
  class Connection {
    @Field(() => [Edge], { description: "The items of this page, in the list's order." }) edges!: Edge[];
    @Field(() => PageInfo, { description: 'Whether more items precede or follow this page, and the cursors to page on.' }) pageInfo!: PageInfo;
    @Field(() => Int, { description: 'Total matching items (counted only when asked for).' })
    totalCount!: number;
  }
  return { Connection, Edge };
}
