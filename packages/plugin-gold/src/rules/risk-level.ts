import { levelNumber, text, type SuitabilityRule } from '@finmart/sdk';
import { SETTING_REQUIRED_LEVEL } from '../settings.js';
import { isAccountGold, readGoldDetails } from '../domain.js';
import { isExistingPlanContribution, readSaleDetails } from './sale.js';

/**
 * Account gold and savings plans need a minimum customer risk level for opening,
 * buying and new plans. Redemptions (SELL) and contributions to a plan the
 * customer already holds are not affected.
 */
export const goldRiskLevel: SuitabilityRule = {
  id: 'gold.risk-level',
  version: '1.0.0',
  lines: ['GOLD'],
  regulation: text(
    '银行积存金业务风险等级要求（2026 年工行 C3、农行 C2、建行 C4 公告）',
    'Bank notices on account gold risk levels (2026: ICBC C3, ABC C2, CCB C4)',
  ),
  description: text(
    '积存金/账户金开户、买入和新签定投要求客户风险等级不低于银行设定',
    'Opening, buying or starting a savings plan in account gold needs the bank-set customer risk level',
  ),
  reasons: {
    GOLD_RISK_LEVEL_TOO_LOW: {
      outcome: 'BLOCK',
      message: text(
        '积存金/账户金买入要求风险等级不低于 {required}，客户当前为 {level}；赎回及已有定投计划不受影响',
        'Buying account gold needs risk level {required} or higher; the customer is {level}. Redemptions and existing plans are not affected',
      ),
    },
  },
  evaluate(facts, ctx) {
    const details = readGoldDetails(facts.product.details);
    if (!isAccountGold(details.goldType) || facts.sale.side !== 'BUY') return [];
    const sale = readSaleDetails(facts);
    if (details.goldType === 'GOLD_SAVINGS_PLAN' && isExistingPlanContribution(facts, sale.plan)) return [];
    const required = ctx.settings.get<string>(SETTING_REQUIRED_LEVEL);
    const level = facts.customer.risk.level;
    if (level !== null && levelNumber(level) >= levelNumber(required)) return [];
    return [
      {
        code: 'GOLD_RISK_LEVEL_TOO_LOW',
        params: { required, level: level ?? '—' },
        saw: { goldType: details.goldType, side: facts.sale.side, plan: sale.plan, customerLevel: level, requiredLevel: required },
      },
    ];
  },
};
