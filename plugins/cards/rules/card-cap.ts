import { text, type SuitabilityRule } from '../../../src/sdk/index.js';
import { CARDS_LINE } from '../domain.js';
import { SETTING } from '../settings.js';
import { heldCards, isApplication, productCard } from './card-facts.js';
import { REG } from './regulations.js';

/** At most `cards.maxCardsPerCustomer` cards of this bank (debit and credit together) per customer. */
export const cardCap: SuitabilityRule = {
  id: 'cards.card-cap',
  version: '1.0.0',
  lines: [CARDS_LINE],
  regulation: REG.cardCap,
  description: text('每位客户持有本行银行卡数量不超过上限', 'Cards of this bank per customer are capped'),
  reasons: {
    CARD_CAP_REACHED: {
      outcome: 'BLOCK',
      message: text(
        '客户已持有本行银行卡 {held} 张，达到每人 {cap} 张的上限',
        'The customer already holds {held} cards of this bank; the limit is {cap} per customer',
      ),
    },
  },
  evaluate(facts, ctx) {
    if (!isApplication(facts)) return [];
    const cap = ctx.settings.get<number>(SETTING.maxCardsPerCustomer);
    const cards = heldCards(facts);
    if (cards.length < cap) return [];
    return [
      {
        code: 'CARD_CAP_REACHED',
        params: { held: cards.length, cap },
        saw: { cardsHeld: cards.length, cap, heldProductCodes: cards.map((h) => h.productCode), cardKind: productCard(facts).cardKind },
      },
    ];
  },
};
