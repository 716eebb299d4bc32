import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq, sql } from 'drizzle-orm';
import { auditEvents, customers } from '../../src/db/schema/index.js';
import { numericIdOf, toGlobalId } from '../../src/graphql/relay/global-id.js';
import { upcomingBirthday } from '../../src/domain/branch-floor/counter-view.js';
import { testDrivers } from '../support/databases.js';
import { createTestHost, type TestHost } from '../support/test-host.js';

const IDENTIFY = `mutation($i: IdentifyCustomerInput!) { identifyCustomer(input: $i) {
  identified message customerId name tier manager { id name } queuePriority alerts { kind message dueAt subjectId } } }`;

// 网点客户识别, on both drivers: the counter view of whoever presents an ID, its alerts, its audit trail and the
// notice in the assigned manager's queue; who may ask, and where.
describe.each(testDrivers())('customer identification at the branch (%s)', (driver) => {
  let t: TestHost;
  let x: typeof customers.$inferSelect;
  let otherManager: number;
  let otherBranch: number;
  let complaintId: string;
  const code = (r: any) => r.errors?.[0]?.extensions?.code;
  const db = () => t.host.runtime.database.db;

  beforeAll(async () => {
    t = await createTestHost({ driver, customers: 60 });
    // A customer with a manager, whose branch has another manager to serve at the counter.
    const rows = await db()
      .execute(sql`select c.id, m2.id as other_manager, (select id from branches b where b.id <> c.branch_id order by id limit 1) as other_branch
      from customers c join managers m2 on m2.branch_id = c.branch_id and m2.id <> c.manager_id where c.manager_id is not null order by c.id limit 1`);
    const row = ((rows as any).rows ?? rows)[0];
    [x] = await db()
      .select()
      .from(customers)
      .where(eq(customers.id, Number(row.id)));
    otherManager = Number(row.other_manager);
    otherBranch = Number(row.other_branch);
    // Fixtures: an expired assessment, a birthday tomorrow (China date).
    const tomorrow = new Date(Date.now() + 8 * 3_600_000 + 86_400_000);
    const birth = `1960-${String(tomorrow.getUTCMonth() + 1).padStart(2, '0')}-${String(Math.min(tomorrow.getUTCDate(), 28)).padStart(2, '0')}`;
    await db()
      .update(customers)
      .set({ riskAssessedAt: new Date(Date.now() - 400 * 86_400_000), birthDate: birth })
      .where(eq(customers.id, x.id));
    // …and a complaint just filed: open, not yet overdue (the counter mentions it; the manager's queue waits for the deadline).
    const filed = await t.gql(
      `mutation($id: ID!) { fileComplaint(input: { customerId: $id, category: SERVICE, description: "排队时间过长" }) { id } }`,
      { id: toGlobalId('Customer', x.id) },
      { as: { role: 'HEAD_OFFICE' } },
    );
    expect(filed.errors).toBeUndefined();
    complaintId = filed.data.fileComplaint.id;
  }, 180_000);
  afterAll(() => t?.close());

  const asOtherManager = () => ({ role: 'RELATIONSHIP_MANAGER' as const, managerId: otherManager });
  const identify = (i: Record<string, unknown>, as: object = asOtherManager(), lang?: string) =>
    t.gql(
      IDENTIFY,
      { i: { idType: x.idType, idNumber: x.idNumber, branchId: toGlobalId('Branch', x.branchId), ...i } },
      { as: as as never, ...(lang ? { lang } : {}) },
    );

  it('identifies a customer of another manager at the branch counter: tier, manager, lane and alerts, nothing of the 360', async () => {
    const r = await identify({});
    expect(r.errors).toBeUndefined();
    const id = r.data.identifyCustomer;
    const truth = await t.gql(
      `query($id: ID!) { node(id: $id) { ... on Customer { tier } } }`,
      { id: toGlobalId('Customer', x.id) },
      { as: { role: 'HEAD_OFFICE' } },
    );
    expect(id).toMatchObject({
      identified: true,
      customerId: toGlobalId('Customer', x.id),
      name: x.name,
      tier: truth.data.node.tier,
      manager: { id: toGlobalId('CustomerManager', x.managerId!) },
    });
    expect(id.queuePriority).toBe(['DIAMOND', 'PRIVATE_BANKING'].includes(id.tier) ? 'FAST_LANE' : 'STANDARD');
    const kinds = id.alerts.map((a: any) => a.kind);
    expect(kinds).toContain('RISK_ASSESSMENT_EXPIRED');
    expect(kinds).toContain('BIRTHDAY');
    expect(id.alerts.filter((a: any) => a.kind === 'COMPLAINT_OPEN').map((a: any) => a.subjectId)).toContain(complaintId);
    // The offer is the first bundle (by id) of the customer's target segments, as Customer.bundleOffers judges the fit.
    const offers = await t.gql(
      `query($id: ID!) { node(id: $id) { ... on Customer { bundleOffers { fits bundle { id } } } } }`,
      { id: toGlobalId('Customer', x.id) },
      { as: { role: 'HEAD_OFFICE' } },
    );
    const fitting = offers.data.node.bundleOffers.filter((o: any) => o.fits).map((o: any) => o.bundle.id as string);
    const best = fitting.sort((a: string, b: string) => numericIdOf(a)! - numericIdOf(b)!)[0];
    expect(id.alerts.filter((a: any) => a.kind === 'BUNDLE_OFFER').map((a: any) => a.subjectId)).toEqual(best ? [best] : []);
    // Reading order: the assessment first, the offer last.
    expect(kinds[0]).toBe('RISK_ASSESSMENT_EXPIRED');
    if (best) expect(kinds.at(-1)).toBe('BUNDLE_OFFER');
    // The counter view is no key to the 360: the customer is not in this manager's book.
    const n = await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: toGlobalId('Customer', x.id) }, { as: asOtherManager() });
    expect(n.data.node).toBeNull();
  });

  it('reads the ID as printed: spaces and a lower-case x', async () => {
    const printed = `${x.idNumber.slice(0, 6)} ${x.idNumber.slice(6).toLowerCase()}`;
    expect((await identify({ idNumber: printed })).data.identifyCustomer.customerId).toBe(toGlobalId('Customer', x.id));
  });

  it('says only "not a customer" for an unknown ID, in the caller\'s language, and audits the look-up without the number', async () => {
    const zh = await identify({ idNumber: '110101199001019999' }, asOtherManager(), 'zh-CN');
    expect(zh.data.identifyCustomer).toEqual({
      identified: false,
      message: '不是本行客户',
      customerId: null,
      name: null,
      tier: null,
      manager: null,
      queuePriority: null,
      alerts: [],
    });
    const en = await identify({ idNumber: '110101199001019999' }, asOtherManager(), 'en');
    expect(en.data.identifyCustomer.message).toBe('Not a customer of the bank');
    const [a] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'CUSTOMER_IDENTIFIED'), eq(auditEvents.targetType, 'CustomerSearch')))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(a).toMatchObject({ purpose: 'BRANCH_COUNTER', targetId: '-' });
    expect(JSON.stringify(a)).not.toContain('110101199001019999');
  });

  it('audits every identification with its purpose, and tells the assigned manager the customer is at the branch', async () => {
    await identify({});
    const [a] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'CUSTOMER_IDENTIFIED'), eq(auditEvents.targetId, toGlobalId('Customer', x.id))))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(a).toMatchObject({ purpose: 'BRANCH_COUNTER', role: 'RELATIONSHIP_MANAGER', targetType: 'Customer' });
    expect(JSON.stringify(a.details)).not.toContain(x.idNumber);
    const q = await t.gql(
      `query($id: ID!) { node(id: $id) { ... on CustomerManager { workQueue(kinds: [CUSTOMER_AT_BRANCH]) { edges { node { kind customer { id } explanation } } } } } }`,
      { id: toGlobalId('CustomerManager', x.managerId!) },
      {
        as: { role: 'RELATIONSHIP_MANAGER', managerId: x.managerId! },
      },
    );
    expect(q.errors).toBeUndefined();
    const items = q.data.node.workQueue.edges.map((e: any) => e.node);
    expect(items.length).toBeGreaterThan(0);
    expect(items[0]).toMatchObject({ kind: 'CUSTOMER_AT_BRANCH', customer: { id: toGlobalId('Customer', x.id) } });
  });

  it('is for branch staff at their own counter only; a malformed ID is refused before anything is read or written', async () => {
    const before = (
      await db()
        .select({ n: sql<number>`count(*)::int` })
        .from(auditEvents)
    )[0]!.n;
    expect(code(await identify({ idNumber: '12' }))).toBe('BAD_USER_INPUT');
    expect(
      (
        await db()
          .select({ n: sql<number>`count(*)::int` })
          .from(auditEvents)
      )[0]!.n,
    ).toBe(before);
    expect((await identify({}, { role: 'BRANCH_MANAGER', branchId: x.branchId })).data.identifyCustomer.identified).toBe(true);
    expect(code(await identify({ branchId: toGlobalId('Branch', otherBranch) }, { role: 'BRANCH_MANAGER', branchId: x.branchId }))).toBe('FORBIDDEN');
    expect(code(await identify({ branchId: toGlobalId('Branch', otherBranch) }))).toBe('FORBIDDEN');
    for (const role of ['HEAD_OFFICE', 'AUDITOR', 'CHECKER'] as const) expect(code(await identify({}, { role }))).toBe('FORBIDDEN');
    expect(code(await identify({}, { role: 'PARTNER', partnerCode: 'funds' }))).toBe('FORBIDDEN');
  });
});

describe('birthdays at the counter', () => {
  const at = (iso: string) => new Date(iso);
  it('counts days on the China calendar, today included, 29 February kept on 1 March', () => {
    // 2026-03-01 00:30 China = 2026-02-28T16:30Z.
    expect(upcomingBirthday('1990-03-01', at('2026-02-28T16:30:00Z'), 0)?.toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(upcomingBirthday('1990-03-08', at('2026-02-28T16:30:00Z'), 7)?.toISOString()).toBe('2026-03-07T16:00:00.000Z');
    expect(upcomingBirthday('1990-03-09', at('2026-02-28T16:30:00Z'), 7)).toBeNull();
    expect(upcomingBirthday('1992-02-29', at('2026-02-27T00:00:00Z'), 7)?.toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(upcomingBirthday('1990-01-02', at('2026-12-30T00:00:00Z'), 7)?.toISOString()).toBe('2027-01-01T16:00:00.000Z');
    expect(upcomingBirthday('1990-12-29', at('2026-12-30T00:00:00Z'), 7)).toBeNull();
  });
});
