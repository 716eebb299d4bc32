import type { NewProduct } from '../../../src/sdk/index.js';
import { perUnit } from '../conversion.js';
import { isExchange, type ForexKindCode } from '../domain.js';
import type { BoardDay } from './board.js';

const DAY = 86_400_000;

/** A currency on the demo board: middle rate (CNY per 100 units) 120 days before "now", half-spread of the board. */
export interface BoardCurrency {
  code: string;
  nameZh: string;
  nameEn: string;
  startMiddle: number;
  /** Board half-spread as a fraction of the middle rate. */
  halfSpread: number;
  /** Daily volatility of the middle rate. */
  dailyVol: number;
  spot: boolean;
}

/** 2026 levels, roughly. KRW and THB are offered as banknotes only. */
export const BOARD: BoardCurrency[] = [
  { code: 'USD', nameZh: '美元', nameEn: 'US dollar', startMiddle: 712.4, halfSpread: 0.0021, dailyVol: 0.0018, spot: true },
  { code: 'EUR', nameZh: '欧元', nameEn: 'Euro', startMiddle: 826.5, halfSpread: 0.004, dailyVol: 0.004, spot: true },
  { code: 'JPY', nameZh: '日元', nameEn: 'Japanese yen', startMiddle: 4.712, halfSpread: 0.004, dailyVol: 0.005, spot: true },
  { code: 'GBP', nameZh: '英镑', nameEn: 'Pound sterling', startMiddle: 953.2, halfSpread: 0.004, dailyVol: 0.0045, spot: true },
  { code: 'HKD', nameZh: '港币', nameEn: 'Hong Kong dollar', startMiddle: 91.46, halfSpread: 0.002, dailyVol: 0.0018, spot: true },
  { code: 'AUD', nameZh: '澳大利亚元', nameEn: 'Australian dollar', startMiddle: 466.8, halfSpread: 0.004, dailyVol: 0.006, spot: true },
  { code: 'CAD', nameZh: '加拿大元', nameEn: 'Canadian dollar', startMiddle: 512.3, halfSpread: 0.004, dailyVol: 0.004, spot: true },
  { code: 'CHF', nameZh: '瑞士法郎', nameEn: 'Swiss franc', startMiddle: 889.6, halfSpread: 0.004, dailyVol: 0.0045, spot: true },
  { code: 'SGD', nameZh: '新加坡元', nameEn: 'Singapore dollar', startMiddle: 551.7, halfSpread: 0.004, dailyVol: 0.003, spot: true },
  { code: 'NZD', nameZh: '新西兰元', nameEn: 'New Zealand dollar', startMiddle: 409.5, halfSpread: 0.005, dailyVol: 0.0065, spot: true },
  { code: 'KRW', nameZh: '韩元', nameEn: 'Korean won', startMiddle: 0.5118, halfSpread: 0.015, dailyVol: 0.005, spot: false },
  { code: 'THB', nameZh: '泰铢', nameEn: 'Thai baht', startMiddle: 21.93, halfSpread: 0.01, dailyVol: 0.004, spot: false },
];

/** A demo forex product beyond the exchange products generated from the board. */
export interface ForexProductDef {
  code: string;
  nameZh: string;
  nameEn: string;
  kind: ForexKindCode;
  currency: string;
  riskRating: 'R1' | 'R2' | 'R3' | 'R4' | 'R5';
  termMonths?: number;
  annualRatePct?: string;
  linkedCurrency?: string;
  minimumAmount: string;
  amountStep: string;
  status?: 'DRAFT' | 'ON_SALE' | 'SUSPENDED' | 'CLOSED';
  /** Subscription window, in days from the seed's `now`. */
  saleStartDays?: number;
  saleEndDays?: number;
}

const exchange = (c: BoardCurrency, kind: 'SPOT_EXCHANGE' | 'CASH_EXCHANGE'): ForexProductDef => ({
  code: `FX-${kind === 'SPOT_EXCHANGE' ? 'SPOT' : 'CASH'}-${c.code}`,
  nameZh: kind === 'SPOT_EXCHANGE' ? `${c.nameZh}现汇结售汇` : `${c.nameZh}现钞兑换`,
  nameEn: kind === 'SPOT_EXCHANGE' ? `${c.nameEn} spot exchange` : `${c.nameEn} banknote exchange`,
  kind,
  currency: c.code,
  riskRating: 'R1',
  minimumAmount: '0',
  amountStep: '0',
});

const OTHERS: ForexProductDef[] = [
  {
    code: 'FX-DEP-USD-3M',
    nameZh: '美元三个月定期存款',
    nameEn: 'USD 3-month time deposit',
    kind: 'FX_DEPOSIT',
    currency: 'USD',
    riskRating: 'R1',
    termMonths: 3,
    annualRatePct: '2.10',
    minimumAmount: '500',
    amountStep: '0',
  },
  {
    code: 'FX-DEP-USD-1Y',
    nameZh: '美元一年期定期存款',
    nameEn: 'USD 1-year time deposit',
    kind: 'FX_DEPOSIT',
    currency: 'USD',
    riskRating: 'R1',
    termMonths: 12,
    annualRatePct: '2.40',
    minimumAmount: '500',
    amountStep: '0',
  },
  {
    code: 'FX-DEP-EUR-6M',
    nameZh: '欧元六个月定期存款',
    nameEn: 'EUR 6-month time deposit',
    kind: 'FX_DEPOSIT',
    currency: 'EUR',
    riskRating: 'R1',
    termMonths: 6,
    annualRatePct: '0.90',
    minimumAmount: '500',
    amountStep: '0',
  },
  {
    code: 'FX-DEP-AUD-1Y',
    nameZh: '澳元一年期高息存款（汇率波动风险）',
    nameEn: 'AUD 1-year high-yield deposit (currency risk)',
    kind: 'FX_DEPOSIT',
    currency: 'AUD',
    riskRating: 'R2',
    termMonths: 12,
    annualRatePct: '3.20',
    minimumAmount: '1000',
    amountStep: '0',
  },
  {
    code: 'FX-DEP-GBP-1Y',
    nameZh: '英镑一年期定期存款（筹备中）',
    nameEn: 'GBP 1-year time deposit (coming soon)',
    kind: 'FX_DEPOSIT',
    currency: 'GBP',
    riskRating: 'R1',
    termMonths: 12,
    annualRatePct: '2.80',
    minimumAmount: '500',
    amountStep: '0',
    status: 'DRAFT',
  },
  {
    code: 'FX-SD-USDCNY-1M',
    nameZh: '美元/人民币双币存款（1个月）',
    nameEn: 'USD/CNY dual-currency deposit (1 month)',
    kind: 'STRUCTURED_DEPOSIT',
    currency: 'USD',
    riskRating: 'R3',
    termMonths: 1,
    annualRatePct: '6.50',
    linkedCurrency: 'CNY',
    minimumAmount: '5000',
    amountStep: '1000',
    saleStartDays: -10,
    saleEndDays: 20,
  },
  {
    code: 'FX-SD-EURUSD-3M',
    nameZh: '欧元/美元双币存款（3个月）',
    nameEn: 'EUR/USD dual-currency deposit (3 months)',
    kind: 'STRUCTURED_DEPOSIT',
    currency: 'EUR',
    riskRating: 'R4',
    termMonths: 3,
    annualRatePct: '8.00',
    linkedCurrency: 'USD',
    minimumAmount: '5000',
    amountStep: '1000',
    saleStartDays: -5,
    saleEndDays: 25,
  },
  {
    code: 'FX-SD-AUDUSD-2610',
    nameZh: '澳元/美元双币存款 2026年10月期（募集已结束）',
    nameEn: 'AUD/USD dual-currency deposit, October 2026 issue (subscription closed)',
    kind: 'STRUCTURED_DEPOSIT',
    currency: 'AUD',
    riskRating: 'R4',
    termMonths: 3,
    annualRatePct: '9.20',
    linkedCurrency: 'USD',
    minimumAmount: '5000',
    amountStep: '1000',
    saleStartDays: -60,
    saleEndDays: -45,
  },
  {
    code: 'FX-MARGIN-USD',
    nameZh: '个人外汇保证金交易（已暂停）',
    nameEn: 'FX margin trading (suspended)',
    kind: 'FX_MARGIN',
    currency: 'USD',
    riskRating: 'R5',
    minimumAmount: '1000',
    amountStep: '0',
    status: 'SUSPENDED',
  },
];

/** The demo catalog: 10 spot and 12 banknote exchange products, deposits, dual-currency deposits, margin. */
export const FOREX_CATALOG: ForexProductDef[] = [
  ...BOARD.filter((c) => c.spot).map((c) => exchange(c, 'SPOT_EXCHANGE')),
  ...BOARD.map((c) => exchange(c, 'CASH_EXCHANGE')),
  ...OTHERS,
];

/** The core row of a demo product, priced at the latest board's middle rate. */
export function toNewProduct(def: ForexProductDef, now: Date, latest: BoardDay): NewProduct {
  const exchange = isExchange(def.kind);
  const deposit = def.kind === 'FX_DEPOSIT' || def.kind === 'STRUCTURED_DEPOSIT';
  const days = (d: number | undefined) => (d === undefined ? null : new Date(now.getTime() + d * DAY));
  return {
    code: def.code,
    nameZh: def.nameZh,
    nameEn: def.nameEn,
    issuer: 'FinMart Bank',
    riskRating: def.riskRating,
    currency: def.currency,
    minimumAmount: def.minimumAmount,
    amountStep: def.amountStep,
    status: def.status ?? 'ON_SALE',
    saleStart: days(def.saleStartDays),
    saleEnd: days(def.saleEndDays),
    liquidity: exchange || def.kind === 'FX_MARGIN' ? 'HIGH' : def.kind === 'FX_DEPOSIT' ? 'MEDIUM' : 'LOW',
    function: exchange || def.kind === 'FX_DEPOSIT' ? 'PRESERVATION' : 'INVESTMENT',
    businessType: deposit ? 'DEPOSIT' : 'INTERMEDIARY',
    regime: 'OTHER',
    // Exchange and plain deposits (R1) need no assessment; anything carrying market risk does.
    requiresRiskAssessment: def.riskRating !== 'R1',
    coolingOffHours: 0,
    unitPrice: perUnit(latest.middle[def.currency]!),
    unitPriceAt: latest.at,
  };
}
