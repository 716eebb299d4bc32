import { badInput, childPage, text, type KeysetPage, type RequestContext } from '../../../src/sdk/index.js';
import { fundsNavHistory } from '../schema.js';

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
 * One page of a product's NAV history through the host's child-list loader:
 * every product asking for the same page shares ONE statement, and the counts
 * one more when `totalCount` is read.
 */
export const navHistoryPage = (ctx: Pick<RequestContext, 'loader' | 'db'>, page: KeysetPage, productId: number) =>
  childPage(
    ctx,
    {
      name: 'funds.navHistory',
      table: fundsNavHistory,
      parent: fundsNavHistory.productId,
      key: fundsNavHistory.navDate,
      newestFirst: true,
      cursorKey: { of: (r) => dateKey(r.navDate), value: keyDate },
      node: (r) => ({ date: r.navDate, nav: r.nav, accumulatedNav: r.accumulatedNav }),
    },
    page,
    productId,
  );
