import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_NOW } from '../../src/seed/core-demo.js';
import { testDrivers } from '../support/databases.js';
import { createTestHost, type TestHost } from '../support/test-host.js';

// The demo bank's workbench: every manager's queue at once, and the statements a
// page of customers with activity and contact plans costs.
describe.each(testDrivers())('the demo bank workbench (%s)', (driver) => {
  let t: TestHost;
  beforeAll(async () => {
    t = await createTestHost({ driver, customers: 120 });
  });
  afterAll(() => t?.close());

  it('has work to show on the demo day: overdue and due contacts, reactivations, expiring and expired assessments, complaints, maturing deposits, customers near the next tier, unassigned customers, new and overdue leads', async () => {
    // The seed is anchored at DEFAULT_NOW: read the workbench on that day (test clock), so the figures hold whenever the test runs.
    const r = await t.gql(
      `{ managers(first: 100) { edges { node { workQueue(first: 100) { edges { node { kind priority dueAt } } } } } } }`,
      {},
      { headers: { 'x-finmart-now': DEFAULT_NOW.toISOString() } },
    );
    expect(r.errors).toBeUndefined();
    const kinds = new Map<string, number>();
    for (const e of r.data.managers.edges) {
      const items = e.node.workQueue.edges.map((x: any) => x.node);
      for (const i of items) kinds.set(i.kind, (kinds.get(i.kind) ?? 0) + 1);
      // Ranked: priority never rises down the list; within a priority, due dates never go back.
      for (let k = 1; k < items.length; k++) {
        expect(items[k].priority).toBeLessThanOrEqual(items[k - 1].priority);
        if (items[k].priority === items[k - 1].priority) expect(Date.parse(items[k].dueAt)).toBeGreaterThanOrEqual(Date.parse(items[k - 1].dueAt));
      }
    }
    for (const k of [
      'CONTACT_OVERDUE',
      'CONTACT_DUE',
      'DORMANT_REACTIVATION',
      'RISK_ASSESSMENT_EXPIRING',
      'RISK_ASSESSMENT_EXPIRED',
      'COMPLAINT_OPEN',
      'PRODUCT_MATURING',
      'NEAR_NEXT_TIER',
      'UNASSIGNED',
      'LEAD_NEW',
      'LEAD_FEEDBACK_OVERDUE',
    ])
      expect(kinds.get(k) ?? 0, k).toBeGreaterThan(0);
  });

  it("has KPIs with a past: every branch's last month and this month compare the seeded closes, with growth, due contacts and retention", async () => {
    const Q = `query($p: KpiPeriodInput!) { branches { code kpis(period: $p) { startClosedOn endClosedOn customersAtStart customersAtEnd retentionRate aumGrowth { amount } contactsDue contactPlanCoverage coverageAverage } } }`;
    const at = { headers: { 'x-finmart-now': DEFAULT_NOW.toISOString() } };
    const october = await t.gql(Q, { p: { granularity: 'MONTH', date: '2026-10-15' } }, at);
    const november = await t.gql(Q, { p: { granularity: 'MONTH', date: '2026-11-23' } }, at);
    expect(october.errors).toBeUndefined();
    expect(november.errors).toBeUndefined();
    expect(october.data.branches).toHaveLength(4);
    for (const b of october.data.branches) {
      expect([b.kpis.startClosedOn, b.kpis.endClosedOn]).toEqual(['2026-09-30', '2026-10-31']);
      expect(b.kpis.customersAtEnd).toBeGreaterThan(0);
      expect(b.kpis.retentionRate).toBe(1);
      expect(b.kpis.coverageAverage).toBeGreaterThan(0);
    }
    const sum = (f: (k: any) => number) => october.data.branches.reduce((n: number, b: any) => n + f(b.kpis), 0);
    expect(sum((k) => Number(k.aumGrowth.amount))).toBeGreaterThan(0);
    expect(sum((k) => k.contactsDue)).toBeGreaterThan(0);
    for (const b of november.data.branches) expect([b.kpis.startClosedOn, b.kpis.endClosedOn]).toEqual(['2026-10-31', null]);
  });

  it('a roster page of every manager with their queues costs what one manager does', async () => {
    const Q = `query($first: Int!) { managers(first: $first) { edges { node { id workQueue(first: 20) { totalCount edges { node { kind customer { id name tier activity contactPlan { nextDueAt } } } } } } } } }`;
    const one = await t.gql(Q, { first: 1 });
    const all = await t.gql(Q, { first: 100 });
    expect(one.errors).toBeUndefined();
    expect(all.errors).toBeUndefined();
    expect(all.data.managers.edges.length).toBeGreaterThanOrEqual(16);
    expect(all.data.managers.edges.filter((e: any) => e.node.workQueue.edges.length > 0).length).toBeGreaterThan(1);
    expect(all.statements).toBe(one.statements);
    // Roster, queue items, their customers (with holdings for the tier), queue counts, the audit insert.
    expect(all.statements).toBe(5);
  });

  it('has customers of every activity class on the demo day', async () => {
    const r = await t.gql(`{ customers(first: 100) { edges { node { activity } } } }`, {}, { headers: { 'x-finmart-now': DEFAULT_NOW.toISOString() } });
    const seen = new Set(r.data.customers.edges.map((e: any) => e.node.activity));
    expect([...seen].sort()).toEqual(['DORMANT', 'FREQUENT', 'OCCASIONAL']);
  });

  it('a page of customers with activity and contact plans costs one statement (plus the audit insert), 1 or 50 customers', async () => {
    const Q = `query($first: Int!) { customers(first: $first) { edges { node { id activity contactPlan { cadenceDays lastReachedAt nextDueAt overdue } } } } }`;
    const one = await t.gql(Q, { first: 1 });
    const many = await t.gql(Q, { first: 50 });
    expect(one.errors).toBeUndefined();
    expect(many.data.customers.edges).toHaveLength(50);
    expect(many.statements).toBe(one.statements);
    expect(many.statements).toBe(2);
  });
});
