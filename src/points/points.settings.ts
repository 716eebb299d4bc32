import { z } from 'zod';
import { TIERS, type Tier } from '../domain/customers/derived.js';
import { text, type LocalizedText } from '../i18n/localized.js';
import type { SettingDefinition } from '../settings/registry.js';
import type { SettingsReader } from '../settings/reader.js';

/** One thing points buy (a fee discount, a service), as the redemption catalogue lists it. */
export interface PointsRedemptionItem {
  /** What it costs, in points. */
  points: number;
  label: LocalizedText;
}

/** `core.points`: how customers earn, keep and spend points (客户积分). */
export interface PointsSetting {
  /** Points per 100 CNY bought, by product line; a line not listed earns none. */
  perHundredCnyByLine: Record<string, number>;
  /** The customer's tier multiplies what a purchase earns. */
  tierMultipliers: Record<Tier, number>;
  /** Days points earned (or granted) stay valid. */
  validityDays: number;
  /** `Customer.points.expiringSoon` counts points lapsing within this many days. */
  expiringSoonDays: number;
  /** What points buy, by item code. */
  redemptions: Record<string, PointsRedemptionItem>;
}

export const POINTS_SETTING = 'core.points';

const factor = z.number().min(0).max(100);
const label = z.object({ 'zh-CN': z.string().min(1).max(100), en: z.string().min(1).max(100) });

export const pointsSetting: SettingDefinition<PointsSetting> = {
  key: POINTS_SETTING,
  description: text(
    '客户积分：各业务条线每 100 元购买金额所得积分、客户等级倍数、积分有效期（天）、即将到期的提示天数、积分兑换目录（手续费减免、服务）',
    'Customer points: points per CNY 100 bought by product line, tier multipliers, validity (days), the look-ahead for points expiring soon, and the redemption catalogue (fee discounts, services)',
  ),
  schema: z.object({
    perHundredCnyByLine: z.record(z.string().regex(/^[A-Z][A-Z_]*$/), factor),
    tierMultipliers: z.object(Object.fromEntries(TIERS.map((t) => [t, factor])) as Record<Tier, typeof factor>),
    validityDays: z.number().int().min(1).max(3660),
    expiringSoonDays: z.number().int().min(1).max(366),
    redemptions: z.record(z.string().regex(/^[A-Z][A-Z0-9_]{1,39}$/), z.object({ points: z.number().int().min(1), label })),
  }),
  default: {
    perHundredCnyByLine: { FUNDS: 1, INSURANCE: 2, GOLD: 1, FOREX: 0.5, CARDS: 0, LOANS: 0 },
    tierMultipliers: { STANDARD: 1, GOLD: 1.2, PLATINUM: 1.5, DIAMOND: 2, PRIVATE_BANKING: 3 },
    validityDays: 730,
    expiringSoonDays: 60,
    redemptions: {
      TRANSFER_FEE_WAIVER: { points: 200, label: text('跨行转账手续费减免一次', 'One interbank transfer fee waived') },
      CARD_ANNUAL_FEE_WAIVER: { points: 2000, label: text('信用卡年费减免一年', 'One year of credit card annual fee waived') },
      SAFE_DEPOSIT_DISCOUNT: { points: 5000, label: text('保管箱租金八折一年', 'Safe deposit box rent 20 % off for a year') },
      AIRPORT_LOUNGE: { points: 3000, label: text('机场贵宾厅一次', 'One airport lounge visit') },
      HEALTH_CHECK: { points: 8000, label: text('体检服务一次', 'One health check') },
    },
  },
};

export const pointsConfig = (settings: SettingsReader): PointsSetting => settings.get<PointsSetting>(POINTS_SETTING);
