import { sql, type SQL } from 'drizzle-orm';
import { contacts, orders } from '../../db/schema/index.js';
import type { SettingsReader } from '../../settings/reader.js';

const DAY_MS = 86_400_000;

/**
 * Activity by frequency of business (经常联系户 / 流动户 / 休眠户: "以其发生业务的频率为定性评价指标").
 * Business is counted, not merely dated: orders that were not cancelled, and contacts
 * that reached the customer, within a rolling window. A call nobody answered is no
 * business — it must not make a dormant customer active.
 */

/** Contact outcomes in which the customer was reached (NO_ANSWER and DECLINED are not). */
export const REACHED_OUTCOMES = ['REACHED', 'FOLLOW_UP'] as const;

export const reachedOutcome = (outcome: string): boolean => (REACHED_OUTCOMES as readonly string[]).includes(outcome);

export type Activity = 'FREQUENT' | 'OCCASIONAL' | 'DORMANT';

export interface ActivitySetting {
  windowDays: number;
  frequentFrom: number;
  occasionalFrom: number;
}

export const activitySetting = (settings: SettingsReader) => settings.get<ActivitySetting>('core.activityByBusiness');

/** Start of the rolling window (inclusive): business at or after it counts. */
export function activitySince(now: Date, settings: SettingsReader): Date {
  return new Date(now.getTime() - activitySetting(settings).windowDays * DAY_MS);
}

/** FREQUENT from `frequentFrom` pieces of business in the window, OCCASIONAL from `occasionalFrom`, else DORMANT. */
export function activityOfCount(count: number, settings: SettingsReader): Activity {
  const s = activitySetting(settings);
  if (count >= s.frequentFrom) return 'FREQUENT';
  if (count >= s.occasionalFrom) return 'OCCASIONAL';
  return 'DORMANT';
}

const reachedList = sql.raw(REACHED_OUTCOMES.map((o) => `'${o}'`).join(', '));

/** Condition on a contacts row aliased `k`: the customer was reached. */
export const reachedSql = (alias: string): SQL => sql`${sql.identifier(alias)}.outcome in (${reachedList})`;

/**
 * Pieces of business of the customer whose id is `customerId` since `since`, as one
 * correlated expression (index range scans on orders and contacts by customer and time).
 */
export function businessCountSql(customerId: SQL, since: Date): SQL {
  const at = since.toISOString();
  return sql`((select count(*) from ${orders} o where o.customer_id = ${customerId} and o.status <> 'CANCELLED' and o.placed_at >= ${at}::timestamptz)
    + (select count(*) from ${contacts} k where k.customer_id = ${customerId} and ${reachedSql('k')} and k.occurred_at >= ${at}::timestamptz))::int`;
}

/** When the customer whose id is `customerId` was last reached by a contact (null: never). */
export function lastReachedSql(customerId: SQL): SQL {
  return sql`(select max(k.occurred_at) from ${contacts} k where k.customer_id = ${customerId} and ${reachedSql('k')})`;
}

/** The activity class of a count expression, for filters: the same thresholds as {@link activityOfCount}. */
export function activityCaseSql(count: SQL, settings: SettingsReader): SQL {
  const s = activitySetting(settings);
  return sql`(case when ${count} >= ${s.frequentFrom} then 'FREQUENT' when ${count} >= ${s.occasionalFrom} then 'OCCASIONAL' else 'DORMANT' end)`;
}
