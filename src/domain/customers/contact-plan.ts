import { sql, type SQL } from 'drizzle-orm';
import { customers } from '../../db/schema/index.js';
import type { SettingsReader } from '../../settings/reader.js';
import { activityCaseSql, businessCountSql, lastReachedSql, type Activity } from './activity.js';
import { TIERS, type Tier } from './derived.js';
import { tierByMeasure, tierThresholds } from './classification.js';

const DAY_MS = 86_400_000;

/**
 * Contact plans (客户联系计划): how often a customer should be reached, by tier ×
 * activity (bank setting core.contactCadenceDays), and when the next contact is due:
 * the last time the customer was reached plus the cadence; a customer never reached
 * is due from the day they became a customer. The tier here is the assets tier of
 * the asset snapshot (core.tierThresholdsCny), in TypeScript and in SQL alike, so the
 * field, the `contactDueBefore` filter and the work queue agree on every customer;
 * with core.tierBasis CONTRIBUTION or HIGHER the plan still follows the assets tier.
 */

export type Cadences = Record<Tier, Record<Activity, number>>;

export const cadences = (settings: SettingsReader) => settings.get<Cadences>('core.contactCadenceDays');

export interface ContactPlanValue {
  cadenceDays: number;
  lastReachedAt: Date | null;
  nextDueAt: Date;
  overdue: boolean;
}

/** The plan of a customer from its asset snapshot, activity, last reach and creation time. */
export function contactPlanOf(
  c: { assetsCny: string; createdAt: Date },
  activity: Activity,
  lastReachedAt: Date | null,
  now: Date,
  settings: SettingsReader,
): ContactPlanValue {
  const cadenceDays = cadences(settings)[tierByMeasure(c.assetsCny, 'ASSETS', settings)][activity];
  const nextDueAt = lastReachedAt ? new Date(lastReachedAt.getTime() + cadenceDays * DAY_MS) : c.createdAt;
  return { cadenceDays, lastReachedAt, nextDueAt, overdue: nextDueAt.getTime() < now.getTime() };
}

/** The tier of the customers row, as SQL (the tier filter's thresholds on `assets_cny`). */
export function tierCaseSql(settings: SettingsReader): SQL {
  const t = tierThresholds('ASSETS', settings);
  const whens = (TIERS.slice(1) as Exclude<Tier, 'STANDARD'>[]).reverse().map((tier) => sql`when ${customers.assetsCny} >= ${t[tier]}::numeric then ${tier}`);
  return sql`(case ${sql.join(whens, sql` `)} else 'STANDARD' end)`;
}

/** The cadence in days of the customers row, as SQL, given its business count expression. */
export function cadenceSql(count: SQL, settings: SettingsReader): SQL {
  const c = cadences(settings);
  const tier = tierCaseSql(settings);
  const activity = activityCaseSql(count, settings);
  // Tier, then activity: each CASE names its expression once (not once per tier × activity pair).
  const byTier = TIERS.map((t) => {
    const byActivity = (['FREQUENT', 'OCCASIONAL', 'DORMANT'] as const).map((a) => sql`when ${a} then ${c[t][a]}::int`);
    return sql`when ${t} then (case ${activity} ${sql.join(byActivity, sql` `)} end)`;
  });
  return sql`(case ${tier} ${sql.join(byTier, sql` `)} end)`;
}

/**
 * `expr` evaluated over the customers row's business: `x.n` (count in the window
 * since `since`) and `x.r` (last reached). The FROM sub-query runs its two look-ups
 * once per row, however often `expr` names them.
 */
export function overBusiness(expr: SQL, since: Date): SQL {
  // `offset 0`: without it PostgreSQL flattens the sub-query and copies both look-ups into every place `expr` names them.
  return sql`(select ${expr} from (select ${businessCountSql(sql`${customers.id}`, since)} as n, ${lastReachedSql(sql`${customers.id}`)} as r offset 0) x)`;
}

/** When the customers row's next contact is due, as SQL (timestamptz). */
export function nextDueSql(count: SQL, lastReached: SQL, settings: SettingsReader): SQL {
  return sql`coalesce(${lastReached} + make_interval(days => ${cadenceSql(count, settings)}), ${customers.createdAt})`;
}
