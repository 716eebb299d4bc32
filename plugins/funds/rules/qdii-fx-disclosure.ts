import { text, type SuitabilityRule } from '../../../src/sdk/index.js';
import { fundView } from './fund-facts.js';
import { REGULATIONS } from './regulations.js';

/**
 * QDII funds invest abroad: their value moves with exchange rates as well as
 * markets, and the customer must be told so before buying. A product whose
 * fund type is unknown gets no FX warning (it would be a guess, not a disclosure).
 */
export const qdiiFxDisclosure: SuitabilityRule = {
  id: 'funds.qdii-fx-disclosure',
  version: '1.0.0',
  regulation: REGULATIONS.qdii,
  description: text('QDII 基金购买前揭示汇率风险', 'Disclose currency risk before a QDII fund purchase'),
  reasons: {
    QDII_FX_RISK: {
      outcome: 'WARN',
      message: text(
        'QDII 基金投资境外市场，除市场风险外还承担汇率风险：人民币升值会减少以人民币计的收益，甚至造成亏损；境外市场休市时可能暂停申购赎回',
        'A QDII fund invests abroad and carries currency risk besides market risk: a rising renminbi reduces returns in CNY and can turn them into losses; dealing may pause when overseas markets are closed',
      ),
    },
  },
  evaluate(facts) {
    if (facts.sale.side !== 'BUY' || fundView(facts).fundType !== 'QDII') return [];
    return [{ code: 'QDII_FX_RISK', saw: { fundType: 'QDII' } }];
  },
};
