import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { customers, managers } from '../../src/db/schema/index.js';
import { fromGlobalId, toGlobalId } from '../../src/graphql/relay/global-id.js';
import { amountFor, productsWhere } from '../orders/support.js';
import type { TestHost } from '../support/test-host.js';

export const keyOf = (id: string): number => Number(fromGlobalId(id)!.key);

/** A Beijing wall-clock time as an instant (UTC+8, no DST). */
export const beijing = (isoLocal: string): Date => new Date(`${isoLocal}+08:00`);

export type CustomerRow = typeof customers.$inferSelect;

/**
 * Three customers for a fixture: two in one branch with different managers,
 * one in another branch, each with a manager.
 */
export async function threeCustomers(t: TestHost): Promise<{ a: CustomerRow; b: CustomerRow; c: CustomerRow }> {
  const db = t.host.runtime.database.db;
  const all = (await db.select().from(customers).orderBy(customers.id)).filter((c) => c.managerId !== null && c.legalCapacity === 'FULL');
  const mgrs = new Map((await db.select().from(managers)).map((m) => [m.id, m]));
  const a = all[0]!;
  const b = all.find((x) => x.branchId === a.branchId && x.managerId !== a.managerId)!;
  const c = all.find((x) => x.branchId !== a.branchId)!;
  expect(b && c).toBeTruthy();
  for (const x of [a, b, c]) expect(mgrs.get(x.managerId!)!.branchId).toBe(x.branchId);
  return { a, b, c };
}

/**
 * Places an accepted order for `customer` (the first product the rules do not
 * block, with the steps they require), as head office. Returns the order.
 */
export async function placeAcceptedOrder(t: TestHost, customer: CustomerRow, initiator: 'STAFF' | 'CUSTOMER') {
  const customerId = toGlobalId('Customer', customer.id);
  // Funds first: their sales need no line details, so an order the check accepts is booked as checked.
  const all = await productsWhere(t, (p) => p.line !== 'FOREX' && p.line !== 'CARDS');
  const candidates = [...all.filter((p) => p.line === 'FUNDS'), ...all.filter((p) => p.line !== 'FUNDS')];
  for (const p of candidates) {
    const productId = toGlobalId('Product', p.id);
    const check = await t.gql(
      `query($c: ID!, $p: ID!, $a: Decimal, $i: Initiator!) { checkSuitability(input: { customerId: $c, productId: $p, amount: $a, channel: COUNTER, initiator: $i }) { outcome requiredSteps } }`,
      { c: customerId, p: productId, a: amountFor(p), i: initiator },
    );
    if (check.errors || check.data.checkSuitability.outcome === 'BLOCK') continue;
    const placed = await t.gql(
      `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { ... on Order { id line decision { outcome reasons { code } } } } }`,
      {
        input: {
          customerId,
          productId,
          amount: amountFor(p),
          channel: 'COUNTER',
          initiator,
          idempotencyKey: `k-${randomUUID()}`,
          completedSteps: check.data.checkSuitability.requiredSteps,
        },
      },
    );
    // A refusal would leave an ORDER_REFUSED record the compliance tests do not count on.
    if (placed.errors) throw new Error(`order refused after an accepting check: ${JSON.stringify(placed.errors)}`);
    return placed.data.placeOrder as { id: string; line: string; decision: { outcome: string; reasons: { code: string }[] } };
  }
  throw new Error(`no product the rules accept for customer ${customer.id}`);
}
