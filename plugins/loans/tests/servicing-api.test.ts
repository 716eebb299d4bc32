import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { numericIdOf, toGlobalId } from '../../../src/sdk/index.js';
import { testDrivers } from '../../../tests/support/databases.js';
import { createTestHost, type TestHost } from '../../../tests/support/test-host.js';
import funds from '../../funds/index.js';
import loans from '../index.js';
import { recordCleanCreditReport } from './support.js';

// 跟踪服务 through the API on both drivers: disbursement, the schedule, repayments, days past due and the
// five categories as time passes (the clock is moved, the schedule is not touched), the work queue's
// reminders, early warnings, liabilities and net assets, and the pledge that locks a position against redemption.
describe.each(testDrivers())('loan servicing (%s)', (driver) => {
  let t: TestHost;
  let borrower = '';
  let managerId = 0;
  let branchId = 0;
  let keys = 0;
  let products: Record<string, string> = {};
  const key = () => `loan-svc-${driver}-${++keys}-${Date.now()}`;
  const RM = () => ({ role: 'RELATIONSHIP_MANAGER', managerId }) as const;
  const BM = () => ({ role: 'BRANCH_MANAGER', branchId }) as const;
  const HO = { role: 'HEAD_OFFICE' } as const;
  const code = (r: any) => r.errors?.[0]?.extensions?.code;
  const rows = (r: unknown) => (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as Record<string, unknown>[];
  const LOAN = `id status principal { amount } outstandingPrincipal { amount } daysPastDue classification overdueAmount { amount } disbursedOn pledgedHoldingId
    nextInstalment { n dueDate total { amount } } schedule { n dueDate principal { amount } interest { amount } total { amount } paid { amount } overdue }
    repayments { amount { amount } instalments } warnings { code message } application { id stage }`;
  // A fresh token per call: the clock moves in these tests, and a token signed on a moved clock would not outlive it.
  const gql = async (q: string, v: Record<string, unknown>, as: object = RM()) => t.gql(q, v, { as: `Bearer ${await t.token(as as never)}`, lang: 'en' });

  /** An application taken to APPROVED by three different people (by default the RM markets, the BM investigates, head office decides). */
  async function approved(
    customerId: string,
    over: Record<string, unknown> = {},
    who: { marketer: object; investigator: object; decider: object } = { marketer: RM(), investigator: BM(), decider: HO },
  ): Promise<string> {
    const a = await gql(
      `mutation($i: ApplyForLoanInput!) { applyForLoan(input: $i) { id } }`,
      {
        i: {
          customerId,
          productId: products['LOAN-CAR'],
          amount: '100000',
          termMonths: 36,
          repaymentMethod: 'EQUAL_INSTALMENT',
          purpose: 'CAR',
          source: 'BRANCH',
          idempotencyKey: key(),
          ...over,
        },
      },
      who.marketer,
    );
    expect(a.errors).toBeUndefined();
    const id = a.data.applyForLoan.id;
    const inv = await gql(
      `mutation($i: RecordInvestigationInput!) { recordInvestigation(input: $i) { stage } }`,
      { i: { applicationId: id, creditReportAuthorised: true, interviewed: true, findings: '已核实' } },
      who.investigator,
    );
    expect(inv.errors).toBeUndefined();
    const dec = await gql(
      `mutation($i: DecideLoanInput!) { decideLoan(input: $i) { stage } }`,
      { i: { applicationId: id, decision: 'APPROVE', note: '同意' } },
      who.decider,
    );
    expect(dec.errors).toBeUndefined();
    return id;
  }
  const disburse = (applicationId: string, idempotencyKey = key(), as: object = RM()) =>
    gql(`mutation($i: DisburseLoanInput!) { disburseLoan(input: $i) { ${LOAN} } }`, { i: { applicationId, idempotencyKey } }, as);
  const repay = (loanId: string, amount: string, idempotencyKey = key(), as: object = RM()) =>
    gql(`mutation($i: RecordRepaymentInput!) { recordRepayment(input: $i) { ${LOAN} } }`, { i: { loanId, amount, idempotencyKey } }, as);
  const loan = async (id: string, as: object = RM()) => (await gql(`query($id: ID!) { node(id: $id) { ... on Loan { ${LOAN} } } }`, { id }, as)).data.node;
  const queue = async () =>
    (
      await gql(
        `query($id: ID!) { node(id: $id) { ... on CustomerManager { workQueue(kinds: [LINE_ITEM], first: 50) { edges { node { kind lineKind subjectId dueAt priority explanation } } } } } }`,
        { id: toGlobalId('CustomerManager', managerId) },
      )
    ).data.node.workQueue.edges.map((e: any) => e.node);
  const at = (day: string) => vi.setSystemTime(new Date(`${day}T02:00:00.000Z`));

  beforeAll(async () => {
    t = await createTestHost({ driver, plugins: [funds, loans], customers: 30 });
    const m = (await t.gql(`{ managers(first: 1) { edges { node { id branch { id } } } } }`)).data.managers.edges[0].node;
    managerId = numericIdOf(m.id, 'CustomerManager')!;
    branchId = numericIdOf(m.branch.id, 'Branch')!;
    const r = await gql(`mutation($i: CreateCustomerInput!) { createCustomer(input: $i) { id } }`, {
      i: {
        name: '借款人',
        idType: 'PASSPORT',
        idNumber: 'LS000001',
        phone: '13820002001',
        birthDate: `${new Date().getUTCFullYear() - 40}-03-01`,
        gender: 'MALE',
        branchId: m.branch.id,
        occupation: '工程师',
        employerSector: 'IT',
        personalAnnualIncome: '600000',
        householdAnnualIncome: '800000',
        householdFinancialAssets: '1000000',
      },
    });
    expect(r.errors).toBeUndefined();
    borrower = r.data.createCustomer.id;
    await recordCleanCreditReport(t, borrower);
    const list = await t.gql(`{ products(filter: { line: LOANS }, first: 50) { edges { node { id code } } } }`);
    products = Object.fromEntries(list.data.products.edges.map((e: any) => [e.node.code, e.node.id]));
  }, 180_000);
  afterEach(() => vi.useRealTimers());
  afterAll(() => t?.close());

  it('disburses an approved loan into a schedule, follows it through reminders, arrears and the five categories, and settles it', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    at('2026-03-10');
    const appId = await approved(borrower);
    const k = key();
    const d = await disburse(appId, k);
    expect(d.errors).toBeUndefined();
    const l = d.data.disburseLoan;
    expect(l).toMatchObject({
      status: 'ACTIVE',
      principal: { amount: '100000' },
      outstandingPrincipal: { amount: '100000' },
      daysPastDue: 0,
      classification: 'NORMAL',
      disbursedOn: '2026-03-10',
      warnings: [],
    });
    expect(l.application).toMatchObject({ id: appId, stage: 'DISBURSED' });
    expect(l.schedule).toHaveLength(36);
    expect(l.schedule.reduce((a: Decimal, i: any) => a.add(i.principal.amount), new Decimal(0)).toFixed(2)).toBe('100000.00');
    expect(l.nextInstalment).toMatchObject({ n: 1, dueDate: '2026-04-10' });
    // Replayed, the same loan; paid out once only.
    expect((await disburse(appId, k)).data.disburseLoan.id).toBe(l.id);
    expect(code(await disburse(appId))).toBe('BAD_USER_INPUT');
    // The customer 360: the loan is a liability; net assets net it off; the tier stays on assets.
    const c = (
      await gql(
        `query($id: ID!) { customer(id: $id) { totalAssets { amount } liabilities { amount } netAssets { amount } loans { id } loanApplications { stage loan { id } } } }`,
        { id: borrower },
      )
    ).data.customer;
    expect(c.liabilities.amount).toBe('100000');
    expect(new Decimal(c.netAssets.amount).toFixed(2)).toBe(new Decimal(c.totalAssets.amount).sub(100000).toFixed(2));
    expect(c.loans.map((x: any) => x.id)).toEqual([l.id]);
    expect(c.loanApplications.find((a: any) => a.stage === 'DISBURSED').loan.id).toBe(l.id);

    // A month on: not yet within the reminder window (7 days) on 2 April; within it on 5 April.
    at('2026-04-02');
    expect(await queue()).toEqual([]);
    at('2026-04-05');
    const due = await queue();
    expect(due).toEqual([
      expect.objectContaining({ kind: 'LINE_ITEM', lineKind: 'LOANS_REPAYMENT_DUE', subjectId: l.id, dueAt: '2026-04-09T16:00:00.000Z', priority: 58 }),
    ]);
    expect(due[0].explanation).toContain('2026-04-10');

    // 15 May: instalments 1 and 2 (10 April, 10 May) unpaid — 35 days past due, special mention, an overdue item and warning.
    at('2026-05-15');
    const late = await loan(l.id);
    const first2 = l.schedule.slice(0, 2).reduce((a: Decimal, i: any) => a.add(i.total.amount), new Decimal(0));
    expect(late).toMatchObject({ daysPastDue: 35, classification: 'SPECIAL_MENTION', overdueAmount: { amount: first2.toFixed(2).replace(/\.?0+$/, '') } });
    expect(late.warnings.map((w: any) => w.code)).toEqual(['OVERDUE']);
    expect(late.schedule.slice(0, 3).map((i: any) => i.overdue)).toEqual([true, true, false]);
    expect(await queue()).toEqual([expect.objectContaining({ lineKind: 'LOANS_OVERDUE', subjectId: l.id, dueAt: '2026-04-09T16:00:00.000Z', priority: 85 })]);

    // Paying the two instalments brings it back to normal; the queue shows the next reminder only when it is near.
    const paid = await repay(l.id, first2.toFixed(2));
    expect(paid.errors).toBeUndefined();
    expect(paid.data.recordRepayment).toMatchObject({ daysPastDue: 0, classification: 'NORMAL', nextInstalment: { n: 3 } });
    expect(paid.data.recordRepayment.repayments).toEqual([{ amount: { amount: first2.toFixed(2).replace(/\.?0+$/, '') }, instalments: [1, 2] }]);
    const principal2 = l.schedule.slice(0, 2).reduce((a: Decimal, i: any) => a.add(i.principal.amount), new Decimal(0));
    expect(new Decimal(paid.data.recordRepayment.outstandingPrincipal.amount).toFixed(2)).toBe(new Decimal(100000).sub(principal2).toFixed(2));
    expect(await queue()).toEqual([]);

    // Unpaid from 10 June: on 10 September 92 days past due — substandard.
    at('2026-09-10');
    expect(await loan(l.id)).toMatchObject({ daysPastDue: 92, classification: 'SUBSTANDARD' });

    // More than is owed is refused, nothing booked; everything owed settles it.
    const owed = (await loan(l.id)).schedule.reduce((a: Decimal, i: any) => a.add(i.total.amount).sub(i.paid.amount), new Decimal(0));
    expect(code(await repay(l.id, owed.add('0.01').toFixed(2)))).toBe('BAD_USER_INPUT');
    expect((await loan(l.id)).repayments).toHaveLength(1);
    const done = await repay(l.id, owed.toFixed(2));
    expect(done.errors).toBeUndefined();
    expect(done.data.recordRepayment).toMatchObject({
      status: 'SETTLED',
      outstandingPrincipal: { amount: '0' },
      nextInstalment: null,
      classification: 'NORMAL',
      warnings: [],
    });
    expect(code(await repay(l.id, '1.00'))).toBe('BAD_USER_INPUT');
    const after = (await gql(`query($id: ID!) { customer(id: $id) { liabilities { amount } } }`, { id: borrower })).data.customer;
    expect(after.liabilities.amount).toBe('0');
    const db = t.host.runtime.database.db;
    const audit = rows(await db.execute(sql`select action from audit_events where target_type = 'Loan' and target_id = ${l.id} order by id`)).map(
      (r) => r.action,
    );
    expect(audit).toEqual(['LOAN_REPAYMENT', 'LOAN_SETTLED']);
  });

  it("warns when the borrower's debt service rises above the cap after the loan (lower income)", async () => {
    const appId = await approved(borrower);
    const l = (await disburse(appId)).data.disburseLoan;
    expect(l.warnings).toEqual([]);
    // 600,000 a year → 60,000: the car loan's ~2,944 a month is now over 55 % of 5,000.
    const setIncome = async (personalAnnualIncome: string) => {
      const { version } = (await gql(`query($id: ID!) { customer(id: $id) { version } }`, { id: borrower })).data.customer;
      const u = await gql(`mutation($i: UpdateCustomerInput!) { updateCustomer(input: $i) { id } }`, { i: { id: borrower, version, personalAnnualIncome } });
      expect(u.errors).toBeUndefined();
    };
    await setIncome('60000');
    const w = (await loan(l.id)).warnings;
    expect(w.map((x: any) => x.code)).toEqual(['DEBT_TO_INCOME_ABOVE_LIMIT']);
    expect(w[0].message).toMatch(/above 55\.0%/);
    await setIncome('600000');
    expect((await loan(l.id)).warnings).toEqual([]);
  });

  it('pledges a fund position: within 70 % of its value, locked against redemption while pledged, a warning when its price falls, released when settled', async () => {
    const db = t.host.runtime.database.db;
    // A demo customer's fund position worth at least 30,000, in the manager's book.
    const [h] = rows(
      await db.execute(sql`select h.id, h.customer_id, h.product_id, h.quantity::text as quantity, p.unit_price::text as price from holdings h join products p on p.id = h.product_id
      join customers c on c.id = h.customer_id where p.line = 'FUNDS' and h.status = 'ACTIVE' and p.unit_price is not null and h.quantity * p.unit_price >= 30000
      and c.personal_annual_income >= 100000 and c.manager_id is not null order by h.id limit 1`),
    );
    expect(h).toBeDefined();
    // Their own manager markets it, head office investigates, their branch manager decides.
    const [owner] = rows(await db.execute(sql`select c.manager_id, c.branch_id from customers c where c.id = ${Number(h!.customer_id)}`));
    const rm = { role: 'RELATIONSHIP_MANAGER', managerId: Number(owner!.manager_id) };
    const bm = { role: 'BRANCH_MANAGER', branchId: Number(owner!.branch_id) };
    const customerId = toGlobalId('Customer', Number(h!.customer_id));
    await recordCleanCreditReport(t, customerId);
    const holdingId = toGlobalId('Holding', Number(h!.id));
    const value = new Decimal(String(h!.quantity)).mul(String(h!.price)).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    const max = value.mul('0.7').toDecimalPlaces(2, Decimal.ROUND_DOWN);
    const pledgeApp = { productId: products['LOAN-PLEDGE-WEALTH'], termMonths: 12, purpose: undefined, pledgedHoldingId: holdingId };
    const over = await gql(
      `mutation($i: ApplyForLoanInput!) { applyForLoan(input: $i) { id } }`,
      {
        i: {
          customerId,
          amount: max.add('0.01').toFixed(2),
          repaymentMethod: 'EQUAL_INSTALMENT',
          source: 'WEALTH_CENTER',
          idempotencyKey: key(),
          ...pledgeApp,
        },
      },
      rm,
    );
    expect(over.errors?.[0]?.extensions?.reasons).toContainEqual(expect.objectContaining({ code: 'LOAN_PLEDGE_OVER_VALUE' }));
    // A pledged holding only with a pledge loan.
    expect(
      code(
        await gql(
          `mutation($i: ApplyForLoanInput!) { applyForLoan(input: $i) { id } }`,
          {
            i: {
              customerId,
              productId: products['LOAN-CAR'],
              amount: '20000',
              termMonths: 12,
              repaymentMethod: 'EQUAL_INSTALMENT',
              purpose: 'CAR',
              source: 'BRANCH',
              pledgedHoldingId: holdingId,
              idempotencyKey: key(),
            },
          },
          rm,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    const amount = new Decimal(10000).toFixed(2);
    const appId = await approved(customerId, { ...pledgeApp, amount, source: 'WEALTH_CENTER' }, { marketer: rm, investigator: HO, decider: bm });
    const l = (await disburse(appId, key(), rm)).data.disburseLoan;
    expect(l).toMatchObject({ status: 'ACTIVE', pledgedHoldingId: holdingId, warnings: [] });

    // The order path refuses to redeem the pledged position.
    const sell = await t.gql(
      `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { ... on Order { id } } }`,
      {
        i: {
          customerId,
          productId: toGlobalId('Product', Number(h!.product_id)),
          side: 'SELL',
          quantity: String(h!.quantity),
          amount: value.toFixed(2),
          channel: 'COUNTER',
          initiator: 'CUSTOMER',
          completedSteps: [],
          idempotencyKey: key(),
        },
      },
      { lang: 'en' },
    );
    expect(sell.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'HOLDING_PLEDGED' });
    expect(rows(await db.execute(sql`select status, quantity::text as q from holdings where id = ${Number(h!.id)}`))[0]).toMatchObject({ status: 'ACTIVE' });
    // Nor can it secure a second loan.
    const twice = await gql(
      `mutation($i: ApplyForLoanInput!) { applyForLoan(input: $i) { id } }`,
      { i: { customerId, amount, repaymentMethod: 'EQUAL_INSTALMENT', source: 'WEALTH_CENTER', idempotencyKey: key(), ...pledgeApp } },
      rm,
    );
    expect(twice.errors?.[0]?.extensions?.reasons).toContainEqual(expect.objectContaining({ code: 'LOAN_PLEDGE_TAKEN' }));

    // The fund's price falls by 90 %: the position no longer covers the loan 1.2 times.
    await t.host.runtime
      .servicesFor('funds')
      .catalog.publishPrice(Number(h!.product_id), new Decimal(String(h!.price)).mul('0.1').toDecimalPlaces(4).toFixed(4), new Date());
    expect((await loan(l.id, rm)).warnings.map((w: any) => w.code)).toEqual(['PLEDGE_COVER_BELOW']);

    // Settled, the pledge is released.
    const owed = (await loan(l.id, rm)).schedule.reduce((a: Decimal, i: any) => a.add(i.total.amount), new Decimal(0));
    expect((await repay(l.id, owed.toFixed(2), key(), rm)).data.recordRepayment.status).toBe('SETTLED');
    expect(rows(await db.execute(sql`select pledged_to from holdings where id = ${Number(h!.id)}`))[0]).toEqual({ pledged_to: null });
  });

  // PGlite runs one transaction at a time: only PostgreSQL shows what two tellers at once do.
  it.skipIf(driver !== 'postgres')('books two simultaneous repayments of everything owed once: the other is refused, nothing is overpaid', async () => {
    const appId = await approved(borrower, { amount: '20000', termMonths: 12 });
    const l = (await disburse(appId)).data.disburseLoan;
    const owed = l.schedule.reduce((a: Decimal, i: any) => a.add(i.total.amount), new Decimal(0)).toFixed(2);
    const both = await Promise.all([repay(l.id, owed), repay(l.id, owed)]);
    expect(both.map((r) => r.errors?.[0]?.extensions?.code ?? r.data.recordRepayment.status).sort()).toEqual(['BAD_USER_INPUT', 'SETTLED']);
    const after = await loan(l.id);
    expect(after.repayments).toHaveLength(1);
    expect(after.outstandingPrincipal.amount).toBe('0');
  });

  it('takes a new mortgage into account in what the customer is offered next (客户评价与开发)', async () => {
    const db = t.host.runtime.database.db;
    const [fund] = rows(await db.execute(sql`select id from products where line = 'FUNDS' and liquidity = 'LOW' and status = 'ON_SALE' order by id limit 1`));
    const reasons = async () =>
      (
        await gql(`query($id: ID!, $p: ID!) { customer(id: $id) { suitability(productId: $p, amount: "50000") { reasons { code outcome message } } } }`, {
          id: borrower,
          p: toGlobalId('Product', Number(fund!.id)),
        })
      ).data.customer.suitability.reasons;
    expect((await reasons()).map((r: any) => r.code)).not.toContain('LOAN_LIQUIDITY_RESERVE');
    const appId = await approved(borrower, {
      productId: products['LOAN-HOME-FIRST'],
      amount: '1000000',
      termMonths: 360,
      purpose: undefined,
      propertyValue: '2000000',
    });
    expect((await disburse(appId)).errors).toBeUndefined();
    const after = (await reasons()).find((r: any) => r.code === 'LOAN_LIQUIDITY_RESERVE');
    expect(after).toMatchObject({ outcome: 'WARN' });
    // Six months of what the borrower now owes each month here (the mortgage and the open car loan).
    expect(after.message).toMatch(/keep 6 months of instalments \(CNY \d+\.\d{2}\) liquid/);
  });

  it('keeps loans with their customer: out of another book, and from partners', async () => {
    const id = (await gql(`query($id: ID!) { customer(id: $id) { loans { id } } }`, { id: borrower })).data.customer.loans[0].id;
    const stranger = `Bearer ${await t.token({ role: 'RELATIONSHIP_MANAGER', subject: 'rm-stranger', managerId: managerId + 1000 } as never)}`;
    expect((await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id }, { as: stranger })).data.node).toBeNull();
    expect(
      code(
        await t.gql(
          `mutation($i: RecordRepaymentInput!) { recordRepayment(input: $i) { id } }`,
          { i: { loanId: id, amount: '1.00', idempotencyKey: key() } },
          { as: stranger },
        ),
      ),
    ).toBe('NOT_FOUND');
    expect(
      (await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id }, { as: { role: 'PARTNER', partnerCode: 'loans' } as never })).data?.node ?? null,
    ).toBeNull();
  });
});

// The demo bank (npm run dev) holds loans in every category on its demo day.
describe('demo loans', () => {
  it('cover the five categories and a settled loan on the demo day', async () => {
    const t = await createTestHost({ driver: 'pglite', plugins: [funds, loans], customers: 100 });
    try {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2026-11-23T09:00:00+08:00'));
      const r = await t.gql(
        `{ customers(first: 100) { edges { node { liabilities { amount } loans { status classification daysPastDue application { id } outstandingPrincipal { amount } } } } } }`,
        {},
        { as: `Bearer ${await t.token({ role: 'HEAD_OFFICE' } as never)}` },
      );
      expect(r.errors).toBeUndefined();
      const all = r.data.customers.edges.flatMap((e: any) => e.node.loans);
      const active = all.filter((l: any) => l.status === 'ACTIVE');
      expect(new Set(active.map((l: any) => l.classification))).toEqual(new Set(['NORMAL', 'SPECIAL_MENTION', 'SUBSTANDARD', 'DOUBTFUL', 'LOSS']));
      expect(all.filter((l: any) => l.status === 'SETTLED')).toEqual([
        expect.objectContaining({ classification: 'NORMAL', daysPastDue: 0, outstandingPrincipal: { amount: '0' } }),
      ]);
      // Taken over from the core banking system: no application here.
      expect(all.every((l: any) => l.application === null)).toBe(true);
      const owing = r.data.customers.edges.filter((e: any) => e.node.loans.some((l: any) => l.status === 'ACTIVE'));
      expect(owing.every((e: any) => new Decimal(e.node.liabilities.amount).gt(0))).toBe(true);
    } finally {
      vi.useRealTimers();
      await t.close();
    }
  }, 180_000);
});
