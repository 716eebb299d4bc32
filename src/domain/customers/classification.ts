import { Decimal } from 'decimal.js';
import type { SettingsReader } from '../../settings/reader.js';
import {
  CONTRIBUTION_RATES_SETTING,
  CONTRIBUTION_THRESHOLDS_SETTING,
  INCOME_BANDS_SETTING,
  NEAR_NEXT_TIER_SETTING,
  SIZE_CLASS_SETTING,
  TIER_BASIS_SETTING,
  type ContributionRates,
  type IncomeBands,
  type NearNextTier,
  type SizeClassThresholds,
  type TierBasis,
} from './classification.settings.js';
import { TIERS, type Tier } from './derived.js';

/**
 * The customer classifications the bank uses beyond activity, in one place:
 * the `Customer` fields, the customer filter (customer-filter-classes.ts) and
 * bundle targeting all read these definitions.
 */

export type RiskAttitude = 'CONSERVATIVE' | 'BALANCED' | 'AGGRESSIVE';
export type IncomeBand = 'ULTRA_HIGH' | 'MIDDLE_HIGH' | 'GENERAL';
export type SizeClass = 'LARGE' | 'MEDIUM' | 'SMALL';

/** Risk levels of each attitude (保守 C1–C2, 中庸 C3, 进取 C4–C5). */
export const RISK_LEVELS_BY_ATTITUDE: Record<RiskAttitude, string[]> = {
  CONSERVATIVE: ['C1', 'C2'],
  BALANCED: ['C3'],
  AGGRESSIVE: ['C4', 'C5'],
};

/** CONSERVATIVE (C1–C2), BALANCED (C3), AGGRESSIVE (C4–C5); null when never assessed. */
export function riskAttitudeOf(level: string | null): RiskAttitude | null {
  if (!level) return null;
  return (Object.keys(RISK_LEVELS_BY_ATTITUDE) as RiskAttitude[]).find((a) => RISK_LEVELS_BY_ATTITUDE[a].includes(level)) ?? null;
}

export const incomeBands = (settings: SettingsReader): IncomeBands => settings.get<IncomeBands>(INCOME_BANDS_SETTING);

/** Income band from household annual income (thresholds: setting bundles.incomeBandsCny). */
export function incomeBandOf(householdAnnualIncome: string, settings: SettingsReader): IncomeBand {
  const b = incomeBands(settings);
  const v = new Decimal(householdAnnualIncome);
  if (v.gte(b.ULTRA_HIGH)) return 'ULTRA_HIGH';
  if (v.gte(b.MIDDLE_HIGH)) return 'MIDDLE_HIGH';
  return 'GENERAL';
}

export const sizeClassThresholds = (settings: SettingsReader): SizeClassThresholds => settings.get<SizeClassThresholds>(SIZE_CLASS_SETTING);

/** LARGE / MEDIUM when assets or the window's business volume reach that class's threshold, else SMALL. */
export function sizeClassOf(assetsCny: string, volumeCny: string, settings: SettingsReader): SizeClass {
  const t = sizeClassThresholds(settings);
  for (const cls of ['LARGE', 'MEDIUM'] as const) {
    if (new Decimal(assetsCny).gte(t[cls].assetsCny) || new Decimal(volumeCny).gte(t[cls].volumeCny)) return cls;
  }
  return 'SMALL';
}

export const tierBasis = (settings: SettingsReader): TierBasis => settings.get<TierBasis>(TIER_BASIS_SETTING);
export const contributionRates = (settings: SettingsReader): ContributionRates => settings.get<ContributionRates>(CONTRIBUTION_RATES_SETTING);
export const rateFor = (byLine: Record<string, string>, line: string): string => byLine[line] ?? byLine.default ?? '0';

/** The thresholds of one measure (assets: core.tierThresholdsCny; contribution: core.tierContributionThresholdsCny). */
export function tierThresholds(measure: 'ASSETS' | 'CONTRIBUTION', settings: SettingsReader): Record<Exclude<Tier, 'STANDARD'>, string> {
  return settings.get(measure === 'ASSETS' ? 'core.tierThresholdsCny' : CONTRIBUTION_THRESHOLDS_SETTING);
}

/** The tier one measure reaches. */
export function tierByMeasure(value: string, measure: 'ASSETS' | 'CONTRIBUTION', settings: SettingsReader): Tier {
  const t = tierThresholds(measure, settings);
  const v = new Decimal(value);
  let tier: Tier = 'STANDARD';
  for (const candidate of TIERS.slice(1) as Exclude<Tier, 'STANDARD'>[]) if (v.gte(t[candidate])) tier = candidate;
  return tier;
}

/** What a tier is computed from: assets held and contribution (trailing window), both in CNY. */
export interface TierMeasures {
  assetsCny: string;
  contributionCny: string;
}

/** The measures the setting core.tierBasis reads. */
export const basisMeasures = (settings: SettingsReader): ('ASSETS' | 'CONTRIBUTION')[] => {
  const b = tierBasis(settings);
  return b === 'HIGHER' ? ['ASSETS', 'CONTRIBUTION'] : [b];
};

const valueOf = (m: TierMeasures, measure: 'ASSETS' | 'CONTRIBUTION') => (measure === 'ASSETS' ? m.assetsCny : m.contributionCny);

/** The customer's tier under core.tierBasis: the higher of the measures' tiers (one measure unless HIGHER). */
export function tierFor(m: TierMeasures, settings: SettingsReader): Tier {
  let best = 0;
  for (const measure of basisMeasures(settings)) best = Math.max(best, TIERS.indexOf(tierByMeasure(valueOf(m, measure), measure, settings)));
  return TIERS[best]!;
}

/** How far a value is from a threshold for "near the next tier" (setting core.nearNextTier), in that measure's CNY. */
export function nearDistance(threshold: string, measure: 'ASSETS' | 'CONTRIBUTION', settings: SettingsReader): Decimal {
  const n = settings.get<NearNextTier>(NEAR_NEXT_TIER_SETTING);
  if ('share' in n) return new Decimal(threshold).mul(n.share);
  return new Decimal(measure === 'ASSETS' ? n.assetsCny : n.contributionCny);
}

export interface NextTier {
  tier: Tier;
  /** What is missing, in CNY of `basis`'s measure. */
  gap: string;
  basis: 'ASSETS' | 'CONTRIBUTION';
  /** Within core.nearNextTier of it on some measure. */
  near: boolean;
}

/**
 * The tier above the current one and what is missing to reach it: on the
 * basis's measure; under HIGHER the measure closer to it (smaller share of
 * its threshold still missing). Null at the top tier.
 */
export function nextTierOf(m: TierMeasures, settings: SettingsReader): NextTier | null {
  const current = TIERS.indexOf(tierFor(m, settings));
  if (current === TIERS.length - 1) return null;
  const tier = TIERS[current + 1] as Exclude<Tier, 'STANDARD'>;
  let best: { gap: Decimal; share: Decimal; basis: 'ASSETS' | 'CONTRIBUTION' } | null = null;
  let near = false;
  for (const measure of basisMeasures(settings)) {
    const threshold = tierThresholds(measure, settings)[tier];
    const gap = new Decimal(threshold).sub(valueOf(m, measure));
    // A threshold of 0 is always reached, so `gap` is positive here and the share well defined.
    const share = gap.div(threshold);
    if (gap.lte(nearDistance(threshold, measure, settings))) near = true;
    if (!best || share.lt(best.share)) best = { gap, share, basis: measure };
  }
  return { tier, gap: best!.gap.toFixed(2), basis: best!.basis, near };
}
