import { randomUUID } from 'node:crypto';
import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { products } from '../../src/db/schema/index.js';
import { toGlobalId } from '../../src/graphql/relay/global-id.js';
import { testDrivers } from '../support/databases.js';
import { createTestHost, type TestHost } from '../support/test-host.js';
import { countRows, type ProductRow } from './support.js';

const key = () => `k-${randomUUID()}`;
const keyOf = (globalId: string) => Number(Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1]);

const FIELDS = `id side status quantity amount { amount currency } coolingOffEndsAt settledAt holding { id status quantity cost { amount } }
  decision { outcome missingSteps }`;
const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { ... on Order { ${FIELDS} } } }`;
const HOLDINGS = `query($id: ID!) { customer(id: $id) { holdings(first: 100) { edges { node { id status quantity cost { amount } } } } } }`;

/** A customer's only position in a priced fund, ACTIVE, as the API shows it. */
interface Position {
  customerId: string;
  customerKey: number;
  holdingId: string;
  quantity: string;
  cost: string;
  product: ProductRow;
}

describe.each(testDrivers())('redemptions on %s', (driver) => {
  let t: TestHost;
  let positions: Position[];
  beforeAll(async () => {
    t = await createTestHost({ driver, customers: 80 });
    positions = await fundPositions(t);
  }, 180_000);
  afterAll(() => t?.close());

  const ordersOf = (customerKey: number) => countRows(t, sql`select count(*) as n from orders where customer_id = ${customerKey}`);
  const decisionsOf = (customerKey: number) =>
    countRows(t, sql`select count(*) as n from suitability_decisions where customer_id = ${customerKey} and purpose = 'ORDER'`);
  const proceeds = (p: Position, quantity: string) => new Decimal(quantity).mul(p.product.unitPrice!).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
  const sell = (p: Position, quantity: string | null, idempotencyKey: string, extra: Record<string, unknown> = {}) => ({
    customerId: p.customerId,
    productId: toGlobalId('Product', p.product.id),
    side: 'SELL',
    quantity,
    amount: quantity ? proceeds(p, quantity) : '100',
    channel: 'COUNTER',
    initiator: 'CUSTOMER',
    idempotencyKey,
    completedSteps: [],
    ...extra,
  });
  const holdingsOf = async (p: Position) => {
    const res = await t.gql(HOLDINGS, { id: p.customerId });
    expect(res.errors).toBeUndefined();
    return res.data.customer.holdings.edges.map((e: { node: { id: string; status: string; quantity: string; cost: { amount: string } } }) => e.node);
  };

  it('redeems in steps: half, then not more than is left, then exactly the rest', async () => {
    const p = positions[0];
    const half = new Decimal(p.quantity).div(2).toDecimalPlaces(6, Decimal.ROUND_DOWN).toFixed();
    const rest = new Decimal(p.quantity).sub(half).toFixed();
    const [orders0, decisions0] = [await ordersOf(p.customerKey), await decisionsOf(p.customerKey)];

    const input = sell(p, half, key());
    const res = await t.gql(PLACE, { input });
    expect(res.errors).toBeUndefined();
    const o = res.data.placeOrder;
    expect(o.side).toBe('SELL');
    expect(o.status).toBe('SETTLED');
    expect(o.coolingOffEndsAt).toBeNull();
    expect(o.settledAt).not.toBeNull();
    expect(new Decimal(o.quantity).eq(half)).toBe(true);
    expect(new Decimal(o.amount.amount).eq(proceeds(p, half))).toBe(true);
    expect(o.holding.id).toBe(p.holdingId);
    expect(new Decimal(o.holding.quantity).eq(rest)).toBe(true);
    expect(o.holding.status).toBe('ACTIVE');
    const expectedCost = new Decimal(p.cost).mul(rest).div(p.quantity);
    expect(new Decimal(o.holding.cost.amount).sub(expectedCost).abs().lte('0.0001')).toBe(true);
    expect(new Decimal(o.holding.cost.amount).sub(new Decimal(p.cost).div(2)).abs().lte('0.01')).toBe(true);
    expect(await ordersOf(p.customerKey)).toBe(orders0 + 1);
    expect(await decisionsOf(p.customerKey)).toBe(decisions0 + 1);
    const side = await countRows(
      t,
      sql`select count(*) as n from suitability_decisions where customer_id = ${p.customerKey} and purpose = 'ORDER' and facts->'sale'->>'side' = 'SELL'`,
    );
    expect(side).toBe(1);

    // The same key and input replay the first order.
    const again = await t.gql(PLACE, { input });
    expect(again.errors).toBeUndefined();
    expect(again.data.placeOrder.id).toBe(o.id);
    expect(await ordersOf(p.customerKey)).toBe(orders0 + 1);

    // More than is left: refused, naming what is available; nothing changes.
    const tooMuch = await t.gql(PLACE, { input: sell(p, new Decimal(rest).add('0.000001').toFixed(), key()) }, { lang: 'en' });
    expect(tooMuch.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(tooMuch.errors![0].extensions?.field).toBe('quantity');
    expect(tooMuch.errors![0].message).toContain(`only ${rest} is held`);
    const mid = (await holdingsOf(p)).find((h: { id: string }) => h.id === p.holdingId);
    expect(new Decimal(mid.quantity).eq(rest)).toBe(true);
    expect(mid.cost.amount).toBe(o.holding.cost.amount);
    expect(await ordersOf(p.customerKey)).toBe(orders0 + 1);
    expect(await decisionsOf(p.customerKey)).toBe(decisions0 + 1);

    // Exactly the rest: the position is closed and leaves the customer's holdings.
    const last = await t.gql(PLACE, { input: sell(p, rest, key()) });
    expect(last.errors).toBeUndefined();
    expect(last.data.placeOrder.holding.status).toBe('CLOSED');
    expect(new Decimal(last.data.placeOrder.holding.quantity).isZero()).toBe(true);
    expect(new Decimal(last.data.placeOrder.holding.cost.amount).isZero()).toBe(true);
    expect((await holdingsOf(p)).map((h: { id: string }) => h.id)).not.toContain(p.holdingId);

    // Redemptions have no cooling-off: they cannot be cancelled.
    const cancel = await t.gql(`mutation($id: ID!) { cancelOrder(orderId: $id, reason: "changed mind") { id } }`, { id: o.id });
    expect(cancel.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('rejects ambiguous or malformed redemptions without writing anything', async () => {
    const p = positions[1];
    const orders0 = await ordersOf(p.customerKey);
    const cases = [
      sell(p, null, key()),
      sell(p, '0', key()),
      sell(p, '-1', key()),
      sell(p, p.quantity, key(), { amount: new Decimal(proceeds(p, p.quantity)).add('0.02').toFixed(2) }),
      sell(p, p.quantity, key(), { side: 'HOLD' }),
      { ...sell(p, p.quantity, key()), side: 'BUY' },
    ];
    for (const input of cases) {
      const res = await t.gql(PLACE, { input });
      expect(res.errors?.[0].extensions?.code, JSON.stringify(input)).toBe('BAD_USER_INPUT');
    }
    expect(await ordersOf(p.customerKey)).toBe(orders0);
    const h = (await holdingsOf(p)).find((x: { id: string }) => x.id === p.holdingId);
    expect(new Decimal(h.quantity).eq(p.quantity)).toBe(true);
  });

  it('lets a customer whose risk assessment expired redeem', async () => {
    const p = positions[1];
    await t.host.runtime.database.db.execute(
      sql`update customers set risk_level = coalesce(risk_level, 'C3'), risk_assessed_at = now() - interval '5 years' where id = ${p.customerKey}`,
    );
    const productId = toGlobalId('Product', p.product.id);
    const buy = await t.gql(
      `query($c: ID!, $p: ID!) { customer(id: $c) { suitability(productId: $p, amount: "10000", channel: COUNTER, initiator: CUSTOMER) { missingSteps } } }`,
      {
        c: p.customerId,
        p: productId,
      },
    );
    expect(buy.errors).toBeUndefined();
    expect(buy.data.customer.suitability.missingSteps).toContain('REASSESSMENT');
    const res = await t.gql(PLACE, { input: sell(p, p.quantity, key()) });
    expect(res.errors).toBeUndefined();
    expect(res.data.placeOrder.decision.missingSteps).toEqual([]);
    expect(res.data.placeOrder.holding.status).toBe('CLOSED');
  });

  it('redeems a position once when two full redemptions race', async () => {
    const p = positions[2];
    const orders0 = await ordersOf(p.customerKey);
    const results = await Promise.all([t.gql(PLACE, { input: sell(p, p.quantity, key()) }), t.gql(PLACE, { input: sell(p, p.quantity, key()) })]);
    const ok = results.filter((r) => !r.errors);
    const refused = results.filter((r) => r.errors);
    expect(ok.length).toBe(1);
    expect(refused.length).toBe(1);
    expect(refused[0].errors![0].extensions?.code).toBe('BAD_USER_INPUT');
    // Refused for the quantity (nothing left to redeem), not for some other input.
    expect(refused[0].errors![0].extensions?.field).toBe('quantity');
    expect(ok[0].data.placeOrder.holding.status).toBe('CLOSED');
    expect(await ordersOf(p.customerKey)).toBe(orders0 + 1);
    expect((await holdingsOf(p)).map((h: { id: string }) => h.id)).not.toContain(p.holdingId);
  }, 60_000);
});

/**
 * Customers with exactly one position in a priced fund, ACTIVE, worth at
 * least 100 in the product currency (so half of it still has proceeds), found
 * through the API; one per customer.
 */
async function fundPositions(t: TestHost): Promise<Position[]> {
  const priced = new Map(
    (await t.host.runtime.database.db.select().from(products))
      .filter((p) => p.line === 'FUNDS' && p.unitPrice !== null && new Decimal(p.unitPrice).gt(0))
      .map((p) => [p.id, p]),
  );
  const page = await t.gql(`{ customers(first: 80) { edges { node { id } } } }`);
  expect(page.errors).toBeUndefined();
  const found: Position[] = [];
  for (const c of page.data.customers.edges) {
    if (found.length >= 3) break;
    const res = await t.gql(
      `query($id: ID!) { customer(id: $id) { holdings(first: 100, line: FUNDS) { edges { node { id status quantity cost { amount } product { id } } } } } }`,
      { id: c.node.id },
    );
    expect(res.errors).toBeUndefined();
    const hs = res.data.customer.holdings.edges.map(
      (e: { node: { id: string; status: string; quantity: string; cost: { amount: string }; product: { id: string } } }) => e.node,
    );
    for (const h of hs) {
      const product = priced.get(keyOf(h.product.id));
      if (!product || h.status !== 'ACTIVE') continue;
      if (hs.filter((x: { product: { id: string } }) => x.product.id === h.product.id).length !== 1) continue;
      if (new Decimal(h.quantity).mul(product.unitPrice!).lt(100)) continue;
      found.push({ customerId: c.node.id, customerKey: keyOf(c.node.id), holdingId: h.id, quantity: h.quantity, cost: h.cost.amount, product });
      break;
    }
  }
  expect(found.length).toBeGreaterThanOrEqual(3);
  return found;
}
