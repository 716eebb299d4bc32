import { describe, expect, it } from 'vitest';
import { evaluateRules, makeFacts, type FactsOverrides } from '../../../src/sdk/testing.js';
import type { HoldingFacts } from '../../../src/sdk/index.js';
import { goldRules } from '../rules/index.js';
import { goldSettings } from '../settings.js';

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

function decide(
  details: Record<string, unknown>,
  o: FactsOverrides & { saleDetails?: Record<string, unknown> } = {},
  overrides: Record<string, unknown> = {},
) {
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
    expect(d.reasons[0]!.message.en).toContain('C3');
    expect(d.reasons[0]!.facts).toMatchObject({ customerLevel: 'C2', requiredLevel: 'C3' });
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
    expect(codes(decide(ACCOUNT, { customer: { risk: { level: null } } }))).toEqual(['GOLD_RISK_LEVEL_TOO_LOW']);
  });

  it('never blocks a redemption (SELL) by a customer below the level', () => {
    expect(decide(ACCOUNT, { customer: { risk: { level: 'C1' } }, sale: { side: 'SELL' } }).outcome).toBe('ALLOW');
  });

  it('blocks a new savings plan below the level', () => {
    const d = decide(PLAN, { customer: { risk: { level: 'C2' } }, saleDetails: { plan: 'NEW_SAVINGS_PLAN' } });
    expect(codes(d)).toEqual(['GOLD_RISK_LEVEL_TOO_LOW']);
  });

  it('lets a contribution to a plan the customer holds through, but not a bare claim of one', () => {
    const held: HoldingFacts = {
      productId: 1,
      productCode: 'GOLD-X',
      line: 'GOLD',
      quantity: '3.2',
      costAmount: '2800',
      costCurrency: 'CNY',
      status: 'ACTIVE',
      openedAt: '2026-01-08T02:00:00.000Z',
      attributes: {},
    };
    const existing = { saleDetails: { plan: 'EXISTING_PLAN' } };
    expect(decide(PLAN, { ...existing, customer: { risk: { level: 'C2' }, holdings: [held] } }).outcome).toBe('ALLOW');
    expect(codes(decide(PLAN, { ...existing, customer: { risk: { level: 'C2' }, holdings: [] } }))).toEqual([
      'GOLD_RISK_LEVEL_TOO_LOW',
    ]);
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
    expect(decide(ACCOUNT, { saleDetails: { grams: '1' } }).outcome).toBe('ALLOW');
  });

  it('blocks 1.05 g (not a multiple of 0.1 g) and allows 1.1 g', () => {
    const d = decide(ACCOUNT, { saleDetails: { grams: '1.05' } });
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
    expect(codes(short)).toEqual(['GOLD_BELOW_MINIMUM']);
    expect(short.reasons[0]!.facts).toMatchObject({ grams: '0.9', gramsGiven: false });
    expect(decide(ACCOUNT, { sale: { amount: '900' }, saleDetails: { grams: undefined } }).outcome).toBe('ALLOW');
  });

  it('holds amount-based savings-plan contributions to the minimum amount (199.99 vs 200 CNY)', () => {
    const plan = { customer: { risk: { level: 'C3' as const } }, saleDetails: { grams: undefined, plan: 'NEW_SAVINGS_PLAN' } };
    expect(codes(decide(PLAN, { ...plan, sale: { amount: '199.99' } }))).toEqual(['GOLD_BELOW_MINIMUM_AMOUNT']);
    expect(decide(PLAN, { ...plan, sale: { amount: '200' } }).outcome).toBe('ALLOW');
  });

  it('rejects malformed grams rather than guessing', () => {
    expect(codes(decide(ACCOUNT, { saleDetails: { grams: 'ten' } }))).toEqual(['GOLD_GRAMS_INVALID']);
    expect(codes(decide(ACCOUNT, { saleDetails: { grams: '0' } }))).toEqual(['GOLD_GRAMS_INVALID']);
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
    expect(codes(closed)).toEqual(['OUTSIDE_TRADING_HOURS']);
    expect(closed.reasons[0]!.facts).toMatchObject({ localTime: '2026-11-28 04:00' });
    expect(closed.reasons[0]!.message['zh-CN']).toContain('周一 07:00 至 周六 04:00');
  });

  it('blocks Monday 06:59 and allows Monday 07:00', () => {
    expect(codes(at('2026-11-22T22:59:00.000Z'))).toEqual(['OUTSIDE_TRADING_HOURS']);
    expect(at('2026-11-22T23:00:00.000Z').outcome).toBe('ALLOW');
  });

  it('blocks Sunday afternoon, for redemptions and savings plans too', () => {
    const sunday = '2026-11-29T06:00:00.000Z';
    expect(codes(decide(ACCOUNT, { now: sunday, sale: { side: 'SELL' } }))).toEqual(['OUTSIDE_TRADING_HOURS']);
    expect(codes(decide(PLAN, { now: sunday }))).toEqual(['OUTSIDE_TRADING_HOURS']);
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
