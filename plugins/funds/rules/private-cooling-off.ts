import { text, type SuitabilityRule } from '../../../src/sdk/index.js';
import { FUNDS_SETTINGS } from '../settings.js';
import { fundView } from './fund-facts.js';
import { REGULATIONS } from './regulations.js';

/**
 * A private product purchase comes with a cooling-off period during which the
 * customer may cancel for a full refund. The order flow enforces the waiting
 * from the product's `coolingOffHours`; this rule tells the customer (the WARN
 * is stored with the order as evidence of the disclosure) and refuses the sale
 * when the product is configured with a shorter period than the bank's setting,
 * since the order flow would then not give the customer the period they are owed.
 */
export const privateCoolingOff: SuitabilityRule = {
  id: 'funds.private-cooling-off',
  version: '1.0.0',
  regulation: REGULATIONS.privateCoolingOff,
  description: text('私募产品设置投资冷静期，冷静期内可撤销并全额退款', 'Private products have a cooling-off period with a full refund on cancellation'),
  reasons: {
    PRIVATE_COOLING_OFF: {
      outcome: 'WARN',
      message: text(
        '私募产品设有 {hours} 小时投资冷静期：冷静期内客户可撤销本次购买并获全额退款，冷静期满后交易方才生效',
        'Private product: a {hours}-hour cooling-off period applies; the customer may cancel within it for a full refund, and the purchase takes effect only when it ends',
      ),
    },
    PRIVATE_COOLING_OFF_NOT_CONFIGURED: {
      outcome: 'BLOCK',
      message: text(
        '产品冷静期配置为 {productHours} 小时，低于私募产品要求的 {hours} 小时，暂停销售，请联系产品管理部门',
        'The product is configured with a {productHours}-hour cooling-off period, below the {hours} hours required for private products; sale suspended until it is corrected',
      ),
    },
  },
  evaluate(facts, ctx) {
    if (facts.sale.side !== 'BUY' || !fundView(facts).isPrivate) return [];
    const required = ctx.settings.get<number>(FUNDS_SETTINGS.privateCoolingOffHours);
    const productHours = facts.product.coolingOffHours;
    const saw = { isPrivate: true, requiredHours: required, productCoolingOffHours: productHours };
    if (!(productHours >= required)) {
      return [{ code: 'PRIVATE_COOLING_OFF_NOT_CONFIGURED', params: { productHours, hours: required }, saw }];
    }
    // A product may grant more than the floor; the customer is told what they will get.
    return [{ code: 'PRIVATE_COOLING_OFF', params: { hours: productHours }, saw }];
  },
};
