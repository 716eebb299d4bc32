import { text } from '../../../i18n/localized.js';
import type { SuitabilityRule } from '../../../sdk/contract/suitability.js';
import { levelGap } from './level-gap.js';
import { isProfessionalInvestor } from './professional.js';

/**
 * Matches product rating R*m* with customer level C*n* for a purchase. m ≤ n is
 * fine. Above the level, only the strictest applicable reason is given, most
 * specific first: the lowest category may never buy above its level (Art. 22(5));
 * staff may never push a product above the level (Art. 22(3)(4)); a bank wealth
 * product is never sold above the level, whatever the customer says (理财 rules;
 * self-declaration ended in 2012); a fund/securities product the customer asked
 * for needs a signed special risk warning (Art. 19); anything else is blocked.
 * Professional investors are not matched (see `core.professional-investor`).
 */
export const riskMatching: SuitabilityRule = {
  id: 'core.risk-matching',
  version: '1.0.0',
  reads: ['core.professionalInvestor'],
  regulation: text(
    '《证券期货投资者适当性管理办法》第十九条、第二十二条；《商业银行理财业务监督管理办法》风险匹配规定',
    'Measures for the Suitability Management of Securities and Futures Investors, Arts. 19 and 22; risk-matching rules for bank wealth products',
  ),
  description: text('产品风险等级不得高于客户风险承受能力', 'The product risk rating must not exceed the customer risk tolerance'),
  reasons: {
    LOWEST_CATEGORY_ABOVE_LEVEL: {
      outcome: 'BLOCK',
      message: text(
        '产品风险等级 {productRisk} 高于客户风险承受能力 {customerLevel}，客户属于风险承受能力最低类别，不得销售（适当性管理办法第二十二条第（五）项）',
        'The product risk {productRisk} is above the customer risk tolerance {customerLevel} and the customer is in the lowest risk-tolerance category: it may not be sold (Suitability Measures Art. 22(5))',
      ),
    },
    STAFF_RECOMMENDED_ABOVE_LEVEL: {
      outcome: 'BLOCK',
      message: text(
        '产品风险等级 {productRisk} 高于客户风险承受能力 {customerLevel}，不得由员工主动推介（适当性管理办法第二十二条第（三）、（四）项）',
        'The product risk {productRisk} is above the customer risk tolerance {customerLevel}: staff may not recommend it (Suitability Measures Art. 22(3)(4))',
      ),
    },
    WEALTH_ABOVE_LEVEL: {
      outcome: 'BLOCK',
      message: text(
        '理财产品风险等级 {productRisk} 高于客户风险承受能力 {customerLevel}，即使客户坚持也不得销售',
        'The wealth product risk {productRisk} is above the customer risk tolerance {customerLevel}: it may not be sold even if the customer insists',
      ),
    },
    ABOVE_RISK_LEVEL_SIGNED_WARNING: {
      outcome: 'REQUIRE',
      step: 'SPECIAL_RISK_WARNING_SIGNED',
      message: text(
        '产品风险等级 {productRisk} 高于客户风险承受能力 {customerLevel}，客户主动要求购买，须签署特别风险警示书后方可销售（适当性管理办法第十九条）',
        'The product risk {productRisk} is above the customer risk tolerance {customerLevel}; as the customer asked for it, it may be sold once the customer signs a special risk warning (Suitability Measures Art. 19)',
      ),
    },
    ABOVE_RISK_LEVEL: {
      outcome: 'BLOCK',
      message: text(
        '产品风险等级 {productRisk} 高于客户风险承受能力 {customerLevel}，不得销售',
        'The product risk {productRisk} is above the customer risk tolerance {customerLevel}: it may not be sold',
      ),
    },
  },
  evaluate(facts, ctx) {
    const gap = levelGap(facts);
    if (!gap || isProfessionalInvestor(facts, ctx.settings)) return [];
    const { customer, product, sale } = facts;
    const saw = {
      ...gap,
      lowestCategory: customer.risk.lowestCategory,
      initiator: sale.initiator,
      regime: product.regime,
      investorType: customer.investorType,
    };
    const hit = (code: string) => [{ code, params: { ...gap }, saw }];
    if (customer.risk.lowestCategory) return hit('LOWEST_CATEGORY_ABOVE_LEVEL');
    if (sale.initiator === 'STAFF') return hit('STAFF_RECOMMENDED_ABOVE_LEVEL');
    if (product.regime === 'WEALTH') return hit('WEALTH_ABOVE_LEVEL');
    if (product.regime === 'SECURITIES') return hit('ABOVE_RISK_LEVEL_SIGNED_WARNING');
    return hit('ABOVE_RISK_LEVEL');
  },
};
