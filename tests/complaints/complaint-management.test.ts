import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaints } from '../../src/db/schema/index.js';
import { toGlobalId } from '../../src/graphql/relay/global-id.js';
import { testDrivers } from '../support/databases.js';
import { createTestHost, type TestHost } from '../support/test-host.js';
import { beijing, keyOf, placeAcceptedOrder, threeCustomers, type CustomerRow } from './support.js';

// Issue 11, "Complaints as management data": severity and response targets,
// overdue, escalation (forward only, audited), the order and decision record
// of a mis-selling complaint, and complaintStats per group and role — checked
// against figures computed by hand on a small fixture.

const FILE = `mutation($input: FileComplaintInput!) { fileComplaint(input: $input) {
  id severity recordedAt respondBy overdue escalation version
  responsibleManager { id } branch { id } order { id line } decisionRecord { id outcome } } }`;
const ESCALATE = `mutation($id: ID!, $r: String!) { escalateComplaint(input: { complaintId: $id, reason: $r }) { id escalation escalatedAt escalationReason version } }`;
const STATS = `query($g: ComplaintStatsGroup!, $p: KpiPeriodInput!) { complaintStats(groupBy: $g, period: $p) {
  key count open overdue resolvedWithinTarget escalated averageResponseHours branch { id } manager { id } category line } }`;
const MARCH_2024 = { granularity: 'MONTH', date: '2024-03-17' };
const HOUR = 3_600_000;

type Stat = {
  key: string | null;
  count: number;
  open: number;
  overdue: number;
  resolvedWithinTarget: number;
  escalated: number;
  averageResponseHours: number | null;
};
/** The figures only, keyed by group: the order of groups of equal count is not part of the contract. */
const figures = (rows: (Stat & Record<string, unknown>)[]) =>
  Object.fromEntries(rows.map((r) => [r.key ?? 'null', [r.count, r.open, r.overdue, r.resolvedWithinTarget, r.escalated, r.averageResponseHours]]));

describe.each(testDrivers())('complaints as management data (%s)', (driver) => {
  let t: TestHost;
  let a: CustomerRow; // branch A, manager A
  let b: CustomerRow; // branch A, manager B
  let c: CustomerRow; // branch C, manager C
  let staffOrder: { id: string; line: string; decision: { outcome: string; reasons: { code: string }[] } };
  let customerOrder: { id: string; line: string; decision: { outcome: string; reasons: { code: string }[] } };
  const g = (type: string, id: number | null) => toGlobalId(type, id!);
  const rmOf = (x: CustomerRow) => ({ role: 'RELATIONSHIP_MANAGER' as const, managerId: x.managerId! });
  const bmOf = (x: CustomerRow) => ({ role: 'BRANCH_MANAGER' as const, branchId: x.branchId });

  beforeAll(async () => {
    t = await createTestHost({ driver, customers: 60 });
    ({ a, b, c } = await threeCustomers(t));
    staffOrder = await placeAcceptedOrder(t, b, 'STAFF');
    customerOrder = await placeAcceptedOrder(t, c, 'CUSTOMER');
    await insertMarchFixture();
  }, 180_000);
  afterAll(() => t?.close());

  /**
   * March 2024 (Beijing), long before anything the seed files. As of the
   * period's end, 2024-04-01 00:00 Beijing:
   *  1 A/mA SERVICE  MEDIUM   03-01 00:00 → due 03-08 00:00, answered 03-05 00:00 (96 h, on time)
   *  2 A/mA FEES     LOW      03-02 10:00 → due 03-17 10:00, answered 03-20 10:00 (432 h, late), escalated 03-10
   *  3 A/mB MIS_SELL HIGH     03-10 10:00 → due 03-13 10:00, open: overdue; linked to the staff order
   *  4 A/mB SERVICE  CRITICAL 03-31 12:00 → due 04-01 12:00, answered 04-01 09:00 (after the end: open, not overdue), escalated 04-01 06:00 (after)
   *  5 C/mC SYSTEM   MEDIUM   03-15 10:00 → due 03-22 10:00, answered 03-22 10:00 (168 h, on time: at the deadline), escalated 03-16
   *  6 C/—  OTHER    LOW      03-20 10:00 → due 04-04 10:00, open, not overdue; no manager when filed
   *  out of the period: 02-29 23:59:59 and 04-01 00:00 (A/mA).
   */
  async function insertMarchFixture() {
    const db = t.host.runtime.database.db;
    const row = (
      x: CustomerRow,
      managerId: number | null,
      category: string,
      severity: string,
      rec: string,
      due: string,
      extra: Partial<typeof complaints.$inferInsert> = {},
    ) => ({
      customerId: x.id,
      managerId,
      branchId: x.branchId,
      category,
      severity,
      description: 'fixture',
      recordedAt: beijing(rec),
      respondBy: beijing(due),
      ...extra,
    });
    const answered = (at: string) => ({ status: 'FEEDBACK_GIVEN', feedbackAt: beijing(at) });
    await db.insert(complaints).values([
      row(a, a.managerId, 'SERVICE', 'MEDIUM', '2024-03-01T00:00:00', '2024-03-08T00:00:00', answered('2024-03-05T00:00:00')),
      row(a, a.managerId, 'FEES', 'LOW', '2024-03-02T10:00:00', '2024-03-17T10:00:00', {
        ...answered('2024-03-20T10:00:00'),
        escalationLevel: 1,
        escalatedAt: beijing('2024-03-10T10:00:00'),
      }),
      row(b, b.managerId, 'MIS_SELLING', 'HIGH', '2024-03-10T10:00:00', '2024-03-13T10:00:00', { orderId: keyOf(staffOrder.id) }),
      row(b, b.managerId, 'SERVICE', 'CRITICAL', '2024-03-31T12:00:00', '2024-04-01T12:00:00', {
        ...answered('2024-04-01T09:00:00'),
        escalationLevel: 1,
        escalatedAt: beijing('2024-04-01T06:00:00'),
      }),
      row(c, c.managerId, 'SYSTEM', 'MEDIUM', '2024-03-15T10:00:00', '2024-03-22T10:00:00', {
        ...answered('2024-03-22T10:00:00'),
        escalationLevel: 2,
        escalatedAt: beijing('2024-03-16T10:00:00'),
      }),
      row(c, null, 'OTHER', 'LOW', '2024-03-20T10:00:00', '2024-04-04T10:00:00'),
      row(a, a.managerId, 'SERVICE', 'MEDIUM', '2024-02-29T23:59:59', '2024-03-07T23:59:59'),
      row(a, a.managerId, 'SERVICE', 'MEDIUM', '2024-04-01T00:00:00', '2024-04-08T00:00:00'),
    ]);
  }

  describe('severity, respondBy and overdue', () => {
    it('respondBy is the filing time plus the severity target (defaults; MEDIUM when omitted); the manager and branch are recorded', async () => {
      const targets: [string | undefined, number][] = [
        ['LOW', 360],
        [undefined, 168],
        ['HIGH', 72],
        ['CRITICAL', 24],
      ];
      for (const [severity, hours] of targets) {
        const r = await t.gql(FILE, { input: { customerId: g('Customer', a.id), category: 'SERVICE', description: '等候时间过长', severity } });
        expect(r.errors).toBeUndefined();
        const x = r.data.fileComplaint;
        expect(x.severity).toBe(severity ?? 'MEDIUM');
        expect(Date.parse(x.respondBy) - Date.parse(x.recordedAt)).toBe(hours * HOUR);
        expect([x.overdue, x.escalation, x.version]).toEqual([false, 'NONE', 1]);
        expect(x.responsibleManager.id).toBe(g('CustomerManager', a.managerId));
        expect(x.branch.id).toBe(g('Branch', a.branchId));
        expect([x.order, x.decisionRecord]).toEqual([null, null]);
      }
    });

    it('the targets are a bank setting, applied to complaints filed after a change', async () => {
      const settings = t.host.runtime.settings;
      const before = settings.get('core.complaintResponseHours');
      settings.set('core.complaintResponseHours', { LOW: 100, MEDIUM: 50, HIGH: 10, CRITICAL: 2 });
      try {
        for (const [severity, hours] of [
          ['CRITICAL', 2],
          ['LOW', 100],
        ] as const) {
          const r = await t.gql(FILE, { input: { customerId: g('Customer', a.id), category: 'FEES', description: '费用异议', severity } });
          expect(Date.parse(r.data.fileComplaint.respondBy) - Date.parse(r.data.fileComplaint.recordedAt)).toBe(hours * HOUR);
        }
      } finally {
        settings.set('core.complaintResponseHours', before);
      }
      expect(() => settings.set('core.complaintResponseHours', { LOW: 0, MEDIUM: 1, HIGH: 1, CRITICAL: 1 })).toThrow();
    });

    it('overdue: open and past respondBy now; an answered complaint is never overdue', async () => {
      const db = t.host.runtime.database.db;
      const now = Date.now();
      const [late, answeredLate, notYet] = await db
        .insert(complaints)
        .values([
          {
            customerId: a.id,
            managerId: a.managerId,
            branchId: a.branchId,
            category: 'SERVICE',
            description: 'x',
            recordedAt: new Date(now - 30 * HOUR),
            respondBy: new Date(now - 6 * HOUR),
          },
          {
            customerId: a.id,
            managerId: a.managerId,
            branchId: a.branchId,
            category: 'SERVICE',
            description: 'x',
            recordedAt: new Date(now - 30 * HOUR),
            respondBy: new Date(now - 6 * HOUR),
            status: 'FEEDBACK_GIVEN',
            feedbackAt: new Date(now - HOUR),
          },
          {
            customerId: a.id,
            managerId: a.managerId,
            branchId: a.branchId,
            category: 'SERVICE',
            description: 'x',
            recordedAt: new Date(now - HOUR),
            respondBy: new Date(now + HOUR),
          },
        ])
        .returning({ id: complaints.id });
      const [x, y, z] = [late, answeredLate, notYet].map((r) => g('Complaint', r!.id));
      const r = await t.gql(
        `query($x: ID!, $y: ID!, $z: ID!) { x: node(id: $x) { ... on Complaint { overdue } } y: node(id: $y) { ... on Complaint { overdue } } z: node(id: $z) { ... on Complaint { overdue } } }`,
        { x, y, z },
      );
      expect(r.errors).toBeUndefined();
      expect([r.data.x.overdue, r.data.y.overdue, r.data.z.overdue]).toEqual([true, false, false]);
    });
  });

  describe('the order of a mis-selling complaint', () => {
    it('links the order and its decision record', async () => {
      const r = await t.gql(FILE, {
        input: { customerId: g('Customer', b.id), category: 'MIS_SELLING', description: '未充分揭示风险', severity: 'HIGH', orderId: staffOrder.id },
      });
      expect(r.errors).toBeUndefined();
      expect(r.data.fileComplaint.order).toEqual({ id: staffOrder.id, line: staffOrder.line });
      expect(r.data.fileComplaint.decisionRecord.outcome).toBe(staffOrder.decision.outcome);
      const [stored] = await t.host.runtime.database.db
        .select()
        .from(complaints)
        .where(eq(complaints.id, keyOf(r.data.fileComplaint.id)));
      expect(stored.decisionId).toBe(keyOf(r.data.fileComplaint.decisionRecord.id));
      expect([stored.orderId, stored.managerId, stored.branchId]).toEqual([keyOf(staffOrder.id), b.managerId, b.branchId]);
    });

    it('input errors are BAD_USER_INPUT in both languages, the shape ones before any statement', async () => {
      const bad = async (input: Record<string, unknown>, lang: string) => {
        const r = await t.gql(FILE, { input: { customerId: g('Customer', b.id), description: 'x', ...input } }, { lang });
        expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        return r;
      };
      const noOrder = await bad({ category: 'MIS_SELLING' }, 'en');
      expect(noOrder.errors![0].message).toBe('A MIS_SELLING complaint must name the order it is about (orderId)');
      expect(noOrder.statements).toBe(0);
      expect((await bad({ category: 'MIS_SELLING' }, 'zh-CN')).errors![0].message).toBe('销售误导类投诉须指明所涉订单（orderId）');
      const notAnOrder = await bad({ category: 'FEES', orderId: g('Customer', b.id) }, 'en');
      expect(notAnOrder.errors![0].message).toBe('orderId is not an order id');
      expect(notAnOrder.statements).toBe(0);
      expect((await bad({ category: 'WHATEVER' }, 'en')).statements).toBe(0);
      // Another customer's order, and an order that does not exist, answer alike.
      const foreign = await bad({ category: 'MIS_SELLING', orderId: customerOrder.id }, 'en');
      expect(foreign.errors![0].message).toBe("orderId is not one of this customer's orders");
      expect((await bad({ category: 'MIS_SELLING', orderId: g('Order', 99_999) }, 'zh-CN')).errors![0].message).toBe('orderId 不是该客户的订单');
    });
  });

  describe('escalateComplaint', () => {
    const file = async (x: CustomerRow) =>
      (await t.gql(FILE, { input: { customerId: g('Customer', x.id), category: 'SERVICE', description: '服务态度' } })).data.fileComplaint.id as string;

    it('goes up one level at a time, never past head office, audited each time', async () => {
      const id = await file(a);
      const subject = `rm-escalates-${driver}`;
      const as = `Bearer ${await t.token({ ...rmOf(a), subject })}`;
      const first = await t.gql(ESCALATE, { id, r: '客户不满意处理进度' }, { as });
      expect(first.errors).toBeUndefined();
      expect(first.data.escalateComplaint).toMatchObject({ escalation: 'BRANCH', escalationReason: '客户不满意处理进度', version: 2 });
      const second = await t.gql(ESCALATE, { id, r: '涉及多名客户' }, { as: bmOf(a) });
      expect(second.data.escalateComplaint).toMatchObject({ escalation: 'HEAD_OFFICE', escalationReason: '涉及多名客户', version: 3 });
      const third = await t.gql(ESCALATE, { id, r: '再次升级' }, { lang: 'en' });
      expect(third.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(third.errors![0].message).toBe('The complaint is already escalated to head office; there is no higher level');

      const trail = await t.gql(
        `query($id: String) { auditEvents(first: 10, filter: { action: "COMPLAINT_ESCALATED", targetId: $id }) { edges { node { actor role targetType details } } } }`,
        { id },
        { as: { role: 'AUDITOR' } },
      );
      const events = trail.data.auditEvents.edges.map((e: { node: Record<string, unknown> }) => e.node);
      expect(events).toHaveLength(2);
      const byTo = Object.fromEntries(events.map((e: { details: { to: string } }) => [e.details.to, e]));
      expect(byTo.BRANCH).toMatchObject({
        actor: subject,
        role: 'RELATIONSHIP_MANAGER',
        targetType: 'Complaint',
        details: { from: 'NONE', to: 'BRANCH', severity: 'MEDIUM', category: 'SERVICE' },
      });
      expect(byTo.HEAD_OFFICE).toMatchObject({ role: 'BRANCH_MANAGER', details: { from: 'BRANCH', to: 'HEAD_OFFICE' } });
      // The free-text reason stays on the complaint, out of the trail.
      expect(JSON.stringify(events)).not.toContain('客户不满意');
    });

    it('roles: auditors read only, other books do not see it, an answered complaint stays answered', async () => {
      const id = await file(a);
      const code = async (as: unknown) => (await t.gql(ESCALATE, { id, r: '升级' }, { as: as as never })).errors?.[0]?.extensions?.code;
      expect(await code({ role: 'AUDITOR' })).toBe('FORBIDDEN');
      expect(await code({ role: 'PARTNER', partnerCode: 'funds' })).toBe('FORBIDDEN');
      expect(await code(rmOf(b))).toBe('NOT_FOUND');
      expect(await code(bmOf(c))).toBe('NOT_FOUND');
      const [row] = await t.host.runtime.database.db
        .select()
        .from(complaints)
        .where(eq(complaints.id, keyOf(id)));
      expect(row.escalationLevel).toBe(0);

      await t.host.runtime.database.db
        .update(complaints)
        .set({ status: 'FEEDBACK_GIVEN', feedbackAt: new Date() })
        .where(eq(complaints.id, keyOf(id)));
      expect(await code({ role: 'HEAD_OFFICE' })).toBe('BAD_USER_INPUT');
      const blank = await t.gql(ESCALATE, { id, r: '  ' });
      expect(blank.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('complaintStats over March 2024', () => {
    const stats = async (groupBy: string, as: unknown = undefined, period: Record<string, string> = MARCH_2024) => {
      const r = await t.gql(STATS, { g: groupBy, p: period }, { as: as as never });
      expect(r.errors).toBeUndefined();
      return { rows: r.data.complaintStats as (Stat & Record<string, unknown>)[], statements: r.statements };
    };

    it('BRANCH: the figures of each branch, as of the end of the period', async () => {
      const { rows } = await stats('BRANCH');
      expect(figures(rows)).toEqual({
        // count open overdue onTime escalated avgHours
        [g('Branch', a.branchId)]: [4, 2, 1, 1, 1, 264],
        [g('Branch', c.branchId)]: [2, 1, 0, 1, 1, 168],
      });
      expect(rows[0]!.branch).toEqual({ id: g('Branch', a.branchId) });
      expect(rows.map((r) => [r.manager, r.category, r.line])).toEqual([
        [null, null, null],
        [null, null, null],
      ]);
    });

    it('MANAGER: complaints filed without a manager form the null group, last', async () => {
      const { rows } = await stats('MANAGER');
      expect(figures(rows)).toEqual({
        [g('CustomerManager', a.managerId)]: [2, 0, 0, 1, 1, 264],
        [g('CustomerManager', b.managerId)]: [2, 2, 1, 0, 0, null],
        [g('CustomerManager', c.managerId)]: [1, 0, 0, 1, 1, 168],
        null: [1, 1, 0, 0, 0, null],
      });
      expect(rows.at(-1)).toMatchObject({ key: null, manager: null });
      expect(rows.find((r) => r.key === g('CustomerManager', b.managerId))!.manager).toEqual({ id: g('CustomerManager', b.managerId) });
    });

    it('CATEGORY and PRODUCT_LINE (of the linked order)', async () => {
      expect(figures((await stats('CATEGORY')).rows)).toEqual({
        SERVICE: [2, 1, 0, 1, 0, 96],
        FEES: [1, 0, 0, 0, 1, 432],
        MIS_SELLING: [1, 1, 1, 0, 0, null],
        SYSTEM: [1, 0, 0, 1, 1, 168],
        OTHER: [1, 1, 0, 0, 0, null],
      });
      const { rows } = await stats('PRODUCT_LINE');
      expect(figures(rows)).toEqual({
        [staffOrder.line]: [1, 1, 1, 0, 0, null],
        // 96, 432 and 168 hours.
        null: [5, 2, 0, 2, 2, 232],
      });
      expect(rows.find((r) => r.key === staffOrder.line)!.line).toBe(staffOrder.line);
    });

    it('periods: a dekad, a day, a week; nothing outside the period', async () => {
      // 中旬 (11–20 March): rows 5 and 6, as of 21 March 00:00 — before row 5 was answered.
      expect(figures((await stats('BRANCH', undefined, { granularity: 'DEKAD', date: '2024-03-11' })).rows)).toEqual({
        [g('Branch', c.branchId)]: [2, 2, 0, 0, 1, null],
      });
      // 29 February alone: the row filed one second before March; as of its end it is open, not yet due.
      expect(figures((await stats('CATEGORY', undefined, { granularity: 'DAY', date: '2024-02-29' })).rows)).toEqual({ SERVICE: [1, 1, 0, 0, 0, null] });
      // The week of Monday 2024-04-01: only the row filed at its first instant.
      expect(figures((await stats('CATEGORY', undefined, { granularity: 'WEEK', date: '2024-04-07' })).rows)).toEqual({ SERVICE: [1, 1, 0, 0, 0, null] });
      expect((await stats('CATEGORY', undefined, { granularity: 'YEAR', date: '2023-06-01' })).rows).toEqual([]);
      // The first and last days a Date can name (year 1 starts in year 0 UTC, which PostgreSQL lacks).
      expect((await stats('CATEGORY', undefined, { granularity: 'WEEK', date: '0001-01-01' })).rows).toEqual([]);
      expect((await stats('CATEGORY', undefined, { granularity: 'YEAR', date: '9999-12-31' })).rows).toEqual([]);
    });

    it('scoped: a branch manager their branch, a manager their own complaints, auditors everything, partners nothing', async () => {
      expect(figures((await stats('BRANCH', bmOf(c))).rows)).toEqual({ [g('Branch', c.branchId)]: [2, 1, 0, 1, 1, 168] });
      expect(figures((await stats('MANAGER', bmOf(a))).rows)).toEqual({
        [g('CustomerManager', a.managerId)]: [2, 0, 0, 1, 1, 264],
        [g('CustomerManager', b.managerId)]: [2, 2, 1, 0, 0, null],
      });
      expect(figures((await stats('CATEGORY', rmOf(b))).rows)).toEqual({ MIS_SELLING: [1, 1, 1, 0, 0, null], SERVICE: [1, 1, 0, 0, 0, null] });
      expect((await stats('BRANCH', { role: 'AUDITOR' })).rows.reduce((n, r) => n + r.count, 0)).toBe(6);
      const partner = await t.gql(STATS, { g: 'BRANCH', p: MARCH_2024 }, { as: { role: 'PARTNER', partnerCode: 'funds' } });
      expect(partner.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('one statement for the figures whatever the number of groups', async () => {
      // May 2024: one complaint for each of the bank's 16 managers.
      await t.host.runtime.database.db.execute(sql`insert into complaints (customer_id, manager_id, branch_id, category, description, recorded_at, respond_by)
        select ${a.id}, m.id, m.branch_id, 'OTHER', 'x', '2024-05-10T02:00:00Z', '2024-05-17T02:00:00Z' from managers m`);
      const few = await stats('MANAGER', undefined, { granularity: 'DAY', date: '2024-03-01' });
      const many = await stats('MANAGER', undefined, { granularity: 'MONTH', date: '2024-05-01' });
      expect(few.rows).toHaveLength(1);
      expect(many.rows).toHaveLength(16);
      expect(many.rows.every((r) => r.manager !== null && r.count === 1)).toBe(true);
      expect(many.statements).toBe(few.statements);
      const branches = await stats('BRANCH', undefined, { granularity: 'MONTH', date: '2024-05-01' });
      expect(branches.rows).toHaveLength(4);
      expect(branches.statements).toBe(few.statements);
    });
  });

  describe('compliance checks by branch, manager and initiator', () => {
    const DECISIONS = `query($f: SuitabilityDecisionFilter) { suitabilityDecisions(first: 50, filter: $f) { totalCount edges { node { id customer { id } } } } }`;
    const COUNTS = `query($f: SuitabilityDecisionFilter) { suitabilityReasonCounts(filter: $f) { code outcome count } }`;
    const decisions = async (f: Record<string, unknown> | null, as: unknown = { role: 'AUDITOR' }) => {
      const r = await t.gql(DECISIONS, { f }, { as: as as never });
      expect(r.errors).toBeUndefined();
      return r.data.suitabilityDecisions.edges.map((e: { node: { customer: { id: string } } }) => e.node.customer.id) as string[];
    };

    it('filters decision records by the branch and manager of the customer, and by initiator', async () => {
      // The two orders of this file are the only decisions: b's (staff) and c's (customer).
      expect((await decisions(null)).sort()).toEqual([g('Customer', b.id), g('Customer', c.id)].sort());
      expect(await decisions({ branchId: g('Branch', b.branchId) })).toEqual([g('Customer', b.id)]);
      expect(await decisions({ managerId: g('CustomerManager', c.managerId) })).toEqual([g('Customer', c.id)]);
      expect(await decisions({ managerId: g('CustomerManager', a.managerId) })).toEqual([]);
      expect(await decisions({ initiator: 'STAFF' })).toEqual([g('Customer', b.id)]);
      expect(await decisions({ initiator: 'CUSTOMER', branchId: g('Branch', b.branchId) })).toEqual([]);
      const bad = await t.gql(DECISIONS, { f: { branchId: g('Customer', 1) } }, { as: { role: 'AUDITOR' }, lang: 'en' });
      expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(bad.statements).toBe(0);
    });

    it('a branch manager checks their own branch only; relationship managers not at all', async () => {
      expect(await decisions(null, bmOf(c))).toEqual([g('Customer', c.id)]);
      expect(await decisions({ branchId: g('Branch', b.branchId) }, bmOf(c))).toEqual([]);
      const rm = await t.gql(DECISIONS, { f: null }, { as: rmOf(b) });
      expect(rm.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('reason counts per code and decision outcome, same filter and scope', async () => {
      const counts = async (f: Record<string, unknown> | null, as: unknown = { role: 'AUDITOR' }) => {
        const r = await t.gql(COUNTS, { f }, { as: as as never });
        expect(r.errors).toBeUndefined();
        return (r.data.suitabilityReasonCounts as { code: string; outcome: string; count: number }[]).map((x) => `${x.code}/${x.outcome}/${x.count}`).sort();
      };
      const expected = (o: typeof staffOrder) => [...new Set(o.decision.reasons.map((r) => r.code))].map((code) => `${code}/${o.decision.outcome}/1`).sort();
      expect(await counts({ initiator: 'STAFF' })).toEqual(expected(staffOrder));
      expect(await counts(null, bmOf(c))).toEqual(expected(customerOrder));
      expect(await counts({ managerId: g('CustomerManager', a.managerId) })).toEqual([]);
      const all = await counts(null);
      const merged = new Map<string, number>();
      for (const o of [staffOrder, customerOrder])
        for (const code of new Set(o.decision.reasons.map((r) => r.code)))
          merged.set(`${code}/${o.decision.outcome}`, (merged.get(`${code}/${o.decision.outcome}`) ?? 0) + 1);
      expect(all).toEqual([...merged].map(([k, n]) => `${k}/${n}`).sort());
    });

    it('every decision record carries its initiator, manager and branch', async () => {
      const db = t.host.runtime.database.db;
      const r = (await db.execute(
        sql`select count(*)::int as n from suitability_decisions where initiator is null or branch_id is null or manager_id is null`,
      )) as unknown;
      const rows = Array.isArray(r) ? r : (r as { rows: unknown[] }).rows;
      expect((rows[0] as { n: number }).n).toBe(0);
    });
  });
});
