import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertIndependentDecision, recordParticipation } from '../../src/controls/four-eyes.js';
import { caseParticipants } from '../../src/db/schema/index.js';
import type { Principal } from '../../src/auth/principal.js';
import { testDrivers } from '../support/databases.js';
import { createTestHost, type TestHost } from '../support/test-host.js';

// The host's separation of duties (审贷分离), independent of any plugin: whoever marketed or investigated a
// case never decides it, and the amount decides who may (core.approvalAuthority).
describe.each(testDrivers())('four eyes in the host (%s)', (driver) => {
  let t: TestHost;
  beforeAll(async () => {
    t = await createTestHost({ driver, customers: 0, plugins: [] });
  });
  afterAll(() => t?.close());

  const p = (subject: string, role: Principal['role']): Principal => ({ subject, role });
  const attempt = async (who: Principal, ref: { type: string; id: string }, amount: string) => {
    const db = t.host.runtime.database.db;
    try {
      await db.transaction((tx) => assertIndependentDecision(tx, who, ref, amount, t.host.runtime.settings, new Date()));
      return 'ok';
    } catch (e) {
      return (e as { extensions?: { reason?: string } }).extensions?.reason ?? String(e);
    }
  };

  it("refuses the marketer and the investigator, any plugin's case alike, and records the decider", async () => {
    const db = t.host.runtime.database.db;
    const ref = { type: 'partner.case', id: '42' };
    await db.transaction(async (tx) => {
      await recordParticipation(tx, p('maker', 'BRANCH_MANAGER'), ref, 'MARKETED', new Date());
      await recordParticipation(tx, p('checker-1', 'BRANCH_MANAGER'), ref, 'INVESTIGATED', new Date());
    });
    expect(await attempt(p('maker', 'BRANCH_MANAGER'), ref, '1000')).toBe('SELF_APPROVAL');
    expect(await attempt(p('checker-1', 'HEAD_OFFICE'), ref, '1000')).toBe('SELF_APPROVAL');
    // Another case is not this one.
    expect(await attempt(p('maker', 'BRANCH_MANAGER'), { type: 'partner.case', id: '43' }, '1000')).toBe('ok');
    expect(await attempt(p('someone-else', 'BRANCH_MANAGER'), ref, '1000')).toBe('ok');
    const rows = await db.select().from(caseParticipants);
    expect(rows.filter((r) => r.caseId === '42').map((r) => [r.subject, r.role])).toEqual([
      ['maker', 'MARKETED'],
      ['checker-1', 'INVESTIGATED'],
      ['someone-else', 'DECIDED'],
    ]);
  });

  it('lets a branch manager decide up to the authority and head office above; nobody else', async () => {
    const ref = { type: 'partner.case', id: '44' };
    expect(await attempt(p('bm', 'BRANCH_MANAGER'), ref, '3000000')).toBe('ok');
    expect(await attempt(p('bm', 'BRANCH_MANAGER'), ref, '3000000.01')).toBe('APPROVAL_AUTHORITY');
    expect(await attempt(p('ho', 'HEAD_OFFICE'), ref, '99000000')).toBe('ok');
    expect(await attempt(p('rm', 'RELATIONSHIP_MANAGER'), ref, '1')).toBe('APPROVAL_AUTHORITY');
    expect(await attempt(p('auditor', 'AUDITOR'), ref, '1')).toBe('APPROVAL_AUTHORITY');
  });
});
