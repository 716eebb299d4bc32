import { text } from '../../../i18n/localized.js';
import { levelNumber, type ProductRisk, type RuleHit, type SuitabilityRule } from '../../../sdk/contract/suitability.js';

/**
 * Purchases by senior customers (age ≥ `core.seniorCustomerAge`) carry a warning;
 * when the bank sets `core.seniorApprovalFromRisk`, products rated at or above it
 * also need the branch head's approval.
 */
export const seniorCustomer: SuitabilityRule = {
  id: 'core.senior-customer',
  version: '1.0.0',
  reads: ['core.seniorCustomerAge', 'core.seniorApprovalFromRisk'],
  regulation: text(
    '《商业银行理财产品销售管理办法》第二十八条；银行内部规定（高龄客户审批）',
    'Measures for the Administration of Sales of Wealth Management Products by Commercial Banks, Art. 28; bank house rule (senior approval)',
  ),
  description: text(
    '高龄客户购买须考虑年龄因素，高风险产品可需支行负责人审批',
    'Senior customers: age is considered, and higher-risk products may need branch-head approval',
  ),
  reasons: {
    SENIOR_CUSTOMER: {
      outcome: 'WARN',
      message: text(
        '客户年龄 {age} 岁（{seniorAge} 岁及以上为高龄客户），销售时须充分考虑年龄因素',
        'The customer is {age} years old (senior from {seniorAge}): take age into account in this sale',
      ),
    },
    SENIOR_BRANCH_APPROVAL: {
      outcome: 'REQUIRE',
      step: 'BRANCH_HEAD_APPROVAL',
      message: text(
        '客户年龄 {age} 岁，购买风险等级 {productRisk} 的产品（{fromRisk} 及以上）须经支行负责人审批',
        "The customer is {age} years old: buying a {productRisk} product ({fromRisk} or above) needs the branch head's approval",
      ),
    },
  },
  evaluate(facts, ctx) {
    const { customer, product, sale } = facts;
    if (sale.side !== 'BUY') return [];
    const seniorAge = ctx.settings.get<number>('core.seniorCustomerAge');
    if (customer.age < seniorAge) return [];
    const fromRisk = ctx.settings.get<ProductRisk | null>('core.seniorApprovalFromRisk');
    const saw = { age: customer.age, seniorAge, productRisk: product.riskRating, approvalFromRisk: fromRisk };
    const hits: RuleHit[] = [{ code: 'SENIOR_CUSTOMER', params: { age: customer.age, seniorAge }, saw }];
    if (fromRisk != null && levelNumber(product.riskRating) >= levelNumber(fromRisk)) {
      hits.push({ code: 'SENIOR_BRANCH_APPROVAL', params: { age: customer.age, productRisk: product.riskRating, fromRisk }, saw });
    }
    return hits;
  },
};
