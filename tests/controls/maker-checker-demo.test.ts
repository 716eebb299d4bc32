import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoBank } from '../../src/seed/demo-bank.js';
import { nonFxLines } from '../orders/support.js';
import { createTestHost, type TestHost } from '../support/test-host.js';

// The demo server's bank (seeded with makerChecker: true) shows maker-checker on and an approval in each state.
describe('maker-checker in the demo bank', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await createTestHost({ customers: 0, plugins: nonFxLines });
    await seedDemoBank(t.host, { customers: 40, makerChecker: true });
  }, 180_000);
  afterAll(() => t?.close());

  it('holds every listed action and shows approvals awaiting, approved and rejected', async () => {
    expect(t.host.runtime.settings.get<{ actions: string[] }>('core.makerChecker').actions).toContain('PLACE_ORDER');
    const r = await t.gql(`{ approvals(first: 10) { edges { node { status action resultType reason checker { role } } } } }`, {}, { as: { role: 'CHECKER' } });
    expect(r.errors).toBeUndefined();
    const byStatus = Object.fromEntries(r.data.approvals.edges.map((e: any) => [e.node.status, e.node]));
    expect(byStatus.AWAITING_APPROVAL).toMatchObject({ action: 'ADJUST_POINTS', checker: null });
    expect(byStatus.APPROVED).toMatchObject({ action: 'ADJUST_POINTS', resultType: 'PointsEntry', checker: { role: 'CHECKER' } });
    expect(byStatus.REJECTED).toMatchObject({ action: 'CHANGE_MANAGER_GRADE', reason: expect.stringContaining('考核材料不全') });
  });
});
