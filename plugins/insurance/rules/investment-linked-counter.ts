import { text, type SuitabilityRule } from '../../../src/sdk/index.js';
import { INSURANCE_LINE } from '../domain.js';
import { read } from '../settings.js';
import { productTerms } from './read-facts.js';
import { REGULATIONS } from './wording.js';

/** Investment-linked policies are sold in a wealth centre or VIP room, never at an ordinary counter. */
export const investmentLinkedCounter: SuitabilityRule = {
  id: 'insurance.investment-linked-counter',
  version: '1.0.0',
  lines: [INSURANCE_LINE],
  regulation: REGULATIONS.agencyGuidelines2011,
  description: text('普通柜台不得销售投资连结保险', 'No investment-linked insurance at ordinary counters'),
  reasons: {
    INVESTMENT_LINKED_AT_COUNTER: {
      outcome: 'BLOCK',
      message: text(
        '投资连结保险不得通过普通柜台（{channel}）销售，请在理财中心或贵宾室办理',
        'Investment-linked insurance may not be sold at an ordinary counter ({channel}); use a wealth centre or VIP room',
      ),
    },
  },
  evaluate(facts, ctx) {
    if (facts.sale.side !== 'BUY') return [];
    const product = productTerms(facts);
    if (product.insuranceType !== 'INVESTMENT_LINKED') return [];
    const blocked = read(ctx.settings).investmentLinkedBlockedChannels();
    if (!blocked.includes(facts.sale.channel)) return [];
    return [
      {
        code: 'INVESTMENT_LINKED_AT_COUNTER',
        params: { channel: facts.sale.channel },
        saw: { insuranceType: product.insuranceType, channel: facts.sale.channel, blockedChannels: blocked },
      },
    ];
  },
};
