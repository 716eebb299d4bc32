import { Decimal, text, type RuleHit, type SuitabilityRule } from '@finmart/sdk';
import { SETTING_MINIMUM, type AccountGoldMinimum } from '../settings.js';
import { gramTerms, gramsForAmount, isMultipleOf, readGoldDetails } from '../domain.js';
import { readSaleDetails } from './sale.js';

/**
 * Gold purchase size (bank terms). The sale is sized in grams by the line's
 * order sizing: by amount, account gold buys whole gram steps, a bar order
 * whole bars, a savings-plan contribution the whole amount; by grams (the
 * client stated them), exactly those grams. Account gold must reach the
 * minimum grams in whole steps; a savings-plan contribution by amount must
 * reach the minimum amount (by grams, the gram terms); a bar order must buy at
 * least one bar. Without a price nothing can be sized: blocked. Nothing is
 * checked before a size is known (eligibility listings), and redemptions are
 * never held to a minimum.
 */
export const goldMinimum: SuitabilityRule = {
  id: 'gold.minimum',
  version: '1.1.0',
  lines: ['GOLD'],
  regulation: text('银行积存金业务章程：起购克数与递增克数', 'Bank account gold terms: minimum grams and gram increments'),
  description: text(
    '积存金买入不低于起购克数且为递增克数的整数倍；金条按整根出售',
    'Account gold purchases reach the minimum and come in whole gram steps; bars are sold whole',
  ),
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
      message: text('暂无金价，无法确定本次买入的克数与金额', 'No gold price is available to size this purchase'),
    },
    GOLD_BAR_NOT_COVERED: {
      outcome: 'BLOCK',
      message: text(
        '金额 {amount} 元不足以买入一根 {barWeight} 克金条（现价每克 {price} 元）',
        'CNY {amount} does not buy one {barWeight} g bar (today CNY {price}/g)',
      ),
    },
  },
  evaluate(facts, ctx) {
    const details = readGoldDetails(facts.product.details);
    if (details.goldType === null || facts.sale.side !== 'BUY') return [];
    const sale = readSaleDetails(facts);
    const amount = facts.sale.amount;
    if (!sale.gramsMalformed && sale.grams === null && amount === null) return [];
    // Grams with no amount (a preview by grams) is a purchase by grams too.
    const byGrams = sale.byGrams || (amount === null && sale.grams !== null);
    const setting = ctx.settings.get<AccountGoldMinimum>(SETTING_MINIMUM);
    const terms = gramTerms(setting, details);
    const saw = { goldType: details.goldType, minimumGrams: terms.minimumGrams, gramSteps: terms.steps, gramsGiven: byGrams };

    if (sale.gramsMalformed) {
      return [{ code: 'GOLD_GRAMS_INVALID', params: { grams: String(facts.sale.details.grams) }, saw: { ...saw, grams: facts.sale.details.grams } }];
    }
    if (sale.grams !== null && new Decimal(sale.grams).lte(0) && byGrams) {
      return [{ code: 'GOLD_GRAMS_INVALID', params: { grams: sale.grams }, saw: { ...saw, grams: sale.grams } }];
    }
    if (details.latestGramPrice === null || new Decimal(details.latestGramPrice).isZero()) {
      return [{ code: 'GOLD_PRICE_UNAVAILABLE', saw: { ...saw, amount, grams: sale.grams, latestGramPrice: null } }];
    }
    if (details.goldType === 'PHYSICAL_BAR') return barCovered(sale.grams, amount, details, details.latestGramPrice);
    if (details.goldType === 'GOLD_SAVINGS_PLAN' && !byGrams) {
      // Not by grams means an amount was given: with neither figure the rule returned above, and grams alone count as by grams.
      const paid = String(amount);
      if (new Decimal(paid).gte(setting.amountCny)) return [];
      return [
        {
          code: 'GOLD_BELOW_MINIMUM_AMOUNT',
          params: { minimum: setting.amountCny, amount: paid },
          saw: { goldType: details.goldType, amount, minimumAmountCny: setting.amountCny, grams: sale.grams, gramsGiven: false },
        },
      ];
    }
    // Facts built without the sizing figure (a hand-made check): the same rounding as the sizing, to the coarsest step.
    const grams = sale.grams ?? gramsForAmount(amount!, details.latestGramPrice, Decimal.max(...terms.steps).toFixed());
    return checkGrams(grams, terms, { ...saw, amount, latestGramPrice: details.latestGramPrice, grams });
  },
};

/** A bar order by amount must buy at least one bar (`price`: the gram price, known by now). */
function barCovered(grams: string | null, amount: string | null, d: ReturnType<typeof readGoldDetails>, price: string): RuleHit[] {
  // Zero grams stated, or given with no amount, were GOLD_GRAMS_INVALID above: zero here is an amount (never null) that buys no whole bar.
  if (grams === null || !new Decimal(grams).isZero()) return [];
  return [
    {
      code: 'GOLD_BAR_NOT_COVERED',
      params: { amount: String(amount), barWeight: d.barWeightGrams ?? '—', price },
      saw: { goldType: d.goldType, amount, grams, barWeightGrams: d.barWeightGrams, latestGramPrice: price },
    },
  ];
}

function checkGrams(grams: string, terms: ReturnType<typeof gramTerms>, saw: Record<string, unknown>): RuleHit[] {
  const hits: RuleHit[] = [];
  if (new Decimal(grams).lt(terms.minimumGrams)) {
    hits.push({ code: 'GOLD_BELOW_MINIMUM', params: { minimum: terms.minimumGrams, grams }, saw });
  }
  const badStep = terms.steps.find((step) => !isMultipleOf(grams, step));
  if (badStep) hits.push({ code: 'GOLD_GRAM_STEP', params: { step: badStep, grams }, saw });
  return hits;
}
