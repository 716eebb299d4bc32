import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countStatements } from '../../src/db/statement-counter.js';
import { createRequestContext } from '../../src/http/context.js';
import { placeOrder } from '../../src/orders/place-order.js';
import { createTestHost, type TestHost } from '../support/test-host.js';
import { findCandidate, nonFxLines, orderInput, productsWhere } from './support.js';

// placeOrder reads the customer's row once: inside its transaction, locked and scoped (the facts reuse it).
describe('placeOrder reads the customer row once', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await createTestHost({ customers: 40, plugins: nonFxLines });
  }, 180_000);
  afterAll(() => t?.close());

  it('one select of the customers table, FOR UPDATE, before the order is booked', async () => {
    const c = await findCandidate(t, await productsWhere(t, (p) => p.coolingOffHours === 0 && p.unitPrice !== null), (d) => d.outcome !== 'BLOCK');
    const ctx = createRequestContext(t.host.runtime, { subject: 'ho', role: 'HEAD_OFFICE' }, 'en', `req-${randomUUID()}`);
    const { log } = await countStatements(() => placeOrder(ctx, orderInput(c, `once-${randomUUID()}`)));
    const upToBooking = log.statements.slice(
      0,
      log.statements.findIndex((q) => /^insert into "orders"/i.test(q)),
    );
    const customerReads = upToBooking.filter((q) => /^select\b[\s\S]*?\bfrom "customers"/i.test(q));
    expect(customerReads).toHaveLength(1);
    expect(customerReads[0]).toMatch(/for update$/i);
  });
});
