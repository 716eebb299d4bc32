import { fixtureOrg } from '../workbench/fixture-org.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, desc, eq } from 'drizzle-orm';
import { complaints, customers, orders, satisfactionResponses } from '../../src/db/schema/index.js';
import { DEFAULT_NOW } from '../../src/seed/core-demo.js';
import { seedMisSellingCase } from '../../src/seed/mis-selling-case.js';
import { seedSatisfaction } from '../../src/seed/satisfaction.js';
import { toGlobalId } from '../../src/graphql/relay/global-id.js';
import { testDrivers } from '../support/databases.js';
import { createTestHost, type TestHost } from '../support/test-host.js';

// CSAT and NPS in the KPIs and in the complaint analysis, on a fixture in March 2025 (no demo data that early),
// every figure computed by hand from the table below. Responses are attributed to the manager and branch
// recorded on them (the fixture writes the rows directly: recordSatisfaction's attribution is tested apart).
//
//   manager  branch  recorded (Beijing)        score  recommend
//   M1       B       03-01 00:00 (first instant)  5     10        promoter
//   M1       B       03-10                        4      9        promoter
//   M1       B       03-20                        3      6        detractor
//   M1       B       03-31 23:59:59               1      —
//   M1       B       02-28 23:59:59 (before)      1      0        not counted
//   M1       B       04-01 00:00 (after)          1      0        not counted
//   M2       B       03-05                        4      7        passive
//   M2       B       03-06                        2      8        passive
//   —        B       03-07 (self-service order)   5      3        detractor
//   —        B       03-08                        2      0        detractor
//   M3       C       03-05, 03-06, 04-02: the complaint responses below (5, 2, 4), no recommend value
//
// M1: 4 responses, satisfied 2 → CSAT 0.5, mean 13/4 = 3.25, 3 with recommend, 2 promoters − 1 detractor → NPS 33.33.
// M2: 2, satisfied 1 → 0.5, mean 3, 2 with recommend, no promoter or detractor → NPS 0.
// M3: 2 in March, satisfied 1 → 0.5, mean 3.5, none with recommend → NPS null.
// B: 8 (M1's 4, M2's 2, 2 without a manager), satisfied 4 → 0.5, mean 26/8 = 3.25, 7 with recommend,
//    2 promoters − 3 detractors → NPS −14.29 (−100/7 = −14.2857…).

const bj = (isoLocal: string) => new Date(`${isoLocal}+08:00`);
const MARCH = { granularity: 'MONTH', date: '2025-03-18' };
const FIELDS = 'satisfactionResponses csat averageSatisfactionScore npsResponses nps';

describe.each(testDrivers())('satisfaction figures (%s)', (driver) => {
  let t: TestHost;
  let B = 0;
  let C = 0;
  const m = { M1: 0, M2: 0, M3: 0 };
  let customerId = 0;
  const db = () => t.host.runtime.database.db;

  beforeAll(async () => {
    t = await createTestHost({ driver, customers: 12 });
    const db = t.host.runtime.database.db;
    ({ B, C, M1: m.M1, M2: m.M2, M3: m.M3 } = await fixtureOrg(db, 'T-SAT', { zh: '满意度', en: 'CSAT' }, 30));
    [{ id: customerId }] = await db.select({ id: customers.id }).from(customers).orderBy(asc(customers.id)).limit(1);
    let subject = 1_000_000;
    const response = (managerId: number | null, at: string, score: number, recommend: number | null) => ({
      customerId,
      subjectType: 'ORDER',
      subjectId: (subject += 1),
      score,
      recommend,
      managerId,
      branchId: B,
      recordedBy: 'fixture',
      recordedAt: bj(at),
    });
    await db
      .insert(satisfactionResponses)
      .values([
        response(m.M1, '2025-03-01T00:00:00', 5, 10),
        response(m.M1, '2025-03-10T10:00:00', 4, 9),
        response(m.M1, '2025-03-20T10:00:00', 3, 6),
        response(m.M1, '2025-03-31T23:59:59', 1, null),
        response(m.M1, '2025-02-28T23:59:59', 1, 0),
        response(m.M1, '2025-04-01T00:00:00', 1, 0),
        response(m.M2, '2025-03-05T10:00:00', 4, 7),
        response(m.M2, '2025-03-06T10:00:00', 2, 8),
        response(null, '2025-03-07T10:00:00', 5, 3),
        response(null, '2025-03-08T10:00:00', 2, 0),
      ]);

    // Complaints of branch C filed in March 2025: two answered with the customer's feedback (5 and 2), one closed with a
    // reason, one whose feedback came only in April (not counted as of the end of March), one open.
    const complaint = (recorded: string, extra: Partial<typeof complaints.$inferInsert> = {}) => ({
      customerId,
      managerId: m.M3,
      branchId: C,
      category: 'SERVICE',
      severity: 'MEDIUM',
      description: 'fixture',
      recordedAt: bj(recorded),
      respondBy: new Date(bj(recorded).getTime() + 7 * 86_400_000),
      ...extra,
    });
    const closed = (at: string, extra: Partial<typeof complaints.$inferInsert> = {}) => ({
      status: 'FEEDBACK_GIVEN',
      handledAt: bj(at),
      feedbackAt: bj(at),
      ...extra,
    });
    const ks = await db
      .insert(complaints)
      .values([
        complaint('2025-03-02T10:00:00', closed('2025-03-05T10:00:00')),
        complaint('2025-03-03T10:00:00', closed('2025-03-06T10:00:00')),
        complaint('2025-03-04T10:00:00', closed('2025-03-07T10:00:00', { feedbackWaivedReason: '客户电话未接通' })),
        complaint('2025-03-25T10:00:00', closed('2025-04-03T10:00:00')),
        complaint('2025-03-26T10:00:00'),
      ])
      .returning({ id: complaints.id });
    const about = (k: number, at: string, score: number) => ({
      customerId,
      subjectType: 'COMPLAINT',
      subjectId: k,
      score,
      managerId: m.M3,
      branchId: C,
      recordedBy: 'fixture',
      recordedAt: bj(at),
    });
    await db
      .insert(satisfactionResponses)
      .values([about(ks[0]!.id, '2025-03-05T09:00:00', 5), about(ks[1]!.id, '2025-03-06T09:00:00', 2), about(ks[3]!.id, '2025-04-02T10:00:00', 4)]);
  }, 180_000);
  afterAll(() => t?.close());

  const kpis = (type: 'CustomerManager' | 'Branch', id: number, as: object = { role: 'HEAD_OFFICE' }) =>
    t.gql(
      `query($id: ID!, $p: KpiPeriodInput!) { node(id: $id) { ... on ${type} { kpis(period: $p) { ${FIELDS} } } } }`,
      { id: toGlobalId(type, id), p: MARCH },
      { as: as as never },
    );

  it('CSAT, mean score and NPS per manager, over the responses recorded in the period', async () => {
    expect((await kpis('CustomerManager', m.M1)).data.node.kpis).toEqual({
      satisfactionResponses: 4,
      csat: 0.5,
      averageSatisfactionScore: 3.25,
      npsResponses: 3,
      nps: 33.33,
    });
    expect((await kpis('CustomerManager', m.M2)).data.node.kpis).toEqual({
      satisfactionResponses: 2,
      csat: 0.5,
      averageSatisfactionScore: 3,
      npsResponses: 2,
      nps: 0,
    });
    expect((await kpis('CustomerManager', m.M3)).data.node.kpis).toEqual({
      satisfactionResponses: 2,
      csat: 0.5,
      averageSatisfactionScore: 3.5,
      npsResponses: 0,
      nps: null,
    });
    // A period without any response: nothing, and no rate.
    const june = await t.gql(`query($id: ID!, $p: KpiPeriodInput!) { node(id: $id) { ... on CustomerManager { kpis(period: $p) { ${FIELDS} } } } }`, {
      id: toGlobalId('CustomerManager', m.M1),
      p: { granularity: 'MONTH', date: '2025-06-01' },
    });
    expect(june.data.node.kpis).toEqual({ satisfactionResponses: 0, csat: null, averageSatisfactionScore: null, npsResponses: 0, nps: null });
  });

  it('per branch: every response attributed to it, with or without a manager', async () => {
    expect((await kpis('Branch', B)).data.node.kpis).toEqual({
      satisfactionResponses: 8,
      csat: 0.5,
      averageSatisfactionScore: 3.25,
      npsResponses: 7,
      nps: -14.29,
    });
  });

  it("under the KPIs' scope, and in the one statement of the request whatever the number of managers", async () => {
    expect((await kpis('CustomerManager', m.M1, { role: 'RELATIONSHIP_MANAGER', managerId: m.M1 })).data.node.kpis.satisfactionResponses).toBe(4);
    expect((await kpis('CustomerManager', m.M1, { role: 'RELATIONSHIP_MANAGER', managerId: m.M2 })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await kpis('Branch', B, { role: 'BRANCH_MANAGER', branchId: C })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await kpis('Branch', B, { role: 'AUDITOR' })).data.node.kpis.satisfactionResponses).toBe(8);
    const Q = (ids: number[]) =>
      `query($p: KpiPeriodInput!) { ${ids.map((id, i) => `m${i}: node(id: "${toGlobalId('CustomerManager', id)}") { ... on CustomerManager { kpis(period: $p) { ${FIELDS} } } }`).join(' ')} }`;
    const one = await t.gql(Q([m.M1]), { p: MARCH });
    const three = await t.gql(Q([m.M1, m.M2, m.M3]), { p: MARCH });
    expect(three.errors).toBeUndefined();
    expect(three.data.m1.kpis.satisfactionResponses).toBe(2);
    expect(three.statements).toBe(one.statements); // the managers are one look-up, their KPIs one statement
  });

  it('the complaint analysis: CSAT of complaint handling and the complaints closed without feedback, as of the end of the period', async () => {
    const r = await t.gql(
      `query($p: KpiPeriodInput!) { complaintStats(groupBy: BRANCH, period: $p) { key count open satisfactionResponses csat averageSatisfactionScore feedbackWaived } }`,
      { p: MARCH },
    );
    expect(r.errors).toBeUndefined();
    const c = r.data.complaintStats.find((x: any) => x.key === toGlobalId('Branch', C));
    expect(c).toEqual({
      key: toGlobalId('Branch', C),
      count: 5,
      open: 2,
      satisfactionResponses: 2,
      csat: 0.5,
      averageSatisfactionScore: 3.5,
      feedbackWaived: 1,
    });
    // Over April 2025 nothing of March is counted (complaints are those filed in the period).
    const april = await t.gql(`query($p: KpiPeriodInput!) { complaintStats(groupBy: MANAGER, period: $p) { key count } }`, {
      p: { granularity: 'MONTH', date: '2025-04-10' },
    });
    expect(april.data.complaintStats.find((x: any) => x.key === toGlobalId('CustomerManager', m.M3))).toBeUndefined();
  });

  it("the demo server's seed surveys the orders it has: the mis-selling case's sale gets the customer's response", async () => {
    const orderId = (await seedMisSellingCase(t.host, DEFAULT_NOW)) === null ? null : (await db().select().from(orders).orderBy(desc(orders.id)).limit(1))[0]!;
    expect(orderId).not.toBeNull();
    const before = await db().select().from(satisfactionResponses).where(eq(satisfactionResponses.subjectType, 'ORDER'));
    await seedSatisfaction(t.host.runtime, DEFAULT_NOW);
    const [r] = await db()
      .select()
      .from(satisfactionResponses)
      .where(and(eq(satisfactionResponses.subjectType, 'ORDER'), eq(satisfactionResponses.subjectId, orderId!.id)));
    expect(before.some((x) => x.subjectId === orderId!.id)).toBe(false);
    expect(r).toMatchObject({ customerId: orderId!.customerId, recordedBy: 'seed' });
    expect(r!.recordedAt.getTime()).toBeGreaterThan(orderId!.placedAt.getTime());
    expect(r!.recordedAt.getTime()).toBeLessThan(DEFAULT_NOW.getTime());
  });
});
