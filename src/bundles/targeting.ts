import { Decimal } from 'decimal.js';
import { z } from 'zod';
import type { customers } from '../db/schema/index.js';
import { ageAt, lifeStageOf, tierOf, tierRank } from '../domain/customers/derived.js';
import { text, type LocalizedText } from '../i18n/localized.js';
import type { SettingDefinition } from '../settings/registry.js';
import type { SettingsReader } from '../suitability/types.js';

type CustomerRow = typeof customers.$inferSelect;

export const INCOME_BANDS_SETTING = 'bundles.incomeBandsCny';

/** Household annual income from which a customer is in each band (CNY). */
export interface IncomeBands {
  ULTRA_HIGH: string;
  MIDDLE_HIGH: string;
}

/** The bundle settings (register with the host's settings to let a bank change them). */
export const bundleSettings: SettingDefinition[] = [
  {
    key: INCOME_BANDS_SETTING,
    description: text('收入分层门槛（家庭年收入，人民币）', 'Income band thresholds (household annual income, CNY)'),
    schema: z.object({ ULTRA_HIGH: z.string(), MIDDLE_HIGH: z.string() }),
    default: { ULTRA_HIGH: '1000000', MIDDLE_HIGH: '300000' } satisfies IncomeBands,
  },
];

function incomeBands(settings: SettingsReader): IncomeBands {
  return settings.get<IncomeBands>(INCOME_BANDS_SETTING);
}

/** CONSERVATIVE (C1–C2), BALANCED (C3), AGGRESSIVE (C4–C5); null when never assessed. */
export function riskAttitudeOf(level: string | null): 'CONSERVATIVE' | 'BALANCED' | 'AGGRESSIVE' | null {
  if (!level) return null;
  const n = Number(level.slice(1));
  return n <= 2 ? 'CONSERVATIVE' : n === 3 ? 'BALANCED' : 'AGGRESSIVE';
}

export function incomeBandOf(householdAnnualIncome: string, settings: SettingsReader): 'ULTRA_HIGH' | 'MIDDLE_HIGH' | 'GENERAL' {
  const b = incomeBands(settings);
  const v = new Decimal(householdAnnualIncome);
  if (v.gte(b.ULTRA_HIGH)) return 'ULTRA_HIGH';
  if (v.gte(b.MIDDLE_HIGH)) return 'MIDDLE_HIGH';
  return 'GENERAL';
}

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

const ATTITUDE = { CONSERVATIVE: text('保守型', 'conservative'), BALANCED: text('稳健型', 'balanced'), AGGRESSIVE: text('进取型', 'aggressive') } as Record<string, LocalizedText>;
const STAGE = { YOUNG: text('青年', 'young'), MIDDLE_AGED: text('中年', 'middle-aged'), SENIOR: text('老年', 'senior') } as Record<string, LocalizedText>;
const BAND = { ULTRA_HIGH: text('超高收入', 'ultra-high income'), MIDDLE_HIGH: text('中高收入', 'middle-high income'), GENERAL: text('一般收入', 'general income') } as Record<string, LocalizedText>;
const names = (codes: string[], dict: Record<string, LocalizedText>): LocalizedText =>
  text(codes.map((c) => dict[c]?.['zh-CN'] ?? c).join('/'), codes.map((c) => dict[c]?.en ?? c).join('/'));

/** Checks each criterion the bundle sets (an empty list = no restriction on it). */
export function checkTarget(b: BundleTarget, c: CustomerRow, settings: SettingsReader, now: Date): TargetCheck[] {
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
    const tier = tierOf(c.assetsCny, settings);
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
