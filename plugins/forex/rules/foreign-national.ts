import { text, type SuitabilityRule } from '../../../src/sdk/index.js';
import { directionOf, isExchange, readForexDetails } from '../domain.js';

/** Foreign individuals have no purchase quota: buying FX needs proof the CNY was earned onshore (tax documents). */
export const forexForeignNational: SuitabilityRule = {
  id: 'forex.foreign-national',
  version: '1.0.0',
  lines: ['FOREX'],
  regulation: text(
    '《个人外汇管理办法实施细则》第二条：年度总额仅适用于境内个人购汇；境外个人凭本人有效身份证件及合法人民币收入证明（含税务凭证）购汇',
    'Implementing Rules on Individual Foreign Exchange Art. 2: the annual quota covers onshore individuals only; foreign individuals buy FX with ID and proof of lawful CNY income (tax records)',
  ),
  description: text('境外个人购汇须提供人民币收入证明', 'Foreign individuals buying FX need proof of CNY income'),
  reasons: {
    FOREIGN_NATIONAL_PROOF: {
      outcome: 'REQUIRE',
      step: 'PROOF_OF_CNY_INCOME',
      message: text(
        '境外个人购汇无便利化额度，须提供合法人民币收入证明（如完税证明）',
        'Foreign individuals have no purchase quota: proof of lawful CNY income (e.g. tax records) is required',
      ),
    },
  },
  evaluate(facts) {
    const d = readForexDetails(facts.product.details);
    if (!isExchange(d.kind) || facts.customer.residency !== 'FOREIGN') return [];
    if (directionOf(facts.sale.side) !== 'BUY_FX') return [];
    return [{ code: 'FOREIGN_NATIONAL_PROOF', saw: { residency: facts.customer.residency, nationality: facts.customer.nationality, direction: 'BUY_FX' } }];
  },
};
