import { and, eq, inArray } from 'drizzle-orm';
import { productScope } from '../access/scope.js';
import { products } from '../db/schema/index.js';
import type { ProductRecord } from '../domain/products/product.record.js';
import type { HostContext } from '../graphql/context.js';
import type { RemoteLine } from './remote-line.js';

/** A reference the gateway sends for a remote line's product: its `@key`. */
interface ProductReference {
  code?: unknown;
}

/** The bank's listing of a remote line's products by code, in the caller's scope: one statement per request and line. */
function productByCode(ctx: HostContext, line: string, code: string): Promise<ProductRecord | null> {
  return ctx
    .loader<string, ProductRecord | null>(`remote-line.products.${line}`, async (codes) => {
      const rows = await ctx.db
        .select()
        .from(products)
        .where(and(inArray(products.code, [...codes]), eq(products.line, line), productScope(ctx.principal)));
      const byCode = new Map(rows.map((r) => [r.code, r]));
      return codes.map((c) => byCode.get(c) ?? null);
    })
    .load(code);
}

/**
 * `__resolveReference` of each remote line's product type, for the subgraph schema: the gateway hands the host
 * `{ __typename, code }` and gets the bank's catalogue row (or null: unknown, another line, out of scope).
 */
export function remoteEntityResolvers(
  lines: readonly RemoteLine[],
): Record<string, { __resolveReference(ref: ProductReference, ctx: HostContext): Promise<ProductRecord | null> | null }> {
  return Object.fromEntries(
    lines.map((l) => [
      l.typeName,
      {
        __resolveReference: (ref: ProductReference, ctx: HostContext) =>
          typeof ref.code === 'string' && ref.code.length > 0 && ref.code.length <= 100 ? productByCode(ctx, l.line, ref.code) : null,
      },
    ]),
  );
}
