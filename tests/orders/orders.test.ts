import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../support/databases.js';
import { createTestHost, type TestHost } from '../support/test-host.js';
import { nonFxLines, countRows, customerRow, findCandidate, orderInput, PLACE, productsWhere, type Candidate } from './support.js';

const key = () => `k-${randomUUID()}`;
const HOUR = 3_600_000;

describe.each(testDrivers())('orders on %s', (driver) => {
  let t: TestHost;
  beforeAll(async () => {
    t = await createTestHost({ driver, customers: 80, plugins: nonFxLines });
  }, 180_000);
  afterAll(() => t?.close());

  const ordersOf = (customerKey: number) => countRows(t, sql`select count(*) as n from orders where customer_id = ${customerKey}`);
  const refusalsOf = (customerKey: number) =>
    countRows(t, sql`select count(*) as n from suitability_decisions where customer_id = ${customerKey} and purpose = 'ORDER_REFUSED'`);
  /** Priced products settling at once (fund shares, gold). */
  const immediate = () => productsWhere(t, (p) => p.coolingOffHours === 0 && p.unitPrice !== null && p.line !== 'FOREX');

  it('accepts a suitable order: settled at once, decision recorded, position and last activity updated', async () => {
    const c = await findCandidate(t, await immediate(), (d) => d.outcome === 'ALLOW' || d.outcome === 'WARN');
    const before = await ordersOf(c.customerKey);
    const res = await t.gql(PLACE, { input: orderInput(c, key()) });
    expect(res.errors).toBeUndefined();
    const o = res.data.placeOrder;
    expect(o.status).toBe('SETTLED');
    expect(o.holding.status).toBe('ACTIVE');
    expect(o.decision.outcome).toBe(c.decision.outcome);
    expect(Object.keys(o.decision.ruleVersions).length).toBeGreaterThan(0);
    expect(Number(o.quantity)).toBeGreaterThan(0);
    expect(await ordersOf(c.customerKey)).toBe(before + 1);
    const row = await customerRow(t, c.customerKey);
    expect(Math.abs(row.lastActivityAt!.getTime() - Date.now())).toBeLessThan(120_000);
    const stored = await countRows(t, sql`select count(*) as n from suitability_decisions where customer_id = ${c.customerKey} and purpose = 'ORDER'`);
    expect(stored).toBeGreaterThanOrEqual(1);
  });

  it('refuses a blocked order with the reasons and records the attempt; a replay gives the same error', async () => {
    const c = await findCandidate(t, await immediate(), (d) => d.outcome === 'BLOCK');
    const [orders0, refusals0] = [await ordersOf(c.customerKey), await refusalsOf(c.customerKey)];
    const input = orderInput(c, key());
    const res = await t.gql(PLACE, { input }, { lang: 'en' });
    expect(res.errors?.[0].extensions?.code).toBe('SUITABILITY_BLOCKED');
    const reasons = res.errors![0].extensions!.reasons as { outcome: string; message: string }[];
    expect(reasons.some((r) => r.outcome === 'BLOCK')).toBe(true);
    expect(await ordersOf(c.customerKey)).toBe(orders0);
    expect(await refusalsOf(c.customerKey)).toBe(refusals0 + 1);
    const again = await t.gql(PLACE, { input }, { lang: 'en' });
    expect(again.errors?.[0].extensions?.code).toBe('SUITABILITY_BLOCKED');
    expect(again.errors?.[0].extensions?.decisionId).toBe(res.errors![0].extensions!.decisionId);
    expect(await refusalsOf(c.customerKey)).toBe(refusals0 + 1);
  });

  it('asks for missing steps, then accepts once they are recorded', async () => {
    const all = await productsWhere(t, (p) => p.line !== 'FOREX');
    const c = await findCandidate(t, all, (d) => d.outcome === 'REQUIRE' && d.missingSteps.length > 0);
    const refusals0 = await refusalsOf(c.customerKey);
    const missing = await t.gql(PLACE, { input: orderInput(c, key(), { completedSteps: [] }) });
    expect(missing.errors?.[0].extensions?.code).toBe('SUITABILITY_STEPS_REQUIRED');
    expect(missing.errors![0].extensions!.missingSteps).toEqual(expect.arrayContaining(c.decision.missingSteps));
    expect(await refusalsOf(c.customerKey)).toBe(refusals0 + 1);
    const done = await t.gql(PLACE, { input: orderInput(c, key(), { completedSteps: c.decision.requiredSteps }) });
    expect(done.errors).toBeUndefined();
    expect(done.data.placeOrder.decision.missingSteps).toEqual([]);
    expect(['PENDING', 'SETTLED']).toContain(done.data.placeOrder.status);
  });

  describe('cooling-off', () => {
    let c: Candidate;
    beforeAll(async () => {
      c = await findCandidate(t, await productsWhere(t, (p) => p.coolingOffHours > 0), (d) => d.outcome !== 'BLOCK');
    });

    it('waits in its cooling-off period, then settles', async () => {
      const res = await t.gql(PLACE, { input: orderInput(c, key()) });
      expect(res.errors).toBeUndefined();
      const o = res.data.placeOrder;
      expect(o.status).toBe('PENDING');
      expect(o.holding.status).toBe('PENDING');
      const ends = new Date(o.coolingOffEndsAt).getTime();
      expect(ends - Date.now()).toBeGreaterThan(c.product.coolingOffHours * HOUR - 120_000);
      // Before the end nothing settles; after it, operations settle it.
      const early = await t.gql(`mutation { settleDueOrders }`, {}, { headers: { 'x-finmart-now': new Date(ends - 60_000).toISOString() } });
      expect(early.errors).toBeUndefined();
      const q = `query($id: ID!) { node(id: $id) { ... on Order { status settledAt holding { status } } } }`;
      expect((await t.gql(q, { id: o.id })).data.node.status).toBe('PENDING');
      const late = await t.gql(`mutation { settleDueOrders }`, {}, { headers: { 'x-finmart-now': new Date(ends + 60_000).toISOString() } });
      expect(late.data.settleDueOrders).toBeGreaterThanOrEqual(1);
      const after = (await t.gql(q, { id: o.id })).data.node;
      expect(after.status).toBe('SETTLED');
      expect(after.holding.status).toBe('ACTIVE');
      // A settled order can no longer be cancelled.
      const cancel = await t.gql(
        `mutation($id: ID!) { cancelOrder(orderId: $id, reason: "changed mind") { id } }`,
        { id: o.id },
        {
          headers: { 'x-finmart-now': new Date(ends + 120_000).toISOString() },
        },
      );
      expect(cancel.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('is cancelled in full within the period: refund, position removed, second cancel conflicts', async () => {
      const res = await t.gql(PLACE, { input: orderInput(c, key()) });
      const o = res.data.placeOrder;
      const cancel = `mutation($id: ID!) { cancelOrder(orderId: $id, reason: "客户冷静期内撤单") { status refund { amount currency } cancelledAt holding { status } } }`;
      const done = await t.gql(cancel, { id: o.id });
      expect(done.errors).toBeUndefined();
      expect(done.data.cancelOrder.status).toBe('CANCELLED');
      expect(Number(done.data.cancelOrder.refund.amount)).toBe(Number(o.amount.amount));
      expect(done.data.cancelOrder.holding.status).toBe('CLOSED');
      const holdings = await t.gql(`query($id: ID!) { customer(id: $id) { holdings(first: 100) { edges { node { id } } } } }`, { id: c.customerId });
      expect(holdings.data.customer.holdings.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(o.holding.id);
      const twice = await t.gql(cancel, { id: o.id });
      expect(twice.errors?.[0].extensions?.code).toBe('CONFLICT');
    });
  });

  describe('idempotency', () => {
    let c: Candidate;
    beforeAll(async () => {
      c = await findCandidate(t, await immediate(), (d) => d.outcome !== 'BLOCK');
    });

    it('replays the first result for the same key and input', async () => {
      const input = orderInput(c, key());
      const before = await ordersOf(c.customerKey);
      const first = await t.gql(PLACE, { input });
      const second = await t.gql(PLACE, { input });
      expect(first.errors).toBeUndefined();
      expect(second.data).toEqual(first.data);
      expect(await ordersOf(c.customerKey)).toBe(before + 1);
    });

    it('refuses the same key with another input', async () => {
      const input = orderInput(c, key());
      await t.gql(PLACE, { input });
      const other = await t.gql(PLACE, { input: { ...input, amount: String(Number(input.amount) * 2) } });
      expect(other.errors?.[0].extensions?.code).toBe('IDEMPOTENCY_KEY_REUSED');
    });

    it('executes concurrent duplicates once', async () => {
      const input = orderInput(c, key());
      const before = await ordersOf(c.customerKey);
      const results = await Promise.all(Array.from({ length: 5 }, () => t.gql(PLACE, { input })));
      for (const r of results) expect(r.errors).toBeUndefined();
      expect(new Set(results.map((r) => r.data.placeOrder.id)).size).toBe(1);
      expect(await ordersOf(c.customerKey)).toBe(before + 1);
    });

    it('rejects short keys', async () => {
      const res = await t.gql(PLACE, { input: orderInput(c, 'short') });
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  it('limits who may place orders and where', async () => {
    const c = await findCandidate(t, await immediate(), (d) => d.outcome !== 'BLOCK');
    const auditor = await t.gql(PLACE, { input: orderInput(c, key()) }, { as: { role: 'AUDITOR' } });
    expect(auditor.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const row = await customerRow(t, c.customerKey);
    const otherManager = await countRows(t, sql`select coalesce(min(id), 0) as n from managers where id <> ${row.managerId ?? 0}`);
    const rm = await t.gql(PLACE, { input: orderInput(c, key()) }, { as: { role: 'RELATIONSHIP_MANAGER', managerId: otherManager } });
    expect(rm.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it("records who sold it, for sales KPIs: the manager and their branch, a branch manager's branch, none for head office", async () => {
    const c = await findCandidate(t, await immediate(), (d) => d.outcome !== 'BLOCK');
    const row = await customerRow(t, c.customerKey);
    const sellerOf = async (id: string) => {
      const key = Number(Buffer.from(id, 'base64url').toString('utf8').split(':')[1]);
      const r = await t.host.runtime.database.db.execute(
        sql`select o.seller_manager_id, o.seller_branch_id, m.branch_id as manager_branch from orders o left join managers m on m.id = o.seller_manager_id where o.id = ${key}`,
      );
      const [x] = (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as Record<string, unknown>[];
      return [x.seller_manager_id, x.seller_branch_id, x.manager_branch].map((v) => (v == null ? null : Number(v)));
    };
    const byHead = await t.gql(PLACE, { input: orderInput(c, key()) });
    expect(await sellerOf(byHead.data.placeOrder.id)).toEqual([null, null, null]);
    const byManager = await t.gql(PLACE, { input: orderInput(c, key()) }, { as: { role: 'RELATIONSHIP_MANAGER', managerId: row.managerId! } });
    expect(byManager.errors).toBeUndefined();
    const [managerId, branchId, managerBranch] = await sellerOf(byManager.data.placeOrder.id);
    expect([managerId, branchId]).toEqual([row.managerId, managerBranch]);
    const byBranch = await t.gql(PLACE, { input: orderInput(c, key()) }, { as: { role: 'BRANCH_MANAGER', branchId: row.branchId } });
    expect(await sellerOf(byBranch.data.placeOrder.id)).toEqual([null, row.branchId, null]);
  });

  it('gives auditors the decision records and reason counts', async () => {
    const list = await t.gql(
      `{ suitabilityDecisions(first: 50, filter: { purpose: ORDER_REFUSED }) { totalCount edges { node { id purpose outcome line decision { reasons { code } } } } } }`,
      {},
      { as: { role: 'AUDITOR' } },
    );
    expect(list.errors).toBeUndefined();
    expect(list.data.suitabilityDecisions.totalCount).toBeGreaterThan(0);
    for (const e of list.data.suitabilityDecisions.edges) expect(e.node.purpose).toBe('ORDER_REFUSED');
    const blocked = await t.gql(
      `{ suitabilityDecisions(first: 5, filter: { outcome: BLOCK }) { edges { node { outcome } } } }`,
      {},
      { as: { role: 'AUDITOR' } },
    );
    for (const e of blocked.data.suitabilityDecisions.edges) expect(e.node.outcome).toBe('BLOCK');
    const counts = await t.gql(`{ suitabilityReasonCounts(filter: { purpose: ORDER_REFUSED }) { code count } }`, {}, { as: { role: 'AUDITOR' } });
    expect(counts.errors).toBeUndefined();
    const codes = list.data.suitabilityDecisions.edges.flatMap((e: { node: { decision: { reasons: { code: string }[] } } }) =>
      e.node.decision.reasons.map((r) => r.code),
    );
    for (const code of new Set(codes)) expect(counts.data.suitabilityReasonCounts.find((r: { code: string }) => r.code === code)?.count).toBeGreaterThan(0);
    const rm = await t.gql(`{ suitabilityReasonCounts { code count } }`, {}, { as: { role: 'RELATIONSHIP_MANAGER', managerId: 1 } });
    expect(rm.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
