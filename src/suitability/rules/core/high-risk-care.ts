import { text } from '../../../i18n/localized.js';
import { levelNumber, type ProductRisk, type SuitabilityRule } from '../../../sdk/contract/suitability.js';
import { isProfessionalInvestor } from './professional.js';

/**
 * An ordinary investor buying a high-risk product (rated at or above the bank
 * setting `core.highRiskFromRating`, R4 by default) gets the special duty of
 * care of Art. 20: a warning that is shown and stored, not a stop.
 */
export const highRiskCare: SuitabilityRule = {
  id: 'core.high-risk-care',
  version: '1.0.0',
  reads: ['core.highRiskFromRating', 'core.professionalInvestor'],
  regulation: text('《证券期货投资者适当性管理办法》第二十条', 'Measures for the Suitability Management of Securities and Futures Investors, Art. 20'),
  description: text('向普通投资者销售高风险产品须履行特别注意义务', 'Extra care when selling a high-risk product to an ordinary investor'),
  reasons: {
    HIGH_RISK_EXTRA_CARE: {
      outcome: 'WARN',
      message: text(
        '产品风险等级 {productRisk} 属高风险产品（{fromRisk} 及以上），客户为普通投资者：须告知特别风险点并给予更多考虑时间',
        'The product risk {productRisk} is high ({fromRisk} or above) and the customer is an ordinary investor: explain the specific risks and give more time to decide',
      ),
    },
  },
  evaluate(facts, ctx) {
    const { product, sale } = facts;
    if (sale.side !== 'BUY') return [];
    const fromRisk = ctx.settings.get<ProductRisk>('core.highRiskFromRating');
    if (levelNumber(product.riskRating) < levelNumber(fromRisk)) return [];
    if (isProfessionalInvestor(facts, ctx.settings)) return [];
    return [
      {
        code: 'HIGH_RISK_EXTRA_CARE',
        params: { productRisk: product.riskRating, fromRisk },
        saw: { productRisk: product.riskRating, fromRisk, investorType: facts.customer.investorType, professional: false },
      },
    ];
  },
};
