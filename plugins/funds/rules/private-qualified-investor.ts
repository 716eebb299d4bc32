import { Decimal, text, type SuitabilityRule } from '../../../src/sdk/index.js';
import { FUNDS_SETTINGS, type QualifiedInvestorThresholds } from '../settings.js';
import { fundDecimal, fundView, plain } from './fund-facts.js';
import { REGULATIONS } from './regulations.js';

/**
 * Private products (私募基金, 私募理财) are sold only to qualified investors:
 * enough years of investment experience AND one of the asset or income tests.
 *
 * The bank does not record household *net* financial assets, only household
 * financial assets; the net test therefore reads the gross figure. That makes
 * the lower (net) threshold the effective asset bar — a known limitation to fix
 * by capturing net assets in the risk assessment.
 */
export const privateQualifiedInvestor: SuitabilityRule = {
  id: 'funds.private-qualified-investor',
  version: '1.0.0',
  regulation: REGULATIONS.assetManagementGuidelines,
  description: text('私募产品仅向合格投资者销售', 'Private products are sold only to qualified investors'),
  reasons: {
    NOT_QUALIFIED_INVESTOR: {
      outcome: 'BLOCK',
      message: text(
        '客户不是合格投资者，不能购买私募产品：需具有 {minYears} 年以上投资经历（客户 {years} 年），且家庭金融净资产不低于 {minNetAssets} 元、家庭金融资产不低于 {minAssets} 元或近三年本人年均收入不低于 {minIncome} 元（客户家庭金融资产 {assets} 元，近三年年均收入 {income} 元）',
        'The customer is not a qualified investor and may not buy private products: needs at least {minYears} years of investment experience (has {years}) and household net financial assets of CNY {minNetAssets}, household financial assets of CNY {minAssets} or a 3-year average personal income of CNY {minIncome} (has household financial assets of CNY {assets}, average income of CNY {income})',
      ),
    },
  },
  evaluate(facts, ctx) {
    if (facts.sale.side !== 'BUY' || !fundView(facts).isPrivate) return [];
    const t = ctx.settings.get<QualifiedInvestorThresholds>(FUNDS_SETTINGS.qualifiedInvestor);
    const c = facts.customer;
    // Unknown figures count as nothing: qualification has to be shown, not assumed.
    const years = Number.isFinite(c.risk.experienceYears) ? c.risk.experienceYears : 0;
    const assets = fundDecimal(c.householdFinancialAssets) ?? new Decimal(0);
    const income = fundDecimal(c.incomeThreeYearAverage) ?? new Decimal(0);

    const experienced = years >= t.experienceYears;
    const meetsNetAssets = assets.gte(t.householdNetFinancialAssetsCny);
    const meetsAssets = assets.gte(t.householdFinancialAssetsCny);
    const meetsIncome = income.gte(t.averageIncomeCny);
    if (experienced && (meetsNetAssets || meetsAssets || meetsIncome)) return [];

    return [
      {
        code: 'NOT_QUALIFIED_INVESTOR',
        params: {
          minYears: t.experienceYears,
          years,
          minNetAssets: t.householdNetFinancialAssetsCny,
          minAssets: t.householdFinancialAssetsCny,
          minIncome: t.averageIncomeCny,
          assets: plain(assets),
          income: plain(income),
        },
        saw: {
          isPrivate: facts.product.details.isPrivate ?? null,
          experienceYears: c.risk.experienceYears,
          householdFinancialAssets: c.householdFinancialAssets,
          incomeThreeYearAverage: c.incomeThreeYearAverage,
          thresholds: t,
          meets: { experience: experienced, netAssets: meetsNetAssets, assets: meetsAssets, income: meetsIncome },
        },
      },
    ];
  },
};
