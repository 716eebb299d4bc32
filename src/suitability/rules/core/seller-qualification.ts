import { text, type LocalizedText } from '../../../i18n/localized.js';
import type { SuitabilityRule } from '../../../sdk/contract/suitability.js';
import { labelParams } from './labels.js';
import { evaluationInstant, instantOrNull } from './values.js';

/** Qualification names for messages; a kind not listed is shown as its code. */
export const QUALIFICATION_LABELS: Record<string, LocalizedText> = {
  FUND_SALES: text('基金销售从业资格', 'fund sales qualification'),
  INSURANCE_AGENT: text('保险代理从业资格', 'insurance agent qualification'),
  GOLD_TRADING: text('贵金属（黄金）交易资格', 'gold trading qualification'),
};

/**
 * A sale a member of staff initiates needs a seller who holds a valid
 * qualification for the product's line (基金销售资格, 保险代理资格, 黄金交易资格…):
 * the line names the kind in its plugin manifest (`sellerQualification`). A
 * qualification is valid until its expiry instant, not at it; one whose expiry
 * cannot be read is not shown to be valid. When the seller is unknown (head
 * office, online self-service) or the line names no qualification, the rule
 * says nothing; the customer's own purchases and redemptions are never held up.
 */
export const sellerQualification: SuitabilityRule = {
  id: 'core.seller-qualification',
  version: '1.0.0',
  reads: [],
  regulation: text(
    '《证券投资基金销售管理办法》第二十三条（基金销售人员应取得基金从业资格）；《保险代理人监管规定》第三十三条；银行贵金属业务管理规定',
    'Measures for the Sale of Securities Investment Funds, Art. 23 (fund sales staff must be qualified); Provisions on Insurance Agents, Art. 33; bank rules on precious-metal business',
  ),
  description: text('员工发起的销售须由持有该产品线有效资格的客户经理办理', 'A staff-initiated sale needs a seller holding a valid qualification for the line'),
  reasons: {
    SELLER_NOT_QUALIFIED: {
      outcome: 'BLOCK',
      message: text(
        '销售人员未持有有效的{qualificationZh}（{qualification}），不得办理该产品的销售',
        'The seller holds no valid {qualificationEn} ({qualification}); they may not sell this product',
      ),
    },
  },
  evaluate(facts, ctx) {
    const { product, sale } = facts;
    const required = product.sellerQualification;
    const seller = sale.seller;
    if (sale.initiator !== 'STAFF' || sale.side !== 'BUY' || !required || !seller) return [];
    const now = evaluationInstant(facts, ctx);
    const ofKind = seller.qualifications.filter((q) => q.kind === required);
    // Valid strictly before the expiry instant; an unreadable expiry is not valid.
    if (ofKind.some((q) => (instantOrNull(q.expiresAt) ?? now) > now)) return [];
    return [
      {
        code: 'SELLER_NOT_QUALIFIED',
        params: { qualification: required, ...labelParams('qualification', QUALIFICATION_LABELS, required) },
        saw: { requiredQualification: required, sellerManagerId: seller.managerId, heldOfKind: ofKind.map((q) => q.expiresAt), now: facts.now },
      },
    ];
  },
};
