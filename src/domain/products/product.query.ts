import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { Arg, Args, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { HostContext } from '../../graphql/context.js';
import { productScope } from '../../access/scope.js';
import { products } from '../../db/schema/index.js';
import { numericIdOf } from '../../graphql/relay/global-id.js';
import { keysetClauses } from '../../graphql/relay/keyset-sql.js';
import { keysetPage, toConnection } from '../../graphql/relay/paginate.js';
import { ConnectionArgs } from '../../graphql/relay/types.js';
import { ProductLineValues } from '../common/enums.js';
import { ProductConnection } from './product-connection.js';
import { ProductFilter, productFilterSql } from './product-filter.js';
import { Product } from './product.interface.js';
import type { ProductRecord } from './product.record.js';

@ObjectType('ProductLineInfo', { description: 'An installed product-line plugin.' })
export class ProductLineInfo {
  @Field(() => ProductLineValues, { description: 'The line the plugin sells (Product.line).' }) code!: string;
  @Field(() => String, { description: 'Plugin code.' }) plugin!: string;
  @Field(() => String, { description: "产品线名称 / The line's name in the request language." }) name!: string;
  @Field(() => String, { description: "中文名称 / The line's Chinese name." }) nameZh!: string;
  @Field(() => String, { description: "英文名称 / The line's English name." }) nameEn!: string;
  @Field(() => String, { description: "The plugin's semver version." }) version!: string;
  @Field(() => Int, { description: "产品数 / Products of the line in the caller's scope (any status)." }) productCount!: number;
}

/** Looks a product up by global id within the caller's scope. */
export async function findProduct(ctx: HostContext, id: string): Promise<ProductRecord | null> {
  const key = numericIdOf(id, 'Product');
  if (!key) return null;
  const [row] = await ctx.db
    .select()
    .from(products)
    .where(and(eq(products.id, key), productScope(ctx.principal)));
  // A product of a line that is not loaded does not exist for this server.
  return row && ctx.host.pluginByLine.has(row.line) ? row : null;
}

@Resolver()
export class ProductQueryResolver {
  @Query(() => Product, { nullable: true, description: 'A product by id.' })
  product(@Arg('id', () => ID, { description: "The product's global id (Product.id)." }) id: string, @Ctx() ctx: HostContext): Promise<ProductRecord | null> {
    return findProduct(ctx, id);
  }

  @Query(() => ProductConnection, { description: 'Products of the loaded lines, filtered.' })
  async products(
    @Ctx() ctx: HostContext,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => ProductFilter, { nullable: true, description: 'Criteria the products must all meet; omitted: every product in scope.' })
    filter?: ProductFilter,
  ) {
    const page = keysetPage(args, ctx.settings.get('core.pageSize'));
    const lines = [...ctx.host.pluginByLine.keys()];
    const base = and(productScope(ctx.principal), productFilterSql(filter), lineIn(lines));
    const { where, orderBy } = keysetClauses(page, products.id, base);
    const rows = await ctx.db.select().from(products).where(where).orderBy(orderBy).limit(page.limit);
    return toConnection(
      page,
      rows,
      (r) => r.id,
      async () => (await ctx.db.select({ n: count() }).from(products).where(base))[0].n,
    );
  }

  @Query(() => [ProductLineInfo], { description: 'Installed product-line plugins.' })
  async productLines(@Ctx() ctx: HostContext): Promise<ProductLineInfo[]> {
    const counts = await ctx.db.select({ line: products.line, n: count() }).from(products).where(productScope(ctx.principal)).groupBy(products.line);
    const byLine = new Map(counts.map((c) => [c.line, c.n]));
    return ctx.host.plugins.map((p) => ({
      code: p.line,
      plugin: p.code,
      name: p.name[ctx.lang],
      nameZh: p.name['zh-CN'],
      nameEn: p.name.en,
      version: p.version,
      productCount: byLine.get(p.line) ?? 0,
    }));
  }
}

/** Only products of loaded lines exist for this server. */
export const lineIn = (lines: string[]) => (lines.length ? inArray(products.line, lines) : sql`false`);
