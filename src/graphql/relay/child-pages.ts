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
  parent: PgColumn;
  key: PgColumn;
  /** Display order newest first (key descending). */
  newestFirst?: boolean;
  /** Maps a row to the GraphQL node. */
  node?: (row: T['$inferSelect']) => unknown;
}

/**
 * One page of a parent's children (contacts, complaints, orders…) with the
 * pages of every sibling parent fetched in one statement (`row_number() over
 * (partition by parent)`), and counts in one more, so a list of customers with
 * nested lists costs the same whatever its length.
 */
export async function childPage<T extends PgTable>(
  ctx: Pick<RequestContext, 'loader' | 'db'>,
  spec: ChildListSpec<T>,
  page: KeysetPage,
  parentId: number,
): Promise<ConnectionResult<unknown>> {
  const descending = !!spec.newestFirst !== (page.direction === 'backward');
  const lower = spec.newestFirst ? page.beforeKey : page.afterKey;
  const upper = spec.newestFirst ? page.afterKey : page.beforeKey;
  const loaderName = `${spec.name}:${page.direction}:${page.afterKey ?? ''}:${page.beforeKey ?? ''}:${page.limit}`;
  const rows = await ctx
    .loader<number, T['$inferSelect'][]>(loaderName, async (parents) => {
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
      return groupByKey(parents, result, (r) => (r as Record<string, unknown>)[parentKey] as number);
    })
    .load(parentId);
  const keyName = Object.entries(getTableColumns(spec.table)).find(([, c]) => c === spec.key)![0];
  const keyOf = (r: T['$inferSelect']) => (r as Record<string, unknown>)[keyName] as number;
  return toConnection(
    page,
    rows,
    keyOf,
    () =>
      ctx
        .loader<number, number>(`${spec.name}:count`, async (parents) => {
          const counts = await ctx.db
            .select({ parent: spec.parent, n: count() })
            .from(spec.table as PgTable)
            .where(inArray(spec.parent, [...parents]))
            .groupBy(spec.parent);
          const byParent = new Map(counts.map((c) => [c.parent as number, c.n]));
          return parents.map((p) => byParent.get(p) ?? 0);
        })
        .load(parentId),
    spec.node,
  );
}
