import { fixtureOrg } from './fixture-org.js';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingDay, closeDay } from '../../src/domain/kpis/day-close.js';
import { revalueCustomers } from '../../src/domain/holdings/revalue.js';
import { complaints, contacts, customerDayCloses, customers, holdings, leadEvents, leads, orders, products } from '../../src/db/schema/index.js';
import { toGlobalId } from '../../src/graphql/relay/global-id.js';
import { testDrivers } from '../support/databases.js';
import { createTestHost, type TestHost } from '../support/test-host.js';
import { fixtureCustomerFacts } from './fixture-customer.js';

// Issue 11, KPIs (考核): March 2025 on a fixture whose closes (日终) are written by hand, so
// every figure below is computed by hand from the table in the comment.
//
// Branch B: managers M1, M2. Branch C: M3. Closes: 2025-02-20 (older, ignored), 2025-02-28 (the
// start book), 2025-03-15 (ignored: not the last), 2025-03-31 (the end book).
//
//   customer  start (02-28)          end (03-31)                      contacts reached                 other
//   a         M1/B 100,000 GOLD      M1/B 120,000 GOLD, 2 lines, 30d  02-20, 03-22 10:00 (+ NO_ANSWER 03-21)
//   b         M1/B  50,000           M2/B  55,000, 1 line, 14d         02-25, 03-13
//   c         —                      M1/B 7,000,000 PB, 1 line, 90d   none (opened 03-10)               FUNDS order by M1
//   d         M1/B 200,000           M3/C 210,000, 1 line, 30d         2024-06-01
//   e         M3/C 3,000,000 DIAMOND M3/C 3,000,000 DIAMOND, 3, 21d    03-05
//
// Due contacts in March: a 03-22 (02-20 + 30, met 03-22: on time); b 03-11 (02-25 + 14, met 03-13:
// late) and 03-27 (03-13 + 14, missed, overdue at the end); c 03-10 (never reached: due when opened,
// missed, overdue); d none due in March (overdue since long before); e 03-26 (03-05 + 21, missed).

const DAY = 86_400_000;
/** A Beijing wall-clock time as an instant. */
const bj = (isoLocal: string) => new Date(`${isoLocal}+08:00`);

const KPI_FIELDS = `firstDay lastDay startClosedOn endClosedOn asOf customersAtStart customersAtEnd newCustomers lostCustomers retentionRate
  aumAtStart { amount currency } aum { amount } aumGrowth { amount } aumGrowthRate coverageAverage
  contactsDue contactsOnTime contactPlanCoverage contactsOverdue salesByLine { line count amount { amount currency } }
  complaints complaintsPer1000 highValueCustomersServed leadsAssigned leadsConverted leadConversionRate averageDaysToConvert`;
const MARCH = { granularity: 'MONTH', date: '2025-03-18' };

describe.each(testDrivers())('KPIs of managers and branches (%s)', (driver) => {
  let t: TestHost;
  let B = 0;
  let C = 0;
  const m = { M1: 0, M2: 0, M3: 0 };
  const c = { a: 0, b: 0, c: 0, d: 0, e: 0 };
  const HO = { role: 'HEAD_OFFICE' } as const;

  const managerKpis = (as: object, managerId: number, period: object = MARCH) =>
    t.gql(
      `query($id: ID!, $p: KpiPeriodInput!) { node(id: $id) { ... on CustomerManager { kpis(period: $p) { ${KPI_FIELDS} } } } }`,
      { id: toGlobalId('CustomerManager', managerId), p: period },
      { as: as as never },
    );
  const branchKpis = (as: object, branchId: number, period: object = MARCH) =>
    t.gql(
      `query($id: ID!, $p: KpiPeriodInput!) { node(id: $id) { ... on Branch { kpis(period: $p) { ${KPI_FIELDS} } } } }`,
      { id: toGlobalId('Branch', branchId), p: period },
      { as: as as never },
    );

  beforeAll(async () => {
    t = await createTestHost({ driver, customers: 12 });
    const db = t.host.runtime.database.db;
    ({ B, C, M1: m.M1, M2: m.M2, M3: m.M3 } = await fixtureOrg(db, 'T-KPI', { zh: '考核', en: 'KPI' }, 20));
    // The live rows agree with the end book.
    const live: [keyof typeof c, number, number, string, Date][] = [
      ['a', m.M1, B, '120000', bj('2024-01-01T09:00:00')],
      ['b', m.M2, B, '55000', bj('2024-01-01T09:00:00')],
      ['c', m.M1, B, '7000000', bj('2025-03-10T09:00:00')],
      ['d', m.M3, C, '210000', bj('2024-01-01T09:00:00')],
      ['e', m.M3, C, '3000000', bj('2024-01-01T09:00:00')],
    ];
    let n = 0;
    for (const [key, managerId, branchId, assetsCny, createdAt] of live) {
      n += 1;
      const [row] = await db
        .insert(customers)
        .values({
          ...fixtureCustomerFacts,
          name: `考核${key}`,
          idNumber: `11010119800101${String(2000 + n)}`,
          phone: `1381000${String(1000 + n)}`,
          managerId,
          branchId,
          assetsCny,
          createdAt,
        })
        .returning({ id: customers.id });
      c[key] = row.id;
    }
    const close = (
      day: string,
      customerId: number,
      managerId: number,
      branchId: number,
      tier: string,
      assetsCny: string,
      linesHeld: number,
      cadenceDays: number,
    ) => ({
      day,
      customerId,
      managerId,
      branchId,
      tier,
      assetsCny,
      linesHeld,
      cadenceDays,
      closedAt: bj(`${day}T23:00:00`),
    });
    await db.insert(customerDayCloses).values([
      // An older close and a mid-period one: neither is a book the KPIs compare.
      close('2025-02-20', c.a, m.M2, B, 'GOLD', '1', 0, 30),
      close('2025-03-15', c.a, m.M2, B, 'GOLD', '1', 0, 30),
      close('2025-02-28', c.a, m.M1, B, 'GOLD', '100000', 2, 30),
      close('2025-02-28', c.b, m.M1, B, 'GOLD', '50000', 1, 14),
      close('2025-02-28', c.d, m.M1, B, 'PLATINUM', '200000', 1, 30),
      close('2025-02-28', c.e, m.M3, C, 'DIAMOND', '3000000', 3, 21),
      close('2025-03-31', c.a, m.M1, B, 'GOLD', '120000', 2, 30),
      close('2025-03-31', c.b, m.M2, B, 'GOLD', '55000', 1, 14),
      close('2025-03-31', c.c, m.M1, B, 'PRIVATE_BANKING', '7000000', 1, 90),
      close('2025-03-31', c.d, m.M3, C, 'PLATINUM', '210000', 1, 30),
      close('2025-03-31', c.e, m.M3, C, 'DIAMOND', '3000000', 3, 21),
    ]);
    const contact = (customerId: number, at: string, outcome = 'REACHED') => ({ customerId, channel: 'PHONE', occurredAt: bj(at), summary: 't', outcome });
    await db.insert(contacts).values([
      contact(c.a, '2025-02-20T10:00:00'),
      contact(c.a, '2025-03-21T10:00:00', 'NO_ANSWER'),
      contact(c.a, '2025-03-22T10:00:00'),
      contact(c.b, '2025-02-25T10:00:00'),
      contact(c.b, '2025-03-13T10:00:00', 'FOLLOW_UP'),
      contact(c.e, '2025-03-05T10:00:00'),
      // More than one cadence (30 d) before March: due long before it, as if never reached (the look-up of the
      // last reach before a period reads one cadence back — partitions of older months are not read).
      contact(c.d, '2024-06-01T10:00:00'),
    ]);
    const [p] = await db.select({ id: products.id }).from(products).limit(1);
    const order = (customerId: number, line: string, amount: string, at: string, seller: [number | null, number | null], status = 'SETTLED') => ({
      customerId,
      productId: p.id,
      line,
      amount,
      currency: 'CNY',
      quantity: '1',
      channel: 'COUNTER',
      initiator: 'STAFF',
      status,
      decisionId: 0,
      placedBy: 'test',
      placedAt: bj(at),
      sellerManagerId: seller[0],
      sellerBranchId: seller[1],
    });
    await db.insert(orders).values([
      order(c.c, 'FUNDS', '10000', '2025-03-12T11:00:00', [m.M1, B]),
      order(c.a, 'FUNDS', '99999', '2025-03-12T12:00:00', [m.M1, B], 'CANCELLED'),
      order(c.b, 'GOLD', '5000.5', '2025-03-20T11:00:00', [m.M2, B]),
      order(c.a, 'INSURANCE', '2000', '2025-03-25T11:00:00', [null, B]),
      order(c.a, 'FUNDS', '7777', '2025-04-01T00:00:00', [m.M1, B]), // the first instant of April: outside
    ]);
    const complaint = (customerId: number, managerId: number, branchId: number, at: string) => ({
      customerId,
      managerId,
      branchId,
      category: 'SERVICE',
      description: 't',
      recordedAt: bj(at),
      respondBy: new Date(bj(at).getTime() + DAY),
    });
    await db.insert(complaints).values([complaint(c.a, m.M1, B, '2025-03-15T10:00:00'), complaint(c.e, m.M3, C, '2025-02-27T10:00:00')]);
    // Leads of M1 (branch B): X collected 03-01, claimed 03-05, converted 03-20 (19 days); Y collected 02-01, claimed 02-03,
    // converted 03-10 (37 days); Z claimed 02-10 and still open. March: 1 assigned, 2 converted, rate 2, 28 days on average.
    const lead = (name: string, created: string, stage: string, converted: string | null) => ({
      source: 'CAMPAIGN',
      prospectKind: 'PERSON',
      prospectName: name,
      industry: 'MANUFACTURING',
      district: 'X',
      latitude: '30',
      longitude: '120',
      estimatedValue: '100000',
      stage,
      branchId: B,
      managerId: m.M1,
      customerId: converted ? c.c : null,
      convertedAt: converted ? bj(converted) : null,
      createdBy: 'test',
      createdAt: bj(created),
    });
    const [x, y, z] = await db
      .insert(leads)
      .values([
        lead('X', '2025-03-01T10:00:00', 'CONVERTED', '2025-03-20T10:00:00'),
        lead('Y', '2025-02-01T10:00:00', 'CONVERTED', '2025-03-10T10:00:00'),
        lead('Z', '2025-02-10T10:00:00', 'DISTRIBUTED', null),
      ])
      .returning({ id: leads.id });
    const event = (leadId: number, toStage: string, at: string) => ({
      leadId,
      fromStage: 'COLLECTED',
      toStage,
      managerId: m.M1,
      branchId: B,
      actor: 'test',
      reason: 't',
      at: bj(at),
    });
    await db
      .insert(leadEvents)
      .values([
        event(x!.id, 'DISTRIBUTED', '2025-03-05T10:00:00'),
        event(x!.id, 'CONVERTED', '2025-03-20T10:00:00'),
        event(y!.id, 'DISTRIBUTED', '2025-02-03T10:00:00'),
        event(y!.id, 'CONVERTED', '2025-03-10T10:00:00'),
        event(z!.id, 'DISTRIBUTED', '2025-02-10T10:00:00'),
      ]);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it("computes a manager's KPIs from the two closes and the period's flows (M1)", async () => {
    const r = await managerKpis(HO, m.M1);
    expect(r.errors).toBeUndefined();
    expect(r.data.node.kpis).toEqual({
      firstDay: '2025-03-01',
      lastDay: '2025-03-31',
      startClosedOn: '2025-02-28',
      endClosedOn: '2025-03-31',
      asOf: '2025-03-31T16:00:00.000Z',
      customersAtStart: 3,
      customersAtEnd: 2,
      newCustomers: 1,
      lostCustomers: 2,
      retentionRate: 0.3333,
      aumAtStart: { amount: '350000', currency: 'CNY' },
      aum: { amount: '7120000' },
      aumGrowth: { amount: '6770000' },
      aumGrowthRate: 19.3429,
      coverageAverage: 1.5,
      contactsDue: 2,
      contactsOnTime: 1,
      contactPlanCoverage: 0.5,
      contactsOverdue: 1,
      salesByLine: [{ line: 'FUNDS', count: 1, amount: { amount: '10000', currency: 'CNY' } }],
      complaints: 1,
      complaintsPer1000: 500,
      highValueCustomersServed: 1,
      leadsAssigned: 1,
      leadsConverted: 2,
      leadConversionRate: 2,
      averageDaysToConvert: 28,
    });
  });

  it('counts a reassigned customer as lost by one manager and new to the other, with its contacts (M2)', async () => {
    const k = (await managerKpis(HO, m.M2)).data.node.kpis;
    expect(k).toMatchObject({
      customersAtStart: 0,
      customersAtEnd: 1,
      newCustomers: 1,
      lostCustomers: 0,
      retentionRate: null,
      aumAtStart: { amount: '0' },
      aum: { amount: '55000' },
      aumGrowthRate: null,
      coverageAverage: 1,
      contactsDue: 2,
      contactsOnTime: 0,
      contactPlanCoverage: 0,
      contactsOverdue: 1,
      salesByLine: [{ line: 'GOLD', count: 1, amount: { amount: '5000.5' } }],
      complaints: 0,
      complaintsPer1000: 0,
      highValueCustomersServed: 0,
      leadsAssigned: 0,
      leadsConverted: 0,
      leadConversionRate: null,
      averageDaysToConvert: null,
    });
  });

  it("computes a branch's KPIs over its customers, with its branch manager's sales (B and C)", async () => {
    const b = (await branchKpis(HO, B)).data.node.kpis;
    expect(b).toMatchObject({
      customersAtStart: 3,
      customersAtEnd: 3,
      newCustomers: 1,
      lostCustomers: 1,
      retentionRate: 0.6667,
      aumAtStart: { amount: '350000' },
      aum: { amount: '7175000' },
      aumGrowth: { amount: '6825000' },
      aumGrowthRate: 19.5,
      coverageAverage: 1.33,
      contactsDue: 4,
      contactsOnTime: 1,
      contactPlanCoverage: 0.25,
      contactsOverdue: 2,
      complaints: 1,
      complaintsPer1000: 333.33,
      highValueCustomersServed: 1,
      leadsAssigned: 1,
      leadsConverted: 2,
    });
    expect(b.salesByLine.map((s: any) => [s.line, s.count, s.amount.amount])).toEqual([
      ['FUNDS', 1, '10000'],
      ['GOLD', 1, '5000.5'],
      ['INSURANCE', 1, '2000'],
    ]);
    const cK = (await branchKpis(HO, C)).data.node.kpis;
    expect(cK).toMatchObject({
      customersAtStart: 1,
      customersAtEnd: 2,
      newCustomers: 1,
      lostCustomers: 0,
      retentionRate: 1,
      aum: { amount: '3210000' },
      aumGrowth: { amount: '210000' },
      aumGrowthRate: 0.07,
      coverageAverage: 2,
      contactsDue: 1,
      contactsOnTime: 0,
      contactsOverdue: 2,
      complaints: 0,
      salesByLine: [],
      highValueCustomersServed: 1,
    });
  });

  it('answers every manager of a branch in one statement, for 1 or 3 managers alike', async () => {
    const q = `query($b: ID!, $p: KpiPeriodInput!) { managers(filter: { branchId: $b }) { edges { node { code kpis(period: $p) { customersAtEnd aum { amount } salesByLine { line } } } } } }`;
    const one = await t.gql(
      `query($id: ID!, $p: KpiPeriodInput!) { node(id: $id) { ... on CustomerManager { code kpis(period: $p) { customersAtEnd aum { amount } salesByLine { line } } } } }`,
      { id: toGlobalId('CustomerManager', m.M1), p: MARCH },
      { as: HO },
    );
    const all = await t.gql(q, { b: toGlobalId('Branch', B), p: MARCH }, { as: HO });
    expect(all.errors).toBeUndefined();
    expect(all.data.managers.edges.map((e: any) => [e.node.code, e.node.kpis.customersAtEnd])).toEqual([
      ['T-KPI-M1', 2],
      ['T-KPI-M2', 1],
    ]);
    // node(id) is one statement and the KPIs one more; the roster page is one, and the KPIs of all its managers one.
    expect(one.statements).toBe(2);
    expect(all.statements).toBe(2);
  });

  it('reads the live books for a period that has not ended', async () => {
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const k = (await managerKpis(HO, m.M1, { granularity: 'YEAR', date: today })).data.node.kpis;
    expect(k.endClosedOn).toBeNull();
    expect(k.customersAtEnd).toBe(2);
    expect(k.aum.amount).toBe('7120000');
    // The start book (the seed's closes, before the fixture existed) has neither customer.
    expect(k.newCustomers).toBe(2);
    expect(Date.now() - Date.parse(k.asOf)).toBeLessThan(60_000);
  });

  it('scopes KPIs by role: own, branch, all; partners none', async () => {
    const RM1 = { role: 'RELATIONSHIP_MANAGER', managerId: m.M1 };
    const BM_B = { role: 'BRANCH_MANAGER', branchId: B };
    const code = (r: any) => r.errors?.[0]?.extensions?.code;
    expect((await managerKpis(RM1, m.M1)).data.node.kpis.customersAtEnd).toBe(2);
    // Another manager is outside a manager's roster: not found as a node, and so no KPIs.
    expect((await managerKpis(RM1, m.M2)).data?.node ?? null).toBeNull();
    expect(code(await branchKpis(RM1, B))).toBe('FORBIDDEN');
    expect((await managerKpis(BM_B, m.M2)).data.node.kpis.customersAtEnd).toBe(1);
    expect((await branchKpis(BM_B, B)).data.node.kpis.customersAtEnd).toBe(3);
    expect(code(await branchKpis(BM_B, C))).toBe('FORBIDDEN');
    expect((await managerKpis(BM_B, m.M3)).data?.node ?? null).toBeNull();
    expect((await branchKpis({ role: 'AUDITOR' }, C)).data.node.kpis.customersAtEnd).toBe(2);
    // Partners see no branch at all.
    expect((await branchKpis({ role: 'PARTNER', partnerCode: 'funds' }, B)).data?.node ?? null).toBeNull();
    expect(code(await t.gql('{ branches { code } }', {}, { as: { role: 'PARTNER', partnerCode: 'funds' } as never }))).toBe('FORBIDDEN');
    expect((await t.gql('{ branches { code } }', {}, { as: BM_B as never })).data.branches).toEqual([{ code: 'T-KPI-B' }]);
    expect((await t.gql('{ branches { code } }', {}, { as: RM1 as never })).data.branches).toEqual([{ code: 'T-KPI-B' }]);
  });

  it("takes the close of today from the live books: the fields' tier and cadence, re-runnable, today or yesterday only", async () => {
    const runtime = t.host.runtime;
    // a holds two lines open and a third closed.
    const lines = await runtime.database.db
      .selectDistinctOn([products.line], { id: products.id, line: products.line })
      .from(products)
      .orderBy(products.line)
      .limit(3);
    expect(lines).toHaveLength(3);
    const position = (productId: number, status: string) => ({
      customerId: c.a,
      productId,
      quantity: '1',
      costAmount: '1',
      costCurrency: 'CNY',
      status,
      openedAt: new Date(),
    });
    await runtime.database.db
      .insert(holdings)
      .values([position(lines[0].id, 'ACTIVE'), position(lines[0].id, 'PENDING'), position(lines[1].id, 'PENDING'), position(lines[2].id, 'CLOSED')]);
    // As orders and prices do: the asset snapshot follows the positions.
    await revalueCustomers(runtime, Object.values(c));
    const now = new Date();
    const today = beijingDay(now);
    const first = await closeDay(runtime, now);
    expect(first).toBeGreaterThanOrEqual(17);
    // Re-running replaces the day's rows: the same count, no duplicates.
    expect(await closeDay(runtime, now)).toBe(first);
    await expect(closeDay(runtime, now, '2025-03-31')).rejects.toThrow(/today .* or yesterday/);
    const ids = Object.values(c);
    const rows = await runtime.database.db
      .select()
      .from(customerDayCloses)
      .where(and(eq(customerDayCloses.day, today), inArray(customerDayCloses.customerId, ids)));
    for (const id of ids) {
      const api = await t.gql(
        `query($id: ID!) { node(id: $id) { ... on Customer { id tier contactPlan { cadenceDays } holdings(first: 50) { edges { node { status product { line } } } } manager { id } } } }`,
        { id: toGlobalId('Customer', id) },
      );
      expect(api.errors).toBeUndefined();
      const node = api.data.node;
      const row = rows.find((r) => toGlobalId('Customer', r.customerId) === node.id)!;
      expect([row.tier, row.cadenceDays, row.linesHeld, row.managerId && toGlobalId('CustomerManager', row.managerId)]).toEqual([
        node.tier,
        node.contactPlan.cadenceDays,
        new Set(node.holdings.edges.filter((e: any) => e.node.status !== 'CLOSED').map((e: any) => e.node.product.line)).size,
        node.manager.id,
      ]);
    }
    await runtime.database.db.delete(customerDayCloses).where(eq(customerDayCloses.day, today));
  });

  it('refuses a period date that is not a date, before any statement runs', async () => {
    const r = await managerKpis(HO, m.M1, { granularity: 'MONTH', date: '2025-02-30' });
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.statements).toBe(0);
  });
});
