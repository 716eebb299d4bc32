import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { tierUnderBasisSql } from '../domain/customers/customer-filter-classes.js';
import { TIERS } from '../domain/customers/derived.js';
import type { SettingsReader } from '../settings/reader.js';
import { pointsConfig } from './points.settings.js';

const DAY_MS = 86_400_000;

/** The order a purchase earns points for, as the order's transaction knows it. */
export interface EarningOrder {
  id: number;
  customerId: number;
  line: string;
  /** The amount charged, in `currency`. */
  amount: string;
  currency: string;
}

/**
 * Books what a purchase earns, in the order's own transaction (one statement): ⌊amount in CNY ÷ 100 ×
 * the line's rate × the tier's multiplier⌋, the tier being the customer's before this order, the CNY
 * amount at the reference rate (no rate, no points). Lines at 0 and tiny amounts earn nothing and write
 * nothing. The points lapse after core.points.validityDays. Settings arrive as bound numerics: the
 * arithmetic is exact (numeric), never a float.
 */
export async function earnPointsForOrder(
  tx: Tx,
  settings: SettingsReader,
  order: EarningOrder,
  actor: string,
  requestId: string | null,
  now: Date,
): Promise<void> {
  const cfg = pointsConfig(settings);
  const rate = cfg.perHundredCnyByLine[order.line] ?? 0;
  if (rate <= 0) return;
  const multiplier = sql`(case t.tier ${sql.join(
    TIERS.map((tier) => sql`when ${tier} then ${String(cfg.tierMultipliers[tier])}::numeric`),
    sql` `,
  )} end)`;
  const expiresAt = new Date(now.getTime() + cfg.validityDays * DAY_MS).toISOString();
  await tx.execute(sql`insert into points_ledger (customer_id, kind, points, expires_at, order_id, line, actor, request_id, at)
    select e.customer_id, 'EARNED', e.points, ${expiresAt}::timestamptz, ${order.id}::int, ${order.line}::text, ${actor}::text, ${requestId}::text, ${now.toISOString()}::timestamptz
    from (
      select customers.id as customer_id,
        floor(${order.amount}::numeric * coalesce(r.rate_to_cny, case when ${order.currency}::text = 'CNY' then 1 end) / 100 * ${String(rate)}::numeric * ${multiplier})::int as points
      from customers
      left join exchange_rates r on r.currency = ${order.currency}::text
      cross join lateral (select ${tierUnderBasisSql(settings, now)} as tier) t
      where customers.id = ${order.customerId}::int
    ) e
    where e.points > 0`);
}

/**
 * Takes back what an order earned when it is cancelled in its cooling-off period, in the cancel's
 * transaction: a REVERSED line of the same size (once: a second cancel finds the line there). The balance
 * may go below zero when the points were already spent; later earnings make it good, and nothing can be
 * redeemed meanwhile.
 */
export async function reversePointsForOrder(tx: Tx, orderId: number, actor: string, requestId: string | null, now: Date): Promise<void> {
  await tx.execute(sql`insert into points_ledger (customer_id, kind, points, order_id, line, actor, request_id, at)
    select customer_id, 'REVERSED', -points, order_id, line, ${actor}::text, ${requestId}::text, ${now.toISOString()}::timestamptz
    from points_ledger where order_id = ${orderId}::int and kind = 'EARNED'
    on conflict do nothing`);
}
