import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCandidate, orderInput, productsWhere } from '../orders/support.js';
import { testDrivers } from '../support/databases.js';
import { createTestHost, type TestHost } from '../support/test-host.js';

// Issue 10 §4: every customer-360 read is audited, lists and nested paths included,
// in one insert per request.

type Event = { targetType: string; targetId: string; requestId: string; details: { fields?: string[]; via?: string[] } };

describe.each(testDrivers())('customer-360 reads are audited on every path (%s)', (driver) => {
  let t: TestHost;
  let orderId: string;
  let orderCustomer: string;
  let holdingId: string;
  let holdingCustomer: string;
  let productId: string;
  let n = 0;

  beforeAll(async () => {
    t = await createTestHost({ driver, customers: 80 });
    const c = await findCandidate(
      t,
      await productsWhere(t, (p) => p.coolingOffHours === 0 && p.unitPrice !== null && p.line !== 'FOREX'),
      (d) => d.outcome !== 'BLOCK',
    );
    const placed = await t.gql(`mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { ... on Order { id holding { id } } } }`, {
      input: orderInput(c, `k-${randomUUID()}`),
    });
    expect(placed.errors).toBeUndefined();
    orderId = placed.data.placeOrder.id;
    orderCustomer = c.customerId;
    holdingId = placed.data.placeOrder.holding.id;
    holdingCustomer = c.customerId;
    productId = c.productId;
    await t.gql(`mutation($id: ID!) { logContact(input: { customerId: $id, channel: PHONE, summary: "回访", outcome: REACHED }) { id } }`, {
      id: c.customerId,
    });
  }, 180_000);
  afterAll(() => t?.close());

  /** Runs `query` as a fresh subject; returns the response and the CUSTOMER_360_READ entries it wrote. */
  async function read(query: string, variables: Record<string, unknown> = {}, role: 'HEAD_OFFICE' | 'AUDITOR' = 'HEAD_OFFICE') {
    const subject = `reader-${driver}-${++n}`;
    const res = await t.gql(query, variables, { as: `Bearer ${await t.token({ role, subject })}` });
    expect(res.errors).toBeUndefined();
    const events: Event[] = [];
    let after: string | null = null;
    do {
      const r: any = await t.gql(
        `query($a: String, $after: String) { auditEvents(first: 100, after: $after, filter: { actor: $a, action: "CUSTOMER_360_READ" }) { pageInfo { hasNextPage endCursor } edges { node { targetType targetId requestId details } } } }`,
        { a: subject, after },
        { as: { role: 'AUDITOR' } },
      );
      events.push(...r.data.auditEvents.edges.map((e: any) => e.node));
      after = r.data.auditEvents.pageInfo.hasNextPage ? r.data.auditEvents.pageInfo.endCursor : null;
    } while (after);
    return { res, events, byCustomer: new Map(events.map((e) => [e.targetId, e])) };
  }

  it('a page of customers with holdings: one entry per customer, written by one statement', async () => {
    const q = `query($f: Int!) { customers(first: $f) { edges { node { id name holdings(first: 5) { totalCount edges { node { quantity } } } } } } }`;
    const small = await read(q, { f: 5 });
    const large = await read(q, { f: 50 });
    expect(small.events).toHaveLength(5);
    expect(large.events).toHaveLength(50);
    // The audit insert is one statement per request whatever the page size.
    expect(large.res.statements).toBe(small.res.statements);
    const ids = large.res.data.customers.edges.map((e: any) => e.node.id);
    expect([...large.byCustomer.keys()].sort()).toEqual([...ids].sort());
    for (const e of large.events) {
      expect(e.requestId).toBe(large.res.headers.get('x-request-id'));
      expect(e.details.fields).toEqual(['holdings', 'id', 'name']);
    }
    // Field names only: never a value.
    const names: string[] = large.res.data.customers.edges.map((e: any) => e.node.name);
    const json = JSON.stringify(large.events);
    for (const name of names) expect(json).not.toContain(name);
  });

  it('contacts, complaints, orders and a plugin’s field on Customer are audited too', async () => {
    const r = await read(
      `query($id: ID!) { customer(id: $id) { contacts(first: 2) { totalCount } complaints(first: 2) { totalCount } orders(first: 2) { edges { node { id } } } fxAnnualQuota { remaining { amount } } } }`,
      { id: orderCustomer },
    );
    expect(r.events).toHaveLength(1);
    expect(r.byCustomer.get(orderCustomer)?.details).toEqual({ fields: ['complaints', 'contacts', 'fxAnnualQuota', 'orders'], via: ['Order'] });
  });

  it('nested paths: order.customer.holdings, a holding or an order by node(id), decision records', async () => {
    const viaOrder = await read(`query($id: ID!) { node(id: $id) { ... on Order { status customer { holdings(first: 3) { totalCount } } } } }`, {
      id: orderId,
    });
    expect(viaOrder.byCustomer.get(orderCustomer)?.details).toEqual({ fields: ['holdings'], via: ['Order'] });

    const holdingAlone = await read(`query($id: ID!) { node(id: $id) { ... on Holding { quantity } } }`, { id: holdingId });
    expect(holdingAlone.events).toHaveLength(1);
    expect(holdingAlone.byCustomer.get(holdingCustomer)?.details).toEqual({ fields: [], via: ['Holding'] });

    const decisions = await read(`{ suitabilityDecisions(first: 20) { edges { node { outcome facts } } } }`, {}, 'AUDITOR');
    const records = decisions.res.data.suitabilityDecisions.edges.length;
    expect(records).toBeGreaterThan(0);
    expect(decisions.byCustomer.get(orderCustomer)?.details).toEqual({ fields: [], via: ['SuitabilityDecisionRecord'] });

    // checkSuitability answers about a customer without a Customer object: its decision is keyed by the customer.
    const check = await read(
      `query($c: ID!, $p: ID!) { checkSuitability(input: { customerId: $c, productId: $p, channel: COUNTER, initiator: CUSTOMER }) { outcome reasons { code } } }`,
      {
        c: holdingCustomer,
        p: productId,
      },
    );
    expect(check.events).toHaveLength(1);
    expect(check.byCustomer.get(holdingCustomer)?.details).toEqual({ fields: [], via: ['SuitabilityDecision'] });
  });

  it('what nobody saw is not audited: an out-of-scope or missing customer, a product page', async () => {
    const rm = { role: 'RELATIONSHIP_MANAGER' as const, managerId: 1, subject: `rm-${driver}` };
    const book = (
      await t.gql(`{ customers(first: 100) { edges { node { id } } } }`, {}, { as: { role: 'RELATIONSHIP_MANAGER', managerId: 1 } })
    ).data.customers.edges.map((e: any) => e.node.id);
    const all = (await t.gql(`{ customers(first: 100) { edges { node { id } } } }`)).data.customers.edges.map((e: any) => e.node.id);
    const outside = all.find((id: string) => !book.includes(id));
    const bearer = `Bearer ${await t.token(rm)}`;
    const r = await t.gql(
      `query($id: ID!) { customer(id: $id) { id holdings { totalCount } } products(first: 5) { edges { node { id } } } }`,
      { id: outside },
      { as: bearer },
    );
    expect(r.data.customer).toBeNull();
    const trail = await t.gql(
      `query($a: String) { auditEvents(first: 5, filter: { actor: $a }) { totalCount } }`,
      { a: rm.subject },
      { as: { role: 'AUDITOR' } },
    );
    expect(trail.data.auditEvents.totalCount).toBe(0);
  });

  it('if the audit cannot be written, the data is withheld', async () => {
    const exec = (q: string) => t.host.runtime.database.db.execute(sql.raw(q));
    await exec('alter table audit_events rename to audit_events_away');
    try {
      const r = await t.gql(`{ customers(first: 3) { edges { node { name holdings { totalCount } } } } }`, {}, { lang: 'en' });
      expect(r.status).toBe(500);
      expect(r.data).toBeUndefined();
      expect(r.errors?.map((e) => e.extensions?.code)).toEqual(['INTERNAL_SERVER_ERROR']);
    } finally {
      await exec('alter table audit_events_away rename to audit_events');
    }
  });
});
