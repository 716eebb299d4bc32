import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../../tests/support/databases.js';
import { createTestHost, type TestHost } from '../../../tests/support/test-host.js';
import loans from '../index.js';
import { recordCleanCreditReport } from './support.js';

// The loans plugin alone in the real host: catalog, pre-qualification in the customer 360, the rules through
// checkSuitability with the server's figures, and orders refused (loans are applied for).
describe.each(testDrivers())('loans plugin in the host (%s)', (driver) => {
  let t: TestHost;
  let borrower = '';
  let elderly = '';
  const productId = async (code: string) =>
    (await t.gql(`{ products(filter: { line: LOANS }, first: 50) { edges { node { id code } } } }`)).data.products.edges.find((e: any) => e.node.code === code)
      .node.id as string;

  beforeAll(async () => {
    t = await createTestHost({ driver, plugins: [loans], customers: 20 });
    const branch = (await t.gql(`{ customers(first: 1) { edges { node { branch { id } } } } }`)).data.customers.edges[0].node.branch.id as string;
    // 240,000 a year (20,000 a month), 40 years old this year; and one of 66.
    const born = (years: number) => `${new Date().getUTCFullYear() - years}-01-01`;
    const open = async (idNumber: string, phone: string, age: number) => {
      const r = await t.gql(`mutation($i: CreateCustomerInput!) { createCustomer(input: $i) { id } }`, {
        i: {
          name: '贷款客户',
          idType: 'PASSPORT',
          idNumber,
          phone,
          birthDate: born(age),
          gender: 'FEMALE',
          branchId: branch,
          occupation: '教师',
          employerSector: 'EDUCATION',
          personalAnnualIncome: '240000',
          householdAnnualIncome: '300000',
          householdFinancialAssets: '100000',
        },
      });
      expect(r.errors).toBeUndefined();
      return r.data.createCustomer.id as string;
    };
    borrower = await open('L0000001', '13820000001', 40);
    await recordCleanCreditReport(t, borrower);
    elderly = await open('L0000002', '13820000002', 66);
  }, 120_000);
  afterAll(() => t?.close());

  it('serves twelve loan products with their terms', async () => {
    const r = await t.gql(`{ products(filter: { line: LOANS }, first: 50) { totalCount edges { node { code riskRating ... on LoanProduct {
      loanKind category annualRate minTermMonths maxTermMonths minLoanAmount { amount } maxLoanAmount { amount } repaymentMethods collateral } } } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.products.totalCount).toBe(12);
    const home = r.data.products.edges.map((e: any) => e.node).find((n: any) => n.code === 'LOAN-HOME-FIRST');
    expect(home).toEqual({
      code: 'LOAN-HOME-FIRST',
      riskRating: 'R1',
      loanKind: 'HOUSING',
      category: 'FIRST_HOME',
      annualRate: 0.0305,
      minTermMonths: 60,
      maxTermMonths: 360,
      minLoanAmount: { amount: '100000' },
      maxLoanAmount: { amount: '10000000' },
      repaymentMethods: ['EQUAL_INSTALMENT', 'EQUAL_PRINCIPAL'],
      collateral: 'PROPERTY',
    });
    const kinds = new Set(r.data.products.edges.map((e: any) => e.node.loanKind));
    expect(kinds).toEqual(new Set(['HOUSING', 'PLEDGE', 'CONSUMER', 'BUSINESS']));
  });

  it('pre-qualifies the customer in the 360: amounts the rules then accept, bounded by income and age', async () => {
    const Q = `query($id: ID!) { customer(id: $id) { loanOffers { product { code } available maxAmount { amount } termMonths repaymentMethod monthlyPayment { amount } limitedBy explanation } } }`;
    const r = await t.gql(Q, { id: borrower }, { lang: 'en' });
    expect(r.errors).toBeUndefined();
    const offers = r.data.customer.loanOffers;
    // Every product but the three pledge loans.
    expect(offers).toHaveLength(9);
    const home = offers.find((o: any) => o.product.code === 'LOAN-HOME-FIRST');
    expect(home).toMatchObject({ available: true, termMonths: 360, repaymentMethod: 'EQUAL_INSTALMENT', limitedBy: 'HOUSING_PAYMENT' });
    expect(Number(home.monthlyPayment.amount)).toBeLessThanOrEqual(10000);
    expect(home.explanation).toMatch(/^Up to about CNY \d+\.\d{2} over 360 months/);
    // The offered amount passes every rule once the steps are recorded; a thousand more breaks the housing cap.
    const id = await productId('LOAN-HOME-FIRST');
    const at = await t.gql(`query($i: SuitabilityInput!) { checkSuitability(input: $i) { outcome reasons { code } } }`, {
      i: {
        customerId: borrower,
        productId: id,
        amount: home.maxAmount.amount,
        details: { termMonths: 360, repaymentMethod: 'EQUAL_INSTALMENT', propertyValue: '20000000' },
        completedSteps: ['CREDIT_REPORT_AUTHORISATION', 'FACE_TO_FACE_INTERVIEW'],
      },
    });
    expect(at.errors).toBeUndefined();
    expect(at.data.checkSuitability).toEqual({ outcome: 'ALLOW', reasons: [] });
    const over = await t.gql(`query($i: SuitabilityInput!) { checkSuitability(input: $i) { outcome reasons { code } } }`, {
      i: {
        customerId: borrower,
        productId: id,
        amount: String(Number(home.maxAmount.amount) + 1000),
        details: { termMonths: 360, repaymentMethod: 'EQUAL_INSTALMENT', propertyValue: '20000000' },
        completedSteps: ['CREDIT_REPORT_AUTHORISATION', 'FACE_TO_FACE_INTERVIEW'],
      },
    });
    expect(over.data.checkSuitability.outcome).toBe('BLOCK');
    expect(over.data.checkSuitability.reasons.map((x: any) => x.code)).toContain('LOAN_HOUSING_PAYMENT_RATIO');
    // At 66 no 5-year term ends by 70: the mortgage is not offered, for that reason.
    const old = (await t.gql(Q, { id: elderly }, { lang: 'en' })).data.customer.loanOffers.find((o: any) => o.product.code === 'LOAN-HOME-FIRST');
    expect(old).toMatchObject({ available: false, maxAmount: null, limitedBy: 'AGE' });
  });

  it("judges an application's terms with the server's figures: a client-stated payment that is not the server's is refused", async () => {
    const id = await productId('LOAN-CAR');
    const Q = `query($i: SuitabilityInput!) { checkSuitability(input: $i) { outcome reasons { code } } }`;
    const base = { customerId: borrower, productId: id, amount: '100000', details: { termMonths: 36, repaymentMethod: 'EQUAL_INSTALMENT', purpose: 'CAR' } };
    const needsSteps = await t.gql(Q, { i: base });
    expect(needsSteps.data.checkSuitability).toEqual({ outcome: 'REQUIRE', reasons: [{ code: 'LOAN_CREDIT_AUTHORISATION' }, { code: 'LOAN_INTERVIEW' }] });
    const forged = await t.gql(Q, { i: { ...base, details: { ...base.details, monthlyPayment: '1.00' } } });
    expect(forged.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const prohibited = await t.gql(Q, { i: { ...base, details: { ...base.details, purpose: 'SECURITIES' } } });
    expect(prohibited.data.checkSuitability.reasons.map((x: any) => x.code)).toContain('LOAN_PURPOSE_PROHIBITED');
    const badMethod = await t.gql(Q, {
      i: {
        ...base,
        productId: await productId('LOAN-CONSUMER-E'),
        amount: '50000',
        details: { termMonths: 24, repaymentMethod: 'EQUAL_PRINCIPAL', purpose: 'TRAVEL' },
      },
    });
    expect(badMethod.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses to order a loan, before anything is written', async () => {
    const before = (await t.host.runtime.database.db.execute(sql`select count(*)::int as n from suitability_decisions`)) as unknown;
    const r = await t.gql(`mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { ... on Order { id } } }`, {
      i: {
        customerId: borrower,
        productId: await productId('LOAN-CAR'),
        amount: '100000',
        channel: 'COUNTER',
        initiator: 'CUSTOMER',
        idempotencyKey: `loan-order-${driver}-0000001`,
        details: { termMonths: 36, repaymentMethod: 'EQUAL_INSTALMENT', purpose: 'CAR' },
      },
    });
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.message).toMatch(/须申请/);
    const after = (await t.host.runtime.database.db.execute(sql`select count(*)::int as n from suitability_decisions`)) as unknown;
    const n = (x: unknown) => Number(((Array.isArray(x) ? x : (x as { rows: unknown[] }).rows)[0] as { n: number }).n);
    expect(n(after)).toBe(n(before));
  });
});
