import { text } from '../../../i18n/localized.js';
import type { RuleHit, SuitabilityRule } from '../../../sdk/contract/suitability.js';
import { labelParams, STATUS_LABELS } from './labels.js';
import { evaluationInstant, instantOrNull } from './values.js';

/**
 * A purchase needs a product that is on sale, inside its sale window
 * (`saleStart` ≤ now < `saleEnd`; a missing bound is open). Redemptions are never
 * stopped here: a customer may still sell out of a suspended or closed product.
 * A sale bound that cannot be read (not one of the ISO 8601 forms `instantOrNull`
 * takes) counts as outside the window (fail closed).
 */
export const productOnSale: SuitabilityRule = {
  id: 'core.product-on-sale',
  version: '1.0.0',
  reads: [],
  regulation: text('产品条款：销售状态与销售期', 'Product terms: sale status and sale period'),
  description: text('仅可购买在售且处于销售期内的产品', 'Only products on sale and inside their sale period can be bought'),
  reasons: {
    PRODUCT_NOT_ON_SALE: {
      outcome: 'BLOCK',
      message: text('产品当前状态为“{statusZh}”（{status}），不可购买', 'The product is {statusEn} ({status}) and cannot be bought'),
    },
    OUTSIDE_SALE_WINDOW: {
      outcome: 'BLOCK',
      message: text(
        '当前时间 {now} 不在产品销售期内（{saleStart} 起，{saleEnd} 止）',
        'The time {now} is outside the product sale period (from {saleStart} until {saleEnd})',
      ),
    },
  },
  evaluate(facts, ctx) {
    const { product, sale } = facts;
    if (sale.side !== 'BUY') return [];
    const hits: RuleHit[] = [];
    if (product.status !== 'ON_SALE') {
      hits.push({
        code: 'PRODUCT_NOT_ON_SALE',
        params: { status: product.status, ...labelParams('status', STATUS_LABELS, product.status) },
        saw: { status: product.status, side: sale.side },
      });
    }
    const now = evaluationInstant(facts, ctx);
    // A missing bound is open (±Infinity); an unreadable one is NaN, and since no
    // comparison with NaN holds, the window test below fails for it (fail closed).
    const start = product.saleStart == null ? -Infinity : (instantOrNull(product.saleStart) ?? NaN);
    const end = product.saleEnd == null ? Infinity : (instantOrNull(product.saleEnd) ?? NaN);
    if (!(start <= now && now < end)) {
      hits.push({
        code: 'OUTSIDE_SALE_WINDOW',
        params: { now: facts.now, saleStart: product.saleStart ?? '—', saleEnd: product.saleEnd ?? '—' },
        saw: { saleStart: product.saleStart, saleEnd: product.saleEnd, now: facts.now, side: sale.side },
      });
    }
    return hits;
  },
};
