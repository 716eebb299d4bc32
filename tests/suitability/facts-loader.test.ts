import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequestContext } from '../../src/http/context.js';
import { loadCustomerFacts } from '../../src/suitability/facts-loader.js';
import { createTestHost, type TestHost } from '../support/test-host.js';

describe('customer facts within one request', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await createTestHost({ customers: 120 });
  });
  afterAll(() => t?.close());

  it('gives each customer its own line facts, even when loaded in separate batches', async () => {
    const ctx = createRequestContext(t.host.runtime, { subject: 'test', role: 'HEAD_OFFICE' }, 'en', randomUUID());
    const fresh = () => createRequestContext(t.host.runtime, { subject: 'test', role: 'HEAD_OFFICE' }, 'en', randomUUID());
    // Customers with FX usage on file differ from each other; compare each with a request of its own.
    const ids = Array.from({ length: 120 }, (_, i) => i + 1);
    const alone = await Promise.all(ids.map(async (id) => (await loadCustomerFacts(fresh(), id))!.lines.forex));
    const withUsage = ids.filter((_, i) => Number(alone[i]?.purchasedUsd ?? 0) > 0);
    expect(withUsage.length).toBeGreaterThan(1);
    for (const id of ids.slice(0, 40)) {
      // One at a time: every call is its own batch in the same request.
      const facts = await loadCustomerFacts(ctx, id);
      expect(facts!.lines.forex).toEqual(alone[id - 1]);
    }
  });
});
