import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import funds from '../plugins/funds/index.js';
import { brokenPlugin } from './fixtures/broken-plugin.js';
import { createTestHost, type TestHost } from './support/test-host.js';

const CHECK = `query C($c: ID!, $p: ID!) { checkSuitability(input: { customerId: $c, productId: $p, channel: ONLINE, initiator: CUSTOMER }) { outcome reasons { code ruleId source outcome message } } }`;

describe('a broken rule fails closed for its own products only', () => {
  let t: TestHost;
  let customerId: string;
  const products: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestHost({ plugins: [funds, brokenPlugin], customers: 40 });
    const r = await t.gql(
      `{ customers(first: 1, filter: { riskLevel: C3 }) { edges { node { id } } } products(first: 100) { edges { node { id code line } } } }`,
    );
    customerId = r.data.customers.edges[0].node.id;
    for (const e of r.data.products.edges) products[e.node.code] = e.node.id;
  });
  afterAll(() => t?.close());

  it('BLOCKs a product of the broken line with RULE_ERROR naming the rule', async () => {
    const r = await t.gql(CHECK, { c: customerId, p: products['BROKEN-1'] }, { lang: 'en' });
    expect(r.errors).toBeUndefined();
    expect(r.data.checkSuitability.outcome).toBe('BLOCK');
    const err = r.data.checkSuitability.reasons.find((x: any) => x.code === 'RULE_ERROR');
    expect(err).toMatchObject({ ruleId: 'broken.always-throws', source: 'broken', outcome: 'BLOCK' });
    expect(err.message).toContain('broken.always-throws');
  });

  it('leaves other lines untouched', async () => {
    const fundId = Object.entries(products).find(([code]) => code.startsWith('FUND-'))![1];
    const r = await t.gql(CHECK, { c: customerId, p: fundId });
    expect(r.data.checkSuitability.reasons.map((x: any) => x.code)).not.toContain('RULE_ERROR');
    const eligible = await t.gql(
      `query E($c: ID!) { customer(id: $c) { eligibleProducts(first: 100, initiator: CUSTOMER, channel: ONLINE) { edges { node { code line } } } } }`,
      { c: customerId },
    );
    const lines = new Set(eligible.data.customer.eligibleProducts.edges.map((e: any) => e.node.line));
    expect(lines.has('FUNDS')).toBe(true);
    expect(lines.has('BROKEN')).toBe(false);
  });
});

describe('PLUGINS selects the lines a server carries', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await createTestHost({ plugins: [funds, brokenPlugin], env: { PLUGINS: 'funds' }, customers: 30 });
  });
  afterAll(() => t?.close());

  it('serves a schema without the unloaded line, and the rest still works', async () => {
    const types = await t.gql(`{ __schema { types { name } } __type(name: "ProductLine") { enumValues { name } } }`);
    const names = types.data.__schema.types.map((x: any) => x.name);
    expect(names).toContain('FundProduct');
    expect(names).not.toContain('BrokenProduct');
    expect(types.data.__type.enumValues.map((v: any) => v.name)).toEqual(['FUNDS']);
    const r = await t.gql(`{ productLines { code } products(first: 5) { edges { node { code ... on FundProduct { fundType } } } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.productLines).toEqual([{ code: 'FUNDS' }]);
    expect(r.data.products.edges.length).toBe(5);
  });
});
