import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../support/databases.js';
import { createTestHost, type TestHost } from '../support/test-host.js';
import { buildLeadBank, renderDistribution, runDistributionBench } from './leads/distribution-bench.js';

// The lead distribution bench (npm run bench -- --leads: 10,000 leads, 200 managers) on a small bank:
// what it reports must hold here too.
describe.each(testDrivers())('lead distribution bench (%s)', (driver) => {
  let t: TestHost;
  let ids: number[] = [];
  beforeAll(async () => {
    t = await createTestHost({ driver, customers: 0, plugins: [] });
    ids = await buildLeadBank(t.host, { branches: 4, managersPerBranch: 5, leads: 240 });
  }, 120_000);
  afterAll(() => t?.close());

  it('is set-based: 40 leads and 240 leads cost the same statements, for every strategy', async () => {
    const small = await runDistributionBench(t.host, ids.slice(0, 40), 1000);
    const large = await runDistributionBench(t.host, ids, 1000);
    expect(large.map((r) => r.statements)).toEqual(small.map((r) => r.statements));
    expect(large.every((r) => r.deterministic)).toBe(true);
  });

  it('with room to spare: NEAREST is as near as possible and COMBINED as near with every industry matched (each branch covers all ten)', async () => {
    const [nearest, industry, combined] = await runDistributionBench(t.host, ids, 1000);
    expect(nearest!.km.mean).toBeCloseTo(nearest!.nearestKm, 6);
    expect(industry!.industryMatch).toBe(1);
    expect(combined!.km.mean).toBeCloseTo(combined!.nearestKm, 6);
    expect(combined!.industryMatch).toBe(1);
    expect(renderDistribution({ branches: 4, managersPerBranch: 5, leads: 240 }, [nearest!])).toContain('| NEAREST (capacity 1000) |');
  });

  it("never puts a manager above the capacity; leads beyond every manager's room stay in the pool", async () => {
    // 20 managers × 10 = 200 places for 240 leads: NEAREST and COMBINED fill them all (they fall back to the next branch,
    // or to a manager not covering the industry); INDUSTRY only those whose industry a manager with room covers.
    const runs = await runDistributionBench(t.host, ids, 10);
    for (const r of runs) {
      expect(r.load.max).toBeLessThanOrEqual(10);
      expect(r.assigned + r.unassigned).toBe(240);
      if (r.strategy === 'INDUSTRY') expect(r.assigned).toBeLessThanOrEqual(200);
      else expect(r.assigned).toBe(200);
    }
  });
});
