import { text, type SuitabilityRule } from '../../../src/sdk/index.js';
import { CARDS_LINE } from '../domain.js';
import { heldDebitOfClass, isApplication, productCard } from './card-facts.js';
import { REG } from './regulations.js';

/** One Class I account per customer per bank; further accounts here must be Class II or III. */
export const singleClassOne: SuitabilityRule = {
  id: 'cards.single-class-one',
  version: '1.0.0',
  lines: [CARDS_LINE],
  regulation: REG.accountClasses,
  description: text('同一客户在本行只能开立一个Ⅰ类户', 'One Class I account per customer at this bank'),
  reasons: {
    CLASS_I_EXISTS: {
      outcome: 'BLOCK',
      message: text(
        '客户已在本行开立Ⅰ类户（{existing}），只能再开立Ⅱ类或Ⅲ类户',
        'The customer already has a Class I account here ({existing}); only Class II or III accounts may be opened',
      ),
    },
  },
  evaluate(facts) {
    const { cardKind, accountClass } = productCard(facts);
    if (!isApplication(facts) || cardKind !== 'DEBIT' || accountClass !== 'CLASS_I') return [];
    const existing = heldDebitOfClass(facts, 'CLASS_I');
    if (existing.length === 0) return [];
    const codes = existing.map((h) => h.productCode);
    return [{ code: 'CLASS_I_EXISTS', params: { existing: codes.join(', ') }, saw: { accountClass, classIHeld: codes } }];
  },
};
