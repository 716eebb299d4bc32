import { text, type SuitabilityRule } from '../../../src/sdk/index.js';
import { CARDS_LINE } from '../domain.js';
import { SETTING } from '../settings.js';
import { isApplication, isSupplementary, productCard } from './card-facts.js';
import { REG } from './regulations.js';

/** No primary credit card below the minimum age; a supplementary card on another holder's account is allowed. */
export const primaryCreditAge: SuitabilityRule = {
  id: 'cards.primary-credit-age',
  version: '1.0.0',
  lines: [CARDS_LINE],
  regulation: REG.creditCardArt44,
  description: text('未满最低年龄不得申领信用卡主卡（附属卡除外）', 'No primary credit card below the minimum age (supplementary cards excepted)'),
  reasons: {
    UNDER_AGE_PRIMARY_CREDIT: {
      outcome: 'BLOCK',
      message: text(
        '申请人 {age} 岁，未满 {minimumAge} 周岁不得申领信用卡主卡；可作为附属卡申领',
        'The applicant is {age}; a primary credit card needs age {minimumAge} or over (a supplementary card is possible)',
      ),
    },
  },
  evaluate(facts, ctx) {
    const { cardKind } = productCard(facts);
    if (!isApplication(facts) || cardKind !== 'CREDIT') return [];
    const supplementary = isSupplementary(facts);
    const minimumAge = ctx.settings.get<number>(SETTING.minimumAgePrimaryCredit);
    if (supplementary || facts.customer.age >= minimumAge) return [];
    return [
      {
        code: 'UNDER_AGE_PRIMARY_CREDIT',
        params: { age: facts.customer.age, minimumAge },
        saw: { age: facts.customer.age, minimumAge, cardKind, supplementary },
      },
    ];
  },
};
