import { text, type SuitabilityRule } from '../../../src/sdk/index.js';
import { INSURANCE_LINE } from '../domain.js';
import { productTerms } from './read-facts.js';
import { REGULATIONS } from './wording.js';

/** Tells the customer of the 犹豫期 of personal cover over one year: cancel within it for a full refund. */
export const coolingOff: SuitabilityRule = {
  id: 'insurance.cooling-off',
  version: '1.0.0',
  lines: [INSURANCE_LINE],
  regulation: REGULATIONS.coolingOff,
  description: text('告知一年期以上人身保险的犹豫期', 'Inform the customer of the cooling-off period of personal cover over one year'),
  reasons: {
    COOLING_OFF_PERIOD: {
      outcome: 'WARN',
      message: text(
        '本产品有 {days} 日犹豫期：自收到保单之日起 {days} 日内可解除合同，退还全部保费',
        'This policy has a {days}-day cooling-off period: cancel within {days} days of receiving the policy for a full refund of premiums',
      ),
    },
  },
  evaluate(facts) {
    if (facts.sale.side !== 'BUY') return [];
    const product = productTerms(facts);
    if (!product.lifeOrHealth || !product.coverOverOneYear || product.coolingOffDays <= 0) return [];
    return [
      {
        code: 'COOLING_OFF_PERIOD',
        params: { days: product.coolingOffDays },
        saw: { lifeOrHealth: product.lifeOrHealth, coverOverOneYear: product.coverOverOneYear, coolingOffDays: product.coolingOffDays },
      },
    ];
  },
};
