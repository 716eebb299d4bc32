import { sql } from 'drizzle-orm';
import type { HostRuntime } from '../app/runtime.js';
import { resultRows } from '../db/result-rows.js';
import { tierUnderBasisSql } from '../domain/customers/customer-filter-classes.js';
import { TIERS } from '../domain/customers/derived.js';
import { pointsConfig } from '../points/points.settings.js';
import { expireDuePoints } from '../points/expire.js';
import { pointsPositions } from '../points/points-position.sql.js';

const DAY = 86_400_000;
const SEED_ACTOR = 'system:seed';

/**
 * The demo's points: what every position of the seeded books earned when it was bought (as placeOrder books
 * it, the tier as of the demo day), the lapses of points older than the validity, a fee waiver redeemed by every
 * fifth customer who can afford one, and a goodwill grant for each customer with a complaint. Four statements
 * and the expiry job; deterministic.
 */
export async function seedPoints(runtime: HostRuntime, now: Date): Promise<void> {
  const db = runtime.database.db;
  const cfg = pointsConfig(runtime.settings);
  const rates = sql.join(
    Object.entries(cfg.perHundredCnyByLine).map(([line, r]) => sql`when ${line} then ${String(r)}::numeric`),
    sql` `,
  );
  const multiplier = sql.join(
    TIERS.map((t) => sql`when ${t} then ${String(cfg.tierMultipliers[t])}::numeric`),
    sql` `,
  );
  // The seeded books hold positions opened over the past years (no orders): each earned when it was bought.
  await db.execute(sql`insert into points_ledger (customer_id, kind, points, expires_at, line, actor, at)
    select * from (
      select h.customer_id, 'EARNED', floor(h.cost_amount * coalesce(r.rate_to_cny, case when h.cost_currency = 'CNY' then 1 end) / 100
          * (case p.line ${rates} else 0 end) * (case t.tier ${multiplier} end))::int as points,
        h.opened_at + make_interval(days => ${cfg.validityDays}), p.line, ${SEED_ACTOR}::text, h.opened_at
      from holdings h
      join products p on p.id = h.product_id
      join customers on customers.id = h.customer_id
      left join exchange_rates r on r.currency = h.cost_currency
      cross join lateral (select ${tierUnderBasisSql(runtime.settings, now)} as tier) t
      where h.opened_at <= ${now.toISOString()}::timestamptz
    ) e where e.points > 0`);
  await expireDuePoints(db, now);
  const waiver = Object.entries(cfg.redemptions).sort((a, b) => a[1].points - b[1].points)[0];
  if (waiver) {
    const ids = resultRows<{ id: number }>(await db.execute(sql`select distinct customer_id as id from points_ledger order by 1`)).map((r) => Number(r.id));
    const positions = await pointsPositions(db, ids, now, now);
    const redeemers = ids.filter((id, i) => i % 5 === 0 && (positions.get(id)?.balance ?? 0) >= waiver[1].points);
    if (redeemers.length > 0) {
      await db.execute(sql`insert into points_ledger (customer_id, kind, points, item, actor, idempotency_key, at)
        select id, 'REDEEMED', ${-waiver[1].points}::int, ${waiver[0]}::text, ${SEED_ACTOR}::text, 'seed-' || id, ${new Date(now.getTime() - 3 * DAY).toISOString()}::timestamptz
        from unnest(${`{${redeemers.join(',')}}`}::int[]) as id`);
    }
  }
  await db.execute(sql`insert into points_ledger (customer_id, kind, points, expires_at, reason, actor, at)
    select distinct customer_id, 'ADJUSTED', 500, ${new Date(now.getTime() + cfg.validityDays * DAY).toISOString()}::timestamptz, '投诉处理补偿积分 / goodwill after a complaint', ${SEED_ACTOR}::text, ${new Date(now.getTime() - DAY).toISOString()}::timestamptz
    from complaints`);
}
