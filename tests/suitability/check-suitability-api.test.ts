import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../support/databases.js';
import { createTestHost, type TestHost } from '../support/test-host.js';
import { birthDateTurning, daysAgo, residentId } from './support-customers.js';

/**
 * Every core and funds suitability rule, on both sides of its threshold, through
 * the public `checkSuitability` query: customers are opened and assessed with the
 * public mutations, products are picked from the catalog by their fields.
 * Thresholds are the bank settings' defaults (no API changes them):
 * assessment valid 365 days, senior from 65, high risk from R4, recording at
 * COUNTER / WEALTH_CENTER, professional 5,000,000 assets + 2 years, qualified
 * investor 3,000,000 (net) assets + 2 years, private minimums by asset class,
 * public wealth minimum 10,000.
 */

const PRIVATE_MINIMUMS: Record<string, string> = { FIXED_INCOME: '300000', MIXED: '400000', EQUITY: '1000000', COMMODITY_DERIVATIVES: '1000000' };

interface Fund {
  id: string;
  code: string;
  riskRating: string;
  status: string;
  saleStart: string | null;
  saleEnd: string | null;
  minimumAmount: { amount: string };
  amountStep: string;
  fundType: string;
  isPrivate: boolean;
  assetClass: string;
  isBankWealth: boolean;
  issuerType: string;
  sipSupported: boolean;
  sipMinimum: { amount: string } | null;
}

interface Decision {
  outcome: string;
  requiredSteps: string[];
  missingSteps: string[];
  reasons: { code: string; outcome: string; message: string; regulation: string; ruleId: string; source: string; satisfied: boolean }[];
}

interface CheckInput {
  customerId: string;
  productId: string;
  amount: string | null;
  currency?: string;
  channel: string;
  initiator: string;
  side: string;
  completedSteps: string[];
  details: Record<string, unknown>;
}

interface CustomerSpec {
  birthDate?: string;
  assets?: string;
  /** Omitted: the customer has never been assessed. */
  assessment?: { level: string; lowestCategory?: boolean; experienceYears?: number; assessedAt?: string };
}

const FUNDS = /* GraphQL */ `
  {
    products(filter: { line: FUNDS }, first: 100) {
      edges {
        node {
          id code riskRating status saleStart saleEnd amountStep
          minimumAmount { amount }
          ... on FundProduct { fundType isPrivate assetClass isBankWealth issuerType sipSupported sipMinimum { amount } }
        }
      }
    }
  }
`;
const CREATE = /* GraphQL */ `
  mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }
`;
const ASSESS = /* GraphQL */ `
  mutation ($input: RecordRiskAssessmentInput!) { recordRiskAssessment(input: $input) { id } }
`;

/** One query with an aliased `checkSuitability` per case. */
function batchQuery(names: string[]): string {
  const vars = names.map((_, i) => `$v${i}: SuitabilityInput!`).join(', ');
  const fields = names.map((n, i) => `${n}: checkSuitability(input: $v${i}) { ...D }`).join('\n');
  return `query (${vars}) {\n${fields}\n}
    fragment D on SuitabilityDecision {
      outcome requiredSteps missingSteps
      reasons { code outcome message regulation ruleId source satisfied }
    }`;
}

const CUSTOMERS = {
  unassessed: {},
  assessed364: { assessment: { level: 'C3', assessedAt: daysAgo(364) } },
  assessed366: { assessment: { level: 'C3', assessedAt: daysAgo(366) } },
  c3: { assessment: { level: 'C3' } },
  c5: { assessment: { level: 'C5' } },
  c1: { assessment: { level: 'C1' } },
  c1Lowest: { assessment: { level: 'C1', lowestCategory: true } },
  professional: { assets: '5000000', assessment: { level: 'C3', experienceYears: 2 } },
  almostProfessional: { assets: '4999999.99', assessment: { level: 'C3', experienceYears: 2 } },
  professionalAssetsNoExperience: { assets: '5000000', assessment: { level: 'C3', experienceYears: 1 } },
  qualified: { assets: '3000000', assessment: { level: 'C5', experienceYears: 2 } },
  qualifiedAssetsShort: { assets: '2999999.99', assessment: { level: 'C5', experienceYears: 2 } },
  qualifiedExperienceShort: { assets: '3000000', assessment: { level: 'C5', experienceYears: 1 } },
  age64: { birthDate: birthDateTurning(65, 1), assessment: { level: 'C5' } },
  age65: { birthDate: birthDateTurning(65), assessment: { level: 'C5' } },
} satisfies Record<string, CustomerSpec>;
type CustomerKey = keyof typeof CUSTOMERS;

describe.each(testDrivers())('checkSuitability covers every core and funds rule (%s)', (driver) => {
  let t: TestHost;
  const ids = {} as Record<CustomerKey, string>;
  let funds: Fund[];
  /** Decisions by case name (zh-CN, the default language), and the en ones for the language case. */
  let d: Record<string, Decision>;
  let en: Record<string, Decision>;
  const P = {} as Record<
    | 'notOnSale'
    | 'outsideWindow'
    | 'r1'
    | 'r2'
    | 'r3'
    | 'r4'
    | 'stepped'
    | 'wealthR3'
    | 'wealthR4'
    | 'qdii'
    | 'noSip'
    | 'sip'
    | 'sipAboveMinimum'
    | 'privateFixed'
    | 'bankWealth'
    | 'subsidiaryWealth',
    Fund
  >;

  const buyable = (f: Fund, now = Date.now()) =>
    f.status === 'ON_SALE' && (!f.saleStart || Date.parse(f.saleStart) <= now) && (!f.saleEnd || Date.parse(f.saleEnd) > now);
  const pick = (what: string, test: (f: Fund) => boolean): Fund => {
    const f = funds.find(test);
    if (!f) throw new Error(`the demo catalog has no fund that is ${what}`);
    return f;
  };
  const publicFund = (f: Fund) => !f.isPrivate && !f.isBankWealth && f.fundType !== 'QDII';

  /** A purchase online, initiated by the customer, at the product minimum, unless overridden. */
  const sale = (customer: CustomerKey, product: Fund, over: Partial<CheckInput> = {}): CheckInput => ({
    customerId: ids[customer],
    productId: product.id,
    amount: product.minimumAmount.amount,
    channel: 'ONLINE',
    initiator: 'CUSTOMER',
    side: 'BUY',
    completedSteps: [],
    details: {},
    ...over,
  });

  /** Runs the cases in as few requests as the API's alias limit (20 per query) allows. */
  async function runBatch(cases: Record<string, CheckInput>, lang?: string): Promise<Record<string, Decision>> {
    const all = Object.keys(cases);
    const out: Record<string, Decision> = {};
    for (let i = 0; i < all.length; i += 20) {
      const names = all.slice(i, i + 20);
      const variables = Object.fromEntries(names.map((n, j) => [`v${j}`, cases[n]]));
      const r = await t.gql<Record<string, Decision>>(batchQuery(names), variables, lang ? { lang } : {});
      expect(r.errors).toBeUndefined();
      Object.assign(out, r.data);
    }
    return out;
  }

  beforeAll(async () => {
    t = await createTestHost({ customers: 40, driver });
    const branch = await t.gql('{ customers(first: 1) { edges { node { branch { id } } } } }');
    expect(branch.errors).toBeUndefined();
    const branchId: string = branch.data.customers.edges[0].node.branch.id;

    let seq = 900;
    for (const [key, spec] of Object.entries(CUSTOMERS) as [CustomerKey, CustomerSpec][]) {
      const birthDate = spec.birthDate ?? birthDateTurning(40, 100);
      const created = await t.gql(CREATE, {
        input: {
          name: `适当性测试 ${key}`,
          idType: 'RESIDENT_ID',
          idNumber: residentId(birthDate, seq++),
          phone: `139${String(10_000_000 + seq).slice(-8)}`,
          birthDate,
          gender: 'FEMALE',
          occupation: '工程师',
          employerSector: 'IT',
          // Income under every income test (400k qualified, 500k professional): only assets decide.
          personalAnnualIncome: '100000',
          householdAnnualIncome: '150000',
          incomeThreeYearAverage: '100000',
          householdFinancialAssets: spec.assets ?? '100000',
          branchId,
        },
      });
      expect(created.errors, key).toBeUndefined();
      ids[key] = created.data.createCustomer.id;
      if (spec.assessment) {
        const a = spec.assessment;
        const assessed = await t.gql(ASSESS, {
          input: {
            customerId: ids[key],
            level: a.level,
            lowestCategory: a.lowestCategory ?? false,
            investorType: 'ORDINARY',
            experienceYears: a.experienceYears ?? 0,
            channel: 'COUNTER',
            ...(a.assessedAt ? { assessedAt: a.assessedAt } : {}),
          },
        });
        expect(assessed.errors, key).toBeUndefined();
      }
    }

    const fr = await t.gql(FUNDS);
    expect(fr.errors).toBeUndefined();
    funds = fr.data.products.edges.map((e: { node: Fund }) => e.node);
    const minAbove = (f: Fund, v: string) => Number(f.minimumAmount.amount) >= Number(v);
    P.notOnSale = pick('suspended or closed', (f) => (f.status === 'SUSPENDED' || f.status === 'CLOSED') && !f.isPrivate && minAbove(f, '1'));
    P.outsideWindow = pick('on sale outside its sale window', (f) => f.status === 'ON_SALE' && !buyable(f));
    P.r1 = pick('a buyable public R1 fund', (f) => buyable(f) && publicFund(f) && f.riskRating === 'R1');
    P.r2 = pick('a buyable public R2 fund', (f) => buyable(f) && publicFund(f) && f.riskRating === 'R2');
    P.r3 = pick('a buyable public R3 fund with a minimum ≥ 1', (f) => buyable(f) && publicFund(f) && f.riskRating === 'R3' && minAbove(f, '1'));
    P.r4 = pick('a buyable public R4 fund', (f) => buyable(f) && publicFund(f) && f.riskRating === 'R4');
    P.stepped = pick('a buyable public product with a step ≥ 1', (f) => buyable(f) && !f.isPrivate && Number(f.amountStep) >= 1);
    P.wealthR3 = pick('a buyable public R3 wealth product', (f) => buyable(f) && f.isBankWealth && !f.isPrivate && f.riskRating === 'R3');
    P.wealthR4 = pick('a buyable public R4 wealth product', (f) => buyable(f) && f.isBankWealth && !f.isPrivate && f.riskRating === 'R4');
    P.qdii = pick('a buyable QDII R4 fund', (f) => buyable(f) && f.fundType === 'QDII' && !f.isPrivate && f.riskRating === 'R4');
    P.noSip = pick('a buyable public fund without SIP', (f) => buyable(f) && publicFund(f) && !f.sipSupported && f.riskRating <= 'R3');
    P.sip = pick('a buyable public fund with SIP', (f) => buyable(f) && publicFund(f) && f.sipSupported && f.riskRating <= 'R3');
    P.sipAboveMinimum = pick(
      'a buyable public product whose SIP minimum is above its minimum',
      (f) =>
        buyable(f) &&
        !f.isPrivate &&
        f.sipSupported &&
        f.riskRating <= 'R3' &&
        !!f.sipMinimum &&
        Number(f.sipMinimum.amount) > Number(f.minimumAmount.amount) + 0.01,
    );
    P.privateFixed = pick('a buyable private fixed-income fund', (f) => buyable(f) && f.isPrivate && !f.isBankWealth && f.assetClass === 'FIXED_INCOME');
    P.bankWealth = pick(
      'a buyable public wealth product of the bank itself',
      (f) => buyable(f) && f.isBankWealth && !f.isPrivate && f.issuerType === 'BANK' && f.riskRating <= 'R3',
    );
    P.subsidiaryWealth = pick(
      'a buyable public wealth subsidiary product with a minimum below 9,999.99',
      (f) => buyable(f) && f.isBankWealth && !f.isPrivate && f.issuerType === 'BANK_SUBSIDIARY' && f.riskRating <= 'R3' && !minAbove(f, '9999.99'),
    );

    const min = (f: Fund) => f.minimumAmount.amount;
    const step = Number(P.stepped.amountStep);
    const steppedMin = Number(min(P.stepped));
    const privateMin = PRIVATE_MINIMUMS[P.privateFixed.assetClass]!;

    d = await runBatch({
      // core.product-on-sale
      notOnSale: sale('c5', P.notOnSale),
      notOnSaleSell: sale('c5', P.notOnSale, { side: 'SELL' }),
      outsideWindow: sale('c5', P.outsideWindow),
      onSale: sale('c5', P.r3),
      // core.amount
      belowMinimum: sale('c5', P.r3, { amount: (Number(min(P.r3)) - 0.01).toFixed(2) }),
      atMinimum: sale('c5', P.r3, { amount: min(P.r3) }),
      zeroAmount: sale('c5', P.r3, { amount: '0' }),
      otherCurrency: sale('c5', P.r3, { currency: 'USD' }),
      offStep: sale('c5', P.stepped, { amount: (steppedMin + step / 2).toFixed(2) }),
      onStep: sale('c5', P.stepped, { amount: (steppedMin + step).toFixed(2) }),
      // core.risk-assessment
      unassessed: sale('unassessed', P.r1),
      unassessedSell: sale('unassessed', P.r1, { side: 'SELL' }),
      assessed364: sale('assessed364', P.r1),
      assessed366: sale('assessed366', P.r1),
      assessed366Sell: sale('assessed366', P.r1, { side: 'SELL' }),
      // core.risk-matching
      c3BuysR3: sale('c3', P.r3),
      c3BuysR4: sale('c3', P.r4),
      c3BuysR4Signed: sale('c3', P.r4, { completedSteps: ['SPECIAL_RISK_WARNING_SIGNED'] }),
      c3BuysR4Staff: sale('c3', P.r4, { initiator: 'STAFF' }),
      c3BuysR3Staff: sale('c3', P.r3, { initiator: 'STAFF' }),
      c1BuysR2: sale('c1', P.r2),
      c1LowestBuysR2: sale('c1Lowest', P.r2),
      c1LowestBuysR1: sale('c1Lowest', P.r1),
      c3BuysWealthR4: sale('c3', P.wealthR4),
      c3BuysWealthR3: sale('c3', P.wealthR3),
      // core.professional-investor
      professionalBuysR4: sale('professional', P.r4),
      almostProfessionalBuysR4: sale('almostProfessional', P.r4),
      professionalAssetsNoExperienceBuysR4: sale('professionalAssetsNoExperience', P.r4),
      // core.high-risk-care
      ordinaryBuysR4: sale('c5', P.r4),
      ordinaryBuysR3: sale('c5', P.r3),
      // core.senior-customer
      age64: sale('age64', P.r3),
      age65: sale('age65', P.r3),
      // core.audio-video-recording
      counter: sale('c5', P.r3, { channel: 'COUNTER' }),
      counterRecorded: sale('c5', P.r3, { channel: 'COUNTER', completedSteps: ['AUDIO_VIDEO_RECORDING'] }),
      wealthCenter: sale('c5', P.r3, { channel: 'WEALTH_CENTER' }),
      online: sale('c5', P.r3, { channel: 'ONLINE' }),
      // funds.private-qualified-investor, funds.private-minimum, funds.private-cooling-off
      qualified: sale('qualified', P.privateFixed, { amount: privateMin }),
      qualifiedAssetsShort: sale('qualifiedAssetsShort', P.privateFixed, { amount: privateMin }),
      qualifiedExperienceShort: sale('qualifiedExperienceShort', P.privateFixed, { amount: privateMin }),
      privateBelowMinimum: sale('qualified', P.privateFixed, { amount: (Number(privateMin) - 0.01).toFixed(2) }),
      privateSell: sale('qualifiedAssetsShort', P.privateFixed, { side: 'SELL', amount: null }),
      // funds.bank-wealth-minimum
      bankWealthAtMinimum: sale('c5', P.bankWealth, { amount: '10000' }),
      bankWealthBelowMinimum: sale('c5', P.bankWealth, { amount: '9999.99' }),
      subsidiaryBelowTenThousand: sale('c5', P.subsidiaryWealth, { amount: '9999.99' }),
      // funds.sip
      sipUnsupported: sale('c5', P.noSip, { details: { sip: true } }),
      sipSupported: sale('c5', P.sip, { details: { sip: true } }),
      lumpSumWithoutSip: sale('c5', P.noSip),
      sipBelowPlanMinimum: sale('c5', P.sipAboveMinimum, { details: { sip: true }, amount: (Number(P.sipAboveMinimum.sipMinimum!.amount) - 0.01).toFixed(2) }),
      sipAtPlanMinimum: sale('c5', P.sipAboveMinimum, { details: { sip: true }, amount: P.sipAboveMinimum.sipMinimum!.amount }),
      // funds.qdii-fx-disclosure
      qdii: sale('c5', P.qdii),
      notQdii: sale('c5', P.r4),
    });
    en = await runBatch({ unassessed: sale('unassessed', P.r1), c3BuysR4: sale('c3', P.r4) }, 'en');
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  const codes = (name: string) => d[name]!.reasons.map((r) => r.code).sort();
  const reason = (name: string, code: string) => d[name]!.reasons.find((r) => r.code === code);

  describe('core.product-on-sale', () => {
    it('blocks a suspended or closed product and allows one on sale', () => {
      expect(d.notOnSale!.outcome).toBe('BLOCK');
      expect(reason('notOnSale', 'PRODUCT_NOT_ON_SALE')).toMatchObject({ outcome: 'BLOCK', ruleId: 'core.product-on-sale', source: 'core' });
      expect(d.onSale).toMatchObject({ outcome: 'ALLOW', reasons: [] });
    });
    it('never stops a redemption of a product no longer on sale', () => {
      expect(codes('notOnSaleSell')).not.toContain('PRODUCT_NOT_ON_SALE');
      expect(d.notOnSaleSell!.outcome).not.toBe('BLOCK');
    });
    it('blocks an on-sale product outside its sale window', () => {
      expect(d.outsideWindow!.outcome).toBe('BLOCK');
      expect(codes('outsideWindow')).toContain('OUTSIDE_SALE_WINDOW');
      expect(codes('outsideWindow')).not.toContain('PRODUCT_NOT_ON_SALE');
    });
  });

  describe('core.amount', () => {
    it('blocks one cent below the minimum and allows the minimum', () => {
      expect(d.belowMinimum!.outcome).toBe('BLOCK');
      expect(codes('belowMinimum')).toEqual(['BELOW_MINIMUM']);
      expect(reason('belowMinimum', 'BELOW_MINIMUM')!.message).toContain(String(Number(P.r3.minimumAmount.amount)));
      expect(d.atMinimum).toMatchObject({ outcome: 'ALLOW', reasons: [] });
    });
    it('blocks a zero amount and an amount in another currency', () => {
      expect(d.zeroAmount!.outcome).toBe('BLOCK');
      expect(codes('zeroAmount')).toEqual(['INVALID_AMOUNT']);
      expect(d.otherCurrency!.outcome).toBe('BLOCK');
      expect(codes('otherCurrency')).toEqual(['CURRENCY_MISMATCH']);
    });
    it('blocks an amount between steps and allows the next whole step', () => {
      expect(d.offStep!.outcome).toBe('BLOCK');
      expect(codes('offStep')).toContain('AMOUNT_STEP');
      expect(codes('onStep')).not.toContain('AMOUNT_STEP');
      expect(d.onStep!.outcome).not.toBe('BLOCK');
    });
  });

  describe('core.risk-assessment', () => {
    it('requires an assessment from a customer who never had one, but not for a redemption', () => {
      expect(d.unassessed).toMatchObject({ outcome: 'REQUIRE', requiredSteps: ['RISK_ASSESSMENT'], missingSteps: ['RISK_ASSESSMENT'] });
      expect(codes('unassessed')).toEqual(['RISK_ASSESSMENT_MISSING']);
      expect(codes('unassessedSell')).not.toContain('RISK_ASSESSMENT_MISSING');
      expect(d.unassessedSell!.outcome).toBe('ALLOW');
    });
    it('accepts an assessment 364 days old and requires reassessment at 366 days, except for a redemption', () => {
      expect(d.assessed364).toMatchObject({ outcome: 'ALLOW', reasons: [], requiredSteps: [] });
      expect(d.assessed366).toMatchObject({ outcome: 'REQUIRE', requiredSteps: ['REASSESSMENT'], missingSteps: ['REASSESSMENT'] });
      expect(codes('assessed366')).toEqual(['RISK_ASSESSMENT_EXPIRED']);
      expect(d.assessed366Sell).toMatchObject({ outcome: 'ALLOW', requiredSteps: [] });
      expect(codes('assessed366Sell')).not.toContain('RISK_ASSESSMENT_EXPIRED');
    });
  });

  describe('core.risk-matching', () => {
    it('allows C3 to buy R3 and requires the signed special warning for R4 asked for by the customer', () => {
      expect(d.c3BuysR3).toMatchObject({ outcome: 'ALLOW', reasons: [] });
      expect(d.c3BuysR4).toMatchObject({
        outcome: 'REQUIRE',
        requiredSteps: ['SPECIAL_RISK_WARNING_SIGNED'],
        missingSteps: ['SPECIAL_RISK_WARNING_SIGNED'],
      });
      expect(reason('c3BuysR4', 'ABOVE_RISK_LEVEL_SIGNED_WARNING')).toMatchObject({ outcome: 'REQUIRE', ruleId: 'core.risk-matching', satisfied: false });
    });
    it('once the warning is signed the step is satisfied and nothing is missing', () => {
      expect(d.c3BuysR4Signed!.requiredSteps).toEqual(['SPECIAL_RISK_WARNING_SIGNED']);
      expect(d.c3BuysR4Signed!.missingSteps).toEqual([]);
      expect(reason('c3BuysR4Signed', 'ABOVE_RISK_LEVEL_SIGNED_WARNING')!.satisfied).toBe(true);
      // The outcome names the strictest reason; whether the sale may go ahead is `missingSteps`.
      expect(d.c3BuysR4Signed!.outcome).toBe('REQUIRE');
      expect(codes('c3BuysR4Signed')).toEqual(['ABOVE_RISK_LEVEL_SIGNED_WARNING', 'HIGH_RISK_EXTRA_CARE']);
    });
    it('blocks staff recommending a product above the level, not one within it', () => {
      expect(d.c3BuysR4Staff!.outcome).toBe('BLOCK');
      expect(codes('c3BuysR4Staff')).toContain('STAFF_RECOMMENDED_ABOVE_LEVEL');
      expect(codes('c3BuysR4Staff')).not.toContain('ABOVE_RISK_LEVEL_SIGNED_WARNING');
      expect(d.c3BuysR3Staff).toMatchObject({ outcome: 'ALLOW', reasons: [] });
    });
    it('blocks the lowest category above its level; an ordinary C1 may sign the warning', () => {
      expect(d.c1LowestBuysR2!.outcome).toBe('BLOCK');
      expect(codes('c1LowestBuysR2')).toEqual(['LOWEST_CATEGORY_ABOVE_LEVEL']);
      expect(d.c1LowestBuysR1).toMatchObject({ outcome: 'ALLOW', reasons: [] });
      expect(d.c1BuysR2!.outcome).toBe('REQUIRE');
      expect(codes('c1BuysR2')).toEqual(['ABOVE_RISK_LEVEL_SIGNED_WARNING']);
    });
    it('blocks a wealth product above the level even when the customer asks for it', () => {
      expect(d.c3BuysWealthR4!.outcome).toBe('BLOCK');
      expect(codes('c3BuysWealthR4')).toContain('WEALTH_ABOVE_LEVEL');
      expect(codes('c3BuysWealthR4')).not.toContain('ABOVE_RISK_LEVEL_SIGNED_WARNING');
      expect(codes('c3BuysWealthR3')).not.toContain('WEALTH_ABOVE_LEVEL');
      expect(d.c3BuysWealthR3!.outcome).toBe('ALLOW');
    });
  });

  describe('core.professional-investor', () => {
    it('lets a professional (assets 5,000,000, 2 years) buy above the level', () => {
      expect(d.professionalBuysR4!.outcome).toBe('ALLOW');
      expect(codes('professionalBuysR4')).toEqual(['PROFESSIONAL_INVESTOR']);
      expect(d.professionalBuysR4!.requiredSteps).toEqual([]);
    });
    it('treats 4,999,999.99 of assets, or 1 year of experience, as ordinary', () => {
      for (const name of ['almostProfessionalBuysR4', 'professionalAssetsNoExperienceBuysR4']) {
        expect(d[name]!.outcome, name).toBe('REQUIRE');
        expect(codes(name), name).toEqual(['ABOVE_RISK_LEVEL_SIGNED_WARNING', 'HIGH_RISK_EXTRA_CARE']);
      }
    });
  });

  describe('core.high-risk-care', () => {
    it('warns an ordinary investor buying R4, not R3', () => {
      expect(d.ordinaryBuysR4!.outcome).toBe('WARN');
      expect(codes('ordinaryBuysR4')).toEqual(['HIGH_RISK_EXTRA_CARE']);
      expect(d.ordinaryBuysR3).toMatchObject({ outcome: 'ALLOW', reasons: [] });
    });
  });

  describe('core.senior-customer', () => {
    it('warns from the 65th birthday (China date), not the day before', () => {
      expect(d.age64).toMatchObject({ outcome: 'ALLOW', reasons: [] });
      expect(d.age65!.outcome).toBe('WARN');
      expect(codes('age65')).toEqual(['SENIOR_CUSTOMER']);
      expect(reason('age65', 'SENIOR_CUSTOMER')!.message).toContain('65');
    });
  });

  describe('core.audio-video-recording', () => {
    it('requires recording at the counter and the wealth centre, not online', () => {
      for (const name of ['counter', 'wealthCenter']) {
        expect(d[name], name).toMatchObject({ outcome: 'REQUIRE', requiredSteps: ['AUDIO_VIDEO_RECORDING'], missingSteps: ['AUDIO_VIDEO_RECORDING'] });
        expect(codes(name), name).toEqual(['IN_BRANCH_RECORDING']);
      }
      expect(d.online).toMatchObject({ outcome: 'ALLOW', reasons: [] });
    });
    it('counts a recorded sale as done', () => {
      expect(d.counterRecorded).toMatchObject({ requiredSteps: ['AUDIO_VIDEO_RECORDING'], missingSteps: [] });
      expect(reason('counterRecorded', 'IN_BRANCH_RECORDING')!.satisfied).toBe(true);
    });
  });

  describe('funds.private-qualified-investor, private-minimum and private-cooling-off', () => {
    it('sells a private fund to a qualified investor (2 years, 3,000,000) at the minimum, with the cooling-off warning', () => {
      expect(d.qualified!.outcome).toBe('WARN');
      expect(codes('qualified')).toEqual(['PRIVATE_COOLING_OFF']);
      expect(reason('qualified', 'PRIVATE_COOLING_OFF')).toMatchObject({ outcome: 'WARN', ruleId: 'funds.private-cooling-off', source: 'funds' });
      expect(reason('qualified', 'PRIVATE_COOLING_OFF')!.message).toContain('24');
    });
    it('blocks 2,999,999.99 of assets and 1 year of experience', () => {
      for (const name of ['qualifiedAssetsShort', 'qualifiedExperienceShort']) {
        expect(d[name]!.outcome, name).toBe('BLOCK');
        expect(codes(name), name).toEqual(['NOT_QUALIFIED_INVESTOR', 'PRIVATE_COOLING_OFF']);
        expect(reason(name, 'NOT_QUALIFIED_INVESTOR')).toMatchObject({ outcome: 'BLOCK', source: 'funds' });
      }
    });
    it('blocks one cent below the private minimum of the asset class', () => {
      expect(d.privateBelowMinimum!.outcome).toBe('BLOCK');
      expect(codes('privateBelowMinimum')).toContain('PRIVATE_BELOW_MINIMUM');
      expect(reason('privateBelowMinimum', 'PRIVATE_BELOW_MINIMUM')!.message).toContain(PRIVATE_MINIMUMS[P.privateFixed.assetClass]!);
      expect(codes('qualified')).not.toContain('PRIVATE_BELOW_MINIMUM');
    });
    it('does not stop an unqualified holder from redeeming', () => {
      expect(d.privateSell).toMatchObject({ outcome: 'ALLOW', reasons: [] });
    });
  });

  describe('funds.bank-wealth-minimum', () => {
    it("blocks 9,999.99 of the bank's own public wealth product and allows 10,000", () => {
      expect(d.bankWealthBelowMinimum!.outcome).toBe('BLOCK');
      expect(codes('bankWealthBelowMinimum')).toContain('WEALTH_BELOW_MINIMUM');
      expect(codes('bankWealthAtMinimum')).not.toContain('WEALTH_BELOW_MINIMUM');
      expect(d.bankWealthAtMinimum!.outcome).toBe('ALLOW');
    });
    it('exempts the wealth subsidiary', () => {
      expect(d.subsidiaryBelowTenThousand).toMatchObject({ outcome: 'ALLOW', reasons: [] });
    });
  });

  describe('funds.sip', () => {
    it('blocks a regular plan on a fund without one, not on a fund with one nor a lump sum', () => {
      expect(d.sipUnsupported!.outcome).toBe('BLOCK');
      expect(codes('sipUnsupported')).toEqual(['SIP_NOT_SUPPORTED']);
      expect(d.sipSupported).toMatchObject({ outcome: 'ALLOW', reasons: [] });
      expect(d.lumpSumWithoutSip).toMatchObject({ outcome: 'ALLOW', reasons: [] });
    });
    it('blocks an instalment one cent below the plan minimum and allows the plan minimum', () => {
      expect(d.sipBelowPlanMinimum!.outcome).toBe('BLOCK');
      expect(codes('sipBelowPlanMinimum')).toEqual(['SIP_BELOW_MINIMUM']);
      expect(d.sipAtPlanMinimum).toMatchObject({ outcome: 'ALLOW', reasons: [] });
    });
  });

  describe('funds.qdii-fx-disclosure', () => {
    it('warns of currency risk for a QDII fund only', () => {
      expect(codes('qdii')).toEqual(['HIGH_RISK_EXTRA_CARE', 'QDII_FX_RISK']);
      expect(reason('qdii', 'QDII_FX_RISK')).toMatchObject({ outcome: 'WARN', source: 'funds', ruleId: 'funds.qdii-fx-disclosure' });
      expect(codes('notQdii')).not.toContain('QDII_FX_RISK');
    });
  });

  describe('messages', () => {
    it('come in zh-CN by default and in English when asked', () => {
      const han = /[\u4e00-\u9fff]/;
      for (const name of ['unassessed', 'c3BuysR4']) {
        expect(en[name]!.reasons.map((r) => r.code).sort()).toEqual(codes(name));
        for (const r of d[name]!.reasons) {
          expect(r.message, r.code).toMatch(han);
          expect(r.regulation, r.code).toMatch(han);
        }
        for (const r of en[name]!.reasons) {
          expect(r.message, r.code).not.toMatch(han);
          expect(r.regulation, r.code).not.toMatch(han);
        }
      }
      expect(en.unassessed!.reasons[0]!.message).toMatch(/no risk assessment/i);
      expect(en.c3BuysR4!.reasons.find((r) => r.code === 'ABOVE_RISK_LEVEL_SIGNED_WARNING')!.message).toMatch(/R4.*C3.*special risk warning/);
    });
  });
});
