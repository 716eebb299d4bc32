import { text, type RuleHit, type SuitabilityRule } from '../../../src/sdk/index.js';
import { CARDS_LINE } from '../domain.js';
import { SETTING, type AccountClassLimits } from '../settings.js';
import { decimalOf, isApplication, productCard } from './card-facts.js';
import { REG } from './regulations.js';

/**
 * Class II/III accounts: the customer is told the limits when opening one, and
 * a Class III account cannot start above its balance cap. The opening deposit
 * is `sale.details.initialDeposit`, else the sale amount (a debit order's
 * amount is its opening deposit). A deposit that is not a non-negative number fails closed.
 */
export const accountClassLimits: SuitabilityRule = {
  id: 'cards.account-class-limits',
  version: '1.0.0',
  lines: [CARDS_LINE],
  regulation: REG.accountClassLimits,
  description: text('Ⅱ、Ⅲ类户限额告知及Ⅲ类户余额上限', 'Class II/III limits disclosed; Class III balance cap'),
  reasons: {
    ACCOUNT_CLASS_LIMITS: {
      outcome: 'WARN',
      message: text(
        '{classZh}户限额：非绑定账户转入、消费及转出每日各 {daily} 元，每年各 {annual} 元；余额上限：{balanceZh}',
        '{classEn} account limits: non-linked inflows and spending/outflows CNY {daily} a day and CNY {annual} a year each; balance cap: {balanceEn}',
      ),
    },
    CLASS_III_BALANCE_CAP: {
      outcome: 'BLOCK',
      message: text(
        'Ⅲ类户余额不得超过 {cap} 元，初始存入金额 {deposit} 元不符合',
        'A Class III account may hold at most CNY {cap}; the initial deposit {deposit} does not fit',
      ),
    },
  },
  evaluate(facts, ctx) {
    const { cardKind, accountClass } = productCard(facts);
    if (!isApplication(facts) || cardKind !== 'DEBIT') return [];
    if (accountClass !== 'CLASS_II' && accountClass !== 'CLASS_III') return [];
    const limits = ctx.settings.get<AccountClassLimits>(SETTING.accountClassLimits);
    const hits: RuleHit[] = [];
    if (accountClass === 'CLASS_II') {
      const l = limits.CLASS_II;
      hits.push({
        code: 'ACCOUNT_CLASS_LIMITS',
        params: { classZh: 'Ⅱ类', classEn: 'Class II', daily: l.dailyCny, annual: l.annualCny, balanceZh: '无', balanceEn: 'none' },
        saw: { accountClass, limits: l },
      });
      return hits;
    }
    const l = limits.CLASS_III;
    hits.push({
      code: 'ACCOUNT_CLASS_LIMITS',
      params: {
        classZh: 'Ⅲ类',
        classEn: 'Class III',
        daily: l.dailyCny,
        annual: l.annualCny,
        balanceZh: `${l.balanceCny} 元`,
        balanceEn: `CNY ${l.balanceCny}`,
      },
      saw: { accountClass, limits: l },
    });
    const raw = facts.sale.details.initialDeposit ?? facts.sale.amount ?? null;
    if (raw !== null) {
      const deposit = decimalOf(raw);
      if (deposit === null || deposit.gt(l.balanceCny)) {
        hits.push({
          code: 'CLASS_III_BALANCE_CAP',
          params: { cap: l.balanceCny, deposit: String(raw) },
          saw: { accountClass, initialDeposit: raw, balanceCap: l.balanceCny },
        });
      }
    }
    return hits;
  },
};
