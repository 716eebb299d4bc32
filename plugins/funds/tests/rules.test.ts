import { describe, expect, it } from 'vitest';
import { coreRules, evaluateRules, makeFacts, type FactsOverrides } from '../../../src/sdk/testing.js';
import type { SuitabilityDecisionRecord, SuitabilityReason } from '../../../src/sdk/index.js';
import type { AssetClassCode, FundFacts } from '../domain.js';
import { fundsRules } from '../rules/index.js';
import { fundsSettings } from '../settings.js';

// --- products, as facts.products would describe them ----------------------------------

const details = (d: Partial<FundFacts> = {}): FundFacts => ({
  fundType: 'EQUITY',
  isPrivate: false,
  assetClass: 'EQUITY',
  sipSupported: false,
  sipMinimum: null,
  isBankWealth: false,
  issuerType: 'FUND_HOUSE',
  ...d,
});

const publicFund = (d: Partial<FundFacts> = {}, riskRating: 'R1' | 'R2' | 'R3' | 'R4' | 'R5' = 'R4') => ({
  riskRating,
  regime: 'SECURITIES' as const,
  minimumAmount: '10',
  amountStep: '0.01',
  coolingOffHours: 0,
  details: { ...details(d) },
});

const privateFund = (assetClass: AssetClassCode = 'EQUITY', coolingOffHours = 24) => ({
  riskRating: 'R5' as const,
  regime: 'SECURITIES' as const,
  minimumAmount: '100000',
  amountStep: '0.01',
  coolingOffHours,
  details: { ...details({ fundType: 'PRIVATE', isPrivate: true, assetClass }) },
});

const bankWealth = (issuerType: 'BANK' | 'BANK_SUBSIDIARY') => ({
  riskRating: 'R2' as const,
  regime: 'WEALTH' as const,
  minimumAmount: '1',
  amountStep: '0.01',
  details: { ...details({ fundType: 'BOND', assetClass: 'FIXED_INCOME', isBankWealth: true, issuerType }) },
});

/** A customer who passes every qualified-investor test comfortably. */
const qualified = {
  householdFinancialAssets: '8000000',
  incomeThreeYearAverage: '600000',
  risk: { level: 'C5' as const, experienceYears: 6 },
};

/** A customer who passes none of the asset/income tests; override the one under test. */
const customer = (o: { assets?: string; income?: string; years?: number } = {}) => ({
  householdFinancialAssets: o.assets ?? '0',
  incomeThreeYearAverage: o.income ?? '0',
  risk: { level: 'C5' as const, experienceYears: o.years ?? 5 },
});

// --- evaluation -----------------------------------------------------------------------

const run = (o: FactsOverrides, overrides: Record<string, unknown> = {}) =>
  evaluateRules(fundsRules, makeFacts(o), { source: 'funds', settings: fundsSettings, overrides });

const reason = (d: SuitabilityDecisionRecord, code: string): SuitabilityReason | undefined => d.reasons.find((r) => r.code === code);
const codes = (d: SuitabilityDecisionRecord) => d.reasons.map((r) => r.code).sort();

/** Every message must come out complete in both languages. */
const expectFilled = (d: SuitabilityDecisionRecord) => {
  for (const r of d.reasons) {
    expect(r.message['zh-CN']).not.toMatch(/\{\w+\}/);
    expect(r.message.en).not.toMatch(/\{\w+\}/);
    expect(r.source).toBe('funds');
  }
};

describe('funds.private-qualified-investor', () => {
  const buyPrivate = (c: ReturnType<typeof customer>, overrides: Record<string, unknown> = {}) =>
    run({ customer: c, product: privateFund('EQUITY'), sale: { amount: '1000000' } }, overrides);
  const blocked = (d: SuitabilityDecisionRecord) => reason(d, 'NOT_QUALIFIED_INVESTOR') !== undefined;

  it('needs two years of experience: 2 qualifies, 1 does not, whatever the wealth', () => {
    expect(blocked(buyPrivate(customer({ assets: '9000000', income: '900000', years: 2 })))).toBe(false);
    const d = buyPrivate(customer({ assets: '9000000', income: '900000', years: 1 }));
    expect(d.outcome).toBe('BLOCK');
    expect(blocked(d)).toBe(true);
    expect(reason(d, 'NOT_QUALIFIED_INVESTOR')!.facts).toMatchObject({ experienceYears: 1, meets: { experience: false } });
  });

  it('household financial assets of 3,000,000 qualify; 2,999,999.99 do not (net-assets test on the gross figure)', () => {
    expect(blocked(buyPrivate(customer({ assets: '3000000' })))).toBe(false);
    const d = buyPrivate(customer({ assets: '2999999.99' }));
    expect(blocked(d)).toBe(true);
    expect(reason(d, 'NOT_QUALIFIED_INVESTOR')!.message['zh-CN']).toContain('2999999.99');
    expect(reason(d, 'NOT_QUALIFIED_INVESTOR')!.message.en).toContain('CNY 3000000');
  });

  it('the 5,000,000 gross-assets test stands on its own when the net bar is raised above it', () => {
    const raised = {
      'funds.qualifiedInvestor': {
        experienceYears: 2,
        householdNetFinancialAssetsCny: '6000000',
        householdFinancialAssetsCny: '5000000',
        averageIncomeCny: '400000',
      },
    };
    expect(blocked(buyPrivate(customer({ assets: '5000000' }), raised))).toBe(false);
    expect(blocked(buyPrivate(customer({ assets: '4999999.99' }), raised))).toBe(true);
  });

  it('a 3-year average income of 400,000 qualifies; 399,999.99 does not', () => {
    expect(blocked(buyPrivate(customer({ income: '400000' })))).toBe(false);
    expect(blocked(buyPrivate(customer({ income: '399999.99' })))).toBe(true);
  });

  it('follows the bank setting: three years required makes two years fail', () => {
    const stricter = {
      'funds.qualifiedInvestor': {
        experienceYears: 3,
        householdNetFinancialAssetsCny: '3000000',
        householdFinancialAssetsCny: '5000000',
        averageIncomeCny: '400000',
      },
    };
    expect(blocked(buyPrivate(customer({ assets: '9000000', years: 2 }), stricter))).toBe(true);
    expect(blocked(buyPrivate(customer({ assets: '9000000', years: 3 }), stricter))).toBe(false);
  });

  it('unreadable figures count as nothing', () => {
    const d = buyPrivate(customer({ assets: 'n/a', income: '' }));
    expect(d.outcome).toBe('BLOCK');
    expect(blocked(d)).toBe(true);
    expect(reason(d, 'NOT_QUALIFIED_INVESTOR')!.facts).toMatchObject({ meets: { netAssets: false, assets: false, income: false } });
  });

  it('reads figures given as numbers or with stray spaces, but never an infinite one', () => {
    expect(blocked(buyPrivate({ ...customer(), householdFinancialAssets: 3000000 as unknown as string }))).toBe(false);
    expect(blocked(buyPrivate(customer({ income: ' 400000 ' })))).toBe(false);
    expect(blocked(buyPrivate(customer({ assets: 'Infinity' })))).toBe(true);
    expect(blocked(buyPrivate({ ...customer(), householdFinancialAssets: Number.POSITIVE_INFINITY as unknown as string }))).toBe(true);
  });

  it('records whether the product said it was private (null when it did not say)', () => {
    const said = buyPrivate(customer());
    expect(reason(said, 'NOT_QUALIFIED_INVESTOR')!.facts).toMatchObject({ isPrivate: true });
    const unsaid = run({ customer: customer(), product: { details: {} }, sale: { amount: '10000' } });
    expect(reason(unsaid, 'NOT_QUALIFIED_INVESTOR')!.facts).toMatchObject({ isPrivate: null });
  });

  it('does not apply to public funds, nor to redemptions', () => {
    const unqualified = customer({ assets: '1000', years: 0 });
    expect(codes(run({ customer: unqualified, product: publicFund(), sale: { amount: '1000' } }))).toEqual([]);
    expect(blocked(run({ customer: unqualified, product: privateFund(), sale: { side: 'SELL', amount: '1000000' } }))).toBe(false);
  });

  it('treats a product without details as private (fails safe)', () => {
    const d = run({ customer: customer({ assets: '1000' }), product: { details: {} }, sale: { amount: '10000' } });
    expect(blocked(d)).toBe(true);
    expectFilled(d);
  });
});

describe('funds.private-minimum', () => {
  const ASSET_CLASS_NAMES: Record<AssetClassCode, [string, string]> = {
    FIXED_INCOME: ['固定收益类', 'fixed income'],
    MIXED: ['混合类', 'mixed'],
    EQUITY: ['权益类', 'equity'],
    COMMODITY_DERIVATIVES: ['商品及金融衍生品类', 'commodities and derivatives'],
  };
  const cases: [AssetClassCode, string, string][] = [
    ['FIXED_INCOME', '300000', '299999.99'],
    ['MIXED', '400000', '399999.99'],
    ['EQUITY', '1000000', '999999.99'],
    ['COMMODITY_DERIVATIVES', '1000000', '999999.99'],
  ];
  for (const [assetClass, at, below] of cases) {
    it(`${assetClass}: ${at} is enough, ${below} is blocked naming the minimum`, () => {
      const ok = run({ customer: qualified, product: privateFund(assetClass), sale: { amount: at } });
      expect(reason(ok, 'PRIVATE_BELOW_MINIMUM')).toBeUndefined();
      const d = run({ customer: qualified, product: privateFund(assetClass), sale: { amount: below } });
      expect(d.outcome).toBe('BLOCK');
      const r = reason(d, 'PRIVATE_BELOW_MINIMUM')!;
      expect(r.message['zh-CN']).toContain(`不得低于 ${at} 元`);
      expect(r.message['zh-CN']).toContain(`本次金额 ${below} CNY`);
      expect(r.message['zh-CN']).toContain(`私募产品（${ASSET_CLASS_NAMES[assetClass][0]}）`);
      expect(r.message.en).toContain(`A private ${ASSET_CLASS_NAMES[assetClass][1]} product`);
      expect(r.message.en).toContain(`CNY ${at}`);
      expect(r.facts).toMatchObject({ assetClass, minimumCny: at, amount: below });
      expectFilled(d);
    });
  }

  it('follows the bank setting', () => {
    const raised = { 'funds.privateMinimumsCny': { FIXED_INCOME: '500000', MIXED: '400000', EQUITY: '1000000', COMMODITY_DERIVATIVES: '1000000' } };
    const d = run({ customer: qualified, product: privateFund('FIXED_INCOME'), sale: { amount: '300000' } }, raised);
    expect(reason(d, 'PRIVATE_BELOW_MINIMUM')!.message.en).toContain('CNY 500000');
  });

  it('applies the highest class minimum when the asset class is unknown', () => {
    const product = { ...privateFund(), details: { ...details({ isPrivate: true, fundType: 'PRIVATE' }), assetClass: undefined } };
    expect(reason(run({ customer: qualified, product, sale: { amount: '999999.99' } }), 'PRIVATE_BELOW_MINIMUM')).toBeDefined();
    expect(reason(run({ customer: qualified, product, sale: { amount: '1000000' } }), 'PRIVATE_BELOW_MINIMUM')).toBeUndefined();
  });

  it('treats an asset class it does not know as unknown (highest minimum), never as a class of its own', () => {
    const product = { ...privateFund(), details: { ...details({ isPrivate: true, fundType: 'PRIVATE' }), assetClass: 'CRYPTO' } };
    const d = run({ customer: qualified, product, sale: { amount: '999999.99' } });
    expect(d.outcome).toBe('BLOCK');
    expect(codes(d)).toEqual(['PRIVATE_BELOW_MINIMUM', 'PRIVATE_COOLING_OFF']);
    expect(reason(d, 'PRIVATE_BELOW_MINIMUM')!.message.en).toContain('unknown (highest class minimum applied)');
    expect(reason(d, 'PRIVATE_BELOW_MINIMUM')!.facts).toMatchObject({ assetClass: null, minimumCny: '1000000' });
  });

  it('has nothing to say without an amount (in any currency) or with one it cannot read', () => {
    for (const sale of [{ amount: null }, { amount: null, currency: 'USD' }, { amount: 'n/a' }]) {
      const d = run({ customer: qualified, product: privateFund(), sale });
      expect(d.outcome).toBe('WARN');
      expect(codes(d)).toEqual(['PRIVATE_COOLING_OFF']);
    }
  });

  it('blocks an amount it cannot measure in CNY, whatever its size', () => {
    const d = run({ customer: qualified, product: privateFund(), sale: { amount: '5000000', currency: 'USD' } });
    expect(d.outcome).toBe('BLOCK');
    expect(reason(d, 'PRIVATE_BELOW_MINIMUM')!.message.en).toContain('this one is USD 5000000');
  });

  it('does not apply to redemptions of any size', () => {
    expect(codes(run({ customer: qualified, product: privateFund(), sale: { side: 'SELL', amount: '1000' } }))).toEqual([]);
  });

  it('does not apply to public funds', () => {
    expect(codes(run({ customer: qualified, product: publicFund(), sale: { amount: '10' } }))).toEqual([]);
  });
});

describe('funds.bank-wealth-minimum', () => {
  it("the bank's own public wealth products need 10,000: 10000 passes, 9999.99 is blocked", () => {
    expect(codes(run({ product: bankWealth('BANK'), sale: { amount: '10000' } }))).toEqual([]);
    const d = run({ product: bankWealth('BANK'), sale: { amount: '9999.99' } });
    expect(d.outcome).toBe('BLOCK');
    expect(codes(d)).toEqual(['WEALTH_BELOW_MINIMUM']);
    expect(reason(d, 'WEALTH_BELOW_MINIMUM')!.message['zh-CN']).toContain('10000 元');
    expect(reason(d, 'WEALTH_BELOW_MINIMUM')!.message.en).toContain('this purchase is CNY 9999.99');
    expect(reason(d, 'WEALTH_BELOW_MINIMUM')!.facts).toEqual({
      isBankWealth: true,
      issuerType: 'BANK',
      amount: '9999.99',
      currency: 'CNY',
      minimumCny: '10000',
    });
    expectFilled(d);
  });

  it('has nothing to say without an amount, and blocks one in another currency', () => {
    const none = run({ product: bankWealth('BANK'), sale: { amount: null } });
    expect(none.outcome).toBe('ALLOW');
    expect(codes(none)).toEqual([]);
    const usd = run({ product: bankWealth('BANK'), sale: { amount: '100000', currency: 'USD' } });
    expect(usd.outcome).toBe('BLOCK');
    expect(codes(usd)).toEqual(['WEALTH_BELOW_MINIMUM']);
  });

  it('wealth subsidiary (理财子公司) products are exempt', () => {
    expect(codes(run({ product: bankWealth('BANK_SUBSIDIARY'), sale: { amount: '1' } }))).toEqual([]);
  });

  it('follows the bank setting', () => {
    const d = run({ product: bankWealth('BANK'), sale: { amount: '10000' } }, { 'funds.publicWealthMinimumCny': '50000' });
    expect(reason(d, 'WEALTH_BELOW_MINIMUM')!.message.en).toContain('CNY 50000');
  });

  it('does not apply to funds, private wealth products (their own minimum) or redemptions', () => {
    expect(codes(run({ product: publicFund({ issuerType: 'BANK' }), sale: { amount: '100' } }))).toEqual([]);
    const privateWealth = {
      ...bankWealth('BANK'),
      coolingOffHours: 24,
      details: { ...details({ isBankWealth: true, issuerType: 'BANK', isPrivate: true, assetClass: 'MIXED' }) },
    };
    const d = run({ customer: qualified, product: privateWealth, sale: { amount: '5000' } });
    expect(codes(d)).toEqual(['PRIVATE_BELOW_MINIMUM', 'PRIVATE_COOLING_OFF']);
    expect(codes(run({ product: bankWealth('BANK'), sale: { side: 'SELL', amount: '100' } }))).toEqual([]);
  });
});

describe('funds.private-cooling-off', () => {
  it('warns of the 24-hour cooling-off period with a full refund on every private purchase', () => {
    const d = run({ customer: qualified, product: privateFund(), sale: { amount: '1000000' } });
    expect(d.outcome).toBe('WARN');
    expect(codes(d)).toEqual(['PRIVATE_COOLING_OFF']);
    const r = reason(d, 'PRIVATE_COOLING_OFF')!;
    expect(r.message['zh-CN']).toContain('24 小时投资冷静期');
    expect(r.message['zh-CN']).toContain('全额退款');
    expect(r.message.en).toContain('full refund');
    expect(r.facts).toEqual({ isPrivate: true, requiredHours: 24, productCoolingOffHours: 24 });
  });

  it('tells the customer the longer period when the product grants one', () => {
    const d = run({ customer: qualified, product: privateFund('EQUITY', 48), sale: { amount: '1000000' } });
    expect(reason(d, 'PRIVATE_COOLING_OFF')!.message.en).toContain('48-hour');
  });

  it('blocks a product configured below the setting, since the order flow would not give the period owed', () => {
    const d = run({ customer: qualified, product: privateFund('EQUITY', 24), sale: { amount: '1000000' } }, { 'funds.privateCoolingOffHours': 48 });
    expect(d.outcome).toBe('BLOCK');
    expect(codes(d)).toEqual(['PRIVATE_COOLING_OFF_NOT_CONFIGURED']);
    expectFilled(d);
  });

  it('says nothing for public funds or redemptions', () => {
    expect(codes(run({ product: publicFund(), sale: { amount: '1000' } }))).toEqual([]);
    expect(codes(run({ customer: qualified, product: privateFund(), sale: { side: 'SELL', amount: '1000000' } }))).toEqual([]);
  });
});

describe('funds.sip', () => {
  const plan = (amount: string) => ({ amount, details: { sip: true } });

  it('blocks a plan on a product that offers none', () => {
    const d = run({ product: publicFund({ sipSupported: false }), sale: plan('1000') });
    expect(d.outcome).toBe('BLOCK');
    expect(codes(d)).toEqual(['SIP_NOT_SUPPORTED']);
    expect(reason(d, 'SIP_NOT_SUPPORTED')!.facts).toEqual({ sip: true, sipSupported: false });
    expectFilled(d);
    const unsaid = run({ product: { ...publicFund(), details: { fundType: 'EQUITY', isPrivate: false } }, sale: plan('1000') });
    expect(unsaid.outcome).toBe('BLOCK');
    expect(reason(unsaid, 'SIP_NOT_SUPPORTED')!.facts).toEqual({ sip: true, sipSupported: null });
  });

  it('needs each instalment at the SIP minimum: 100 passes, 99.99 is blocked', () => {
    const product = publicFund({ sipSupported: true, sipMinimum: '100' });
    expect(codes(run({ product, sale: plan('100') }))).toEqual([]);
    const d = run({ product, sale: plan('99.99') });
    expect(d.outcome).toBe('BLOCK');
    expect(codes(d)).toEqual(['SIP_BELOW_MINIMUM']);
    expect(reason(d, 'SIP_BELOW_MINIMUM')!.message.en).toContain('CNY 100');
    expect(reason(d, 'SIP_BELOW_MINIMUM')!.message.en).toContain('this one is CNY 99.99');
    expect(reason(d, 'SIP_BELOW_MINIMUM')!.facts).toEqual({ sip: true, sipSupported: true, sipMinimum: '100', amount: '99.99', currency: 'CNY' });
    expectFilled(d);
  });

  it('reads a SIP minimum given as a number or with stray spaces', () => {
    for (const sipMinimum of [100, ' 100 ']) {
      const product = publicFund({ sipSupported: true, sipMinimum: sipMinimum as string });
      expect(codes(run({ product, sale: plan('100') }))).toEqual([]);
      const d = run({ product, sale: plan('99.99') });
      expect(d.outcome).toBe('BLOCK');
      expect(codes(d)).toEqual(['SIP_BELOW_MINIMUM']);
    }
  });

  it('measures the instalment in the product currency: another currency cannot be shown to meet it', () => {
    const product = { ...publicFund({ sipSupported: true, sipMinimum: '100' }), currency: 'USD' };
    expect(codes(run({ product, sale: { ...plan('100'), currency: 'USD' } }))).toEqual([]);
    const d = run({ product, sale: { ...plan('100000'), currency: 'CNY' } });
    expect(d.outcome).toBe('BLOCK');
    expect(reason(d, 'SIP_BELOW_MINIMUM')!.message.en).toContain('at least USD 100; this one is CNY 100000');
  });

  it('has nothing to say about a plan without an amount', () => {
    const d = run({ product: publicFund({ sipSupported: true, sipMinimum: '100' }), sale: { amount: null, details: { sip: true } } });
    expect(d.outcome).toBe('ALLOW');
    expect(codes(d)).toEqual([]);
  });

  it('does not apply to redemptions, even of a plan', () => {
    expect(codes(run({ product: publicFund({ sipSupported: false }), sale: { side: 'SELL', amount: '1', details: { sip: true } } }))).toEqual([]);
  });

  it('accepts any instalment when the product has no SIP minimum', () => {
    expect(codes(run({ product: publicFund({ sipSupported: true, sipMinimum: null }), sale: plan('1') }))).toEqual([]);
  });

  it('leaves one-off purchases alone', () => {
    expect(codes(run({ product: publicFund({ sipSupported: false }), sale: { amount: '1000' } }))).toEqual([]);
    expect(codes(run({ product: publicFund({ sipSupported: true, sipMinimum: '100' }), sale: { amount: '10', details: { sip: false } } }))).toEqual([]);
  });
});

describe('funds.qdii-fx-disclosure', () => {
  it('warns of currency risk on a QDII purchase', () => {
    const d = run({ product: publicFund({ fundType: 'QDII' }), sale: { amount: '1000' } });
    expect(d.outcome).toBe('WARN');
    expect(codes(d)).toEqual(['QDII_FX_RISK']);
    expect(reason(d, 'QDII_FX_RISK')!.message['zh-CN']).toContain('汇率风险');
    expect(reason(d, 'QDII_FX_RISK')!.facts).toEqual({ fundType: 'QDII' });
  });

  it('not for domestic funds, nor for redemptions', () => {
    expect(codes(run({ product: publicFund({ fundType: 'EQUITY' }), sale: { amount: '1000' } }))).toEqual([]);
    expect(codes(run({ product: publicFund({ fundType: 'QDII' }), sale: { side: 'SELL', amount: '1000' } }))).toEqual([]);
  });
});

describe('funds rules: identity', () => {
  it('each reason names the rule and version that gave it (the audit record)', () => {
    const product = { ...privateFund('EQUITY', 12), details: { ...details({ fundType: 'QDII', isPrivate: true, isBankWealth: true, issuerType: 'BANK' }) } };
    const d = run({ customer: customer(), product, sale: { amount: '1', details: { sip: true } } });
    expect(d.reasons.map((r) => `${r.ruleId}@${r.ruleVersion}`).sort()).toEqual([
      'funds.private-cooling-off@1.0.0',
      'funds.private-minimum@1.0.0',
      'funds.private-qualified-investor@1.0.0',
      'funds.qdii-fx-disclosure@1.0.0',
      'funds.sip@1.0.0',
    ]);
    const wealth = run({ product: bankWealth('BANK'), sale: { amount: '1' } });
    expect(wealth.reasons.map((r) => `${r.ruleId}@${r.ruleVersion}`)).toEqual(['funds.bank-wealth-minimum@1.0.0']);
  });
});

describe('funds rules with the core rules (the decision a customer gets)', () => {
  const all = (o: FactsOverrides) => evaluateRules([...coreRules, ...fundsRules], makeFacts(o), { source: 'funds', settings: fundsSettings });

  it('a C3 customer buying an R4 equity fund on their own needs the signed special risk warning', () => {
    const d = all({ product: publicFund({}, 'R4'), sale: { amount: '5000' } });
    expect(d.outcome).toBe('REQUIRE');
    expect(d.missingSteps).toEqual(['SPECIAL_RISK_WARNING_SIGNED']);
    expect(reason(d, 'ABOVE_RISK_LEVEL_SIGNED_WARNING')).toBeDefined();
  });

  it('with the warning signed the step is no longer missing', () => {
    const d = all({ product: publicFund({}, 'R4'), sale: { amount: '5000', completedSteps: ['SPECIAL_RISK_WARNING_SIGNED'] } });
    expect(d.missingSteps).toEqual([]);
    expect(reason(d, 'ABOVE_RISK_LEVEL_SIGNED_WARNING')!.satisfied).toBe(true);
    expect(d.reasons.some((r) => r.outcome === 'BLOCK')).toBe(false);
  });

  it('the same fund recommended by staff is blocked', () => {
    const d = all({ product: publicFund({}, 'R4'), sale: { amount: '5000', initiator: 'STAFF' } });
    expect(d.outcome).toBe('BLOCK');
    expect(reason(d, 'STAFF_RECOMMENDED_ABOVE_LEVEL')).toBeDefined();
  });

  it('an R4 bank wealth product above the level is blocked, signed warning or not', () => {
    const product = { ...bankWealth('BANK_SUBSIDIARY'), riskRating: 'R4' as const };
    const d = all({ product, sale: { amount: '5000', completedSteps: ['SPECIAL_RISK_WARNING_SIGNED'] } });
    expect(d.outcome).toBe('BLOCK');
    expect(reason(d, 'WEALTH_ABOVE_LEVEL')).toBeDefined();
  });

  it('a qualified C5 customer buying a private equity fund at its minimum is allowed with warnings', () => {
    const d = all({ customer: qualified, product: privateFund('EQUITY'), sale: { amount: '1000000' } });
    expect(d.reasons.filter((r) => r.outcome === 'BLOCK')).toEqual([]);
    expect(d.missingSteps).toEqual([]);
    expect(reason(d, 'PRIVATE_COOLING_OFF')).toBeDefined();
  });
});
