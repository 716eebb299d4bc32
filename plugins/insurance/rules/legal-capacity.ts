import { text, type SuitabilityRule } from '../../../src/sdk/index.js';
import { AGE_OF_MAJORITY, INSURANCE_LINE } from '../domain.js';
import { isMinorChild, productTerms, saleTerms } from './read-facts.js';
import { REGULATIONS } from './wording.js';

const CAPACITY_LABELS = {
  LIMITED: text('限制民事行为能力人', 'limited legal capacity'),
  NONE: text('无民事行为能力人', 'no legal capacity'),
  NOT_FULL: text('不具有完全民事行为能力的人', 'less than full legal capacity'),
};

const capacityParams = (capacity: 'FULL' | 'LIMITED' | 'NONE' | null) => {
  const label = capacity === 'LIMITED' || capacity === 'NONE' ? CAPACITY_LABELS[capacity] : CAPACITY_LABELS.NOT_FULL;
  return { capacityZh: label['zh-CN'], capacityEn: label.en };
};

/**
 * No death cover on a person without full legal capacity, except parents
 * insuring their minor child (the child must really be under 18).
 */
export const legalCapacity: SuitabilityRule = {
  id: 'insurance.legal-capacity',
  version: '1.0.0',
  lines: [INSURANCE_LINE],
  regulation: REGULATIONS.insuranceLaw33,
  description: text(
    '不得为无民事行为能力人投保以死亡为给付条件的保险（父母为未成年子女投保除外）',
    'No death cover for a person without legal capacity (except parents insuring a minor child)',
  ),
  reasons: {
    DEATH_COVER_NO_CAPACITY: {
      outcome: 'BLOCK',
      message: text(
        '被保险人为{capacityZh}，不得投保以死亡为给付保险金条件的保险；父母为未满 {majority} 岁的子女投保除外',
        'The insured has {capacityEn}; death cover may not be bought for them, except by parents for a child under {majority}',
      ),
    },
  },
  evaluate(facts) {
    if (facts.sale.side !== 'BUY') return [];
    const product = productTerms(facts);
    if (!product.deathCover) return [];
    const sale = saleTerms(facts, product);
    const customerCapacity = facts.customer.legalCapacity;
    const selfWithoutCapacity = sale.insuredIsPolicyholder && customerCapacity !== 'FULL';
    if (sale.insuredHasLegalCapacity && !selfWithoutCapacity) return [];
    if (isMinorChild(sale)) return [];
    return [
      {
        code: 'DEATH_COVER_NO_CAPACITY',
        params: { ...capacityParams(selfWithoutCapacity ? customerCapacity : null), majority: AGE_OF_MAJORITY },
        saw: {
          deathCover: product.deathCover,
          insuredIsPolicyholder: sale.insuredIsPolicyholder,
          insuredHasLegalCapacity: sale.insuredHasLegalCapacity,
          customerLegalCapacity: customerCapacity,
          insuredIsMinorChildOfPolicyholder: sale.insuredIsMinorChildOfPolicyholder,
          insuredAge: sale.insuredAge,
        },
      },
    ];
  },
};
