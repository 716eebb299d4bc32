import { and, asc, count, desc, getTableColumns, gt, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { RequestContext } from '../context.js';
import { groupByKey } from '../loaders.js';
import { toConnection, type KeysetPage } from './paginate.js';
import type { ConnectionResult } from './types.js';

/** A child list paged per parent: which table, which parent column, which key, which order. */
export interface ChildListSpec<T extends PgTable> {
  /** Loader name; the page arguments are added to it, so siblings with the same arguments share one batch. */
  name: string;
  table: T;
  /** The column naming the parent: a customer id, a product id, a currency code (the `parentId` a page is for). */
  parent: PgColumn;
  key: PgColumn;
  /** Display order newest first (key descending). */
  newestFirst?: boolean;
  /** Maps a row to the GraphQL node. */
  node?: (row: T['$inferSelect']) => unknown;
  /**
   * For a key column that does not hold the cursor's integer itself (a date paged as the integer yyyymmdd):
   * a row's cursor key, and the column value a cursor key stands for — throwing BAD_USER_INPUT for a key that
   * is not one of ours. Default: the key column is the integer.
   */
  cursorKey?: { of(row: T['$inferSelect']): number; value(key: number, arg: 'after' | 'before'): unknown };
}

/**
 * One page of a parent's children (contacts, complaints, orders, a product's
 * price history…) with the pages of every sibling parent fetched in one
 * statement (`row_number() over (partition by parent)`), and counts in one
 * more, so a list of parents with nested lists costs the same whatever its length.
 */
export async function childPage<T extends PgTable, P extends number | string = number>(
  ctx: Pick<RequestContext, 'loader' | 'db'>,
  spec: ChildListSpec<T>,
  page: KeysetPage,
  parentId: P,
): Promise<ConnectionResult<unknown>> {
  const descending = !!spec.newestFirst !== (page.direction === 'backward');
  // Read back before any statement: a cursor that is not ours is the caller's mistake, not the batch's.
  const bound = (key: number | undefined, arg: 'after' | 'before') => (key === undefined ? undefined : spec.cursorKey ? spec.cursorKey.value(key, arg) : key);
  const after = bound(page.afterKey, 'after');
  const before = bound(page.beforeKey, 'before');
  const lower = spec.newestFirst ? before : after;
  const upper = spec.newestFirst ? after : before;
  const loaderName = `${spec.name}:${page.direction}:${page.afterKey ?? ''}:${page.beforeKey ?? ''}:${page.limit}`;
  const rows = await ctx
    .loader<P, T['$inferSelect'][]>(loaderName, async (parents) => {
      const where: SQL | undefined = and(
        inArray(spec.parent, [...parents]),
        lower !== undefined ? gt(spec.key, lower) : undefined,
        upper !== undefined ? lt(spec.key, upper) : undefined,
      );
      const ranked = ctx.db
        .select({
          ...getTableColumns(spec.table),
          rn: sql<number>`row_number() over (partition by ${spec.parent} order by ${spec.key} ${descending ? sql`desc` : sql`asc`})`.as('rn'),
        })
        .from(spec.table as PgTable)
        .where(where)
        .as('ranked') as unknown as PgTable & { rn: SQL.Aliased<number> };
      // Generic over the table, so drizzle's inferred subquery types are erased here.
      const rankedKey = sql`${sql.identifier('ranked')}.${sql.identifier(spec.key.name)}`;
      const result = (await ctx.db
        .select()
        .from(ranked)
        .where(lte(sql`${sql.identifier('ranked')}.${sql.identifier('rn')}`, page.limit))
        .orderBy(descending ? desc(rankedKey) : asc(rankedKey))) as unknown as (T['$inferSelect'] & { rn: number })[];
      const parentKey = Object.entries(getTableColumns(spec.table)).find(([, c]) => c === spec.parent)![0];
      return groupByKey(parents, result, (r) => (r as Record<string, unknown>)[parentKey] as P);
    })
    .load(parentId);
  const keyName = Object.entries(getTableColumns(spec.table)).find(([, c]) => c === spec.key)![0];
  const keyOf = spec.cursorKey?.of ?? ((r: T['$inferSelect']) => (r as Record<string, unknown>)[keyName] as number);
  return toConnection(
    page,
    rows,
    keyOf,
    () =>
      ctx
        .loader<P, number>(`${spec.name}:count`, async (parents) => {
          const counts = await ctx.db
            .select({ parent: spec.parent, n: count() })
            .from(spec.table as PgTable)
            .where(inArray(spec.parent, [...parents]))
            .groupBy(spec.parent);
          const byParent = new Map(counts.map((c) => [c.parent as P, c.n]));
          return parents.map((p) => byParent.get(p) ?? 0);
        })
        .load(parentId),
    spec.node,
  );
}
