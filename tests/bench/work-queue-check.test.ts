import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../support/databases.js';
import { createTestHost, type TestHost } from '../support/test-host.js';
import { describeWorkQueueCheck, workQueueCheck, type Ask } from './work-queue-check.js';

// The bench's work-queue check (tests/bench/run.ts, PostgreSQL section): what it measures on the
// demo bank, here on a test host instead of the deployed server.
describe.each(testDrivers())('bench work-queue check (%s)', (driver) => {
  let t: TestHost;
  beforeAll(async () => {
    t = await createTestHost({ driver, customers: 120 });
  });
  afterAll(() => t?.close());

  it('one manager and a page of 16 with their queues cost the same statements', async () => {
    const ask: Ask = async (query, variables) => {
      const r = await t.gql(query, variables);
      expect(r.errors).toBeUndefined();
      return { data: r.data, statements: r.statements };
    };
    const check = await workQueueCheck(ask);
    expect(check.runs.map((r) => r.managers)).toEqual([1, 16]);
    // Roster, queue items, their customers, queue counts, the audit insert.
    expect(check.runs.map((r) => r.statements)).toEqual([5, 5]);
    expect(check.runs[1]!.items).toBeGreaterThan(check.runs[0]!.items);
    expect(check.ok).toBe(true);
    expect(describeWorkQueueCheck(check)).toMatch(/^1 manager: 5 statements \(\d+ items, \d+ ms\), 16 managers: 5 statements \(\d+ items, \d+ ms\)$/);
  });
});

describe('bench work-queue check verdict', () => {
  const page = (n: number) => ({ managers: { edges: Array.from({ length: n }, () => ({ node: { workQueue: { edges: [{}] } } })) } });

  it('fails when the roster page costs more statements than one manager', async () => {
    const check = await workQueueCheck(async (_q, v) => ({ data: page(v.managers as number), statements: v.managers === 1 ? 5 : 20 }));
    expect(check.ok).toBe(false);
    expect(check.runs).toMatchObject([
      { managers: 1, statements: 5, items: 1 },
      { managers: 16, statements: 20, items: 16 },
    ]);
  });

  it('a request that fails (the statement timeout) is a FAIL row naming the error, and the bench goes on', async () => {
    const check = await workQueueCheck(async (_q, v) => {
      if (v.managers === 16) throw new Error('finmart failed on queue:16: SERVICE_UNAVAILABLE');
      return { data: page(1), statements: 5 };
    });
    expect(check.ok).toBe(false);
    expect(check.runs[1]).toMatchObject({ managers: 16, items: 0, error: 'finmart failed on queue:16: SERVICE_UNAVAILABLE' });
    expect(describeWorkQueueCheck(check)).toContain('16 managers: failed after');
  });

  it('fails when the roster holds fewer managers than the page asks (nothing batched was measured)', async () => {
    const check = await workQueueCheck(async () => ({ data: page(1), statements: 5 }));
    expect(check.ok).toBe(false);
  });
});
