import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { numericIdOf } from '../../../src/sdk/index.js';
import { testDrivers } from '../../../tests/support/databases.js';
import { createTestHost, type TestHost } from '../../../tests/support/test-host.js';
import loans from '../index.js';
import { recordCleanCreditReport } from './support.js';

// 调查与成交: an application through every stage, with the host's four-eyes rule (审贷分离) and the approval
// authority by amount, on both drivers.
describe.each(testDrivers())('loan applications (%s)', (driver) => {
  let t: TestHost;
  let borrower = '';
  let managerId = 0;
  let branchId = 0;
  let keys = 0;
  const key = () => `loan-app-${driver}-${++keys}-${Date.now()}`;
  const RM = () => ({ role: 'RELATIONSHIP_MANAGER', managerId }) as const;
  const BM = () => ({ role: 'BRANCH_MANAGER', branchId }) as const;
  const HO = { role: 'HEAD_OFFICE' } as const;
  const code = (r: any) => r.errors?.[0]?.extensions?.code;
  const FIELDS = `id stage outcome completedSteps amount { amount } approvedAmount { amount } approvedTermMonths decisionRecordId history { fromStage toStage actor note decisionRecordId }`;
  let products: Record<string, string> = {};

  const apply = (as: object | string, over: Record<string, unknown> = {}, idempotencyKey = key()) =>
    t.gql(
      `mutation($i: ApplyForLoanInput!) { applyForLoan(input: $i) { ${FIELDS} } }`,
      {
        i: {
          customerId: borrower,
          productId: products['LOAN-CAR'],
          amount: '100000',
          termMonths: 36,
          repaymentMethod: 'EQUAL_INSTALMENT',
          purpose: 'CAR',
          source: 'LEAD',
          idempotencyKey,
          ...over,
        },
      },
      { as: as as never, lang: 'en' },
    );
  const investigate = (as: object | string, applicationId: string, over: Record<string, unknown> = {}) =>
    t.gql(
      `mutation($i: RecordInvestigationInput!) { recordInvestigation(input: $i) { ${FIELDS} } }`,
      { i: { applicationId, creditReportAuthorised: true, interviewed: true, findings: '收入流水与工作证明已核实', ...over } },
      { as: as as never, lang: 'en' },
    );
  const decide = (as: object | string, applicationId: string, over: Record<string, unknown> = {}) =>
    t.gql(
      `mutation($i: DecideLoanInput!) { decideLoan(input: $i) { ${FIELDS} } }`,
      { i: { applicationId, decision: 'APPROVE', note: '同意', ...over } },
      { as: as as never, lang: 'en' },
    );
  const other = async (role: string, subject: string, extra: Record<string, unknown> = {}) =>
    `Bearer ${await t.token({ role: role as never, subject, ...extra })}`;

  beforeAll(async () => {
    t = await createTestHost({ driver, plugins: [loans], customers: 20 });
    const m = (await t.gql(`{ managers(first: 1) { edges { node { id branch { id } } } } }`)).data.managers.edges[0].node;
    managerId = numericIdOf(m.id, 'CustomerManager')!;
    branchId = numericIdOf(m.branch.id, 'Branch')!;
    const r = await t.gql(
      `mutation($i: CreateCustomerInput!) { createCustomer(input: $i) { id } }`,
      {
        i: {
          name: '申请人',
          idType: 'PASSPORT',
          idNumber: 'LA000001',
          phone: '13820001001',
          birthDate: `${new Date().getUTCFullYear() - 40}-03-01`,
          gender: 'MALE',
          branchId: m.branch.id,
          occupation: '工程师',
          employerSector: 'IT',
          personalAnnualIncome: '5000000',
          householdAnnualIncome: '6000000',
          householdFinancialAssets: '1000000',
        },
      },
      { as: RM() as never },
    );
    expect(r.errors).toBeUndefined();
    borrower = r.data.createCustomer.id;
    await recordCleanCreditReport(t, borrower);
    const list = await t.gql(`{ products(filter: { line: LOANS }, first: 50) { edges { node { id code } } } }`);
    products = Object.fromEntries(list.data.products.edges.map((e: any) => [e.node.code, e.node.id]));
  }, 120_000);
  afterAll(() => t?.close());

  it('goes applied → investigated → approved, each step with its decision record, audited; the marketer and the investigator cannot decide', async () => {
    const applied = await apply(RM());
    expect(applied.errors).toBeUndefined();
    const app = applied.data.applyForLoan;
    // The steps are outstanding until the investigation: REQUIRE, not refused.
    expect(app).toMatchObject({ stage: 'APPLIED', outcome: 'REQUIRE', completedSteps: [] });
    // The branch manager investigates.
    const inv = await investigate(BM(), app.id);
    expect(inv.data.recordInvestigation).toMatchObject({
      stage: 'INVESTIGATED',
      outcome: 'ALLOW',
      completedSteps: ['CREDIT_REPORT_AUTHORISATION', 'FACE_TO_FACE_INTERVIEW'],
    });
    // Neither the relationship manager (never a decider) nor the branch manager who investigated may decide.
    expect(code(await decide(RM(), app.id))).toBe('FORBIDDEN');
    const self = await decide(BM(), app.id);
    expect(self.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SELF_APPROVAL', roles: ['INVESTIGATED'] });
    const approved = await decide(HO, app.id);
    expect(approved.errors).toBeUndefined();
    const done = approved.data.decideLoan;
    expect(done).toMatchObject({ stage: 'APPROVED', approvedAmount: { amount: '100000' }, approvedTermMonths: 36 });
    expect(done.history.map((h: any) => [h.fromStage, h.toStage])).toEqual([
      [null, 'APPLIED'],
      ['APPLIED', 'INVESTIGATED'],
      ['INVESTIGATED', 'APPROVED'],
    ]);
    expect(done.history.every((h: any) => h.decisionRecordId !== null)).toBe(true);
    expect(new Set(done.history.map((h: any) => h.decisionRecordId)).size).toBe(3);
    const db = t.host.runtime.database.db;
    const rows = (r: unknown) => (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as Record<string, unknown>[];
    const audit = rows(await db.execute(sql`select action from audit_events where target_type = 'LoanApplication' and target_id = ${app.id} order by id`)).map(
      (r) => r.action,
    );
    expect(audit).toEqual(['LOAN_APPLICATION_APPLIED', 'LOAN_APPLICATION_INVESTIGATED', 'LOAN_APPLICATION_APPROVED']);
    const decisions = rows(
      await db.execute(
        sql`select purpose, count(*)::int as n from suitability_decisions where id in (${sql.join(
          done.history.map((h: any) => sql`${Number(h.decisionRecordId)}`),
          sql`, `,
        )}) group by purpose`,
      ),
    );
    expect(decisions).toEqual([{ purpose: 'APPLICATION', n: 3 }]);
    // Decided once: no second decision.
    expect(code(await decide(await other('HEAD_OFFICE', 'ho-second'), app.id))).toBe('BAD_USER_INPUT');
  });

  it("refuses a decision by whoever marketed it, and above a branch manager's authority; head office decides any amount", async () => {
    // Head office markets a large mortgage; the relationship manager investigates.
    const big = await apply(HO, { productId: products['LOAN-HOME-FIRST'], amount: '4000000', termMonths: 240, purpose: undefined, propertyValue: '8000000' });
    expect(big.errors).toBeUndefined();
    const id = big.data.applyForLoan.id;
    await investigate(RM(), id);
    const marketer = await decide(HO, id);
    expect(marketer.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SELF_APPROVAL', roles: ['MARKETED'] });
    // 4,000,000 is above the branch manager's 3,000,000.
    const bm = await decide(BM(), id);
    expect(bm.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'APPROVAL_AUTHORITY' });
    // Within authority once the amount is cut: approve with changes.
    const cut = await decide(BM(), id, { decision: 'APPROVE_WITH_CHANGES', amount: '3000000', note: '降低额度' });
    expect(cut.errors).toBeUndefined();
    expect(cut.data.decideLoan).toMatchObject({ stage: 'APPROVED', approvedAmount: { amount: '3000000' } });
  });

  it('refuses an application the rules block, with the reasons and its decision record; a replay refuses the same way', async () => {
    const k = key();
    const r = await apply(RM(), { purpose: 'SECURITIES' }, k);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'SUITABILITY_BLOCKED' });
    expect(r.errors![0]!.extensions!.reasons).toContainEqual(expect.objectContaining({ code: 'LOAN_PURPOSE_PROHIBITED' }));
    const again = await apply(RM(), { purpose: 'SECURITIES' }, k);
    expect(again.errors?.[0]?.extensions?.decisionRecordId).toBe(r.errors![0]!.extensions!.decisionRecordId);
    // The same key with other terms is another request.
    expect(code(await apply(RM(), { purpose: 'CAR' }, k))).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('declines, approves only with every rule passed, and keeps an approval within the amount applied for', async () => {
    const a = (await apply(RM())).data.applyForLoan;
    // Investigated without the interview: the approval must wait for it.
    await investigate(BM(), a.id, { interviewed: false });
    const missing = await decide(HO, a.id);
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'SUITABILITY_STEPS_REQUIRED', missingSteps: ['FACE_TO_FACE_INTERVIEW'] });
    expect(code(await decide(HO, a.id, { decision: 'APPROVE_WITH_CHANGES', amount: '100000.01' }))).toBe('BAD_USER_INPUT');
    const declined = await decide(HO, a.id, { decision: 'DECLINE', note: '面谈未完成' });
    expect(declined.data.decideLoan.stage).toBe('DECLINED');
  });

  it('shows applications with their customer: in the 360 and through node(id), to the book only', async () => {
    const mine = await t.gql(`query($id: ID!) { customer(id: $id) { loanApplications { id stage } } }`, { id: borrower }, { as: RM() as never });
    // Three applied (the blocked one never became an application): approved, approved with changes, declined.
    expect(mine.data.customer.loanApplications.map((a: any) => a.stage)).toEqual(['APPROVED', 'APPROVED', 'DECLINED']);
    const id = mine.data.customer.loanApplications[0].id;
    expect((await t.gql(`query($id: ID!) { node(id: $id) { ... on LoanApplication { stage } } }`, { id }, { as: RM() as never })).data.node.stage).toBe(
      'APPROVED',
    );
    const stranger = await other('RELATIONSHIP_MANAGER', 'rm-stranger', { managerId: managerId + 1000 });
    expect((await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id }, { as: stranger })).data.node).toBeNull();
    expect(
      (await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id }, { as: { role: 'PARTNER', partnerCode: 'loans' } as never })).data?.node ?? null,
    ).toBeNull();
    expect(code(await investigate(stranger, id))).toBe('NOT_FOUND');
  });
});
