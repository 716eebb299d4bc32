import { z } from 'zod';
import { text } from '../../i18n/localized.js';
import type { SettingDefinition } from '../../settings/registry.js';

const money = z.string().regex(/^\d+(\.\d+)?$/);
const rate = z.string().regex(/^0(\.\d+)?$|^1(\.0+)?$/);
const thresholds = z.object({ GOLD: money, PLATINUM: money, DIAMOND: money, PRIVATE_BANKING: money });

export const TIER_BASIS_SETTING = 'core.tierBasis';
export const CONTRIBUTION_THRESHOLDS_SETTING = 'core.tierContributionThresholdsCny';
export const CONTRIBUTION_RATES_SETTING = 'core.contributionRates';
export const NEAR_NEXT_TIER_SETTING = 'core.nearNextTier';
export const SIZE_CLASS_SETTING = 'core.sizeClass';
/** Kept under its original key: banks may already have stored a value for it (bundle targeting used it first). */
export const INCOME_BANDS_SETTING = 'bundles.incomeBandsCny';

export type TierBasis = 'ASSETS' | 'CONTRIBUTION' | 'HIGHER';

/** Fee and interest-margin rates by product line (a line not listed uses `default`). */
export interface ContributionRates {
  feeRateByLine: Record<string, string>;
  marginRateByLine: Record<string, string>;
  /** How far back fee income counts (days; 365 = trailing 12 months). */
  windowDays: number;
}

/** Distance to the next tier's threshold that counts as "near": a share of it, or an amount per measure. */
export type NearNextTier = { share: string } | { assetsCny: string; contributionCny: string };

export interface SizeClassThresholds {
  /** Business volume window (days). */
  windowDays: number;
  LARGE: { assetsCny: string; volumeCny: string };
  MEDIUM: { assetsCny: string; volumeCny: string };
}

/** Household annual income from which a customer is in each band (CNY). */
export interface IncomeBands {
  ULTRA_HIGH: string;
  MIDDLE_HIGH: string;
}

/** Settings of the customer classification beyond activity (size, tier basis, next tier, income bands). */
export const classificationSettings: SettingDefinition[] = [
  {
    key: TIER_BASIS_SETTING,
    description: text(
      '客户等级依据：ASSETS 按资产，CONTRIBUTION 按贡献度，HIGHER 取两者中较高的等级',
      'Tier basis: ASSETS (assets held), CONTRIBUTION (contribution to the bank) or HIGHER (the higher tier of the two)',
    ),
    schema: z.enum(['ASSETS', 'CONTRIBUTION', 'HIGHER']),
    default: 'ASSETS',
  },
  {
    key: CONTRIBUTION_THRESHOLDS_SETTING,
    description: text('客户等级贡献度门槛（近12个月，人民币）', 'Tier contribution thresholds (trailing 12 months, CNY)'),
    schema: thresholds,
    default: { GOLD: '500', PLATINUM: '5000', DIAMOND: '20000', PRIVATE_BANKING: '60000' },
  },
  {
    key: CONTRIBUTION_RATES_SETTING,
    description: text(
      '贡献度估算：各产品线手续费率（按交易金额）与利差率（按持仓市值，年化），default 为未列出的产品线',
      'Contribution estimate: fee rate per line (of order amounts) and annual interest-margin rate per line (of position values); "default" for lines not listed',
    ),
    schema: z.object({
      feeRateByLine: z.record(z.string(), rate).refine((r) => 'default' in r, 'needs a default'),
      marginRateByLine: z.record(z.string(), rate).refine((r) => 'default' in r, 'needs a default'),
      windowDays: z.number().int().min(1).max(3660),
    }),
    default: {
      feeRateByLine: { default: '0.005', FUNDS: '0.012', INSURANCE: '0.02', GOLD: '0.004', FOREX: '0.002', CARDS: '0' },
      marginRateByLine: { default: '0.005', FOREX: '0.01', CARDS: '0.015', GOLD: '0.002' },
      windowDays: 365,
    } satisfies ContributionRates,
  },
  {
    key: NEAR_NEXT_TIER_SETTING,
    description: text(
      '临界客户：距下一等级门槛的距离（门槛的比例 share，或按资产/贡献度的金额）',
      'Near the next tier: distance to the next threshold, as a share of it or as an amount per measure (assets, contribution)',
    ),
    schema: z.union([z.object({ share: rate }).strict(), z.object({ assetsCny: money, contributionCny: money }).strict()]),
    default: { share: '0.1' },
  },
  {
    key: SIZE_CLASS_SETTING,
    description: text(
      '客户规模（大型/中等/小客户）：资产或窗口内业务量达到门槛即归入该类',
      'Size class (large / medium / small): a customer whose assets or business volume in the window reach a class threshold is in that class',
    ),
    schema: z.object({
      windowDays: z.number().int().min(1).max(3660),
      LARGE: z.object({ assetsCny: money, volumeCny: money }),
      MEDIUM: z.object({ assetsCny: money, volumeCny: money }),
    }),
    default: {
      windowDays: 365,
      LARGE: { assetsCny: '2000000', volumeCny: '1000000' },
      MEDIUM: { assetsCny: '200000', volumeCny: '100000' },
    } satisfies SizeClassThresholds,
  },
  {
    key: INCOME_BANDS_SETTING,
    description: text('收入分层门槛（家庭年收入，人民币）', 'Income band thresholds (household annual income, CNY)'),
    schema: z.object({ ULTRA_HIGH: z.string(), MIDDLE_HIGH: z.string() }),
    default: { ULTRA_HIGH: '1000000', MIDDLE_HIGH: '300000' } satisfies IncomeBands,
  },
];
