import { and, gte, inArray, lt, not, or, sql, type SQL } from 'drizzle-orm';
import { customers } from '../../db/schema/index.js';
import type { SettingsReader } from '../../settings/reader.js';
import { basisMeasures, incomeBands, nearDistance, RISK_LEVELS_BY_ATTITUDE, sizeClassThresholds, tierThresholds, type RiskAttitude } from './classification.js';
import { feeIncomeSql, volumeSql } from './contribution.js';
import { TIERS, type Tier } from './derived.js';

/**
 * The classifications of classification.ts as set-based SQL over `customers`
 * (one condition, never a statement per customer). Assets and the margin are
 * the valuation snapshot (`assets_cny`, `margin_cny`, refreshed by orders,
 * prices and rates: revalue.ts); fee income and business volume are summed
 * from orders here with the same expressions the fields read.
 */

type Measure = 'ASSETS' | 'CONTRIBUTION';

/** A measure's value for the row `customers` (the work queue's NEAR_NEXT_TIER items read it too, for their gap). */
export function measureSql(measure: Measure, settings: SettingsReader, now: Date): SQL {
  return measure === 'ASSETS' ? sql`${customers.assetsCny}` : sql`(${customers.marginCny} + ${feeIncomeSql(settings, now)})`;
}

/** The measure reaches `tier`'s threshold (always true for STANDARD). */
function reaches(measure: Measure, tier: Tier, settings: SettingsReader, now: Date): SQL | undefined {
  if (tier === 'STANDARD') return undefined;
  const threshold = tierThresholds(measure, settings)[tier];
  // Assets compare the column itself, so the tier filter keeps using customers_assets_idx.
  return measure === 'ASSETS' ? gte(customers.assetsCny, threshold) : sql`${measureSql(measure, settings, now)} >= ${threshold}::numeric`;
}

/** Customers of `tier` under core.tierBasis: some basis measure reaches it and none reaches the next. */
export function tierSql(tier: string, settings: SettingsReader, now: Date): SQL {
  const i = TIERS.indexOf(tier as Tier);
  const measures = basisMeasures(settings);
  const next = i < TIERS.length - 1 ? TIERS[i + 1]! : null;
  const reached = measures.map((m) => reaches(m, tier as Tier, settings, now));
  const some = reached.some((r) => r === undefined) ? undefined : or(...reached);
  const none = next ? and(...measures.map((m) => not(reaches(m, next, settings, now)!))) : undefined;
  return and(some, none) ?? sql`true`;
}

/** The customers row's tier under core.tierBasis, as SQL text (the highest tier some basis measure reaches; the live `tier` field's rule). */
export function tierUnderBasisSql(settings: SettingsReader, now: Date): SQL {
  const measures = basisMeasures(settings);
  const whens = (TIERS.slice(1) as Tier[]).reverse().map((tier) => sql`when ${or(...measures.map((m) => reaches(m, tier, settings, now)))} then ${tier}`);
  return sql`(case ${sql.join(whens, sql` `)} else 'STANDARD' end)`;
}

/** Customers within core.nearNextTier of the tier above theirs, on some basis measure (the `nextTier` field's `near`). */
export function nearNextTierSql(settings: SettingsReader, now: Date): SQL {
  const perTier = TIERS.slice(0, -1).map((tier, i) => {
    const next = TIERS[i + 1] as Exclude<Tier, 'STANDARD'>;
    const close = basisMeasures(settings).map((m) => {
      const threshold = tierThresholds(m, settings)[next];
      const from = nearDistance(threshold, m, settings).neg().add(threshold).toFixed();
      return sql`${measureSql(m, settings, now)} >= ${from}::numeric`;
    });
    return and(tierSql(tier, settings, now), or(...close))!;
  });
  return or(...perTier)!;
}

/** Customers of a size class (core.sizeClass): assets (snapshot) or business volume in the window reach its threshold. */
export function sizeClassSql(sizeClass: string, settings: SettingsReader, now: Date): SQL {
  const t = sizeClassThresholds(settings);
  const volume = volumeSql(settings, now);
  const reachesClass = (cls: 'LARGE' | 'MEDIUM') => or(gte(customers.assetsCny, t[cls].assetsCny), sql`${volume} >= ${t[cls].volumeCny}::numeric`)!;
  if (sizeClass === 'LARGE') return reachesClass('LARGE');
  if (sizeClass === 'MEDIUM') return and(not(reachesClass('LARGE')), reachesClass('MEDIUM'))!;
  return and(not(reachesClass('LARGE')), not(reachesClass('MEDIUM')))!;
}

/** Customers of a risk attitude (by the risk level mirrored from the newest assessment; never assessed: none). */
export const riskAttitudeSql = (attitude: string): SQL => inArray(customers.riskLevel, RISK_LEVELS_BY_ATTITUDE[attitude as RiskAttitude] ?? []);

/** Customers of an income band (household annual income, setting bundles.incomeBandsCny). */
export function incomeBandSql(band: string, settings: SettingsReader): SQL {
  const b = incomeBands(settings);
  if (band === 'ULTRA_HIGH') return gte(customers.householdAnnualIncome, b.ULTRA_HIGH);
  if (band === 'MIDDLE_HIGH') return and(gte(customers.householdAnnualIncome, b.MIDDLE_HIGH), lt(customers.householdAnnualIncome, b.ULTRA_HIGH))!;
  return lt(customers.householdAnnualIncome, b.MIDDLE_HIGH);
}
