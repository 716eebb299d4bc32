import { sql, type SQL } from 'drizzle-orm';
import { resultRows } from '../db/result-rows.js';
import type { Db, Tx } from '../db/client.js';

/** A customer's points as the ledger gives them at a moment. */
export interface PointsPosition {
  customerId: number;
  /** Spendable now: the ledger's sum less points already past their day but not yet booked as EXPIRED. */
  balance: number;
  /** Points lapsing after now and by the look-ahead's end. */
  expiringSoon: number;
  /** Points past their day that no EXPIRED line has taken yet (booked by the next movement or the expiry job). */
  dueToExpire: number;
}

/**
 * Every customer's position in one statement, first in, first out: what a customer spends (redemptions,
 * negative adjustments) and what already expired is taken from the points that lapse first, so the points
 * lapsing by a day T and still unspent are  max(0, lapsing by T − spent − expired).  A reversed earning
 * (its order cancelled in the cooling-off period) leaves the lots with its own order, not the oldest.
 *
 * `where` narrows the ledger lines read (by customer); `now` and `soon` are the two days compared.
 */
export function pointsPositionsSql(where: SQL, now: Date, soon: Date): SQL {
  return sql`select customer_id as "customerId",
      (total - due_now)::int as "balance",
      (due_soon - due_now)::int as "expiringSoon",
      due_now::int as "dueToExpire"
    from (
      select customer_id, total,
        greatest(0, lapsing_now - spent - expired) as due_now,
        greatest(0, lapsing_soon - spent - expired) as due_soon
      from (
        select l.customer_id,
          coalesce(sum(l.points), 0) as total,
          coalesce(sum(-l.points) filter (where l.points < 0 and l.kind in ('REDEEMED', 'ADJUSTED')), 0) as spent,
          coalesce(sum(-l.points) filter (where l.kind = 'EXPIRED'), 0) as expired,
          coalesce(sum(l.points + coalesce(r.points, 0)) filter (where l.points > 0 and l.expires_at <= ${now.toISOString()}::timestamptz), 0) as lapsing_now,
          coalesce(sum(l.points + coalesce(r.points, 0)) filter (where l.points > 0 and l.expires_at <= ${soon.toISOString()}::timestamptz), 0) as lapsing_soon
        from points_ledger l
        left join points_ledger r on l.kind = 'EARNED' and r.kind = 'REVERSED' and r.order_id = l.order_id
        where ${where}
        group by l.customer_id
      ) sums
    ) positions`;
}

/** The positions of some customers (one statement); a customer without ledger lines is absent. */
export async function pointsPositions(db: Db | Tx, customerIds: readonly number[], now: Date, soon: Date): Promise<Map<number, PointsPosition>> {
  for (const id of customerIds) if (!Number.isSafeInteger(id)) throw new TypeError(`not an id: ${String(id)}`);
  const rows = resultRows<PointsPosition>(await db.execute(pointsPositionsSql(sql`l.customer_id = any(${`{${customerIds.join(',')}}`}::int[])`, now, soon)));
  return new Map(
    rows.map((r) => [
      Number(r.customerId),
      { customerId: Number(r.customerId), balance: Number(r.balance), expiringSoon: Number(r.expiringSoon), dueToExpire: Number(r.dueToExpire) },
    ]),
  );
}

/** A customer with no ledger lines has nothing. */
export const noPoints = (customerId: number): PointsPosition => ({ customerId, balance: 0, expiringSoon: 0, dueToExpire: 0 });
