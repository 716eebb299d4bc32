import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { bookDueExpiries } from './expire.js';
import { noPoints, pointsPositions, type PointsPosition } from './points-position.sql.js';

/**
 * Locks the customer row (as orders do: every movement of one customer's points runs one at a time, so two
 * redemptions can never both spend the same points), books what is past its day, and returns the position
 * the movement may spend from.
 */
export async function lockPointsPosition(tx: Tx, customerId: number, now: Date): Promise<PointsPosition> {
  await tx.execute(sql`select id from customers where id = ${customerId} for update`);
  await bookDueExpiries(tx, [customerId], now);
  return (await pointsPositions(tx, [customerId], now, now)).get(customerId) ?? noPoints(customerId);
}
