import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import cards from '../../plugins/cards/index.js';
import forex from '../../plugins/forex/index.js';
import { numericIdOf } from '../../src/graphql/relay/global-id.js';
import { countRows } from '../orders/support.js';
import { testDrivers } from '../support/databases.js';
import { createTestHost, type TestHost } from '../support/test-host.js';

const RECORD = `mutation($i: RecordExternalReportInput!) { recordExternalReport(input: $i) { id source kind reportedAt ageDays payload reference recordedBy } }`;
const CLEAN = { cards: [], loans: [], overdue: { current: false, maxDaysLast24Months: 0 } };

// Facts from outside the bank (外部信息) and identity verification (身份核验), through the API on both drivers:
// validated per kind, kept with their provenance, read by the rules with their age — never replaced by a default.
describe.each(testDrivers())('external facts and identity verification (%s)', (driver) => {
  let t: TestHost;
  let branchId = '';
  let managerId = 0;
  let n = 0;
  let products: Record<string, string> = {};
  const RM = () => ({ role: 'RELATIONSHIP_MANAGER', managerId }) as const;
  const code = (r: any) => r.errors?.[0]?.extensions?.code;
  const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString();
  const open = async (over: Record<string, unknown> = {}) => {
    const r = await t.gql(
      `mutation($i: CreateCustomerInput!) { createCustomer(input: $i) { id idVerified } }`,
      {
        i: {
          name: '测试客户',
          idType: 'PASSPORT',
          idNumber: `EX${driver.slice(0, 2).toUpperCase()}${String(++n).padStart(6, '0')}`,
          phone: `1390000${String(n).padStart(4, '0')}`,
          birthDate: '1990-05-01',
          gender: 'FEMALE',
          branchId,
          occupation: '职员',
          employerSector: 'FINANCE',
          personalAnnualIncome: '200000',
          householdAnnualIncome: '300000',
          householdFinancialAssets: '500000',
          ...over,
        },
      },
      { as: RM() as never },
    );
    expect(r.errors).toBeUndefined();
    return r.data.createCustomer as { id: string; idVerified: boolean };
  };
  const suitability = async (customerId: string, productCode: string, amount = '1000') =>
    (
      await t.gql(`query($i: SuitabilityInput!) { checkSuitability(input: $i) { outcome reasons { code outcome } } }`, {
        i: { customerId, productId: products[productCode], amount, channel: 'COUNTER', initiator: 'CUSTOMER', completedSteps: [] },
      })
    ).data.checkSuitability;

  beforeAll(async () => {
    t = await createTestHost({ driver, plugins: [cards, forex], customers: 20 });
    const m = (await t.gql(`{ managers(first: 1) { edges { node { id branch { id } } } } }`)).data.managers.edges[0].node;
    managerId = numericIdOf(m.id, 'CustomerManager')!;
    branchId = m.branch.id;
    const list = await t.gql(`{ products(first: 100) { edges { node { id code } } } }`);
    products = Object.fromEntries(list.data.products.edges.map((e: any) => [e.node.code, e.node.id]));
  }, 180_000);
  afterAll(() => t?.close());

  it('records a report with its provenance, validated for its kind before anything is written; audited without what it says', async () => {
    const c = await open();
    const before = await countRows(t, sql`select count(*) as n from external_reports`);
    const bad = async (over: Record<string, unknown>, field: string) => {
      const r = await t.gql(
        RECORD,
        { i: { customerId: c.id, source: 'CREDIT_BUREAU', kind: 'CREDIT_REPORT', reportedAt: daysAgo(2), reference: 'CRC-1', payload: CLEAN, ...over } },
        { as: RM() as never, lang: 'en' },
      );
      expect(r.errors?.[0]?.extensions, field).toMatchObject({ code: 'BAD_USER_INPUT', field });
    };
    await bad({ source: 'FX_AUTHORITY' }, 'source');
    await bad({ payload: { ...CLEAN, extra: 1 } }, 'payload');
    await bad({ payload: { ...CLEAN, loans: [{ lender: '他行', kind: 'CAR', monthlyPayment: 'lots', outstanding: '1' }] } }, 'payload.loans.0.monthlyPayment');
    await bad({ payload: { cards: [] } }, 'payload.loans');
    await bad({ reportedAt: new Date(Date.now() + 3_600_000).toISOString() }, 'reportedAt');
    await bad({ reference: ' ' }, 'reference');
    expect(await countRows(t, sql`select count(*) as n from external_reports`)).toBe(before);
    const ok = await t.gql(
      RECORD,
      { i: { customerId: c.id, source: 'CREDIT_BUREAU', kind: 'CREDIT_REPORT', reportedAt: daysAgo(2), reference: 'CRC-2026-000123', payload: CLEAN } },
      { as: RM() as never },
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data.recordExternalReport).toMatchObject({
      source: 'CREDIT_BUREAU',
      kind: 'CREDIT_REPORT',
      ageDays: 2,
      reference: 'CRC-2026-000123',
      payload: CLEAN,
    });
    const listed = (await t.gql(`query($id: ID!) { customer(id: $id) { externalReports { kind ageDays recordedBy } } }`, { id: c.id }, { as: RM() as never }))
      .data.customer.externalReports;
    expect(listed).toEqual([{ kind: 'CREDIT_REPORT', ageDays: 2, recordedBy: expect.any(String) }]);
    const audit = await t.host.runtime.database.db.execute(
      sql`select details from audit_events where action = 'EXTERNAL_REPORT_RECORDED' and target_id = ${c.id}`,
    );
    const rows = (Array.isArray(audit) ? audit : (audit as { rows: unknown[] }).rows) as { details: Record<string, unknown> }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]!.details).toMatchObject({ source: 'CREDIT_BUREAU', kind: 'CREDIT_REPORT' });
    expect(JSON.stringify(rows[0]!.details)).not.toContain('overdue');
    // Outside the caller's book the customer does not exist; partners never record reports.
    expect(
      code(
        await t.gql(
          RECORD,
          { i: { customerId: c.id, source: 'CREDIT_BUREAU', kind: 'CREDIT_REPORT', reportedAt: daysAgo(1), reference: 'X', payload: CLEAN } },
          { as: { role: 'RELATIONSHIP_MANAGER', managerId: managerId + 1000 } as never },
        ),
      ),
    ).toBe('NOT_FOUND');
    expect(
      code(
        await t.gql(
          RECORD,
          { i: { customerId: c.id, source: 'CREDIT_BUREAU', kind: 'CREDIT_REPORT', reportedAt: daysAgo(1), reference: 'X', payload: CLEAN } },
          { as: { role: 'PARTNER', partnerCode: 'cards' } as never },
        ),
      ),
    ).toBe('FORBIDDEN');
  });

  it("reads the credit report in the student-card rule: none on file asks for the query; the report's banks count against the cap", async () => {
    const s = await open({ birthDate: `${new Date().getUTCFullYear() - 19}-01-15`, student: true, personalAnnualIncome: '0', householdAnnualIncome: '80000' });
    const none = await suitability(s.id, 'CARD-CC-STUDENT');
    expect(none.reasons).toContainEqual({ code: 'CREDIT_REPORT_NEEDED', outcome: 'REQUIRE' });
    await t.gql(RECORD, {
      i: { customerId: s.id, source: 'CREDIT_BUREAU', kind: 'CREDIT_REPORT', reportedAt: daysAgo(40), reference: 'CRC-OLD', payload: CLEAN },
    });
    expect((await suitability(s.id, 'CARD-CC-STUDENT')).reasons.map((r: any) => r.code)).toContain('CREDIT_REPORT_NEEDED');
    await t.gql(RECORD, {
      i: {
        customerId: s.id,
        source: 'CREDIT_BUREAU',
        kind: 'CREDIT_REPORT',
        reportedAt: daysAgo(1),
        reference: 'CRC-NEW',
        payload: {
          ...CLEAN,
          cards: [
            { issuer: '招商银行', type: 'CREDIT', student: true },
            { issuer: '中国银行', type: 'CREDIT', student: true },
          ],
        },
      },
    });
    const capped = await suitability(s.id, 'CARD-CC-STUDENT');
    expect(capped.outcome).toBe('BLOCK');
    expect(capped.reasons.map((r: any) => r.code)).toContain('STUDENT_CARD_CAP');
  });

  it('gives no stable income to a customer without income: a credit card is refused, not only reviewed', async () => {
    const c = await open({ personalAnnualIncome: '0', householdAnnualIncome: '0', householdFinancialAssets: '0' });
    const d = await suitability(c.id, 'CARD-CC-CLASSIC');
    expect(d.outcome).toBe('BLOCK');
    expect(d.reasons).toContainEqual({ code: 'NO_REPAYMENT_SOURCE', outcome: 'BLOCK' });
    // Stated stable income without any income on record still does not count.
    const { version } = (await t.gql(`query($id: ID!) { customer(id: $id) { version } }`, { id: c.id })).data.customer;
    await t.gql(`mutation($i: UpdateCustomerInput!) { updateCustomer(input: $i) { id } }`, { i: { id: c.id, version, hasStableIncome: true } });
    expect((await suitability(c.id, 'CARD-CC-CLASSIC')).reasons.map((r: any) => r.code)).toContain('NO_REPAYMENT_SOURCE');
  });

  it("counts the FX authority's record of purchases at other banks this year against the annual quota", async () => {
    const c = await open();
    const within = await suitability(c.id, 'FX-SPOT-USD', '2000');
    expect(within.reasons.map((r: any) => r.code)).toContain('WITHIN_ANNUAL_QUOTA');
    const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
    const r = await t.gql(RECORD, {
      i: {
        customerId: c.id,
        source: 'FX_AUTHORITY',
        kind: 'FX_ANNUAL_PURCHASES',
        reportedAt: daysAgo(1),
        reference: 'SAFE-1',
        payload: { year, purchasedUsdElsewhere: '49000' },
      },
    });
    expect(r.errors).toBeUndefined();
    expect((await suitability(c.id, 'FX-SPOT-USD', '2000')).reasons.map((x: any) => x.code)).toContain('ABOVE_ANNUAL_QUOTA');
  });

  it('verifies identity as a recorded step (who, how, when), audited; updateCustomer cannot set it', async () => {
    const c = await open();
    expect(c.idVerified).toBe(false);
    const { version } = (await t.gql(`query($id: ID!) { customer(id: $id) { version } }`, { id: c.id })).data.customer;
    const set = await t.gql(`mutation($i: UpdateCustomerInput!) { updateCustomer(input: $i) { id } }`, { i: { id: c.id, version, idVerified: true } });
    expect(set.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idVerified' });
    const v = await t.gql(
      `mutation($i: VerifyCustomerIdentityInput!) { verifyCustomerIdentity(input: $i) { idVerified identityVerifications { method reference verifiedBy verifiedAt } } }`,
      {
        i: { customerId: c.id, method: 'ONLINE_CHECK', reference: 'NCIIC-20261130-0001' },
      },
      { as: RM() as never },
    );
    expect(v.errors).toBeUndefined();
    expect(v.data.verifyCustomerIdentity.idVerified).toBe(true);
    expect(v.data.verifyCustomerIdentity.identityVerifications).toEqual([
      { method: 'ONLINE_CHECK', reference: 'NCIIC-20261130-0001', verifiedBy: expect.any(String), verifiedAt: expect.any(String) },
    ]);
    expect(await countRows(t, sql`select count(*) as n from audit_events where action = 'ID_VERIFIED' and target_id = ${c.id}`)).toBe(1);
    expect(
      code(
        await t.gql(
          `mutation($i: VerifyCustomerIdentityInput!) { verifyCustomerIdentity(input: $i) { id } }`,
          { i: { customerId: c.id, method: 'IN_PERSON', reference: 'X' } },
          { as: { role: 'AUDITOR' } as never },
        ),
      ),
    ).toBe('FORBIDDEN');
  });
});
