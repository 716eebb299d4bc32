import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../src/db/schema/index.js';
import { testDrivers } from './support/databases.js';
import { createTestHost, type TestHost } from './support/test-host.js';

/**
 * Reading customers writes their CUSTOMER_360_READ entries in ONE insert per
 * request (counted in x-sql-statements): +1 statement, whatever the page size.
 */
const AUDIT_INSERT = 1;

const PAGE = `query Page($first: Int!) {
  customers(first: $first) {
    edges { node {
      id name tier totalAssets { amount }
      manager { name grade branch { name } }
      branch { name }
      holdings(first: 100) { edges { node { quantity marketValue { amount currency } product { code name line riskRating } } } }
    } }
  }
}`;

describe.each(testDrivers())('SQL statements per request are constant (%s)', (driver) => {
  let t: TestHost;
  beforeAll(async () => {
    t = await createTestHost({ driver, customers: 120 });
  });
  afterAll(() => t?.close());

  it('a page of 50 customers with manager, branch, holdings and products costs what a page of 1 does (the audit included)', async () => {
    const counts: Record<number, number> = {};
    for (const first of [1, 5, 10, 50, 100]) {
      const r = await t.gql(PAGE, { first });
      expect(r.errors).toBeUndefined();
      expect(r.data.customers.edges).toHaveLength(first);
      counts[first] = r.statements;
      // That one insert audited every customer of the page.
      const audited = await t.host.runtime.database.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.requestId, r.headers.get('x-request-id')!));
      expect(audited.filter((e) => e.action === 'CUSTOMER_360_READ')).toHaveLength(first);
    }
    const holdings = (await t.gql(PAGE, { first: 50 })).data.customers.edges.flatMap((e: any) => e.node.holdings.edges);
    expect(holdings.length).toBeGreaterThan(50);
    expect(new Set(Object.values(counts)).size, JSON.stringify(counts)).toBe(1);
    // The page with its managers, branches, holdings, products and rates is one statement (look-ahead).
    expect(counts[50]).toBe(1 + AUDIT_INSERT);
  });
});

describe('eligible products for a page of customers', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await createTestHost({ customers: 60 });
  });
  afterAll(() => t?.close());

  it('costs the same statements for 2 or 20 customers (catalog and facts batched)', async () => {
    const q = `query E($first: Int!) { customers(first: $first) { edges { node { eligibleProducts(first: 5) { totalCount edges { node { code } decision { outcome } } } } } } }`;
    const small = await t.gql(q, { first: 2 });
    const large = await t.gql(q, { first: 20 });
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(large.data.customers.edges.every((e: any) => e.node.eligibleProducts.totalCount > 0)).toBe(true);
    // Both include the one audit insert.
    expect(large.statements).toBe(small.statements);
  });
});

describe('nested lists of a page of customers', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await createTestHost({ customers: 80 });
  });
  afterAll(() => t?.close());

  const Q = `query N($first: Int!) { customers(first: $first) { edges { node { id
    contacts(first: 2) { totalCount edges { node { id occurredAt } } }
    complaints(first: 2) { totalCount edges { node { id status } } }
    orders(first: 2) { totalCount edges { node { id } } } } } } }`;

  it('contacts, complaints and orders cost the same for 3 or 30 customers, and match each customer alone', async () => {
    const small = await t.gql(Q, { first: 3 });
    const large = await t.gql(Q, { first: 30 });
    expect(large.errors).toBeUndefined();
    expect(large.statements).toBe(small.statements);
    const withContacts = large.data.customers.edges.filter((e: any) => e.node.contacts.totalCount > 2);
    expect(withContacts.length).toBeGreaterThan(0);
    for (const e of large.data.customers.edges.slice(0, 10)) {
      const alone = await t.gql(
        `query C($id: ID!) { customer(id: $id) { contacts(first: 2) { totalCount edges { node { id occurredAt } } } complaints(first: 2) { totalCount edges { node { id status } } } orders(first: 2) { totalCount edges { node { id } } } } }`,
        { id: e.node.id },
      );
      const { id: _id, ...nested } = e.node;
      expect(alone.data.customer).toEqual(nested);
    }
    // Newest contact first, and the second page continues where the first ended.
    const c = withContacts[0].node;
    const times = c.contacts.edges.map((x: any) => Date.parse(x.node.occurredAt));
    expect(times[0]).toBeGreaterThanOrEqual(times[1]);
  });
});
