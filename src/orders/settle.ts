import { sql } from 'drizzle-orm';
import type { HostRuntime } from '../app/runtime.js';
import { revalueCustomers } from '../domain/holdings/revalue.js';
import { resultRows } from '../db/result-rows.js';

/**
 * Settles every PENDING order whose cooling-off period ended at or before
 * `now`: the order becomes SETTLED (as of the end of its period) and its
 * position ACTIVE, in one statement. Concurrent callers settle each order
 * once: the row lock makes the second re-check `status = 'PENDING'`.
 * Returns the number of orders settled.
 */
export async function settleDueOrders(runtime: HostRuntime, now: Date): Promise<number> {
  const db = runtime.database.db;
  // ISO strings with casts: postgres.js cannot type a bare Date parameter in raw SQL.
  const result = await db.execute<{ customer_id: number }>(sql`
    with due as (
      update orders set status = 'SETTLED', settled_at = cooling_off_ends_at
      where status = 'PENDING' and cooling_off_ends_at <= ${now.toISOString()}::timestamptz
      returning holding_id, customer_id
    ), opened as (
      update holdings set status = 'ACTIVE', updated_at = ${now.toISOString()}::timestamptz
      where id in (select holding_id from due) and status = 'PENDING'
      returning id
    )
    select customer_id from due`);
  const rows = resultRows<{ customer_id: number }>(result);
  if (rows.length > 0) await revalueCustomers(runtime, [...new Set(rows.map((r) => Number(r.customer_id)))]);
  return rows.length;
}
