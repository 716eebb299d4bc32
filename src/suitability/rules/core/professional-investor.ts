import { text } from '../../../i18n/localized.js';
import type { SuitabilityRule } from '../../../sdk/contract/suitability.js';
import { levelGap } from './level-gap.js';
import { assessProfessionalInvestor } from './professional.js';

/**
 * Explains, with an ALLOW reason, why a professional investor may buy a product
 * rated above their assessed level (`core.risk-matching` skips professionals).
 * Says nothing when there is no gap to explain.
 */
export const professionalInvestor: SuitabilityRule = {
  id: 'core.professional-investor',
  version: '1.0.0',
  reads: ['core.professionalInvestor'],
  regulation: text('《证券期货投资者适当性管理办法》第八条', 'Measures for the Suitability Management of Securities and Futures Investors, Art. 8'),
  description: text('专业投资者可购买各风险等级的产品', 'Professional investors may buy products of every risk rating'),
  reasons: {
    PROFESSIONAL_INVESTOR: {
      outcome: 'ALLOW',
      message: text(
        '产品风险等级 {productRisk} 高于客户风险承受能力 {customerLevel}，但客户为专业投资者（{basisZh}），可以购买',
        'The product risk {productRisk} is above the customer risk tolerance {customerLevel}, but the customer is a professional investor ({basisEn}) and may buy it',
      ),
    },
  },
  evaluate(facts, ctx) {
    const gap = levelGap(facts);
    if (!gap) return [];
    const assessment = assessProfessionalInvestor(facts, ctx.settings);
    if (!assessment.professional) return [];
    return [
      {
        code: 'PROFESSIONAL_INVESTOR',
        params: { ...gap, basisZh: assessment.explanation['zh-CN'], basisEn: assessment.explanation.en },
        saw: { ...gap, basis: assessment.basis, ...assessment.saw },
      },
    ];
  },
};
