import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { resultRows } from '../db/result-rows.js';
import { pointsPositions } from './points-position.sql.js';

/** Who books expiries in the ledger. */
export const EXPIRY_ACTOR = 'system:points-expiry';

/**
 * Books, for customers whose rows the caller holds locked, the points past their day as one EXPIRED line
 * each (negative). Called by every movement before it reads a balance, and by the expiry job.
 */
export async function bookDueExpiries(tx: Tx, customerIds: readonly number[], now: Date): Promise<ExpiryRun> {
  if (customerIds.length === 0) return { customers: 0, points: 0 };
  const positions = await pointsPositions(tx, customerIds, now, now);
  const due = [...positions.values()].filter((p) => p.dueToExpire > 0);
  if (due.length === 0) return { customers: 0, points: 0 };
  const rows = JSON.stringify(due.map((p) => ({ customer_id: p.customerId, points: -p.dueToExpire })));
  await tx.execute(sql`insert into points_ledger (customer_id, kind, points, actor, at)
    select e.customer_id, 'EXPIRED', e.points, ${EXPIRY_ACTOR}::text, ${now.toISOString()}::timestamptz
    from json_to_recordset(${rows}::json) as e(customer_id int, points int)`);
  return { customers: due.length, points: due.reduce((n, p) => n + p.dueToExpire, 0) };
}

/** What an expiry run did. */
export interface ExpiryRun {
  customers: number;
  points: number;
}

/**
 * The expiry job (`npm run expire-points`): every customer with points past their day gets an EXPIRED line.
 * Customers are taken a batch at a time, their rows locked as a redemption locks them, so a redemption
 * running meanwhile books the same expiry at most once between them. Re-runnable: a second run finds nothing.
 */
export async function expireDuePoints(db: Db, now: Date, batchSize = 5_000): Promise<ExpiryRun> {
  const run: ExpiryRun = { customers: 0, points: 0 };
  let after = 0;
  for (;;) {
    // Customers that may have points past their day: a positive line whose day has come.
    const ids = resultRows<{ id: number }>(
      await db.execute(sql`select distinct customer_id as id from points_ledger
        where points > 0 and expires_at <= ${now.toISOString()}::timestamptz and customer_id > ${after}
        order by customer_id limit ${batchSize}`),
    ).map((r) => Number(r.id));
    if (ids.length === 0) return run;
    after = ids[ids.length - 1]!;
    await db.transaction(async (tx) => {
      await tx.execute(sql`select id from customers where id = any(${`{${ids.join(',')}}`}::int[]) order by id for update`);
      const booked = await bookDueExpiries(tx, ids, now);
      run.customers += booked.customers;
      run.points += booked.points;
    });
  }
}
