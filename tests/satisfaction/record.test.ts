import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { auditEvents, complaints, customerDayCloses, satisfactionResponses } from '../../src/db/schema/index.js';
import { toGlobalId } from '../../src/graphql/relay/global-id.js';
import { DEFAULT_NOW } from '../../src/seed/core-demo.js';
import { keyOf, placeAcceptedOrder, threeCustomers, type CustomerRow } from '../complaints/support.js';
import { testDrivers } from '../support/databases.js';
import { createTestHost, type TestHost } from '../support/test-host.js';

// 客户满意度追踪调查 on both drivers: recording a response about a contact, a complaint or an order (who was
// responsible, what is refused and when nothing is written), who may record and read it, closing a complaint
// only with the customer's feedback or a reason, the audit trail without the comment, and the demo's surveys.

const RECORD = `mutation($i: RecordSatisfactionInput!) { recordSatisfaction(input: $i) {
  id subject { type id } score recommend comment recordedAt recordedBy manager { id } branch { id } customer { id } } }`;
const ADVANCE = `mutation($i: AdvanceComplaintInput!) { advanceComplaint(input: $i) { id status version feedbackWaivedReason satisfaction { score } } }`;
const LOG = `mutation($i: LogContactInput!) { logContact(input: $i) { id } }`;
const FILE = `mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { id version } }`;
/** A comment no other row holds: the audit trail and the log must never carry it. */
const MARKER = '客户王小明称手机13912345678的来电很贴心';

describe.each(testDrivers())('recordSatisfaction (%s)', (driver) => {
  let t: TestHost;
  let a: CustomerRow;
  let b: CustomerRow;
  let c: CustomerRow;
  const logLines: string[] = [];
  const db = () => t.host.runtime.database.db;
  const err = (r: any) => r.errors?.[0]?.extensions ?? {};
  const g = toGlobalId;
  const HO = { role: 'HEAD_OFFICE' } as const;
  const rmOf = (x: CustomerRow) => ({ role: 'RELATIONSHIP_MANAGER' as const, managerId: x.managerId! });
  const bmOf = (x: CustomerRow) => ({ role: 'BRANCH_MANAGER' as const, branchId: x.branchId });
  const record = (i: Record<string, unknown>, as: object = HO, lang?: string) => t.gql(RECORD, { i }, { as: as as never, ...(lang ? { lang } : {}) });
  const rows = async () =>
    (
      await db()
        .select({ n: sql<number>`count(*)::int` })
        .from(satisfactionResponses)
    )[0]!.n;
  const audits = async () =>
    (
      await db()
        .select({ n: sql<number>`count(*)::int` })
        .from(auditEvents)
        .where(eq(auditEvents.action, 'SATISFACTION_RECORDED'))
    )[0]!.n;

  /** A contact with `x`, logged by head office (its manager: the customer's). */
  const contact = async (x: CustomerRow, outcome = 'REACHED'): Promise<string> => {
    const r = await t.gql(LOG, { i: { customerId: g('Customer', x.id), channel: 'PHONE', summary: '回访', outcome } });
    expect(r.errors).toBeUndefined();
    return r.data.logContact.id;
  };
  /** A complaint of `x` moved as far as `to` (HANDLED by default). */
  const complaint = async (x: CustomerRow, to: 'RECORDED' | 'HANDLED' = 'HANDLED'): Promise<{ id: string; version: number }> => {
    const f = await t.gql(FILE, { i: { customerId: g('Customer', x.id), category: 'SERVICE', description: '等候时间过长' } });
    const { id } = f.data.fileComplaint;
    let { version } = f.data.fileComplaint;
    if (to === 'HANDLED') {
      for (const [step, note] of [
        ['ACCEPTED', null],
        ['ANALYSED', '人手不足'],
        ['HANDLED', '增开窗口'],
      ] as const) {
        const r = await t.gql(ADVANCE, { i: { complaintId: id, version, to: step, note } });
        expect(r.errors).toBeUndefined();
        version = r.data.advanceComplaint.version;
      }
    }
    return { id, version };
  };

  beforeAll(async () => {
    t = await createTestHost({ driver, customers: 120, env: { LOG_LEVEL: 'debug' }, logLines });
    ({ a, b, c } = await threeCustomers(t));
  }, 240_000);
  afterAll(() => t?.close());

  describe('recording', () => {
    it("records a contact's response as the customer's manager: the scores, the comment, the contact's manager and the customer's branch", async () => {
      const k = await contact(a);
      const r = await record({ customerId: g('Customer', a.id), subject: { type: 'CONTACT', id: k }, score: 5, recommend: 10, comment: MARKER }, rmOf(a));
      expect(r.errors).toBeUndefined();
      const x = r.data.recordSatisfaction;
      expect(x).toMatchObject({
        subject: { type: 'CONTACT', id: k },
        score: 5,
        recommend: 10,
        comment: MARKER,
        manager: { id: g('CustomerManager', a.managerId!) },
        branch: { id: g('Branch', a.branchId) },
        customer: { id: g('Customer', a.id) },
      });
      expect(x.recordedBy).toMatch(/.+/);
      const [row] = await db()
        .select()
        .from(satisfactionResponses)
        .where(eq(satisfactionResponses.id, keyOf(x.id)));
      expect(row).toMatchObject({
        customerId: a.id,
        subjectType: 'CONTACT',
        subjectId: keyOf(k),
        score: 5,
        recommend: 10,
        managerId: a.managerId,
        branchId: a.branchId,
      });
      // Reachable by node, and from the contact.
      const n = await t.gql(`query($id: ID!) { node(id: $id) { ... on SatisfactionResponse { id score } } }`, { id: x.id });
      expect(n.data.node).toEqual({ id: x.id, score: 5 });
    });

    it("records a complaint's response with the complaint's responsible manager and branch as recorded at filing", async () => {
      const k = await complaint(a);
      // The complaint was filed while b's manager was responsible: that manager is the one rated, not the customer's current one.
      await db()
        .update(complaints)
        .set({ managerId: b.managerId })
        .where(eq(complaints.id, keyOf(k.id)));
      const r = await record({ customerId: g('Customer', a.id), subject: { type: 'COMPLAINT', id: k.id }, score: 2, recommend: 3 }, bmOf(a));
      expect(r.errors).toBeUndefined();
      expect(r.data.recordSatisfaction).toMatchObject({
        subject: { type: 'COMPLAINT', id: k.id },
        score: 2,
        recommend: 3,
        comment: null,
        manager: { id: g('CustomerManager', b.managerId!) },
        branch: { id: g('Branch', a.branchId) },
      });
      const q = await t.gql(`query($id: ID!) { node(id: $id) { ... on Complaint { satisfaction { score recommend } } } }`, { id: k.id });
      expect(q.data.node.satisfaction).toEqual({ score: 2, recommend: 3 });
    });

    it("records an order's response: the seller, else the customer's manager and branch at the time of the order (its day's close)", async () => {
      const order = await placeAcceptedOrder(t, a, 'CUSTOMER');
      // Placed by head office: no seller. The latest close up to the order's day had the customer with b's manager.
      const [{ day }] = await db()
        .select({ day: sql<string>`max(${customerDayCloses.day})::text` })
        .from(customerDayCloses)
        .where(eq(customerDayCloses.customerId, a.id));
      await db()
        .update(customerDayCloses)
        .set({ managerId: b.managerId })
        .where(and(eq(customerDayCloses.customerId, a.id), eq(customerDayCloses.day, day)));
      const r = await record({ customerId: g('Customer', a.id), subject: { type: 'ORDER', id: order.id }, score: 4 });
      expect(r.errors).toBeUndefined();
      expect(r.data.recordSatisfaction).toMatchObject({
        subject: { type: 'ORDER', id: order.id },
        score: 4,
        recommend: null,
        manager: { id: g('CustomerManager', b.managerId!) },
        branch: { id: g('Branch', a.branchId) },
      });
      const q = await t.gql(`query($id: ID!) { node(id: $id) { ... on Order { satisfaction { score } } } }`, { id: order.id });
      expect(q.data.node.satisfaction).toEqual({ score: 4 });
    });

    it("lists the customer's responses newest first, pages them, and counts them", async () => {
      const Q = `query($id: ID!, $first: Int, $after: String) { customer(id: $id) { satisfaction(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id subject { type } } } } } }`;
      const all = (await t.gql(Q, { id: g('Customer', a.id), first: 10 })).data.customer.satisfaction;
      const mine = await db().select().from(satisfactionResponses).where(eq(satisfactionResponses.customerId, a.id));
      expect(all.totalCount).toBe(mine.length);
      expect(all.edges.map((e: any) => keyOf(e.node.id))).toEqual(mine.map((m) => m.id).sort((x, y) => y - x));
      expect(all.edges.map((e: any) => e.node.subject.type).slice(0, 3)).toEqual(['ORDER', 'COMPLAINT', 'CONTACT']);
      const p1 = (await t.gql(Q, { id: g('Customer', a.id), first: 1 })).data.customer.satisfaction;
      const p2 = (await t.gql(Q, { id: g('Customer', a.id), first: 1, after: p1.pageInfo.endCursor })).data.customer.satisfaction;
      expect(p1.pageInfo.hasNextPage).toBe(true);
      expect([...p1.edges, ...p2.edges].map((e: any) => e.node.id)).toEqual(all.edges.slice(0, 2).map((e: any) => e.node.id));
    });
  });

  describe('refusals', () => {
    it('refuses bad input before anything is written, naming the field, in both languages', async () => {
      const k = await contact(a);
      const other = await contact(b);
      const unreached = await contact(a, 'NO_ANSWER');
      const open = await complaint(a, 'RECORDED');
      const base = { customerId: g('Customer', a.id), subject: { type: 'CONTACT', id: k }, score: 4 };
      const [n0, a0] = [await rows(), await audits()];
      const cases: [Record<string, unknown>, string][] = [
        [{ ...base, score: 0 }, 'score'],
        [{ ...base, score: 6 }, 'score'],
        [{ ...base, recommend: 11 }, 'recommend'],
        [{ ...base, recommend: -1 }, 'recommend'],
        [{ ...base, comment: 'x'.repeat(501) }, 'comment'],
        [{ ...base, comment: '   ' }, 'comment'],
        [{ ...base, customerId: 'not-an-id' }, 'customerId'],
        [{ ...base, subject: { type: 'CONTACT', id: open.id } }, 'subject.id'], // a complaint's id given as a contact
        [{ ...base, subject: { type: 'CONTACT', id: g('Contact', 2_000_000_000) } }, 'subject.id'], // no such contact
        [{ ...base, subject: { type: 'CONTACT', id: other } }, 'subject.id'], // another customer's contact
        [{ ...base, subject: { type: 'CONTACT', id: unreached } }, 'subject.id'], // did not reach the customer
        [{ ...base, subject: { type: 'COMPLAINT', id: open.id } }, 'subject.id'], // not handled yet
      ];
      for (const [i, field] of cases) {
        const r = await record(i);
        expect(err(r), JSON.stringify(i).slice(0, 80)).toMatchObject({ code: 'BAD_USER_INPUT', field });
      }
      expect([await rows(), await audits()]).toEqual([n0, a0]);
      // Another customer's subject and a missing one answer alike (no oracle), and the messages follow the language.
      const missing = await record({ ...base, subject: { type: 'CONTACT', id: g('Contact', 2_000_000_000) } }, HO, 'en');
      const foreign = await record({ ...base, subject: { type: 'CONTACT', id: other } }, HO, 'en');
      expect(missing.errors![0]!.message).toBe(foreign.errors![0]!.message);
      expect(foreign.errors![0]!.message).toMatch(/not one of this customer's contacts/);
      expect((await record({ ...base, score: 9 }, HO, 'en')).errors![0]!.message).toMatch(/score must be a whole number from 1 to 5/);
      expect((await record({ ...base, score: 9 }, HO, 'zh-CN')).errors![0]!.message).toMatch(/满意度评分须为 1 到 5/);
      // A non-integer is refused by the Int type itself.
      expect(err(await record({ ...base, score: 4.5 })).code).toBe('BAD_USER_INPUT');
      expect(await rows()).toBe(n0);
    });

    it('a second response about the same subject is a CONFLICT, also when both arrive at once (the unique index decides)', async () => {
      const k = await contact(a);
      const i = { customerId: g('Customer', a.id), subject: { type: 'CONTACT', id: k }, score: 3 };
      const n0 = await rows();
      const both = await Promise.all([record(i), record({ ...i, score: 5 })]);
      expect(both.map((r) => err(r).code ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
      const again = await record({ ...i, score: 1 }, HO, 'en');
      expect(err(again).code).toBe('CONFLICT');
      expect(again.errors![0]!.message).toMatch(/already recorded/);
      expect(await rows()).toBe(n0 + 1);
    });
  });

  describe('who may record and read', () => {
    it('relationship managers their book, branch managers their branch, head office all; auditors and partners never write', async () => {
      const kb = await contact(b);
      const kc = await contact(c);
      const on = (x: CustomerRow, k: string) => ({ customerId: g('Customer', x.id), subject: { type: 'CONTACT', id: k }, score: 4 });
      const n0 = await rows();
      expect(err(await record(on(b, kb), rmOf(a))).code).toBe('NOT_FOUND'); // another manager's customer, same branch
      expect(err(await record(on(c, kc), bmOf(a))).code).toBe('NOT_FOUND'); // another branch's customer
      expect(err(await record(on(b, kb), { role: 'AUDITOR' })).code).toBe('FORBIDDEN');
      expect(err(await record(on(b, kb), { role: 'PARTNER', partnerCode: 'funds' })).code).toBe('FORBIDDEN');
      expect(await rows()).toBe(n0);
      expect((await record(on(b, kb), bmOf(a))).errors).toBeUndefined(); // b is of a's branch
      expect((await record(on(c, kc), HO)).errors).toBeUndefined();
      expect(await rows()).toBe(n0 + 2);
    });

    it('reads follow the customer: their manager, branch manager, head office and auditors see the responses; other books and partners nothing', async () => {
      const Q = `query($id: ID!) { customer(id: $id) { satisfaction { totalCount edges { node { id } } } } }`;
      const [one] = await db().select().from(satisfactionResponses).where(eq(satisfactionResponses.customerId, a.id)).limit(1);
      const node = `query($id: ID!) { node(id: $id) { ... on SatisfactionResponse { id score } } }`;
      const rid = g('SatisfactionResponse', one!.id);
      for (const as of [rmOf(a), bmOf(a), HO, { role: 'AUDITOR' }]) {
        const r = await t.gql(Q, { id: g('Customer', a.id) }, { as: as as never });
        expect(r.errors, JSON.stringify(as)).toBeUndefined();
        expect(r.data.customer.satisfaction.totalCount).toBeGreaterThan(0);
        expect((await t.gql(node, { id: rid }, { as: as as never })).data.node).toMatchObject({ id: rid });
      }
      for (const as of [rmOf(b), bmOf(c), { role: 'PARTNER', partnerCode: 'funds' }]) {
        const r = await t.gql(Q, { id: g('Customer', a.id) }, { as: as as never });
        expect(r.data?.customer ?? null, JSON.stringify(as)).toBeNull();
        expect((await t.gql(node, { id: rid }, { as: as as never })).data?.node ?? null).toBeNull();
      }
    });
  });

  describe('closing a complaint', () => {
    it("refuses FEEDBACK_GIVEN without the customer's feedback or a reason (FEEDBACK_REQUIRED), in both languages; nothing changes", async () => {
      const k = await complaint(a);
      const close = (extra: Record<string, unknown> = {}, lang?: string) =>
        t.gql(ADVANCE, { i: { complaintId: k.id, version: k.version, to: 'FEEDBACK_GIVEN', note: '已电话告知客户', ...extra } }, lang ? { lang } : {});
      const zh = await close();
      expect(err(zh)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'FEEDBACK_REQUIRED', field: 'feedbackWaivedReason' });
      expect(zh.errors![0]!.message).toMatch(/结案前须记录客户对投诉处理的满意度/);
      expect((await close({}, 'en')).errors![0]!.message).toMatch(/before closing/);
      for (const bad of ['', 'x'.repeat(501)]) expect(err(await close({ feedbackWaivedReason: bad })).code).toBe('BAD_USER_INPUT');
      const [row] = await db()
        .select()
        .from(complaints)
        .where(eq(complaints.id, keyOf(k.id)));
      expect([row!.status, row!.feedbackAt, row!.feedbackWaivedReason]).toEqual(['HANDLED', null, null]);
    });

    it('closes with a reason the feedback could not be had, kept on the complaint', async () => {
      const k = await complaint(a);
      const r = await t.gql(ADVANCE, {
        i: { complaintId: k.id, version: k.version, to: 'FEEDBACK_GIVEN', note: '已短信告知处理结果', feedbackWaivedReason: '客户电话三次未接通' },
      });
      expect(r.errors).toBeUndefined();
      expect(r.data.advanceComplaint).toMatchObject({ status: 'FEEDBACK_GIVEN', feedbackWaivedReason: '客户电话三次未接通', satisfaction: null });
    });

    it("closes once the customer's satisfaction with the handling is recorded; a reason is then refused, and on any other step too", async () => {
      const k = await complaint(a);
      expect(
        (await record({ customerId: g('Customer', a.id), subject: { type: 'COMPLAINT', id: k.id }, score: 5, recommend: 9 }, rmOf(a))).errors,
      ).toBeUndefined();
      const both = await t.gql(ADVANCE, {
        i: { complaintId: k.id, version: k.version, to: 'FEEDBACK_GIVEN', note: '已告知', feedbackWaivedReason: '客户拒绝' },
      });
      expect(err(both)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'feedbackWaivedReason' });
      const r = await t.gql(ADVANCE, { i: { complaintId: k.id, version: k.version, to: 'FEEDBACK_GIVEN', note: '已电话告知客户' } }, { as: rmOf(a) });
      expect(r.errors).toBeUndefined();
      expect(r.data.advanceComplaint).toMatchObject({ status: 'FEEDBACK_GIVEN', feedbackWaivedReason: null, satisfaction: { score: 5 } });
      const early = await complaint(a, 'RECORDED');
      const step = await t.gql(ADVANCE, { i: { complaintId: early.id, version: early.version, to: 'ACCEPTED', feedbackWaivedReason: '客户拒绝' } });
      expect(err(step)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'feedbackWaivedReason' });
    });
  });

  it('audits every response with its subject and scores, never the comment; no log line carries it', async () => {
    const [resp] = await db().select().from(satisfactionResponses).where(eq(satisfactionResponses.comment, MARKER));
    const [ev] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'SATISFACTION_RECORDED'), eq(auditEvents.targetId, g('SatisfactionResponse', resp!.id))));
    expect(ev).toMatchObject({ targetType: 'SatisfactionResponse', role: 'RELATIONSHIP_MANAGER' });
    expect(ev!.details).toEqual({
      customerId: g('Customer', a.id),
      subjectType: 'CONTACT',
      subjectId: g('Contact', resp!.subjectId),
      score: 5,
      recommend: 10,
      hasComment: true,
    });
    const trail = await db().select().from(auditEvents);
    expect(JSON.stringify(trail)).not.toContain(MARKER);
    expect(JSON.stringify(trail)).not.toContain('13912345678');
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.join('\n')).not.toContain(MARKER);
  });

  it("the demo bank has surveys: responses on contacts and complaints; every closed complaint has the customer's feedback or a reason; its KPIs show CSAT and NPS", async () => {
    const byType = await db()
      .select({ type: satisfactionResponses.subjectType, n: sql<number>`count(*)::int` })
      .from(satisfactionResponses)
      .where(eq(satisfactionResponses.recordedBy, 'seed'))
      .groupBy(satisfactionResponses.subjectType);
    // The test bank's plugins seed holdings, not orders: orders are surveyed where the seed has them (figures.test.ts).
    expect(new Set(byType.filter((x) => x.n > 0).map((x) => x.type))).toEqual(new Set(['CONTACT', 'COMPLAINT']));
    const unexplained = await db()
      .execute(sql`select count(*)::int as n from complaints x where x.status = 'FEEDBACK_GIVEN' and x.feedback_waived_reason is null
      and not exists (select 1 from satisfaction_responses s where s.subject_type = 'COMPLAINT' and s.subject_id = x.id)`);
    expect(Number(((unexplained as any).rows ?? unexplained)[0].n)).toBe(0);
    const Q = `query($p: KpiPeriodInput!) { branches { code kpis(period: $p) { satisfactionResponses csat averageSatisfactionScore npsResponses nps } } }`;
    const r = await t.gql(Q, { p: { granularity: 'YEAR', date: '2026-11-23' } }, { headers: { 'x-finmart-now': DEFAULT_NOW.toISOString() } });
    expect(r.errors).toBeUndefined();
    for (const x of r.data.branches) {
      expect(x.kpis.satisfactionResponses, x.code).toBeGreaterThan(0);
      expect(x.kpis.csat).toBeGreaterThan(0);
      expect(x.kpis.npsResponses).toBeGreaterThan(0);
      expect(x.kpis.nps).not.toBeNull();
    }
    const stats = await t.gql(
      `query($p: KpiPeriodInput!) { complaintStats(groupBy: BRANCH, period: $p) { count satisfactionResponses csat } }`,
      { p: { granularity: 'YEAR', date: '2026-11-23' } },
      {
        headers: { 'x-finmart-now': DEFAULT_NOW.toISOString() },
      },
    );
    expect(stats.data.complaintStats.reduce((n: number, x: any) => n + x.satisfactionResponses, 0)).toBeGreaterThan(0);
  });
});
