import { sql, type SQL } from 'drizzle-orm';
import type { HostRuntime } from '../../app/runtime.js';
import { customers } from '../../db/schema/index.js';
import type { SettingsReader } from '../../settings/reader.js';
import { beijingDay } from '../common/beijing-time.js';
import { activitySince } from '../customers/activity.js';
import { cadenceSql, overBusiness } from '../customers/contact-plan.js';
import { tierUnderBasisSql } from '../customers/customer-filter-classes.js';

/**
 * The end-of-day close (日终) of the books: one row per customer with what the
 * KPIs compare between two closes. `bookNowSql` is the one definition of those
 * columns — the close writes it, and a KPI period that has not ended reads it
 * live — so a close and the live figures can never disagree on a definition.
 */

/** Columns of a book row, in the order {@link bookNowSql} selects them. */
export const BOOK_COLUMNS = ['customer_id', 'manager_id', 'branch_id', 'tier', 'assets_cny', 'lines_held', 'cadence_days'] as const;

/**
 * Every customer's book row as it stands at `now` (restricted by `where` on
 * `customers`): manager and branch, tier under core.tierBasis, the asset
 * snapshot, distinct product lines with an open position, and the contact
 * plan's cadence (tier × activity by business, as Customer.contactPlan).
 */
export function bookNowSql(settings: SettingsReader, now: Date, where: SQL = sql`true`): SQL {
  const cadence = overBusiness(cadenceSql(sql`x.n`, settings), activitySince(now, settings));
  return sql`select ${customers.id} as customer_id, ${customers.managerId} as manager_id, ${customers.branchId} as branch_id,
      ${tierUnderBasisSql(settings, now)} as tier, ${customers.assetsCny} as assets_cny,
      coalesce(lh.n, 0)::smallint as lines_held,
      ${cadence} as cadence_days
    from ${customers}
      -- Lines held, aggregated once over the book's open positions: a per-customer sub-query cost 8 s at 200,000 customers, this 2.5 s.
      -- Each line is a bit; the bits set are the distinct lines (a hash aggregate, no sort as count(distinct) needs).
      left join (
        select h.customer_id, length(replace(bit_or(l.bit)::bit(32)::text, '0', '')) as n
        from holdings h join (select p.id, 1 << (dense_rank() over (order by p.line) - 1)::int as bit from products p) l on l.id = h.product_id
        where h.status in ('ACTIVE', 'PENDING') and h.customer_id in (select ${customers.id} from ${customers} where ${where})
        group by h.customer_id
      ) lh on lh.customer_id = ${customers.id}
    where ${where}`;
}

// The SDK publishes the bank's day (`bankDay`) from here; it is defined with the bank's clock.
export { beijingDay };

/** The day before a `YYYY-MM-DD` date. */
export const dayBefore = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * Writes the close of `day` from the books as they stand at `now`, in one
 * statement (re-running it replaces that day's rows). Only today's or
 * yesterday's close may be taken (Beijing dates): the live rows are that state,
 * give or take the hours since midnight a T+1 batch runs in; an older day's
 * state is gone. Returns the rows written.
 */
export async function closeDay(runtime: HostRuntime, now: Date, day = beijingDay(now)): Promise<number> {
  const today = beijingDay(now);
  if (day !== today && day !== dayBefore(today)) throw new Error(`A close can be taken for today (${today}) or yesterday, not ${day}`);
  const cols = sql.raw(BOOK_COLUMNS.join(', '));
  const set = sql.raw(
    BOOK_COLUMNS.slice(1)
      .map((c) => `${c} = excluded.${c}`)
      .join(', '),
  );
  const result = await runtime.database.db.execute(sql`insert into customer_day_closes (day, ${cols}, closed_at)
    select ${day}::date, ${cols}, ${now.toISOString()}::timestamptz from (${bookNowSql(runtime.settings, now)}) b
    on conflict (day, customer_id) do update set ${set}, closed_at = excluded.closed_at`);
  return rowCount(result);
}

/** Rows affected, from either driver's result. */
function rowCount(result: unknown): number {
  const r = result as { count?: number; affectedRows?: number };
  return Number(r.count ?? r.affectedRows ?? 0);
}
