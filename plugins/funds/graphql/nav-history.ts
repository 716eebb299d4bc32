import { and, count, gt, inArray, lt, lte, sql } from 'drizzle-orm';
import { badInput, text, type Db, type keysetPage } from '../../../src/sdk/index.js';
import { fundsNavHistory as h } from '../schema.js';

/** A validated page request (what the SDK's `keysetPage` returns). */
export type NavPage = ReturnType<typeof keysetPage>;

/** One NAV row as the connection pages it. */
export interface NavRow {
  navDate: string;
  nav: string;
  accumulatedNav: string;
}

/**
 * NAV history pages newest first, keyed by the valuation date written as the
 * integer yyyymmdd (unique per product, and stable when older NAVs are
 * back-filled, unlike a row id). "After" a cursor therefore means older.
 */
export const dateKey = (isoDate: string): number => Number(isoDate.replaceAll('-', ''));

/** The date of a cursor key; `BAD_USER_INPUT` when the key is not one of ours. */
export function keyDate(key: number, arg: string): string {
  const s = String(key);
  const iso = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
  const d = new Date(`${iso}T00:00:00Z`);
  if (s.length !== 8 || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) {
    throw badInput(text(`分页游标 ${arg} 无效`, `Cursor "${arg}" is not valid`), arg);
  }
  return iso;
}

/**
 * The same page of NAV history for many products in ONE statement: rows are
 * ranked per product in the page's direction and cut at the page limit, so the
 * cost does not grow with the number of products on the page.
 *
 * @returns rows per product id, in the page's direction (newest first when going forward)
 */
export async function loadNavPages(db: Db, productIds: readonly number[], page: NavPage): Promise<Map<number, NavRow[]>> {
  const forward = page.direction === 'forward';
  const ranked = db
    .select({
      productId: h.productId,
      navDate: h.navDate,
      nav: h.nav,
      accumulatedNav: h.accumulatedNav,
      rank: sql<number>`row_number() over (partition by ${h.productId} order by ${h.navDate} ${forward ? sql`desc` : sql`asc`})`.as('rank'),
    })
    .from(h)
    .where(
      and(
        inArray(h.productId, [...productIds]),
        page.afterKey !== undefined ? lt(h.navDate, keyDate(page.afterKey, 'after')) : undefined,
        page.beforeKey !== undefined ? gt(h.navDate, keyDate(page.beforeKey, 'before')) : undefined,
      ),
    )
    .as('ranked');
  const rows = await db
    .select({ productId: ranked.productId, navDate: ranked.navDate, nav: ranked.nav, accumulatedNav: ranked.accumulatedNav })
    .from(ranked)
    .where(lte(ranked.rank, page.limit))
    .orderBy(ranked.productId, ranked.rank);
  const out = new Map<number, NavRow[]>();
  for (const { productId, ...row } of rows) {
    const list = out.get(productId);
    if (list) list.push(row);
    else out.set(productId, [row]);
  }
  return out;
}

/** NAV counts for many products in one statement. */
export async function countNavs(db: Db, productIds: readonly number[]): Promise<Map<number, number>> {
  const rows = await db
    .select({ productId: h.productId, n: count() })
    .from(h)
    .where(inArray(h.productId, [...productIds]))
    .groupBy(h.productId);
  return new Map(rows.map((r) => [r.productId, Number(r.n)]));
}
