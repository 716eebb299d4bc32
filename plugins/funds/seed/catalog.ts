import type { NewProduct } from '../../../src/sdk/index.js';
import type { AssetClassCode, FundTypeCode, IssuerTypeCode } from '../model.js';

/** How a seeded product's minimum is set: a fixed amount, or from a funds setting at seed time. */
export type SeedMinimum =
  | { fixed: string; step: string }
  | { privateClass: true; step: string }
  | { publicWealth: true; step: string };

/** A demo product of the funds line: the core fields, the details, and how its NAV moves. */
export interface FundSeedDef {
  code: string;
  nameZh: string;
  nameEn: string;
  /** Fund house / issuer as customers know it (also the core `issuer`). */
  house: string;
  manager: string;
  fundType: FundTypeCode;
  assetClass: AssetClassCode;
  issuerType: IssuerTypeCode;
  isPrivate?: boolean;
  isBankWealth?: boolean;
  riskRating: NewProduct['riskRating'];
  minimum: SeedMinimum;
  sipMinimum?: string;
  feeRate: string;
  /** Years before `now` the fund was set up; null = still raising money. */
  establishedYearsAgo: number | null;
  liquidity: NewProduct['liquidity'];
  function: NewProduct['function'];
  status?: NewProduct['status'];
  /** Sale window relative to `now`, in days (negative = past). */
  saleStartInDays?: number;
  saleEndInDays?: number;
  /** Daily NAV volatility and annual drift; `fixedNav` for funds priced at 1.0000 (money market). */
  nav: { start: [number, number]; dailyVol: number; annualDrift: number } | { fixedNav: true } | { none: true };
  /** Last day customers could buy, in days before `now` (closed or ended products). */
  purchasesEndedDaysAgo?: number;
}

const BANK = '华瑞银行';
const SUBSIDIARY = '华瑞理财有限责任公司';
const PRIVATE_A = '泓远私募基金管理有限公司';
const PRIVATE_B = '衡丰资产管理有限公司';

const cashNav = { fixedNav: true } as const;
const walk = (lo: number, hi: number, dailyVol: number, annualDrift: number) => ({ start: [lo, hi] as [number, number], dailyVol, annualDrift });
const publicMin = (fixed: string) => ({ fixed, step: '0.01' });

/**
 * The demo catalog: public funds from real fund houses across R1–R5, private
 * funds (qualified investors only), and bank wealth products (理财) from the
 * bank itself and its wealth subsidiary. A few are deliberately not buyable
 * today (draft, suspended, closed, before or after their sale window).
 */
export const FUND_CATALOG: readonly FundSeedDef[] = [
  // --- money market (R1) -------------------------------------------------
  { code: 'FUND-HX-CASH-A', nameZh: '华夏现金增利货币A', nameEn: 'ChinaAMC Cash Plus Money Market A', house: '华夏基金', manager: '陈立新', fundType: 'MONEY_MARKET', assetClass: 'FIXED_INCOME', issuerType: 'FUND_HOUSE', riskRating: 'R1', minimum: publicMin('1'), feeRate: '0.0033', establishedYearsAgo: 21, liquidity: 'HIGH', function: 'PRESERVATION', nav: cashNav },
  { code: 'FUND-EFD-DAILY-A', nameZh: '易方达天天理财货币A', nameEn: 'E Fund Daily Wealth Money Market A', house: '易方达基金', manager: '刘思远', fundType: 'MONEY_MARKET', assetClass: 'FIXED_INCOME', issuerType: 'FUND_HOUSE', riskRating: 'R1', minimum: publicMin('1'), feeRate: '0.0027', establishedYearsAgo: 16, liquidity: 'HIGH', function: 'PRESERVATION', nav: cashNav },
  { code: 'FUND-ZS-CASH-A', nameZh: '招商招钱宝货币A', nameEn: 'China Merchants Cash Treasure Money Market A', house: '招商基金', manager: '周晓芸', fundType: 'MONEY_MARKET', assetClass: 'FIXED_INCOME', issuerType: 'FUND_HOUSE', riskRating: 'R1', minimum: publicMin('1'), feeRate: '0.0015', establishedYearsAgo: 11, liquidity: 'HIGH', function: 'PRESERVATION', nav: cashNav },
  // --- bond (R2) ---------------------------------------------------------
  { code: 'FUND-EFD-PUREBOND-A', nameZh: '易方达纯债债券A', nameEn: 'E Fund Pure Bond A', house: '易方达基金', manager: '王海峰', fundType: 'BOND', assetClass: 'FIXED_INCOME', issuerType: 'FUND_HOUSE', riskRating: 'R2', minimum: publicMin('10'), sipMinimum: '10', feeRate: '0.0030', establishedYearsAgo: 13, liquidity: 'HIGH', function: 'INVESTMENT', nav: walk(1.05, 1.25, 0.0008, 0.032) },
  { code: 'FUND-ZS-INDBOND-A', nameZh: '招商产业债券A', nameEn: 'China Merchants Industry Bond A', house: '招商基金', manager: '马俊杰', fundType: 'BOND', assetClass: 'FIXED_INCOME', issuerType: 'FUND_HOUSE', riskRating: 'R2', minimum: publicMin('10'), sipMinimum: '10', feeRate: '0.0030', establishedYearsAgo: 14, liquidity: 'HIGH', function: 'INVESTMENT', nav: walk(1.6, 1.9, 0.0009, 0.035) },
  { code: 'FUND-JS-ULTRASHORT-C', nameZh: '嘉实超短债债券C', nameEn: 'Harvest Ultra-Short Bond C', house: '嘉实基金', manager: '赵文静', fundType: 'BOND', assetClass: 'FIXED_INCOME', issuerType: 'FUND_HOUSE', riskRating: 'R2', minimum: publicMin('10'), sipMinimum: '10', feeRate: '0.0025', establishedYearsAgo: 9, liquidity: 'HIGH', function: 'PRESERVATION', nav: walk(1.08, 1.12, 0.0003, 0.024) },
  { code: 'FUND-NF-3YOPEN', nameZh: '南方3年定期开放债券', nameEn: 'Southern 3-Year Periodic Open Bond', house: '南方基金', manager: '孙博文', fundType: 'BOND', assetClass: 'FIXED_INCOME', issuerType: 'FUND_HOUSE', riskRating: 'R2', minimum: publicMin('10'), feeRate: '0.0030', establishedYearsAgo: 4, liquidity: 'LOW', function: 'INVESTMENT', status: 'CLOSED', nav: walk(1.02, 1.08, 0.0006, 0.034), purchasesEndedDaysAgo: 120 },
  // --- mixed (R3, equity-heavy R4) ---------------------------------------
  { code: 'FUND-GF-STEADY-A', nameZh: '广发稳健增长混合A', nameEn: 'GF Steady Growth Hybrid A', house: '广发基金', manager: '黄一鸣', fundType: 'MIXED', assetClass: 'MIXED', issuerType: 'FUND_HOUSE', riskRating: 'R3', minimum: publicMin('10'), sipMinimum: '10', feeRate: '0.0120', establishedYearsAgo: 22, liquidity: 'MEDIUM', function: 'INVESTMENT', nav: walk(1.4, 2.2, 0.0065, 0.05) },
  { code: 'FUND-HX-RETURN-A', nameZh: '华夏回报混合A', nameEn: 'ChinaAMC Return Hybrid A', house: '华夏基金', manager: '吴静怡', fundType: 'MIXED', assetClass: 'MIXED', issuerType: 'FUND_HOUSE', riskRating: 'R3', minimum: publicMin('100'), sipMinimum: '100', feeRate: '0.0120', establishedYearsAgo: 23, liquidity: 'MEDIUM', function: 'INVESTMENT', nav: walk(1.1, 1.5, 0.0072, 0.045) },
  { code: 'FUND-JS-VALUE-A', nameZh: '嘉实价值优势混合A', nameEn: 'Harvest Value Advantage Hybrid A', house: '嘉实基金', manager: '郑国强', fundType: 'MIXED', assetClass: 'MIXED', issuerType: 'FUND_HOUSE', riskRating: 'R3', minimum: publicMin('10'), sipMinimum: '10', feeRate: '0.0120', establishedYearsAgo: 15, liquidity: 'MEDIUM', function: 'INVESTMENT', nav: walk(2.0, 2.8, 0.0085, 0.05) },
  { code: 'FUND-NF-GROWTH-A', nameZh: '南方优选成长混合A', nameEn: 'Southern Select Growth Hybrid A', house: '南方基金', manager: '林晓峰', fundType: 'MIXED', assetClass: 'MIXED', issuerType: 'FUND_HOUSE', riskRating: 'R4', minimum: publicMin('10'), sipMinimum: '10', feeRate: '0.0120', establishedYearsAgo: 12, liquidity: 'MEDIUM', function: 'INVESTMENT', nav: walk(1.8, 3.2, 0.0115, 0.055) },
  { code: 'FUND-HX-DIGITAL-A', nameZh: '华夏数字经济混合发起式A', nameEn: 'ChinaAMC Digital Economy Hybrid Initiated A', house: '华夏基金', manager: '何嘉豪', fundType: 'MIXED', assetClass: 'MIXED', issuerType: 'FUND_HOUSE', riskRating: 'R3', minimum: publicMin('10'), sipMinimum: '10', feeRate: '0.0120', establishedYearsAgo: null, liquidity: 'MEDIUM', function: 'INVESTMENT', saleStartInDays: 5, saleEndInDays: 26, nav: { none: true } },
  // --- equity (R4) -------------------------------------------------------
  { code: 'FUND-EFD-CSI300-A', nameZh: '易方达沪深300ETF联接A', nameEn: 'E Fund CSI 300 ETF Feeder A', house: '易方达基金', manager: '许晨阳', fundType: 'EQUITY', assetClass: 'EQUITY', issuerType: 'FUND_HOUSE', riskRating: 'R4', minimum: publicMin('10'), sipMinimum: '10', feeRate: '0.0015', establishedYearsAgo: 16, liquidity: 'HIGH', function: 'INVESTMENT', nav: walk(1.6, 2.2, 0.0120, 0.06) },
  { code: 'FUND-NF-CSI500-A', nameZh: '南方中证500ETF联接A', nameEn: 'Southern CSI 500 ETF Feeder A', house: '南方基金', manager: '罗志明', fundType: 'EQUITY', assetClass: 'EQUITY', issuerType: 'FUND_HOUSE', riskRating: 'R4', minimum: publicMin('10'), sipMinimum: '10', feeRate: '0.0015', establishedYearsAgo: 17, liquidity: 'HIGH', function: 'INVESTMENT', nav: walk(1.7, 2.4, 0.0135, 0.06) },
  { code: 'FUND-ZS-LIQUOR-A', nameZh: '招商中证白酒指数A', nameEn: 'China Merchants CSI Liquor Index A', house: '招商基金', manager: '侯明轩', fundType: 'EQUITY', assetClass: 'EQUITY', issuerType: 'FUND_HOUSE', riskRating: 'R4', minimum: publicMin('10'), sipMinimum: '10', feeRate: '0.0100', establishedYearsAgo: 11, liquidity: 'HIGH', function: 'INVESTMENT', nav: walk(0.8, 1.3, 0.0170, 0.04) },
  { code: 'FUND-GF-HEALTH-A', nameZh: '广发医疗保健股票A', nameEn: 'GF Healthcare Equity A', house: '广发基金', manager: '冯雅琳', fundType: 'EQUITY', assetClass: 'EQUITY', issuerType: 'FUND_HOUSE', riskRating: 'R4', minimum: publicMin('10'), sipMinimum: '10', feeRate: '0.0120', establishedYearsAgo: 10, liquidity: 'HIGH', function: 'INVESTMENT', nav: walk(1.5, 2.6, 0.0150, 0.05) },
  { code: 'FUND-JS-NEWENERGY-A', nameZh: '嘉实新能源新材料股票A', nameEn: 'Harvest New Energy & Materials Equity A', house: '嘉实基金', manager: '谢天宇', fundType: 'EQUITY', assetClass: 'EQUITY', issuerType: 'FUND_HOUSE', riskRating: 'R4', minimum: publicMin('10'), sipMinimum: '10', feeRate: '0.0120', establishedYearsAgo: 6, liquidity: 'HIGH', function: 'INVESTMENT', nav: walk(1.1, 2.0, 0.0180, 0.05) },
  { code: 'FUND-GF-ADVMFG-A', nameZh: '广发先进制造股票A', nameEn: 'GF Advanced Manufacturing Equity A', house: '广发基金', manager: '梁嘉欣', fundType: 'EQUITY', assetClass: 'EQUITY', issuerType: 'FUND_HOUSE', riskRating: 'R4', minimum: publicMin('10'), sipMinimum: '10', feeRate: '0.0120', establishedYearsAgo: null, liquidity: 'HIGH', function: 'INVESTMENT', status: 'DRAFT', nav: { none: true } },
  // --- QDII (R4/R5) ------------------------------------------------------
  { code: 'FUND-EFD-SP500-A', nameZh: '易方达标普500指数(QDII-LOF)A', nameEn: 'E Fund S&P 500 Index (QDII-LOF) A', house: '易方达基金', manager: '曹文轩', fundType: 'QDII', assetClass: 'EQUITY', issuerType: 'FUND_HOUSE', riskRating: 'R4', minimum: publicMin('10'), sipMinimum: '10', feeRate: '0.0080', establishedYearsAgo: 10, liquidity: 'MEDIUM', function: 'INVESTMENT', nav: walk(2.2, 3.4, 0.0100, 0.08) },
  { code: 'FUND-HX-NDX100-A', nameZh: '华夏纳斯达克100ETF联接(QDII)A', nameEn: 'ChinaAMC NASDAQ-100 ETF Feeder (QDII) A', house: '华夏基金', manager: '邓思琪', fundType: 'QDII', assetClass: 'EQUITY', issuerType: 'FUND_HOUSE', riskRating: 'R4', minimum: publicMin('10'), sipMinimum: '10', feeRate: '0.0080', establishedYearsAgo: 5, liquidity: 'MEDIUM', function: 'INVESTMENT', status: 'SUSPENDED', nav: walk(1.6, 2.3, 0.0125, 0.09) },
  { code: 'FUND-JS-GLOBALNET', nameZh: '嘉实全球互联网股票(QDII)', nameEn: 'Harvest Global Internet Equity (QDII)', house: '嘉实基金', manager: '韩子墨', fundType: 'QDII', assetClass: 'EQUITY', issuerType: 'FUND_HOUSE', riskRating: 'R5', minimum: publicMin('100'), sipMinimum: '100', feeRate: '0.0120', establishedYearsAgo: 12, liquidity: 'MEDIUM', function: 'INVESTMENT', nav: walk(1.9, 2.9, 0.0165, 0.06) },
  { code: 'FUND-NF-CRUDE', nameZh: '南方原油(QDII-LOF)A', nameEn: 'Southern Crude Oil (QDII-LOF) A', house: '南方基金', manager: '邱立诚', fundType: 'QDII', assetClass: 'COMMODITY_DERIVATIVES', issuerType: 'FUND_HOUSE', riskRating: 'R5', minimum: publicMin('100'), feeRate: '0.0100', establishedYearsAgo: 9, liquidity: 'MEDIUM', function: 'INVESTMENT', nav: walk(0.9, 1.4, 0.0210, 0.02) },
  // --- private funds (qualified investors, R3–R5) ------------------------
  { code: 'PF-HY-STEADYBOND-1', nameZh: '泓远稳健增利债券1号私募证券投资基金', nameEn: 'Hongyuan Steady Income Bond No.1 Private Fund', house: PRIVATE_A, manager: '钱伯言', fundType: 'PRIVATE', assetClass: 'FIXED_INCOME', issuerType: 'FUND_HOUSE', isPrivate: true, riskRating: 'R3', minimum: { privateClass: true, step: '10000' }, feeRate: '0.0100', establishedYearsAgo: 5, liquidity: 'LOW', function: 'INVESTMENT', nav: walk(1.1, 1.3, 0.0012, 0.05) },
  { code: 'PF-HF-MULTI-2', nameZh: '衡丰多策略混合2号私募证券投资基金', nameEn: 'Hengfeng Multi-Strategy Hybrid No.2 Private Fund', house: PRIVATE_B, manager: '沈一帆', fundType: 'PRIVATE', assetClass: 'MIXED', issuerType: 'FUND_HOUSE', isPrivate: true, riskRating: 'R4', minimum: { privateClass: true, step: '10000' }, feeRate: '0.0150', establishedYearsAgo: 7, liquidity: 'LOW', function: 'INVESTMENT', nav: walk(1.2, 1.8, 0.0080, 0.07) },
  { code: 'PF-HY-VALUE-1', nameZh: '泓远价值成长1号私募证券投资基金', nameEn: 'Hongyuan Value Growth No.1 Private Fund', house: PRIVATE_A, manager: '钱伯言', fundType: 'PRIVATE', assetClass: 'EQUITY', issuerType: 'FUND_HOUSE', isPrivate: true, riskRating: 'R5', minimum: { privateClass: true, step: '100000' }, feeRate: '0.0150', establishedYearsAgo: 8, liquidity: 'LOW', function: 'INVESTMENT', nav: walk(1.3, 2.5, 0.0150, 0.08) },
  { code: 'PF-HF-CTA-1', nameZh: '衡丰商品CTA1号私募基金', nameEn: 'Hengfeng Commodity CTA No.1 Private Fund', house: PRIVATE_B, manager: '沈一帆', fundType: 'PRIVATE', assetClass: 'COMMODITY_DERIVATIVES', issuerType: 'FUND_HOUSE', isPrivate: true, riskRating: 'R5', minimum: { privateClass: true, step: '100000' }, feeRate: '0.0200', establishedYearsAgo: 6, liquidity: 'LOW', function: 'INVESTMENT', nav: walk(1.0, 1.6, 0.0190, 0.06) },
  // --- bank wealth products (理财, regime WEALTH, R2–R4) ------------------
  { code: 'WM-HR-FI90', nameZh: '华瑞银行稳享固收90天持有期理财', nameEn: 'Huarui Bank Steady Fixed Income 90-Day Holding Wealth Product', house: BANK, manager: '华瑞银行资产管理部', fundType: 'BOND', assetClass: 'FIXED_INCOME', issuerType: 'BANK', isBankWealth: true, riskRating: 'R2', minimum: { publicWealth: true, step: '1000' }, feeRate: '0.0030', establishedYearsAgo: 3, liquidity: 'MEDIUM', function: 'PRESERVATION', nav: walk(1.03, 1.09, 0.0004, 0.03) },
  { code: 'WM-HR-BAL1Y', nameZh: '华瑞银行安盈混合一年持有期理财', nameEn: 'Huarui Bank Secure Balanced 1-Year Holding Wealth Product', house: BANK, manager: '华瑞银行资产管理部', fundType: 'MIXED', assetClass: 'MIXED', issuerType: 'BANK', isBankWealth: true, riskRating: 'R3', minimum: { publicWealth: true, step: '1000' }, feeRate: '0.0050', establishedYearsAgo: 1, liquidity: 'LOW', function: 'INVESTMENT', saleStartInDays: -200, saleEndInDays: -10, nav: walk(0.98, 1.05, 0.0035, 0.04), purchasesEndedDaysAgo: 10 },
  { code: 'WM-HRLC-FIPLUS', nameZh: '华瑞理财恒盈固收增强日开理财', nameEn: 'Huarui Wealth Fixed Income Plus Daily Open Wealth Product', house: SUBSIDIARY, manager: '华瑞理财固收投资部', fundType: 'BOND', assetClass: 'FIXED_INCOME', issuerType: 'BANK_SUBSIDIARY', isBankWealth: true, riskRating: 'R2', minimum: publicMin('1'), sipMinimum: '100', feeRate: '0.0030', establishedYearsAgo: 4, liquidity: 'HIGH', function: 'PRESERVATION', nav: walk(1.04, 1.12, 0.0005, 0.028) },
  { code: 'WM-HRLC-BALANCE', nameZh: '华瑞理财稳健平衡混合理财', nameEn: 'Huarui Wealth Steady Balanced Wealth Product', house: SUBSIDIARY, manager: '华瑞理财多资产投资部', fundType: 'MIXED', assetClass: 'MIXED', issuerType: 'BANK_SUBSIDIARY', isBankWealth: true, riskRating: 'R3', minimum: publicMin('1'), feeRate: '0.0050', establishedYearsAgo: 3, liquidity: 'MEDIUM', function: 'INVESTMENT', nav: walk(0.97, 1.08, 0.0030, 0.04) },
  { code: 'WM-HRLC-EQUITY', nameZh: '华瑞理财睿选权益精选理财', nameEn: 'Huarui Wealth Select Equity Wealth Product', house: SUBSIDIARY, manager: '华瑞理财权益投资部', fundType: 'EQUITY', assetClass: 'EQUITY', issuerType: 'BANK_SUBSIDIARY', isBankWealth: true, riskRating: 'R4', minimum: publicMin('1'), sipMinimum: '100', feeRate: '0.0080', establishedYearsAgo: 2, liquidity: 'MEDIUM', function: 'INVESTMENT', nav: walk(0.85, 1.15, 0.0110, 0.05) },
  { code: 'WM-HRLC-PB-1', nameZh: '华瑞理财私行尊享混合1号（私募）', nameEn: 'Huarui Wealth Private Banking Exclusive Hybrid No.1 (Private)', house: SUBSIDIARY, manager: '华瑞理财私人银行投资部', fundType: 'MIXED', assetClass: 'MIXED', issuerType: 'BANK_SUBSIDIARY', isBankWealth: true, isPrivate: true, riskRating: 'R4', minimum: { privateClass: true, step: '10000' }, feeRate: '0.0080', establishedYearsAgo: 2, liquidity: 'LOW', function: 'INVESTMENT', nav: walk(1.0, 1.2, 0.0060, 0.05) },
];
