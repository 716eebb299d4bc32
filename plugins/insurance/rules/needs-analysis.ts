import { text, type SuitabilityRule } from '../../../src/sdk/index.js';
import { INSURANCE_LINE } from '../domain.js';
import { REGULATIONS } from './wording.js';

/** Every bancassurance purchase starts with a needs and risk-tolerance analysis. */
export const needsAnalysis: SuitabilityRule = {
  id: 'insurance.needs-analysis',
  version: '1.0.0',
  lines: [INSURANCE_LINE],
  regulation: REGULATIONS.agencyMeasures2019,
  description: text('代理销售保险前须进行客户需求与风险承受能力分析', 'A needs and risk-tolerance analysis before any bancassurance sale'),
  reasons: {
    NEEDS_ANALYSIS: {
      outcome: 'REQUIRE',
      step: 'NEEDS_ANALYSIS',
      message: text(
        '销售保险前须完成客户需求分析（保险需求、风险承受能力、缴费能力）',
        'A customer needs analysis (insurance needs, risk tolerance, ability to pay) must be completed before the sale',
      ),
    },
  },
  evaluate(facts) {
    if (facts.sale.side !== 'BUY') return [];
    return [{ code: 'NEEDS_ANALYSIS', saw: { side: facts.sale.side, completedSteps: facts.sale.completedSteps } }];
  },
};
