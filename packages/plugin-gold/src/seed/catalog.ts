import { levelNumber, type NewProduct, type SeedContext } from '@finmart/sdk';
import { isAccountGold, type GoldTypeCode } from '../domain.js';
import { SETTING_REQUIRED_LEVEL } from '../settings.js';

const DAY = 86_400_000;

/** A demo gold product: core fields the seed derives, plus the line's own. */
export interface GoldProductDef {
  code: string;
  nameZh: string;
  nameEn: string;
  issuer: string;
  goldType: GoldTypeCode;
  purity: string;
  barWeightGrams: string | null;
  /** CNY per gram above the account-gold price (brand, fabrication, size). */
  premiumPerGram: number;
  status?: 'DRAFT' | 'ON_SALE' | 'SUSPENDED' | 'CLOSED';
  /** Days from the seed's `now` (negative = past). */
  saleStartDays?: number;
  saleEndDays?: number;
}

const BANK = 'FinMart Bank';

interface BarLine {
  prefix: string;
  brandZh: string;
  brandEn: string;
  issuer: string;
  premium: number;
  weights: number[];
  suspended?: number[];
}

const BAR_LINES: BarLine[] = [
  {
    prefix: 'GOLD-CNG',
    brandZh: '中国黄金投资金条',
    brandEn: 'China Gold investment bar',
    issuer: '中国黄金集团 China National Gold Group',
    premium: 14,
    weights: [10, 20, 50, 100, 200, 500, 1000],
  },
  {
    prefix: 'GOLD-ICBC-RUYI',
    brandZh: '工商银行如意金条',
    brandEn: 'ICBC Ruyi gold bar',
    issuer: '中国工商银行 ICBC',
    premium: 17,
    weights: [10, 20, 50, 100, 200],
  },
  {
    prefix: 'GOLD-CCB-LONGDING',
    brandZh: '建设银行龙鼎金条',
    brandEn: 'CCB Longding gold bar',
    issuer: '中国建设银行 CCB',
    premium: 16,
    weights: [10, 50, 100, 500, 1000],
    suspended: [1000],
  },
];

/** Smaller bars carry more fabrication cost per gram. */
const sizePremium = (grams: number): number => (grams <= 10 ? 6 : grams <= 20 ? 4 : grams <= 50 ? 2 : grams <= 100 ? 1 : 0);

const bars: GoldProductDef[] = BAR_LINES.flatMap((line) =>
  line.weights.map((w) => ({
    code: `${line.prefix}-${w}G`,
    nameZh: `${line.brandZh} ${w}克`,
    nameEn: `${line.brandEn} ${w} g`,
    issuer: line.issuer,
    goldType: 'PHYSICAL_BAR' as const,
    purity: 'Au99.99',
    barWeightGrams: String(w),
    premiumPerGram: line.premium + sizePremium(w),
    status: line.suspended?.includes(w) ? ('SUSPENDED' as const) : ('ON_SALE' as const),
  })),
);

/** The demo catalog: 17 bars, a draft zodiac bar, account gold and savings plans. */
export const GOLD_CATALOG: GoldProductDef[] = [
  ...bars,
  {
    code: 'GOLD-CNG-ZODIAC2027-20G',
    nameZh: '中国黄金 2027 丁未羊年生肖金条 20克',
    nameEn: 'China Gold 2027 Year of the Goat bar 20 g',
    issuer: '中国黄金集团 China National Gold Group',
    goldType: 'PHYSICAL_BAR',
    purity: 'Au99.99',
    barWeightGrams: '20',
    premiumPerGram: 58,
    status: 'DRAFT',
    saleStartDays: 22,
  },
  {
    code: 'GOLD-ACCOUNT-CNY',
    nameZh: '如意积存金（人民币）',
    nameEn: 'Ruyi account gold (CNY)',
    issuer: BANK,
    goldType: 'ACCOUNT_GOLD',
    purity: 'Au99.99',
    barWeightGrams: null,
    premiumPerGram: 0,
  },
  {
    code: 'GOLD-PAPER-CNY',
    nameZh: '人民币账户黄金（纸黄金）',
    nameEn: 'CNY paper gold account',
    issuer: BANK,
    goldType: 'ACCOUNT_GOLD',
    purity: 'Au99.99',
    barWeightGrams: null,
    premiumPerGram: -0.6,
  },
  {
    code: 'GOLD-PLAN-MONTHLY',
    nameZh: '积存金月定投计划',
    nameEn: 'Monthly gold savings plan',
    issuer: BANK,
    goldType: 'GOLD_SAVINGS_PLAN',
    purity: 'Au99.99',
    barWeightGrams: null,
    premiumPerGram: 0,
  },
  {
    code: 'GOLD-PLAN-WEEKLY',
    nameZh: '积存金周定投计划',
    nameEn: 'Weekly gold savings plan',
    issuer: BANK,
    goldType: 'GOLD_SAVINGS_PLAN',
    purity: 'Au99.99',
    barWeightGrams: null,
    premiumPerGram: 0,
  },
  {
    code: 'GOLD-PLAN-SPRING2026',
    nameZh: '2026 新春积存金定投（活动已结束）',
    nameEn: '2026 Spring Festival gold savings plan (campaign ended)',
    issuer: BANK,
    goldType: 'GOLD_SAVINGS_PLAN',
    purity: 'Au99.99',
    barWeightGrams: null,
    premiumPerGram: 0,
    saleStartDays: -320,
    saleEndDays: -260,
  },
];

/** The core row of a demo product, priced at its latest gram price. */
export function toNewProduct(def: GoldProductDef, ctx: SeedContext, latest: { at: Date; price: string }): NewProduct {
  const account = isAccountGold(def.goldType);
  // The core risk match runs on every regime: rate account gold at the level the bank requires (C3 → R3).
  const required = ctx.settings.get<string>(SETTING_REQUIRED_LEVEL);
  const days = (d: number | undefined) => (d === undefined ? null : new Date(ctx.now.getTime() + d * DAY));
  return {
    code: def.code,
    nameZh: def.nameZh,
    nameEn: def.nameEn,
    issuer: def.issuer,
    riskRating: account ? (`R${levelNumber(required)}` as NewProduct['riskRating']) : 'R1',
    currency: 'CNY',
    // Gold sizes are in grams (gold.minimum); the core amount checks stay open.
    minimumAmount: '0',
    amountStep: '0',
    status: def.status ?? 'ON_SALE',
    saleStart: days(def.saleStartDays),
    saleEnd: days(def.saleEndDays),
    liquidity: account ? 'HIGH' : 'MEDIUM',
    function: account ? 'INVESTMENT' : 'PRESERVATION',
    businessType: 'INTERMEDIARY',
    regime: 'OTHER',
    requiresRiskAssessment: account,
    coolingOffHours: 0,
    unitPrice: latest.price,
    unitPriceAt: latest.at,
  };
}
