import { Decimal, text, type RuleHit, type SuitabilityRule } from '../../../src/sdk/index.js';
import { SETTING_MINIMUM, type AccountGoldMinimum } from '../settings.js';
import { gramTerms, gramsForAmount, isAccountGold, isMultipleOf, readGoldDetails } from '../terms.js';
import { readSaleDetails } from './sale.js';

/**
 * Account gold purchase size (bank terms): a grams-based purchase must reach the
 * minimum grams AND be a multiple of the gram step. Without grams, account gold
 * buys amount ÷ price rounded down to the step; a savings-plan contribution by
 * amount must reach the minimum amount instead. Nothing is checked before a size
 * is known (eligibility listings), and redemptions are never held to a minimum.
 */
export const goldMinimum: SuitabilityRule = {
  id: 'gold.minimum',
  version: '1.0.0',
  lines: ['GOLD'],
  regulation: text('银行积存金业务章程：起购克数与递增克数', 'Bank account gold terms: minimum grams and gram increments'),
  description: text('积存金买入不低于起购克数且为递增克数的整数倍', 'Account gold purchases reach the minimum and come in whole gram steps'),
  reasons: {
    GOLD_BELOW_MINIMUM: {
      outcome: 'BLOCK',
      message: text('积存金起购 {minimum} 克，本次为 {grams} 克', 'Account gold minimum is {minimum} g; this purchase is {grams} g'),
    },
    GOLD_GRAM_STEP: {
      outcome: 'BLOCK',
      message: text('积存金须按 {step} 克的整数倍买入，本次为 {grams} 克', 'Account gold is bought in multiples of {step} g; this purchase is {grams} g'),
    },
    GOLD_BELOW_MINIMUM_AMOUNT: {
      outcome: 'BLOCK',
      message: text('积存金定投每次不低于 {minimum} 元，本次为 {amount} 元', 'Savings-plan contributions are at least CNY {minimum}; this one is CNY {amount}'),
    },
    GOLD_GRAMS_INVALID: {
      outcome: 'BLOCK',
      message: text('克数“{grams}”无效，请填写正的十进制数', 'Grams "{grams}" is not valid; give a positive decimal'),
    },
    GOLD_PRICE_UNAVAILABLE: {
      outcome: 'BLOCK',
      message: text('暂无金价，无法按金额折算克数，请按克数买入', 'No gold price available to convert the amount to grams; buy by grams'),
    },
  },
  evaluate(facts, ctx) {
    const details = readGoldDetails(facts.product.details);
    if (!isAccountGold(details.goldType) || facts.sale.side !== 'BUY') return [];
    const setting = ctx.settings.get<AccountGoldMinimum>(SETTING_MINIMUM);
    const terms = gramTerms(setting, details);
    const sale = readSaleDetails(facts);
    const saw = { goldType: details.goldType, minimumGrams: terms.minimumGrams, gramSteps: terms.steps };

    if (sale.gramsMalformed) {
      return [{ code: 'GOLD_GRAMS_INVALID', params: { grams: String(facts.sale.details.grams) }, saw: { ...saw, grams: facts.sale.details.grams } }];
    }
    if (sale.grams !== null) {
      if (new Decimal(sale.grams).lte(0)) return [{ code: 'GOLD_GRAMS_INVALID', params: { grams: sale.grams }, saw: { ...saw, grams: sale.grams } }];
      return checkGrams(sale.grams, terms, { ...saw, grams: sale.grams, gramsGiven: true });
    }
    const amount = facts.sale.amount;
    if (amount === null) return [];
    if (details.goldType === 'GOLD_SAVINGS_PLAN') {
      if (new Decimal(amount).gte(setting.amountCny)) return [];
      return [
        {
          code: 'GOLD_BELOW_MINIMUM_AMOUNT',
          params: { minimum: setting.amountCny, amount },
          saw: { goldType: details.goldType, amount, minimumAmountCny: setting.amountCny },
        },
      ];
    }
    if (details.latestGramPrice === null || new Decimal(details.latestGramPrice).isZero()) {
      return [{ code: 'GOLD_PRICE_UNAVAILABLE', saw: { ...saw, amount, latestGramPrice: null } }];
    }
    // Rounded down to the coarsest step: the bank never sells part of a step.
    const coarsest = Decimal.max(...terms.steps).toFixed();
    const grams = gramsForAmount(amount, details.latestGramPrice, coarsest);
    return checkGrams(grams, terms, { ...saw, amount, latestGramPrice: details.latestGramPrice, grams, gramsGiven: false });
  },
};

function checkGrams(grams: string, terms: ReturnType<typeof gramTerms>, saw: Record<string, unknown>): RuleHit[] {
  const hits: RuleHit[] = [];
  if (new Decimal(grams).lt(terms.minimumGrams)) {
    hits.push({ code: 'GOLD_BELOW_MINIMUM', params: { minimum: terms.minimumGrams, grams }, saw });
  }
  const badStep = terms.steps.find((step) => !isMultipleOf(grams, step));
  if (badStep) hits.push({ code: 'GOLD_GRAM_STEP', params: { step: badStep, grams }, saw });
  return hits;
}
