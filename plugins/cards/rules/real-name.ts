import { text, type SuitabilityRule } from '../../../src/sdk/index.js';
import { CARDS_LINE } from '../domain.js';
import { isApplication, productCard } from './card-facts.js';
import { REG } from './regulations.js';

/** Every debit account, whatever its class, is opened only on a verified identity. */
export const realName: SuitabilityRule = {
  id: 'cards.real-name',
  version: '1.0.0',
  lines: [CARDS_LINE],
  regulation: REG.realName,
  description: text('开立借记卡/个人存款账户须核实身份证件（实名制）', 'A debit card/account needs a verified identity (real-name rule)'),
  reasons: {
    ID_NOT_VERIFIED: {
      outcome: 'BLOCK',
      message: text('客户身份证件未核实，不能开立个人存款账户', "The customer's identity is not verified; no deposit account can be opened"),
    },
  },
  evaluate(facts) {
    const { cardKind, accountClass } = productCard(facts);
    if (!isApplication(facts) || cardKind !== 'DEBIT' || facts.customer.idVerified) return [];
    return [{ code: 'ID_NOT_VERIFIED', saw: { cardKind, accountClass, idVerified: false } }];
  },
};
