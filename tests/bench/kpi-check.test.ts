import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../support/databases.js';
import { createTestHost, type TestHost } from '../support/test-host.js';
import { describeKpiCheck, kpiCheck } from './kpi-check.js';
import type { Ask } from './work-queue-check.js';

// The bench's KPI check (tests/bench/run.ts, PostgreSQL section) on a test host: the seeded demo bank has closes.
describe.each(testDrivers())('bench KPI check (%s)', (driver) => {
  let t: TestHost;
  beforeAll(async () => {
    t = await createTestHost({ driver, customers: 120 });
  });
  afterAll(() => t?.close());

  it('one manager, 16 managers and every branch cost the same statements, this month and last', async () => {
    const ask: Ask = async (query, variables) => {
      const r = await t.gql(query, variables);
      expect(r.errors).toBeUndefined();
      return { data: r.data, statements: r.statements };
    };
    const check = await kpiCheck(ask);
    // The roster page (or the branches) and one KPI statement.
    expect(check.runs.map((r) => r.statements)).toEqual([2, 2, 2, 2, 2, 2]);
    expect(check.runs.map((r) => r.books)).toEqual([1, 16, 4, 1, 16, 4]);
    // Every seeded customer is in some branch's book, live and at last month's close (all opened ≥ 60 days ago).
    expect(check.runs[2]!.customers).toBe(120);
    expect(check.runs[5]!.customers).toBe(120);
    expect(check.ok).toBe(true);
    expect(describeKpiCheck(check)).toMatch(/^1 manager, this month \(live\): 2 statements \(1 books, \d+ customers, \d+ ms\); /);
  });
});

describe('bench KPI check verdict', () => {
  it('fails when 16 managers cost more statements than one', async () => {
    const check = await kpiCheck(async (query, v) => {
      const n = query.includes('branches') ? 4 : (v.managers as number);
      const kpis = { customersAtEnd: 1 };
      return {
        data: { managers: { edges: Array.from({ length: n }, () => ({ node: { kpis } })) }, branches: Array.from({ length: n }, () => ({ kpis })) },
        statements: n === 16 ? 17 : 2,
      };
    });
    expect(check.ok).toBe(false);
  });
});
