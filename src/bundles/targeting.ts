import type { customers } from '../db/schema/index.js';
import { incomeBandOf, riskAttitudeOf } from '../domain/customers/classification.js';
import { ageAt, lifeStageOf, tierRank } from '../domain/customers/derived.js';
import { text, type LocalizedText } from '../i18n/localized.js';
import type { SettingsReader } from '../settings/reader.js';

type CustomerRow = typeof customers.$inferSelect;

// Risk attitude and income band are the customer classification's (classification.ts): the Customer fields,
// the customer filter and bundle targeting read the same definitions and settings.

/** One targeting criterion of a bundle, checked against the customer. */
export interface TargetCheck {
  criterion: 'RISK_ATTITUDE' | 'LIFE_STAGE' | 'MINIMUM_TIER' | 'INCOME_BAND';
  matched: boolean;
  message: LocalizedText;
}

export interface BundleTarget {
  targetRiskAttitudes: string[];
  targetLifeStages: string[];
  targetIncomeBands: string[];
  minimumTier: string | null;
}

const ATTITUDE = { CONSERVATIVE: text('保守型', 'conservative'), BALANCED: text('稳健型', 'balanced'), AGGRESSIVE: text('进取型', 'aggressive') } as Record<
  string,
  LocalizedText
>;
const STAGE = { YOUNG: text('青年', 'young'), MIDDLE_AGED: text('中年', 'middle-aged'), SENIOR: text('老年', 'senior') } as Record<string, LocalizedText>;
const BAND = {
  ULTRA_HIGH: text('超高收入', 'ultra-high income'),
  MIDDLE_HIGH: text('中高收入', 'middle-high income'),
  GENERAL: text('一般收入', 'general income'),
} as Record<string, LocalizedText>;
const names = (codes: string[], dict: Record<string, LocalizedText>): LocalizedText =>
  text(codes.map((c) => dict[c]?.['zh-CN'] ?? c).join('/'), codes.map((c) => dict[c]?.en ?? c).join('/'));

/**
 * Checks each criterion the bundle sets (an empty list = no restriction on it).
 * `tier` is the customer's live tier (as the `tier` field shows it: basis and valuation).
 */
export function checkTarget(b: BundleTarget, c: CustomerRow, tier: string, settings: SettingsReader, now: Date): TargetCheck[] {
  const checks: TargetCheck[] = [];
  if (b.targetRiskAttitudes.length > 0) {
    const a = riskAttitudeOf(c.riskLevel);
    const want = names(b.targetRiskAttitudes, ATTITUDE);
    const have = a ? ATTITUDE[a] : text('未评估', 'not assessed');
    checks.push({
      criterion: 'RISK_ATTITUDE',
      matched: a !== null && b.targetRiskAttitudes.includes(a),
      message: text(`面向${want['zh-CN']}客户，客户为${have['zh-CN']}`, `for ${want.en} investors; the customer is ${have.en}`),
    });
  }
  if (b.targetLifeStages.length > 0) {
    const s = lifeStageOf(ageAt(c.birthDate, now), settings);
    const want = names(b.targetLifeStages, STAGE);
    checks.push({
      criterion: 'LIFE_STAGE',
      matched: b.targetLifeStages.includes(s),
      message: text(`面向${want['zh-CN']}客户，客户为${STAGE[s]['zh-CN']}`, `for ${want.en} customers; the customer is ${STAGE[s].en}`),
    });
  }
  if (b.minimumTier) {
    checks.push({
      criterion: 'MINIMUM_TIER',
      matched: tierRank(tier) >= tierRank(b.minimumTier),
      message: text(`最低客户等级 ${b.minimumTier}，客户为 ${tier}`, `minimum tier ${b.minimumTier}; the customer is ${tier}`),
    });
  }
  if (b.targetIncomeBands.length > 0) {
    const band = incomeBandOf(c.householdAnnualIncome, settings);
    const want = names(b.targetIncomeBands, BAND);
    checks.push({
      criterion: 'INCOME_BAND',
      matched: b.targetIncomeBands.includes(band),
      message: text(`面向${want['zh-CN']}客户，客户为${BAND[band]['zh-CN']}`, `for ${want.en} customers; the customer has ${BAND[band].en}`),
    });
  }
  return checks;
}
