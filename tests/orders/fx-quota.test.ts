import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../support/databases.js';
import { createTestHost, type TestHost } from '../support/test-host.js';
import { allLines, PLACE, productsWhere } from './support.js';

const key = () => `k-${randomUUID()}`;

/** Cumulative limits under concurrency: the customer row lock makes every order see the ones committed before it. */
describe.each(testDrivers())('FX quota under concurrency on %s', (driver) => {
  let t: TestHost;
  beforeAll(async () => {
    t = await createTestHost({ driver, customers: 80, plugins: allLines });
  }, 180_000);
  afterAll(() => t?.close());

  it('keeps the FX annual quota exact under parallel orders', async () => {
    const [usd] = await productsWhere(t, (p) => p.code === 'FX-SPOT-USD');
    expect(usd).toBeDefined();
    const productId = Buffer.from(`Product:${usd.id}`).toString('base64url');
    const details = { purpose: 'TRAVEL' };
    const page = await t.gql(`{ customers(first: 80) { edges { node { id residency fxAnnualQuota { purchased { amount } } } } } }`);
    expect(page.errors).toBeUndefined();
    let chosen: { id: string; purchased: number } | null = null;
    for (const e of page.data.customers.edges) {
      if (e.node.residency !== 'ONSHORE') continue;
      const d = await t.gql(`query($i: SuitabilityInput!) { checkSuitability(input: $i) { outcome missingSteps } }`, {
        i: { customerId: e.node.id, productId, amount: '8000', channel: 'COUNTER', initiator: 'CUSTOMER', details },
      });
      const purchased = Number(e.node.fxAnnualQuota.purchased.amount);
      if (d.data?.checkSuitability.outcome === 'ALLOW' && purchased < 20_000) {
        chosen = { id: e.node.id, purchased };
        break;
      }
    }
    expect(chosen).not.toBeNull();
    const room = 50_000 - chosen!.purchased;
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        t.gql(PLACE, {
          input: {
            customerId: chosen!.id,
            productId,
            amount: '8000',
            channel: 'COUNTER',
            initiator: 'CUSTOMER',
            idempotencyKey: key(),
            completedSteps: [],
            details,
          },
        }),
      ),
    );
    const accepted = results.filter((r) => !r.errors);
    const refused = results.filter((r) => r.errors);
    for (const r of refused) expect(r.errors![0].extensions?.code).toBe('SUITABILITY_STEPS_REQUIRED');
    expect(accepted.length).toBe(Math.floor(room / 8000));
    const after = await t.gql(`query($id: ID!) { customer(id: $id) { fxAnnualQuota { purchased { amount } } } }`, { id: chosen!.id });
    const purchasedAfter = Number(after.data.customer.fxAnnualQuota.purchased.amount);
    expect(purchasedAfter).toBeLessThanOrEqual(50_000);
    expect(purchasedAfter).toBeCloseTo(chosen!.purchased + accepted.length * 8000, 2);
  }, 60_000);
});
