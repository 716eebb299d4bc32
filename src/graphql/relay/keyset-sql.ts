import { and, asc, desc, gt, lt, type AnyColumn, type SQL } from 'drizzle-orm';
import type { KeysetPage } from './paginate.js';

/** WHERE and ORDER BY for a keyset page over an integer key column. */
export function keysetClauses(page: KeysetPage, key: AnyColumn, filter?: SQL): { where: SQL | undefined; orderBy: SQL } {
  const where = and(
    filter,
    page.afterKey !== undefined ? gt(key, page.afterKey) : undefined,
    page.beforeKey !== undefined ? lt(key, page.beforeKey) : undefined,
  );
  return { where, orderBy: page.direction === 'forward' ? asc(key) : desc(key) };
}
