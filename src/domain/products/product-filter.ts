import { and, eq, ilike, or, type SQL } from 'drizzle-orm';
import { Field, InputType } from 'type-graphql';
import { products } from '../../db/schema/index.js';
import { badInput } from '../../graphql/errors.js';
import { text } from '../../i18n/localized.js';
import { ProductLineValues, ProductRiskEnum, ProductStatusEnum } from '../common/enums.js';

@InputType('ProductFilter', { description: 'Narrows a product list; every criterion given must match (omitted: any).' })
export class ProductFilter {
  @Field(() => ProductLineValues, { nullable: true, description: 'Only this product line.' }) line?: string;
  @Field(() => ProductRiskEnum, { nullable: true, description: 'Only this risk rating.' }) riskRating?: string;
  @Field(() => ProductStatusEnum, { nullable: true, description: 'Only this status (e.g. ON_SALE).' }) status?: string;
  @Field(() => String, { nullable: true, description: 'Only this issuer, exactly as Product.issuer reads.' }) issuer?: string;
  @Field(() => String, { nullable: true, description: 'Code or name (zh/en) contains.' }) search?: string;
}

/** SQL for a product filter. */
export function productFilterSql(f?: ProductFilter | null): SQL | undefined {
  if (!f) return undefined;
  let search: SQL | undefined;
  if (f.search !== undefined && f.search !== null) {
    const s = f.search.trim();
    if (s.length < 1 || s.length > 50) throw badInput(text('搜索词长度须为 1 到 50', 'search must be 1 to 50 characters'), 'search');
    const like = `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    search = or(ilike(products.code, like), ilike(products.nameZh, like), ilike(products.nameEn, like));
  }
  return and(
    f.line ? eq(products.line, f.line) : undefined,
    f.riskRating ? eq(products.riskRating, f.riskRating) : undefined,
    f.status ? eq(products.status, f.status) : undefined,
    f.issuer ? eq(products.issuer, f.issuer) : undefined,
    search,
  );
}
