import type { InsuranceType, PremiumMode } from './domain.js';

/** The four demo insurers: partner code → name, policy-number prefix, price loading. */
export const INSURERS = {
  'pingan-life': { name: '中国平安人寿保险股份有限公司', prefix: 'PA', loading: '1.02' },
  chinalife: { name: '中国人寿保险股份有限公司', prefix: 'CL', loading: '1.00' },
  'cpic-life': { name: '中国太平洋人寿保险股份有限公司', prefix: 'CP', loading: '0.98' },
  taikang: { name: '泰康人寿保险有限责任公司', prefix: 'TK', loading: '1.03' },
} as const;
export type InsurerCode = keyof typeof INSURERS;

/** What drives a product's price: mortality/morbidity, savings, accident or medical claims. */
export type RateBasis = 'PROTECTION' | 'SAVINGS' | 'ACCIDENT' | 'MEDICAL';

/** A demo product. Dates are relative to the seed's `now` so the demo never goes stale. */
export interface CatalogEntry {
  code: string;
  nameZh: string;
  nameEn: string;
  insurer: InsurerCode;
  type: InsuranceType;
  risk: 'R1' | 'R2' | 'R3' | 'R4' | 'R5';
  coverTermYears: number | null;
  premiumModes: PremiumMode[];
  paymentYearsOptions: number[];
  ageMin: number;
  ageMax: number;
  deathCover: boolean;
  /** Minimum (annual) premium, CNY. */
  minimumPremium: string;
  /** Premium step: 100 where the customer picks the premium, 0.01 where it follows from the sum assured. */
  amountStep: string;
  basis: RateBasis;
  /** Equivalent single premium per 1,000 sum assured for a man aged 31–40, before loadings. */
  singleRate: string;
  liquidity: 'HIGH' | 'MEDIUM' | 'LOW';
  function: 'PRESERVATION' | 'TAX_ADVANTAGED' | 'INVESTMENT';
  coolingOffDays?: number;
  status?: 'DRAFT' | 'ON_SALE' | 'SUSPENDED' | 'CLOSED';
  /** Days before `now` the sale opened (negative = opens in the future). */
  saleStartDaysAgo: number;
  /** Days before `now` the sale closed; omitted = still open. */
  saleEndDaysAgo?: number;
}

const protection = { basis: 'PROTECTION', liquidity: 'LOW', function: 'PRESERVATION', amountStep: '0.01' } as const;
const savings = { basis: 'SAVINGS', liquidity: 'LOW', function: 'PRESERVATION', amountStep: '100' } as const;

/** 26 products: every type, R1–R5, four insurers; a draft, a suspended one, one closed by date, one not yet open. */
export const CATALOG: CatalogEntry[] = [
  // Traditional (guaranteed, R1)
  { ...protection, code: 'INS-PA-TERM20', nameZh: '平安福满分定期寿险（20年）', nameEn: 'Ping An 20-Year Term Life', insurer: 'pingan-life', type: 'TRADITIONAL', risk: 'R1', coverTermYears: 20, premiumModes: ['REGULAR'], paymentYearsOptions: [10, 20], ageMin: 18, ageMax: 60, deathCover: true, minimumPremium: '200', singleRate: '32', saleStartDaysAgo: 1500 },
  { ...protection, code: 'INS-CL-WHOLELIFE', nameZh: '国寿福终身寿险', nameEn: 'China Life Whole Life', insurer: 'chinalife', type: 'TRADITIONAL', risk: 'R1', coverTermYears: null, premiumModes: ['REGULAR'], paymentYearsOptions: [10, 20], ageMin: 0, ageMax: 60, deathCover: true, minimumPremium: '1000', singleRate: '420', saleStartDaysAgo: 2200 },
  { ...savings, code: 'INS-CP-ENDOW10', nameZh: '太平洋鑫享两全保险（10年）', nameEn: 'CPIC 10-Year Endowment', insurer: 'cpic-life', type: 'TRADITIONAL', risk: 'R1', coverTermYears: 10, premiumModes: ['SINGLE', 'REGULAR'], paymentYearsOptions: [1, 3, 5], ageMin: 0, ageMax: 65, deathCover: true, minimumPremium: '1000', singleRate: '880', saleStartDaysAgo: 1300 },
  { ...savings, code: 'INS-TK-INCWL', nameZh: '泰康鑫享增额终身寿险', nameEn: 'Taikang Increasing Whole Life', insurer: 'taikang', type: 'TRADITIONAL', risk: 'R1', coverTermYears: null, premiumModes: ['SINGLE', 'REGULAR'], paymentYearsOptions: [1, 3, 5, 10], ageMin: 0, ageMax: 70, deathCover: true, minimumPremium: '1000', singleRate: '1000', saleStartDaysAgo: 900 },
  { ...savings, code: 'INS-PA-ENDOW-NEW', nameZh: '平安御享两全保险（待上市）', nameEn: 'Ping An Endowment (draft)', insurer: 'pingan-life', type: 'TRADITIONAL', risk: 'R1', coverTermYears: 15, premiumModes: ['REGULAR'], paymentYearsOptions: [5, 10], ageMin: 0, ageMax: 60, deathCover: true, minimumPremium: '2000', singleRate: '860', status: 'DRAFT', saleStartDaysAgo: -30 },
  // Participating (non-guaranteed, R2)
  { ...savings, code: 'INS-PA-PAR-ENDOW', nameZh: '平安鑫利两全保险（分红型）', nameEn: 'Ping An Participating Endowment', insurer: 'pingan-life', type: 'PARTICIPATING', risk: 'R2', coverTermYears: 20, premiumModes: ['REGULAR'], paymentYearsOptions: [3, 5, 10], ageMin: 0, ageMax: 65, deathCover: true, minimumPremium: '2000', singleRate: '820', saleStartDaysAgo: 1800 },
  { ...savings, code: 'INS-CL-PAR-ANN', nameZh: '国寿鑫福赢家年金保险（分红型）', nameEn: 'China Life Participating Annuity', insurer: 'chinalife', type: 'PARTICIPATING', risk: 'R2', coverTermYears: 15, premiumModes: ['SINGLE', 'REGULAR'], paymentYearsOptions: [1, 5, 10], ageMin: 0, ageMax: 70, deathCover: true, minimumPremium: '1000', singleRate: '900', saleStartDaysAgo: 1100 },
  { ...savings, code: 'INS-CP-PAR-WL', nameZh: '太平洋金佑人生终身寿险（分红型）', nameEn: 'CPIC Participating Whole Life', insurer: 'cpic-life', type: 'PARTICIPATING', risk: 'R2', coverTermYears: null, premiumModes: ['REGULAR'], paymentYearsOptions: [10, 20], ageMin: 0, ageMax: 60, deathCover: true, minimumPremium: '3000', singleRate: '460', saleStartDaysAgo: 2500 },
  { ...savings, code: 'INS-TK-PAR-ENDOW', nameZh: '泰康财富人生两全保险（分红型）', nameEn: 'Taikang Participating Endowment', insurer: 'taikang', type: 'PARTICIPATING', risk: 'R2', coverTermYears: 10, premiumModes: ['SINGLE'], paymentYearsOptions: [1], ageMin: 18, ageMax: 65, deathCover: true, minimumPremium: '10000', singleRate: '870', status: 'SUSPENDED', saleStartDaysAgo: 1600 },
  // Universal (non-guaranteed, R2–R3)
  { ...savings, liquidity: 'MEDIUM', code: 'INS-PA-UL', nameZh: '平安金账户终身寿险（万能型）', nameEn: 'Ping An Universal Life', insurer: 'pingan-life', type: 'UNIVERSAL', risk: 'R2', coverTermYears: null, premiumModes: ['SINGLE'], paymentYearsOptions: [1], ageMin: 18, ageMax: 70, deathCover: true, minimumPremium: '10000', singleRate: '1000', saleStartDaysAgo: 1400 },
  { ...savings, liquidity: 'MEDIUM', function: 'INVESTMENT', code: 'INS-CL-UL', nameZh: '国寿鑫账户两全保险（万能型）', nameEn: 'China Life Universal Endowment', insurer: 'chinalife', type: 'UNIVERSAL', risk: 'R3', coverTermYears: 30, premiumModes: ['SINGLE', 'REGULAR'], paymentYearsOptions: [1, 5], ageMin: 0, ageMax: 65, deathCover: true, minimumPremium: '5000', singleRate: '1000', saleStartDaysAgo: 1000 },
  { ...savings, liquidity: 'MEDIUM', function: 'INVESTMENT', code: 'INS-TK-UL', nameZh: '泰康赢家人生终身寿险（万能型）', nameEn: 'Taikang Universal Whole Life', insurer: 'taikang', type: 'UNIVERSAL', risk: 'R3', coverTermYears: null, premiumModes: ['REGULAR'], paymentYearsOptions: [5, 10], ageMin: 18, ageMax: 60, deathCover: true, minimumPremium: '5000', singleRate: '1000', saleStartDaysAgo: 2000, saleEndDaysAgo: 60 },
  // Investment-linked (non-guaranteed, R3–R5)
  { ...savings, liquidity: 'MEDIUM', function: 'INVESTMENT', amountStep: '1000', code: 'INS-PA-ILP-BAL', nameZh: '平安智盈人生终身寿险（投资连结型·平衡）', nameEn: 'Ping An Investment-Linked (Balanced)', insurer: 'pingan-life', type: 'INVESTMENT_LINKED', risk: 'R3', coverTermYears: null, premiumModes: ['SINGLE'], paymentYearsOptions: [1], ageMin: 18, ageMax: 65, deathCover: true, minimumPremium: '10000', singleRate: '1000', saleStartDaysAgo: 1700 },
  { ...savings, liquidity: 'MEDIUM', function: 'INVESTMENT', amountStep: '1000', code: 'INS-PA-ILP-STABLE', nameZh: '平安聚富年年终身寿险（投资连结型·稳健）', nameEn: 'Ping An Investment-Linked (Stable Growth)', insurer: 'pingan-life', type: 'INVESTMENT_LINKED', risk: 'R4', coverTermYears: null, premiumModes: ['SINGLE', 'REGULAR'], paymentYearsOptions: [1, 5, 10], ageMin: 18, ageMax: 60, deathCover: true, minimumPremium: '10000', singleRate: '1000', saleStartDaysAgo: 800 },
  { ...savings, liquidity: 'MEDIUM', function: 'INVESTMENT', amountStep: '1000', code: 'INS-CP-ILP-GROWTH', nameZh: '太平洋卓越财富终身寿险（投资连结型·成长）', nameEn: 'CPIC Investment-Linked (Growth)', insurer: 'cpic-life', type: 'INVESTMENT_LINKED', risk: 'R4', coverTermYears: null, premiumModes: ['SINGLE'], paymentYearsOptions: [1], ageMin: 18, ageMax: 65, deathCover: true, minimumPremium: '20000', singleRate: '1000', saleStartDaysAgo: 1200 },
  { ...savings, liquidity: 'MEDIUM', function: 'INVESTMENT', amountStep: '1000', code: 'INS-TK-ILP-EQUITY', nameZh: '泰康进取终身寿险（投资连结型·股票）', nameEn: 'Taikang Investment-Linked (Equity)', insurer: 'taikang', type: 'INVESTMENT_LINKED', risk: 'R5', coverTermYears: null, premiumModes: ['SINGLE'], paymentYearsOptions: [1], ageMin: 18, ageMax: 60, deathCover: true, minimumPremium: '50000', singleRate: '1000', saleStartDaysAgo: 700 },
  { ...savings, liquidity: 'MEDIUM', function: 'INVESTMENT', amountStep: '1000', code: 'INS-CL-ILP-AGGR', nameZh: '国寿智远终身寿险（投资连结型·积极）', nameEn: 'China Life Investment-Linked (Aggressive)', insurer: 'chinalife', type: 'INVESTMENT_LINKED', risk: 'R5', coverTermYears: null, premiumModes: ['REGULAR'], paymentYearsOptions: [5, 10], ageMin: 18, ageMax: 55, deathCover: true, minimumPremium: '10000', singleRate: '1000', saleStartDaysAgo: -20 },
  // Health (guaranteed, R1)
  { ...protection, code: 'INS-PA-CI', nameZh: '平安福终身重大疾病保险', nameEn: 'Ping An Critical Illness (Whole Life)', insurer: 'pingan-life', type: 'HEALTH', risk: 'R1', coverTermYears: null, premiumModes: ['REGULAR'], paymentYearsOptions: [10, 20, 30], ageMin: 0, ageMax: 55, deathCover: true, minimumPremium: '1000', singleRate: '350', saleStartDaysAgo: 2400 },
  { ...protection, basis: 'MEDICAL', code: 'INS-CL-MEDICAL', nameZh: '国寿如意尊百万医疗保险（1年）', nameEn: 'China Life Million Medical (1 year)', insurer: 'chinalife', type: 'HEALTH', risk: 'R1', coverTermYears: 1, premiumModes: ['SINGLE'], paymentYearsOptions: [1], ageMin: 0, ageMax: 65, deathCover: false, minimumPremium: '100', singleRate: '0.30', saleStartDaysAgo: 600 },
  { ...protection, code: 'INS-TK-CI30', nameZh: '泰康健康尊享重大疾病保险（30年）', nameEn: 'Taikang Critical Illness (30 years)', insurer: 'taikang', type: 'HEALTH', risk: 'R1', coverTermYears: 30, premiumModes: ['REGULAR'], paymentYearsOptions: [10, 20], ageMin: 0, ageMax: 50, deathCover: false, minimumPremium: '500', singleRate: '180', coolingOffDays: 20, saleStartDaysAgo: 1900 },
  // Accident (guaranteed, R1)
  { ...protection, basis: 'ACCIDENT', code: 'INS-CP-ACC1', nameZh: '太平洋安行无忧意外伤害保险（1年）', nameEn: 'CPIC Accident Cover (1 year)', insurer: 'cpic-life', type: 'ACCIDENT', risk: 'R1', coverTermYears: 1, premiumModes: ['SINGLE'], paymentYearsOptions: [1], ageMin: 18, ageMax: 65, deathCover: true, minimumPremium: '50', singleRate: '1.00', saleStartDaysAgo: 900 },
  { ...protection, basis: 'ACCIDENT', code: 'INS-PA-ACC20', nameZh: '平安安心保两全意外伤害保险（20年）', nameEn: 'Ping An 20-Year Accident Endowment', insurer: 'pingan-life', type: 'ACCIDENT', risk: 'R1', coverTermYears: 20, premiumModes: ['REGULAR'], paymentYearsOptions: [10, 20], ageMin: 18, ageMax: 50, deathCover: true, minimumPremium: '1000', singleRate: '180', saleStartDaysAgo: 1500 },
  { ...protection, basis: 'ACCIDENT', code: 'INS-TK-TRAVEL', nameZh: '泰康交通意外伤害保险（1年）', nameEn: 'Taikang Travel Accident (1 year)', insurer: 'taikang', type: 'ACCIDENT', risk: 'R1', coverTermYears: 1, premiumModes: ['SINGLE'], paymentYearsOptions: [1], ageMin: 18, ageMax: 70, deathCover: true, minimumPremium: '30', singleRate: '0.40', saleStartDaysAgo: 400 },
  // Annuity (guaranteed, R1–R2)
  { ...savings, function: 'TAX_ADVANTAGED', code: 'INS-CL-PENSION', nameZh: '国寿鑫享养老年金保险', nameEn: 'China Life Pension Annuity', insurer: 'chinalife', type: 'ANNUITY', risk: 'R1', coverTermYears: null, premiumModes: ['REGULAR'], paymentYearsOptions: [5, 10, 20], ageMin: 18, ageMax: 60, deathCover: true, minimumPremium: '2000', singleRate: '850', saleStartDaysAgo: 1000 },
  { ...savings, code: 'INS-CP-ANN', nameZh: '太平洋鑫满溢年金保险', nameEn: 'CPIC Savings Annuity', insurer: 'cpic-life', type: 'ANNUITY', risk: 'R2', coverTermYears: 15, premiumModes: ['SINGLE', 'REGULAR'], paymentYearsOptions: [1, 3, 5, 10], ageMin: 0, ageMax: 65, deathCover: true, minimumPremium: '1000', singleRate: '900', saleStartDaysAgo: 1250 },
  { ...savings, code: 'INS-TK-IMMANN', nameZh: '泰康乐享即期年金保险', nameEn: 'Taikang Immediate Annuity', insurer: 'taikang', type: 'ANNUITY', risk: 'R1', coverTermYears: null, premiumModes: ['SINGLE'], paymentYearsOptions: [1], ageMin: 50, ageMax: 70, deathCover: false, minimumPremium: '50000', singleRate: '1000', saleStartDaysAgo: 1100 },
];

/** Cover runs longer than a year (whole life counts). */
export const coverOverOneYear = (e: CatalogEntry): boolean => e.coverTermYears === null || e.coverTermYears > 1;

/** 犹豫期 days: the entry's own, else the market's 15 for cover over a year, else none. */
export const coolingOffDaysOf = (e: CatalogEntry): number => e.coolingOffDays ?? (coverOverOneYear(e) ? 15 : 0);

/** The terms a quote checks, from a catalog entry. */
export const quoteTermsOf = (e: CatalogEntry) => ({
  insuredAgeMin: e.ageMin,
  insuredAgeMax: e.ageMax,
  coverTermYears: e.coverTermYears,
  paymentYearsOptions: e.paymentYearsOptions,
});
