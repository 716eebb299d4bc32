import { sql } from 'drizzle-orm';
import type { HostRuntime } from '../app/runtime.js';
import { beijingDay } from '../domain/common/beijing-time.js';
import { closeDay, dayBefore } from '../domain/kpis/day-close.js';

/** Daily closes kept before the demo's yesterday, and month-end closes before those. */
const DAILY_CLOSES = 35;
const MONTH_END_CLOSES = 12;

/**
 * The demo bank's closes (日终), so its KPIs have a past to compare with. The
 * close of the demo's yesterday is real (taken from the seeded books by
 * closeDay). The earlier ones are synthetic, written in one statement from
 * it: the customers who had opened by then, each with its assets drifted back
 * by a deterministic yearly rate between −5 % and +15 % (so books grow), the
 * same manager, tier, lines and cadence.
 */
export async function seedDayCloses(runtime: HostRuntime, now: Date): Promise<void> {
  const yesterday = dayBefore(beijingDay(now));
  await closeDay(runtime, now, yesterday);
  const days: string[] = [];
  let day = yesterday;
  for (let i = 0; i < DAILY_CLOSES; i += 1) days.push((day = dayBefore(day)));
  // The last day of each earlier month: the day before the 1st.
  const [y, m] = yesterday.split('-').map(Number) as [number, number];
  for (let k = 1; k <= MONTH_END_CLOSES; k += 1) {
    const firstOfMonth = new Date(Date.UTC(y, m - k, 1)).toISOString().slice(0, 10);
    const monthEnd = dayBefore(firstOfMonth);
    if (!days.includes(monthEnd) && monthEnd < yesterday) days.push(monthEnd);
  }
  const list = sql.join(
    days.map((d) => sql`${d}::date`),
    sql`, `,
  );
  await runtime.database.db.execute(sql`insert into customer_day_closes
      (day, customer_id, manager_id, branch_id, tier, assets_cny, lines_held, cadence_days, closed_at)
    select d.day, k.customer_id, k.manager_id, k.branch_id, k.tier,
      round(k.assets_cny / (1 + (((k.customer_id * 37) % 21) - 5) / 100.0 * (${yesterday}::date - d.day) / 365.0), 2),
      k.lines_held, k.cadence_days, k.closed_at
    from customer_day_closes k
      join customers c on c.id = k.customer_id
      cross join unnest(array[${list}]) as d(day)
    where k.day = ${yesterday}::date
      -- opened by the end of that Beijing day
      and c.created_at < (d.day + 1)::timestamp at time zone 'UTC' - interval '8 hours'
    on conflict do nothing`);
}
