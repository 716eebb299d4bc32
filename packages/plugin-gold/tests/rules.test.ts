import { describe, expect, it } from 'vitest';
import { evaluateRules, makeFacts, type FactsOverrides } from '@finmart/sdk/testing';
import type { HoldingFacts } from '@finmart/sdk';
import { goldRules } from '../src/rules/index.js';
import { goldSettings } from '../src/settings.js';

/** Monday 2026-11-23 10:00 in Shanghai: inside the default trading window. */
const MONDAY_10 = '2026-11-23T02:00:00.000Z';

const ACCOUNT = {
  goldType: 'ACCOUNT_GOLD',
  purity: 'Au99.99',
  barWeightGrams: null,
  minimumGrams: '1',
  gramStep: '0.1',
  latestGramPrice: '900.00',
};
const PLAN = { ...ACCOUNT, goldType: 'GOLD_SAVINGS_PLAN' };
const BAR = { ...ACCOUNT, goldType: 'PHYSICAL_BAR', barWeightGrams: '100', minimumGrams: '100', gramStep: '100' };

/** An open position in the savings plan under test (product 1, as `makeFacts` gives it). */
const HELD_PLAN: HoldingFacts = {
  id: 1,
  productId: 1,
  productCode: 'GOLD-X',
  line: 'GOLD',
  quantity: '3.2',
  costAmount: '2800',
  costCurrency: 'CNY',
  status: 'ACTIVE',
  openedAt: '2026-01-08T02:00:00.000Z',
  attributes: {},
  marketValue: '2880.00',
  valueCurrency: 'CNY',
  marketValueCny: '2880.00',
  pledgedTo: null,
};

function decide(details: Record<string, unknown>, o: FactsOverrides & { saleDetails?: Record<string, unknown> } = {}, overrides: Record<string, unknown> = {}) {
  const facts = makeFacts({
    now: MONDAY_10,
    ...o,
    product: { line: 'GOLD', regime: 'OTHER', riskRating: 'R3', code: 'GOLD-X', ...o.product, details },
    sale: { amount: null, ...o.sale, details: { grams: '10', ...o.saleDetails } },
  });
  return evaluateRules(goldRules, facts, { source: 'gold', settings: goldSettings, overrides });
}
const codes = (d: ReturnType<typeof decide>) => d.reasons.map((r) => r.code);

describe('gold.risk-level', () => {
  it('blocks a C2 customer buying account gold at the default C3 requirement', () => {
    const d = decide(ACCOUNT, { customer: { risk: { level: 'C2' } } });
    expect(d.outcome).toBe('BLOCK');
    expect(codes(d)).toEqual(['GOLD_RISK_LEVEL_TOO_LOW']);
    expect(d.reasons[0]!.message.en).toContain('needs risk level C3 or higher; the customer is C2');
    expect(d.reasons[0]!.facts).toMatchObject({ customerLevel: 'C2', requiredLevel: 'C3' });
    expect(d.reasons[0]).toMatchObject({ ruleId: 'gold.risk-level', ruleVersion: '1.0.0' });
  });

  it('allows a C3 customer at the default', () => {
    expect(decide(ACCOUNT, { customer: { risk: { level: 'C3' } } }).outcome).toBe('ALLOW');
  });

  it('follows the bank setting: C3 is blocked once the bank requires C4, C4 is allowed', () => {
    const over = { 'gold.accountGoldRequiredRiskLevel': 'C4' };
    expect(codes(decide(ACCOUNT, { customer: { risk: { level: 'C3' } } }, over))).toEqual(['GOLD_RISK_LEVEL_TOO_LOW']);
    expect(decide(ACCOUNT, { customer: { risk: { level: 'C4' } } }, over).outcome).toBe('ALLOW');
  });

  it('blocks a customer never assessed', () => {
    const d = decide(ACCOUNT, { customer: { risk: { level: null } } });
    expect(d.outcome).toBe('BLOCK');
    expect(codes(d)).toEqual(['GOLD_RISK_LEVEL_TOO_LOW']);
    expect(d.reasons[0]!.message.en).toContain('the customer is —.');
  });

  it('never blocks a redemption (SELL) by a customer below the level', () => {
    expect(decide(ACCOUNT, { customer: { risk: { level: 'C1' } }, sale: { side: 'SELL' } }).outcome).toBe('ALLOW');
  });

  it('blocks a new savings plan below the level', () => {
    const d = decide(PLAN, { customer: { risk: { level: 'C2' } }, saleDetails: { plan: 'NEW_SAVINGS_PLAN' } });
    expect(d.outcome).toBe('BLOCK');
    expect(codes(d)).toEqual(['GOLD_RISK_LEVEL_TOO_LOW']);
    expect(d.reasons[0]!.facts).toMatchObject({ plan: 'NEW_SAVINGS_PLAN' });
    // A plan kind the line does not know is read as none.
    const odd = decide(PLAN, { customer: { risk: { level: 'C2' } }, saleDetails: { plan: 'SOMETHING_ELSE' } });
    expect(odd.reasons[0]!.facts).toMatchObject({ plan: null });
  });

  it('lets a contribution to a plan the customer holds through, but not a bare claim of one', () => {
    const held = HELD_PLAN;
    const existing = { saleDetails: { plan: 'EXISTING_PLAN' } };
    expect(decide(PLAN, { ...existing, customer: { risk: { level: 'C2' }, holdings: [held] } }).outcome).toBe('ALLOW');
    const bare = decide(PLAN, { ...existing, customer: { risk: { level: 'C2' }, holdings: [] } });
    expect(bare.outcome).toBe('BLOCK');
    expect(codes(bare)).toEqual(['GOLD_RISK_LEVEL_TOO_LOW']);
    // A plan being set up (PENDING) is held too.
    const pending = { ...held, status: 'PENDING' };
    expect(decide(PLAN, { ...existing, customer: { risk: { level: 'C2' }, holdings: [pending] } }).outcome).toBe('ALLOW');
  });

  it('does not count a closed plan or a plan in another product as the plan contributed to', () => {
    const base = HELD_PLAN;
    const existing = { saleDetails: { plan: 'EXISTING_PLAN' } };
    for (const h of [
      { ...base, status: 'CLOSED' },
      { ...base, productId: 2, productCode: 'GOLD-Y' },
      { ...base, productId: 2, productCode: 'GOLD-Y', status: 'PENDING' },
    ]) {
      const d = decide(PLAN, { ...existing, customer: { risk: { level: 'C2' }, holdings: [h] } });
      expect(d.outcome).toBe('BLOCK');
      expect(codes(d)).toEqual(['GOLD_RISK_LEVEL_TOO_LOW']);
    }
  });

  it('a held plan lifts the level only for a contribution to it, and only for savings plans', () => {
    const held = HELD_PLAN;
    const customer = { risk: { level: 'C2' as const }, holdings: [held] };
    // A new plan in a product already held is still a new plan.
    expect(codes(decide(PLAN, { customer, saleDetails: { plan: 'NEW_SAVINGS_PLAN' } }))).toEqual(['GOLD_RISK_LEVEL_TOO_LOW']);
    // Account gold knows no plans: an EXISTING_PLAN claim on it lifts nothing.
    const account = decide(ACCOUNT, { customer, saleDetails: { plan: 'EXISTING_PLAN' } });
    expect(account.outcome).toBe('BLOCK');
    expect(codes(account)).toEqual(['GOLD_RISK_LEVEL_TOO_LOW']);
  });

  it('does not apply to physical bars', () => {
    expect(decide(BAR, { customer: { risk: { level: null } }, saleDetails: { grams: '100' } }).outcome).toBe('ALLOW');
  });
});

describe('gold.minimum', () => {
  it('blocks 0.9 g and allows 1 g (default minimum 1 g)', () => {
    const below = decide(ACCOUNT, { saleDetails: { grams: '0.9' } });
    expect(below.outcome).toBe('BLOCK');
    expect(codes(below)).toEqual(['GOLD_BELOW_MINIMUM']);
    expect(below.reasons[0]!.message['zh-CN']).toContain('起购 1 克');
    expect(below.reasons[0]).toMatchObject({ ruleId: 'gold.minimum', ruleVersion: '1.1.0' });
    expect(decide(ACCOUNT, { saleDetails: { grams: '1' } }).outcome).toBe('ALLOW');
  });

  it('blocks 1.05 g (not a multiple of 0.1 g) and allows 1.1 g', () => {
    const d = decide(ACCOUNT, { saleDetails: { grams: '1.05' } });
    expect(d.outcome).toBe('BLOCK');
    expect(codes(d)).toEqual(['GOLD_GRAM_STEP']);
    expect(d.reasons[0]!.message.en).toContain('0.1 g');
    expect(decide(ACCOUNT, { saleDetails: { grams: '1.1' } }).outcome).toBe('ALLOW');
  });

  it('reads the minimum from the bank setting', () => {
    const over = { 'gold.accountGoldMinimum': { grams: '5', amountCny: '200', gramStep: '1' } };
    expect(codes(decide(ACCOUNT, { saleDetails: { grams: '4' } }, over))).toEqual(['GOLD_BELOW_MINIMUM']);
    expect(codes(decide(ACCOUNT, { saleDetails: { grams: '5.5' } }, over))).toEqual(['GOLD_GRAM_STEP']);
    expect(decide(ACCOUNT, { saleDetails: { grams: '6' } }, over).outcome).toBe('ALLOW');
  });

  it('derives grams from the amount, rounded down to the step', () => {
    // 899.99 / 900 = 0.99998 g → 0.9 g: below the minimum; 900 CNY → exactly 1 g.
    const short = decide(ACCOUNT, { sale: { amount: '899.99' }, saleDetails: { grams: undefined } });
    expect(short.outcome).toBe('BLOCK');
    expect(codes(short)).toEqual(['GOLD_BELOW_MINIMUM']);
    expect(short.reasons[0]!.facts).toMatchObject({ grams: '0.9', gramsGiven: false });
    expect(decide(ACCOUNT, { sale: { amount: '900' }, saleDetails: { grams: undefined } }).outcome).toBe('ALLOW');
  });

  it('holds amount-based savings-plan contributions to the minimum amount (199.99 vs 200 CNY)', () => {
    const plan = { customer: { risk: { level: 'C3' as const } }, saleDetails: { grams: undefined, plan: 'NEW_SAVINGS_PLAN' } };
    const short = decide(PLAN, { ...plan, sale: { amount: '199.99' } });
    expect(short.outcome).toBe('BLOCK');
    expect(codes(short)).toEqual(['GOLD_BELOW_MINIMUM_AMOUNT']);
    expect(short.reasons[0]!.message.en).toContain('at least CNY 200; this one is CNY 199.99');
    expect(short.reasons[0]!.facts).toMatchObject({ amount: '199.99', minimumAmountCny: '200', gramsGiven: false });
    expect(decide(PLAN, { ...plan, sale: { amount: '200' } }).outcome).toBe('ALLOW');
  });

  it('rejects malformed grams rather than guessing', () => {
    const words = decide(ACCOUNT, { saleDetails: { grams: 'ten' } });
    expect(words.outcome).toBe('BLOCK');
    expect(codes(words)).toEqual(['GOLD_GRAMS_INVALID']);
    expect(words.reasons[0]!.message.en).toContain('"ten"');
    expect(words.reasons[0]!.facts).toMatchObject({ grams: 'ten', gramsGiven: false });
    const zero = decide(ACCOUNT, { saleDetails: { grams: '0' } });
    expect(zero.outcome).toBe('BLOCK');
    expect(codes(zero)).toEqual(['GOLD_GRAMS_INVALID']);
    expect(zero.reasons[0]!.message.en).toContain('"0"');
    expect(zero.reasons[0]!.facts).toMatchObject({ grams: '0', gramsGiven: true });
  });

  it('reads empty or null grams as unsized, not malformed', () => {
    for (const grams of ['', null]) {
      expect(decide(ACCOUNT, { sale: { amount: '900' }, saleDetails: { grams } }).outcome).toBe('ALLOW');
      expect(codes(decide(ACCOUNT, { sale: { amount: '899' }, saleDetails: { grams } }))).toEqual(['GOLD_BELOW_MINIMUM']);
    }
  });

  it('checks nothing before a size is known (neither grams nor an amount)', () => {
    expect(decide(ACCOUNT, { sale: { amount: null }, saleDetails: { grams: undefined } }).outcome).toBe('ALLOW');
    expect(decide(PLAN, { sale: { amount: null }, saleDetails: { grams: undefined } }).outcome).toBe('ALLOW');
  });

  it('leaves a product that is not gold (no gold type) alone, even unpriced', () => {
    expect(decide({ latestGramPrice: null }, { customer: { risk: { level: null } } }).outcome).toBe('ALLOW');
  });

  it('blocks when no price (or a zero price) is known, whatever the figures', () => {
    for (const latestGramPrice of [null, '0']) {
      for (const o of [{ saleDetails: { grams: '10' } }, { sale: { amount: '900' }, saleDetails: { grams: undefined } }]) {
        const d = decide({ ...ACCOUNT, latestGramPrice }, o);
        expect(d.outcome).toBe('BLOCK');
        expect(codes(d)).toEqual(['GOLD_PRICE_UNAVAILABLE']);
        expect(d.reasons[0]!.outcome).toBe('BLOCK');
        expect(d.reasons[0]!.facts).toMatchObject({ latestGramPrice: null });
      }
    }
  });

  it('a zero sized from an amount is below the minimum, not malformed grams', () => {
    // The server sized 500 CNY to 0 g at 900 CNY/g (grams not stated by the client).
    const d = decide(ACCOUNT, { sale: { amount: '500' }, saleDetails: { grams: '0' } });
    expect(d.outcome).toBe('BLOCK');
    expect(codes(d)).toEqual(['GOLD_BELOW_MINIMUM']);
  });

  it('grams stated with an amount are a purchase by grams, even for a savings plan', () => {
    const stated = { statedFigures: ['grams'] };
    // By grams: 1.5 g pass whatever the amount; 0.5 g are below the gram minimum.
    expect(decide(PLAN, { sale: { amount: '100', ...stated }, saleDetails: { grams: '1.5' } }).outcome).toBe('ALLOW');
    const small = decide(PLAN, { sale: { amount: '450', ...stated }, saleDetails: { grams: '0.5' } });
    expect(codes(small)).toEqual(['GOLD_BELOW_MINIMUM']);
    expect(small.reasons[0]!.facts).toMatchObject({ gramsGiven: true });
    // Grams and no amount (a preview by grams) count as stated too.
    const preview = decide(PLAN, { sale: { amount: null }, saleDetails: { grams: '0.5' } });
    expect(codes(preview)).toEqual(['GOLD_BELOW_MINIMUM']);
  });

  it('a savings-plan contribution by amount is held to the amount, not to grams the server sized', () => {
    // 300 CNY buys 0.3 g (below 1 g) but reaches 200 CNY; 150 CNY sized to 0.1 g is short of the amount.
    expect(decide(PLAN, { sale: { amount: '300' }, saleDetails: { grams: '0.3' } }).outcome).toBe('ALLOW');
    const short = decide(PLAN, { sale: { amount: '150' }, saleDetails: { grams: '0.1' } });
    expect(codes(short)).toEqual(['GOLD_BELOW_MINIMUM_AMOUNT']);
  });

  it('without a sizing figure rounds the amount down to the coarsest step', () => {
    // Steps 0.1 g (bank) and 0.5 g (product): 1,170 CNY at 900 CNY/g = 1.3 g → 1.0 g, a multiple of both.
    const coarse = { ...ACCOUNT, gramStep: '0.5' };
    const d = decide(coarse, { sale: { amount: '1170' }, saleDetails: { grams: undefined } });
    expect(d.outcome).toBe('ALLOW');
    const held = decide(coarse, { sale: { amount: '1170' }, saleDetails: { grams: '1.3' } });
    expect(codes(held)).toEqual(['GOLD_GRAM_STEP']);
    expect(held.reasons[0]!.message.en).toContain('multiples of 0.5 g');
  });

  it('blocks a bar order whose amount buys no whole bar, and allows one that buys a bar', () => {
    const none = decide(BAR, { sale: { amount: '50000' }, saleDetails: { grams: '0' } });
    expect(none.outcome).toBe('BLOCK');
    expect(codes(none)).toEqual(['GOLD_BAR_NOT_COVERED']);
    expect(none.reasons[0]!.outcome).toBe('BLOCK');
    expect(none.reasons[0]!.message.en).toBe('CNY 50000 does not buy one 100 g bar (today CNY 900.00/g)');
    expect(none.reasons[0]!.facts).toMatchObject({ amount: '50000', grams: '0', barWeightGrams: '100' });
    expect(decide(BAR, { sale: { amount: '90000' }, saleDetails: { grams: '100' } }).outcome).toBe('ALLOW');
    // A bar order checked before it is sized (no grams): nothing to hold it to yet.
    expect(decide(BAR, { sale: { amount: '90000' }, saleDetails: { grams: undefined } }).outcome).toBe('ALLOW');
    // A bar of unknown weight still blocks, saying so.
    const unknown = decide({ ...BAR, barWeightGrams: null }, { sale: { amount: '50000' }, saleDetails: { grams: '0' } });
    expect(codes(unknown)).toEqual(['GOLD_BAR_NOT_COVERED']);
    expect(unknown.reasons[0]!.message.en).toContain('one — g bar');
  });

  it('does not hold redemptions or physical bars to the account-gold minimum', () => {
    expect(decide(ACCOUNT, { sale: { side: 'SELL' }, saleDetails: { grams: '0.3' } }).outcome).toBe('ALLOW');
    expect(decide(BAR, { saleDetails: { grams: '0.5' } }).outcome).toBe('ALLOW');
  });
});

describe('gold.trading-hours (Asia/Shanghai, Mon 07:00 – Sat 04:00)', () => {
  // Shanghai is UTC+8: Sat 03:59 local = Fri 19:59Z; Mon 07:00 local = Sun 23:00Z.
  const at = (iso: string) => decide(ACCOUNT, { now: iso });

  it('allows Saturday 03:59 and blocks Saturday 04:00', () => {
    expect(at('2026-11-27T19:59:00.000Z').outcome).toBe('ALLOW');
    const closed = at('2026-11-27T20:00:00.000Z');
    expect(closed.outcome).toBe('BLOCK');
    expect(codes(closed)).toEqual(['OUTSIDE_TRADING_HOURS']);
    expect(closed.reasons[0]).toMatchObject({ outcome: 'BLOCK', ruleId: 'gold.trading-hours', ruleVersion: '1.0.0' });
    expect(closed.reasons[0]!.facts).toMatchObject({ localTime: '2026-11-28 04:00' });
    expect(closed.reasons[0]!.message['zh-CN']).toContain('周一 07:00 至 周六 04:00');
  });

  it('blocks Monday 06:59 and allows Monday 07:00', () => {
    const early = at('2026-11-22T22:59:00.000Z');
    expect(early.outcome).toBe('BLOCK');
    expect(codes(early)).toEqual(['OUTSIDE_TRADING_HOURS']);
    expect(at('2026-11-22T23:00:00.000Z').outcome).toBe('ALLOW');
  });

  it('blocks Sunday afternoon, for redemptions and savings plans too', () => {
    const sunday = '2026-11-29T06:00:00.000Z';
    for (const d of [decide(ACCOUNT, { now: sunday, sale: { side: 'SELL' } }), decide(PLAN, { now: sunday })]) {
      expect(d.outcome).toBe('BLOCK');
      expect(codes(d)).toEqual(['OUTSIDE_TRADING_HOURS']);
    }
  });

  it('follows a changed window, including one that wraps over the weekend', () => {
    const over = { 'gold.tradingHours': { timezone: 'Asia/Shanghai', opens: { day: 0, time: '20:00' }, closes: { day: 5, time: '02:00' } } };
    expect(decide(ACCOUNT, { now: '2026-11-29T12:30:00.000Z' }, over).outcome).toBe('ALLOW'); // Sun 20:30
    expect(codes(decide(ACCOUNT, { now: '2026-11-27T18:00:00.000Z' }, over))).toEqual(['OUTSIDE_TRADING_HOURS']); // Sat 02:00
  });

  it('does not restrict physical bars', () => {
    expect(decide(BAR, { now: '2026-11-29T06:00:00.000Z', saleDetails: { grams: '100' } }).outcome).toBe('ALLOW');
  });
});

describe('gold.physical-identity', () => {
  it('blocks a physical bar sale to a customer whose identity is not verified', () => {
    const d = decide(BAR, { customer: { idVerified: false }, saleDetails: { grams: '100' } });
    expect(d.outcome).toBe('BLOCK');
    expect(codes(d)).toEqual(['IDENTITY_NOT_VERIFIED']);
    expect(d.reasons[0]).toMatchObject({ ruleId: 'gold.physical-identity', ruleVersion: '1.0.0' });
    expect(d.reasons[0]!.facts).toEqual({ goldType: 'PHYSICAL_BAR', idVerified: false });
  });

  it('does not apply to account gold (its checks are the risk level and trading hours)', () => {
    expect(decide(ACCOUNT, { customer: { idVerified: false } }).outcome).toBe('ALLOW');
  });

  it('allows a verified customer whatever their risk level', () => {
    expect(decide(BAR, { customer: { idVerified: true, risk: { level: 'C1' } }, saleDetails: { grams: '100' } }).outcome).toBe('ALLOW');
  });
});

describe('settings', () => {
  it('rejects a trading window that opens and closes at the same minute', () => {
    const def = goldSettings.find((s) => s.key === 'gold.tradingHours')!;
    const same = { timezone: 'Asia/Shanghai', opens: { day: 1, time: '07:00' }, closes: { day: 1, time: '07:00' } };
    expect(def.schema.safeParse(same).success).toBe(false);
    expect(def.schema.safeParse(def.default).success).toBe(true);
  });
});
