import type { NewProduct } from '../../../src/sdk/index.js';
import type { AccountClass, CardKind, CreditCardType } from '../domain.js';

/** The issuer of every card: the bank itself. */
export const ISSUER = 'Finmart Bank 本行';

/** A demo card product: the core row's fields plus the line's details. */
export interface CardSeed {
  code: string;
  nameZh: string;
  nameEn: string;
  kind: CardKind;
  accountClass?: AccountClass;
  creditCardType?: CreditCardType;
  network: string;
  /** First six digits of its card numbers, for the masked number of holdings. */
  bin: string;
  annualFee: string;
  waiver?: [zh: string, en: string];
  creditLimit?: [min: string, max: string];
  coBrandPartner?: string;
  status?: NewProduct['status'];
  /** Sale window relative to the seed's "now", in days (negative = past). */
  saleStartDays?: number;
  saleEndDays?: number;
}

const SIX_SWIPES: [string, string] = ['首年免年费；当年刷卡满6次免次年年费', 'First year free; 6 purchases in a year waive the next year'];

/** The demo catalog: 11 debit accounts (7 Class I, 2 Class II, 2 Class III) and 13 credit cards. */
export const CARD_CATALOG: readonly CardSeed[] = [
  // Class I: full-function accounts, one per customer at this bank.
  {
    code: 'CARD-DC-STD',
    nameZh: '标准借记卡',
    nameEn: 'Standard Debit Card',
    kind: 'DEBIT',
    accountClass: 'CLASS_I',
    network: 'UnionPay',
    bin: '621483',
    annualFee: '0',
  },
  {
    code: 'CARD-DC-PAYROLL',
    nameZh: '代发工资卡',
    nameEn: 'Payroll Debit Card',
    kind: 'DEBIT',
    accountClass: 'CLASS_I',
    network: 'UnionPay',
    bin: '621485',
    annualFee: '0',
  },
  {
    code: 'CARD-DC-SOCIAL',
    nameZh: '社会保障卡（金融账户）',
    nameEn: 'Social Security Card (financial account)',
    kind: 'DEBIT',
    accountClass: 'CLASS_I',
    network: 'UnionPay',
    bin: '623208',
    annualFee: '0',
  },
  {
    code: 'CARD-DC-WEALTH',
    nameZh: '财富借记卡',
    nameEn: 'Wealth Debit Card',
    kind: 'DEBIT',
    accountClass: 'CLASS_I',
    network: 'UnionPay',
    bin: '622609',
    annualFee: '0',
  },
  {
    code: 'CARD-DC-YOUTH',
    nameZh: '青少年成长卡',
    nameEn: 'Youth Growth Debit Card',
    kind: 'DEBIT',
    accountClass: 'CLASS_I',
    network: 'UnionPay',
    bin: '621486',
    annualFee: '0',
  },
  {
    code: 'CARD-DC-SENIOR',
    nameZh: '敬老借记卡',
    nameEn: "Seniors' Debit Card",
    kind: 'DEBIT',
    accountClass: 'CLASS_I',
    network: 'UnionPay',
    bin: '621487',
    annualFee: '0',
  },
  {
    code: 'CARD-DC-GLOBAL',
    nameZh: '全球通多币种借记卡',
    nameEn: 'Global Multi-currency Debit Card',
    kind: 'DEBIT',
    accountClass: 'CLASS_I',
    network: 'Visa',
    bin: '438600',
    annualFee: '10',
    waiver: ['首年免年费；上一年境外交易满3笔免年费', 'First year free; waived after 3 overseas transactions in the previous year'],
  },
  // Class II / III: electronic accounts with limits.
  {
    code: 'CARD-E2-WALLET',
    nameZh: 'Ⅱ类电子账户',
    nameEn: 'Class II Electronic Account',
    kind: 'DEBIT',
    accountClass: 'CLASS_II',
    network: 'UnionPay',
    bin: '623501',
    annualFee: '0',
  },
  {
    code: 'CARD-E2-INVEST',
    nameZh: '理财专属Ⅱ类户',
    nameEn: 'Class II Wealth Account',
    kind: 'DEBIT',
    accountClass: 'CLASS_II',
    network: 'UnionPay',
    bin: '623502',
    annualFee: '0',
  },
  {
    code: 'CARD-E3-PAY',
    nameZh: 'Ⅲ类支付账户',
    nameEn: 'Class III Payment Account',
    kind: 'DEBIT',
    accountClass: 'CLASS_III',
    network: 'UnionPay',
    bin: '623503',
    annualFee: '0',
  },
  {
    code: 'CARD-E3-TRANSIT',
    nameZh: 'Ⅲ类出行钱包',
    nameEn: 'Class III Transit Wallet',
    kind: 'DEBIT',
    accountClass: 'CLASS_III',
    network: 'UnionPay',
    bin: '623504',
    annualFee: '0',
  },
  // Credit cards.
  {
    code: 'CARD-CC-CLASSIC',
    nameZh: '信用卡普卡',
    nameEn: 'Classic Credit Card',
    kind: 'CREDIT',
    creditCardType: 'STANDARD',
    network: 'UnionPay',
    bin: '622588',
    annualFee: '100',
    waiver: SIX_SWIPES,
    creditLimit: ['1000', '20000'],
  },
  {
    code: 'CARD-CC-GOLD',
    nameZh: '信用卡金卡',
    nameEn: 'Gold Credit Card',
    kind: 'CREDIT',
    creditCardType: 'STANDARD',
    network: 'UnionPay',
    bin: '625908',
    annualFee: '200',
    waiver: SIX_SWIPES,
    creditLimit: ['10000', '50000'],
  },
  {
    code: 'CARD-CC-YOUNG',
    nameZh: '青春信用卡',
    nameEn: 'Young Credit Card',
    kind: 'CREDIT',
    creditCardType: 'STANDARD',
    network: 'UnionPay',
    bin: '625909',
    annualFee: '100',
    waiver: SIX_SWIPES,
    creditLimit: ['3000', '10000'],
    status: 'SUSPENDED',
  },
  {
    code: 'CARD-CC-PLAT',
    nameZh: '白金信用卡',
    nameEn: 'Platinum Credit Card',
    kind: 'CREDIT',
    creditCardType: 'PLATINUM',
    network: 'UnionPay',
    bin: '625910',
    annualFee: '1200',
    waiver: ['年消费满20万元或以积分抵扣免次年年费', 'Waived after CNY 200,000 spent in a year, or with reward points'],
    creditLimit: ['50000', '200000'],
  },
  {
    code: 'CARD-CC-VISA-PLAT',
    nameZh: 'Visa白金信用卡',
    nameEn: 'Visa Platinum Credit Card',
    kind: 'CREDIT',
    creditCardType: 'PLATINUM',
    network: 'Visa',
    bin: '438088',
    annualFee: '2000',
    waiver: ['年消费满30万元免次年年费', 'Waived after CNY 300,000 spent in a year'],
    creditLimit: ['50000', '300000'],
  },
  {
    code: 'CARD-CC-MC-WORLD',
    nameZh: '万事达世界之极信用卡',
    nameEn: 'Mastercard World Elite Credit Card',
    kind: 'CREDIT',
    creditCardType: 'PLATINUM',
    network: 'Mastercard',
    bin: '552588',
    annualFee: '3600',
    waiver: ['私人银行客户免年费', 'Free for private banking customers'],
    creditLimit: ['100000', '500000'],
  },
  {
    code: 'CARD-CC-STUDENT',
    nameZh: '校园信用卡',
    nameEn: 'Campus Student Credit Card',
    kind: 'CREDIT',
    creditCardType: 'STUDENT',
    network: 'UnionPay',
    bin: '625911',
    annualFee: '0',
    waiver: ['终身免年费', 'No annual fee, ever'],
    creditLimit: ['500', '3000'],
  },
  {
    code: 'CARD-CC-MU',
    nameZh: '东方航空联名信用卡',
    nameEn: 'China Eastern Airlines Co-branded Credit Card',
    kind: 'CREDIT',
    creditCardType: 'CO_BRANDED',
    network: 'UnionPay',
    bin: '625912',
    annualFee: '480',
    waiver: ['年消费满5万元免次年年费', 'Waived after CNY 50,000 spent in a year'],
    creditLimit: ['5000', '100000'],
    coBrandPartner: '中国东方航空 China Eastern Airlines',
  },
  {
    code: 'CARD-CC-CA',
    nameZh: '国航知音联名信用卡',
    nameEn: 'Air China PhoenixMiles Co-branded Credit Card',
    kind: 'CREDIT',
    creditCardType: 'CO_BRANDED',
    network: 'Visa',
    bin: '438089',
    annualFee: '480',
    waiver: ['年消费满5万元免次年年费', 'Waived after CNY 50,000 spent in a year'],
    creditLimit: ['5000', '100000'],
    coBrandPartner: '中国国际航空 Air China',
  },
  {
    code: 'CARD-CC-CTRIP',
    nameZh: '携程旅行联名信用卡',
    nameEn: 'Trip.com Co-branded Credit Card',
    kind: 'CREDIT',
    creditCardType: 'CO_BRANDED',
    network: 'Mastercard',
    bin: '552589',
    annualFee: '300',
    waiver: SIX_SWIPES,
    creditLimit: ['5000', '80000'],
    coBrandPartner: '携程 Trip.com',
  },
  {
    code: 'CARD-CC-JD',
    nameZh: '京东联名信用卡',
    nameEn: 'JD.com Co-branded Credit Card',
    kind: 'CREDIT',
    creditCardType: 'CO_BRANDED',
    network: 'UnionPay',
    bin: '625913',
    annualFee: '100',
    waiver: SIX_SWIPES,
    creditLimit: ['3000', '50000'],
    coBrandPartner: '京东 JD.com',
  },
  {
    // Its co-brand agreement ended: still held, no longer sold.
    code: 'CARD-CC-SUNING',
    nameZh: '苏宁易购联名信用卡',
    nameEn: 'Suning Co-branded Credit Card',
    kind: 'CREDIT',
    creditCardType: 'CO_BRANDED',
    network: 'UnionPay',
    bin: '625914',
    annualFee: '100',
    waiver: SIX_SWIPES,
    creditLimit: ['3000', '50000'],
    coBrandPartner: '苏宁易购 Suning',
    saleStartDays: -1500,
    saleEndDays: -20,
  },
  {
    // Not launched yet.
    code: 'CARD-CC-HEMA',
    nameZh: '盒马联名信用卡',
    nameEn: 'Freshippo Co-branded Credit Card',
    kind: 'CREDIT',
    creditCardType: 'CO_BRANDED',
    network: 'UnionPay',
    bin: '625915',
    annualFee: '100',
    waiver: SIX_SWIPES,
    creditLimit: ['3000', '50000'],
    coBrandPartner: '盒马 Freshippo',
    status: 'DRAFT',
    saleStartDays: 30,
  },
];

const DAY = 86_400_000;

/** Debit and standard credit cards are R1; other credit cards R2 (consumer credit, low risk to the holder). */
export const riskRatingOf = (c: CardSeed): 'R1' | 'R2' => (c.kind === 'DEBIT' || c.creditCardType === 'STANDARD' ? 'R1' : 'R2');

/** The core row of a demo card: no price, no minimum, no risk assessment, no cooling-off. */
export function toNewProduct(c: CardSeed, now: Date): NewProduct {
  return {
    code: c.code,
    nameZh: c.nameZh,
    nameEn: c.nameEn,
    issuer: ISSUER,
    partnerCode: null,
    riskRating: riskRatingOf(c),
    currency: 'CNY',
    minimumAmount: '0',
    amountStep: '0',
    status: c.status ?? 'ON_SALE',
    saleStart: c.saleStartDays === undefined ? null : new Date(now.getTime() + c.saleStartDays * DAY),
    saleEnd: c.saleEndDays === undefined ? null : new Date(now.getTime() + c.saleEndDays * DAY),
    liquidity: 'HIGH',
    function: 'PRESERVATION',
    businessType: c.kind === 'DEBIT' ? 'DEPOSIT' : 'LOAN',
    regime: 'OTHER',
    requiresRiskAssessment: false,
    coolingOffHours: 0,
    unitPrice: null,
    unitPriceAt: null,
  };
}
