import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { branches, complaints, contacts, customers, holdings, managers, orders, products } from '../../src/db/schema/index.js';
import { toGlobalId } from '../../src/graphql/relay/global-id.js';
import { testDrivers } from '../support/databases.js';
import { createTestHost, type TestHost } from '../support/test-host.js';
import { fixtureCustomerFacts } from './fixture-customer.js';

// Issue 11: activity by frequency of business, contact plans and the work queue, on a
// fixture of its own (branch B: managers M1, M2; branch C: M3) beside a small demo bank.
// Default settings: activity window 365 days, FREQUENT from 4 pieces of business,
// OCCASIONAL from 1; cadence (days) STANDARD 180/180/90, GOLD 90/90/90, PLATINUM 30/60/90,
// PRIVATE_BANKING 14/14/30 (FREQUENT/OCCASIONAL/DORMANT); risk assessments valid 365 days;
// queue look-ahead: contacts 7 days, assessments 30 days, cooling-off 48 hours;
// priorities COMPLAINT_OPEN 100, RISK_ASSESSMENT_EXPIRED 90, CONTACT_OVERDUE 80,
// COOLING_OFF_ENDING 70, RISK_ASSESSMENT_EXPIRING 60, DORMANT_REACTIVATION 50, CONTACT_DUE 40, UNASSIGNED 30.

const DAY = 86_400_000;
const HOUR = 3_600_000;
const cid = (id: number) => toGlobalId('Customer', id);

const QUEUE = `query($kinds: [WorkItemKind!], $first: Int, $after: String) { managers(first: 50) { edges { node { id code
  workQueue(kinds: $kinds, first: $first, after: $after) { totalCount edges { cursor node { kind dueAt priority explanation customer { id name activity } } } pageInfo { hasNextPage endCursor } } } } } }`;

describe.each(testDrivers())('activity, contact plans and the work queue (%s)', (driver) => {
  let t: TestHost;
  let T0 = 0;
  let B = 0;
  let C = 0;
  const m = { M1: 0, M2: 0, M3: 0 };
  const c = { unanswered: 0, boundary: 0, frequent: 0, gold: 0, other: 0, unassigned: 0, overdueGold: 0, almostFrequent: 0 };
  let maturing = 0;
  const at = (offsetDays: number) => new Date(T0 + offsetDays * DAY);
  const HO = { role: 'HEAD_OFFICE' } as const;
  const RM1 = () => ({ role: 'RELATIONSHIP_MANAGER' as const, managerId: m.M1 });
  const BM_B = () => ({ role: 'BRANCH_MANAGER' as const, branchId: B });
  const BM_C = () => ({ role: 'BRANCH_MANAGER' as const, branchId: C });

  /** The queue of manager `code` as `as` sees it (undefined when the manager is not in the caller's roster). */
  async function queueOf(as: object, code: string, vars: Record<string, unknown> = {}) {
    const r = await t.gql(QUEUE, vars, { as: as as never });
    expect(r.errors).toBeUndefined();
    return { r, q: r.data.managers.edges.map((e: any) => e.node).find((n: any) => n.code === code)?.workQueue };
  }

  beforeAll(async () => {
    t = await createTestHost({ driver, customers: 12 });
    const db = t.host.runtime.database.db;
    T0 = Date.now();
    [{ id: B }, { id: C }] = await db
      .insert(branches)
      .values([
        { code: 'T-WQ-B', nameZh: '工作台乙', nameEn: 'Workbench B', city: '杭州' },
        { code: 'T-WQ-C', nameZh: '工作台丙', nameEn: 'Workbench C', city: '宁波' },
      ])
      .returning({ id: branches.id });
    [{ id: m.M1 }, { id: m.M2 }, { id: m.M3 }] = await db
      .insert(managers)
      .values([
        { code: 'T-WQ-M1', name: '一', grade: 'PRINCIPAL', branchId: B, phone: '13900000011' },
        { code: 'T-WQ-M2', name: '二', grade: 'PRINCIPAL', branchId: B, phone: '13900000012' },
        { code: 'T-WQ-M3', name: '三', grade: 'PRINCIPAL', branchId: C, phone: '13900000013' },
      ])
      .returning({ id: managers.id });
    const base = {
      ...fixtureCustomerFacts,
      branchId: B,
    };
    const fixture: [keyof typeof c, string, number | null, number, number | null][] = [
      // role, assets (tier snapshot), manager, created (days from T0), risk assessed (days from T0)
      ['unanswered', '0', m.M1, -400, null],
      ['boundary', '600000', m.M1, -400, null],
      ['frequent', '7000000', m.M1, -400, -360],
      ['gold', '100000', m.M1, -400, -400],
      ['overdueGold', '100000', m.M1, -400, null],
      ['other', '0', m.M2, -10, null],
      ['unassigned', '0', null, -3, null],
      ['almostFrequent', '100000', m.M3, -400, null],
    ];
    let n = 0;
    for (const [role, assetsCny, managerId, created, assessed] of fixture) {
      n += 1;
      const [row] = await db
        .insert(customers)
        .values({
          ...base,
          name: `工作台${role}`,
          idNumber: `11010119800101${String(1000 + n)}`,
          phone: `1380000${String(1000 + n)}`,
          assetsCny,
          managerId,
          branchId: role === 'almostFrequent' ? C : B,
          createdAt: at(created),
          riskLevel: assessed === null ? null : 'C3',
          riskAssessedAt: assessed === null ? null : at(assessed),
        })
        .returning({ id: customers.id });
      c[role] = row.id;
    }
    const contact = (customerId: number, days: number, outcome: string) => ({ customerId, channel: 'PHONE', occurredAt: at(days), summary: 't', outcome });
    await db.insert(contacts).values([
      // Unanswered and declined calls are no business: still DORMANT, never reached.
      contact(c.unanswered, -1, 'NO_ANSWER'),
      contact(c.unanswered, -2, 'DECLINED'),
      // One reached contact just inside the 365-day window, one just outside.
      contact(c.boundary, -364.9, 'REACHED'),
      contact(c.boundary, -365.1, 'REACHED'),
      // Three reached contacts (FOLLOW_UP reached the customer too), newest a day ago.
      contact(c.frequent, -1, 'REACHED'),
      contact(c.frequent, -20, 'FOLLOW_UP'),
      contact(c.frequent, -40, 'REACHED'),
      contact(c.gold, -85, 'REACHED'),
      contact(c.overdueGold, -100, 'REACHED'),
      // Three reached and a cancelled order: OCCASIONAL (the cancelled order does not count).
      ...[-1, -2, -3].map((d) => contact(c.almostFrequent, d, 'REACHED')),
    ]);
    const [p] = await db.select({ id: products.id, line: products.line }).from(products).limit(1);
    const order = (customerId: number, days: number, status: string, coolingOffEndsAt: Date | null = null) => ({
      customerId,
      productId: p.id,
      line: p.line,
      amount: '1000',
      currency: 'CNY',
      quantity: '1000',
      channel: 'COUNTER',
      initiator: 'CUSTOMER',
      status,
      decisionId: 0,
      placedBy: 'test',
      placedAt: at(days),
      coolingOffEndsAt,
    });
    await db.insert(orders).values([
      order(c.frequent, -10, 'SETTLED'), // the fourth piece of business: FREQUENT
      order(c.frequent, -11, 'CANCELLED'),
      order(c.gold, -1, 'PENDING', new Date(T0 + 10 * HOUR)), // cooling-off ends within 48 h
      order(c.overdueGold, -10, 'SETTLED'),
      order(c.almostFrequent, -6, 'CANCELLED'),
    ]);
    const position = (customerId: number, maturesAt: unknown, status = 'ACTIVE') => ({
      customerId,
      productId: p.id,
      quantity: '1',
      costAmount: '1',
      costCurrency: 'CNY',
      status,
      openedAt: at(-30),
      attributes: maturesAt === undefined ? {} : { maturesAt },
    });
    [{ id: maturing }] = await db
      .insert(holdings)
      .values([
        position(c.frequent, at(20).toISOString()), // within 30 days
        position(c.frequent, at(40).toISOString()), // beyond the look-ahead
        position(c.frequent, at(-1).toISOString()), // already matured
        position(c.frequent, at(10).toISOString(), 'CLOSED'), // no longer held
        position(c.frequent, '2026-13-45'), // not an instant: ignored, never an error
        position(c.frequent, undefined), // no maturity
      ])
      .returning({ id: holdings.id });
    await db.insert(complaints).values([
      { customerId: c.gold, managerId: m.M1, branchId: B, category: 'SERVICE', description: 'late', recordedAt: at(-3), respondBy: at(-1) },
      // Answered (feedback given) past its deadline: no work left.
      {
        customerId: c.gold,
        managerId: m.M1,
        branchId: B,
        category: 'SERVICE',
        description: 'done',
        recordedAt: at(-9),
        respondBy: at(-5),
        status: 'FEEDBACK_GIVEN',
        feedbackAt: at(-4),
      },
    ]);
  });
  afterAll(() => t?.close());

  const PLAN = `query($id: ID!) { customer(id: $id) { activity contactPlan { cadenceDays lastReachedAt nextDueAt overdue } } }`;
  const plan = async (id: number) => {
    const r = await t.gql(PLAN, { id: cid(id) });
    expect(r.errors).toBeUndefined();
    return r.data.customer;
  };

  it('counts business, not the last touch: reached contacts and orders not cancelled in the window', async () => {
    expect(await plan(c.unanswered)).toEqual({
      activity: 'DORMANT',
      contactPlan: { cadenceDays: 90, lastReachedAt: null, nextDueAt: at(-400).toISOString(), overdue: true },
    });
    expect(await plan(c.boundary)).toEqual({
      activity: 'OCCASIONAL',
      contactPlan: { cadenceDays: 60, lastReachedAt: at(-364.9).toISOString(), nextDueAt: at(-304.9).toISOString(), overdue: true },
    });
    expect(await plan(c.frequent)).toEqual({
      activity: 'FREQUENT',
      contactPlan: { cadenceDays: 14, lastReachedAt: at(-1).toISOString(), nextDueAt: at(13).toISOString(), overdue: false },
    });
    expect(await plan(c.gold)).toEqual({
      activity: 'OCCASIONAL',
      contactPlan: { cadenceDays: 90, lastReachedAt: at(-85).toISOString(), nextDueAt: at(5).toISOString(), overdue: false },
    });
    expect((await plan(c.almostFrequent)).activity).toBe('OCCASIONAL');
  });

  it('the activity and contactDueBefore filters agree with the fields', async () => {
    const list = async (filter: Record<string, unknown>) => {
      const r = await t.gql(
        `query($f: CustomerFilter) { customers(first: 100, filter: $f) { totalCount edges { node { id activity contactPlan { nextDueAt } } } } }`,
        { f: filter },
      );
      expect(r.errors).toBeUndefined();
      return r.data.customers.edges.map((e: any) => e.node);
    };
    const inB = (ids: number[]) => ids.map(cid).sort();
    const ids = (nodes: any[]) => nodes.map((n) => n.id).sort();
    const bId = toGlobalId('Branch', B);
    expect(ids(await list({ branchId: bId, activity: 'DORMANT' }))).toEqual(inB([c.unanswered, c.other, c.unassigned]));
    expect(ids(await list({ branchId: bId, activity: 'OCCASIONAL' }))).toEqual(inB([c.boundary, c.gold, c.overdueGold]));
    expect(ids(await list({ branchId: bId, activity: 'FREQUENT' }))).toEqual(inB([c.frequent]));
    // Over the whole book (demo customers too), every filtered customer shows the filtered activity.
    for (const a of ['FREQUENT', 'OCCASIONAL', 'DORMANT']) for (const n of await list({ activity: a })) expect(n.activity).toBe(a);
    const now = new Date(Date.now()).toISOString();
    expect(ids(await list({ branchId: bId, contactDueBefore: now }))).toEqual(inB([c.unanswered, c.boundary, c.overdueGold, c.other, c.unassigned]));
    expect(ids(await list({ branchId: bId, contactDueBefore: at(6).toISOString() }))).toEqual(
      inB([c.unanswered, c.boundary, c.gold, c.overdueGold, c.other, c.unassigned]),
    );
    for (const n of await list({ contactDueBefore: now })) expect(new Date(n.contactPlan.nextDueAt).getTime()).toBeLessThan(Date.parse(now));
  });

  const EXPECTED_M1 = () => [
    ['COMPLAINT_OPEN', c.gold, at(-1), 100],
    ['RISK_ASSESSMENT_EXPIRED', c.gold, at(-400 + 365), 90],
    ['CONTACT_OVERDUE', c.boundary, at(-304.9), 80],
    ['CONTACT_OVERDUE', c.overdueGold, at(-10), 80],
    ['COOLING_OFF_ENDING', c.gold, new Date(T0 + 10 * HOUR), 70],
    ['PRODUCT_MATURING', c.frequent, at(20), 65],
    ['RISK_ASSESSMENT_EXPIRING', c.frequent, at(-360 + 365), 60],
    ['DORMANT_REACTIVATION', c.unanswered, at(-400), 50],
    ['CONTACT_DUE', c.gold, at(5), 40],
  ];
  const shape = (q: any) => q.edges.map((e: any) => [e.node.kind, e.node.customer.id, e.node.dueAt, e.node.priority]);
  const expected = (rows: any[]) => rows.map(([k, id, d, p]) => [k, cid(id), d.toISOString(), p]);

  it("ranks a manager's work by priority then due date, every kind with its due date", async () => {
    const { q } = await queueOf(BM_B(), 'T-WQ-M1');
    expect(shape(q)).toEqual(expected([...EXPECTED_M1(), ['UNASSIGNED', c.unassigned, at(-3), 30]]));
    expect(q.totalCount).toBe(10);
    expect(maturing).toBeGreaterThan(0);
    expect(q.edges[0].node.explanation).toContain('投诉');
    const en = await t.gql(QUEUE, { kinds: ['CONTACT_OVERDUE'] }, { as: BM_B() as never, lang: 'en' });
    const m1 = en.data.managers.edges.find((e: any) => e.node.code === 'T-WQ-M1').node.workQueue;
    expect(m1.edges.map((e: any) => e.node.explanation)).toEqual([
      `Contact overdue: the plan called for one by ${new Date(at(-304.9).getTime() + 8 * HOUR).toISOString().slice(0, 10)}`,
      `Contact overdue: the plan called for one by ${new Date(at(-10).getTime() + 8 * HOUR).toISOString().slice(0, 10)}`,
    ]);
    expect(m1.totalCount).toBe(2);
    const { q: m2 } = await queueOf(BM_B(), 'T-WQ-M2');
    expect(shape(m2)).toEqual(
      expected([
        ['DORMANT_REACTIVATION', c.other, at(-10), 50],
        ['UNASSIGNED', c.unassigned, at(-3), 30],
      ]),
    );
  });

  it('is scoped: a manager sees only their own queue (and no unassigned customers), a branch manager only their branch', async () => {
    const own = await queueOf(RM1(), 'T-WQ-M1');
    expect(shape(own.q)).toEqual(expected(EXPECTED_M1()));
    expect(own.r.data.managers.edges).toHaveLength(1);
    const other = await queueOf(BM_C(), 'T-WQ-M1');
    expect(other.q).toBeUndefined();
    const m3 = await queueOf(BM_C(), 'T-WQ-M3');
    expect(m3.q.edges).toEqual([]);
    expect((await queueOf(HO, 'T-WQ-M1')).q.totalCount).toBe(10);
    const partner = await t.gql(QUEUE, {}, { as: { role: 'PARTNER', partnerCode: 'X' } as never });
    expect(partner.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('pages by keyset with constant statements (1 item or 9)', async () => {
    const all: any[] = [];
    let after: string | null = null;
    const statements: number[] = [];
    for (;;) {
      const { r, q } = await queueOf(RM1(), 'T-WQ-M1', { first: 3, after });
      all.push(...q.edges);
      statements.push(r.statements);
      if (!q.pageInfo.hasNextPage) break;
      after = q.pageInfo.endCursor;
    }
    expect(all.map((e) => [e.node.kind, e.node.customer.id, e.node.dueAt, e.node.priority])).toEqual(expected(EXPECTED_M1()));
    const one = await queueOf(RM1(), 'T-WQ-M1', { first: 1 });
    const many = await queueOf(RM1(), 'T-WQ-M1', { first: 9 });
    expect(many.q.edges).toHaveLength(9);
    expect(one.r.statements).toBe(many.r.statements);
    expect(new Set(statements).size).toBe(1);
    const bad = await t.gql(QUEUE, { after: 'nonsense' }, { as: RM1() as never });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('filters kinds', async () => {
    const { q } = await queueOf(RM1(), 'T-WQ-M1', { kinds: ['RISK_ASSESSMENT_EXPIRING', 'RISK_ASSESSMENT_EXPIRED'] });
    expect(shape(q)).toEqual(expected(EXPECTED_M1().filter(([k]) => String(k).startsWith('RISK_'))));
  });

  it('logContact tells whether the customer was reached and sets the next contact from the plan', async () => {
    const LOG = `mutation($i: LogContactInput!) { logContact(input: $i) { outcome reached occurredAt nextContactAt } }`;
    const missed = await t.gql(LOG, { i: { customerId: cid(c.other), channel: 'PHONE', summary: 'no answer', outcome: 'NO_ANSWER' } });
    expect(missed.errors).toBeUndefined();
    // Not reached: the plan is unchanged (never reached: due since the customer was created).
    expect(missed.data.logContact).toMatchObject({ reached: false, nextContactAt: at(-10).toISOString() });
    expect((await plan(c.other)).activity).toBe('DORMANT');
    const reached = await t.gql(LOG, { i: { customerId: cid(c.unanswered), channel: 'VISIT', summary: 'met', outcome: 'REACHED' } });
    expect(reached.errors).toBeUndefined();
    const occurred = Date.parse(reached.data.logContact.occurredAt);
    // One piece of business: OCCASIONAL, STANDARD every 180 days from this contact.
    expect(reached.data.logContact).toMatchObject({ reached: true, nextContactAt: new Date(occurred + 180 * DAY).toISOString() });
    expect(await plan(c.unanswered)).toMatchObject({
      activity: 'OCCASIONAL',
      contactPlan: { cadenceDays: 180, overdue: false, nextDueAt: new Date(occurred + 180 * DAY).toISOString() },
    });
    const given = await t.gql(LOG, {
      i: { customerId: cid(c.gold), channel: 'PHONE', summary: 'call back', outcome: 'FOLLOW_UP', nextContactAt: at(2).toISOString() },
    });
    expect(given.data.logContact).toMatchObject({ reached: true, nextContactAt: at(2).toISOString() });
  });
});
