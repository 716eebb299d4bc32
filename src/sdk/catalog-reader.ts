import { and, asc, eq } from 'drizzle-orm';
import { productScope } from '../access/scope.js';
import { products } from '../db/schema/index.js';
import type { RequestContext } from '../graphql/context.js';
import type { ProductRecord } from '../domain/products/product.record.js';

/**
 * The products of a line on sale, as the caller may see them (the host's
 * product scope), by id — read once per request however many customers ask
 * (e.g. a page of customers' loan offers). For plugins whose fields list
 * their own catalog; they never read the core tables themselves.
 */
export function onSaleProductsOfLine(ctx: RequestContext, line: string): Promise<ProductRecord[]> {
  return ctx
    .loader<string, ProductRecord[]>('sdk.onSaleProductsOfLine', async (lines) => {
      const out: ProductRecord[][] = [];
      for (const l of lines) {
        out.push(
          await ctx.db
            .select()
            .from(products)
            .where(and(eq(products.line, l), eq(products.status, 'ON_SALE'), productScope(ctx.principal)))
            .orderBy(asc(products.id)),
        );
      }
      return out;
    })
    .load(line);
}
