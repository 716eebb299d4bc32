import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHost, type TestHost } from '../support/test-host.js';
import { testDrivers } from '../support/databases.js';
import { customerCard, customerPage } from './queries.js';

// Issue 7: a page of customers with holdings costs the same statements whatever its size; issue 16: one.
// Issue 10: that count includes the one insert auditing every customer read (CUSTOMER_360_READ).
const AUDIT_INSERT = 1;
describe.each(testDrivers())('customer page statement count (%s)', (driver) => {
  let t: TestHost;
  beforeAll(async () => {
    t = await createTestHost({ driver, customers: 120 });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('is one statement for the page with its risk levels, holdings and products, plus the audit insert, for page sizes 1 to 100', async () => {
    const counts: number[] = [];
    for (const first of [1, 10, 50, 100]) {
      const res = await t.gql(customerPage, { first });
      expect(res.errors).toBeUndefined();
      expect(res.data.customers.edges).toHaveLength(Math.min(first, 120));
      counts.push(res.statements);
      if (first === 100) {
        const held = res.data.customers.edges.reduce((n: number, e: { node: { holdings: { edges: unknown[] } } }) => n + e.node.holdings.edges.length, 0);
        expect(held).toBeGreaterThan(0);
      }
    }
    expect(counts).toEqual(counts.map(() => 1 + AUDIT_INSERT));
  });

  it('is one statement for one customer with the same selection, plus the audit insert', async () => {
    const page = await t.gql(customerPage, { first: 3 });
    for (const e of page.data.customers.edges) {
      const res = await t.gql(customerCard, { id: e.node.id });
      expect(res.errors).toBeUndefined();
      expect(res.data.customer).toEqual(e.node);
      expect(res.statements).toBe(1 + AUDIT_INSERT);
    }
  });
});
