import { text, type SuitabilityRule } from '../../../src/sdk/index.js';
import { CARDS_LINE } from '../domain.js';
import { heldCreditCards, isApplication, productCard } from './card-facts.js';
import { REG } from './regulations.js';

/** A first credit card at this bank is never issued without a staff review of the applicant. */
export const firstCreditCard: SuitabilityRule = {
  id: 'cards.first-credit-card',
  version: '1.0.0',
  lines: [CARDS_LINE],
  regulation: REG.creditCardArt43,
  description: text('首次申领本行信用卡须人工审核（亲访亲签）', 'A first credit card at this bank needs a manual review'),
  reasons: {
    FIRST_CARD_MANUAL_REVIEW: {
      outcome: 'REQUIRE',
      step: 'MANUAL_REVIEW',
      message: text('客户首次申领本行信用卡，须经人工审核', "The customer's first credit card at this bank needs a manual review"),
    },
  },
  evaluate(facts) {
    const { cardKind } = productCard(facts);
    if (!isApplication(facts) || cardKind !== 'CREDIT') return [];
    const held = heldCreditCards(facts).length;
    if (held > 0) return [];
    return [{ code: 'FIRST_CARD_MANUAL_REVIEW', saw: { cardKind, creditCardsHeld: held } }];
  },
};
